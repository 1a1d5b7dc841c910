"""Transliteration-aware distance between two romanized names.

A weighted edit distance over ``normalize.phonemes`` symbols, with two kinds of edits:

* spelling edits that romanization conventions produce (vowels, q/k, kh/h, dh/z, th/t,
  j/g, w/v, a dropped h or ʿayn): "Deir ez-Zor" and "Deir al-Zour" differ only by these;
* error edits that MT and misread Arabic script produce: letters that share a base shape
  and differ by dots (ب ت ث ن ي; ج ح خ; ر ز; س ش; ص ض; ط ظ; ع غ; ف ق), dialect sounds
  (Iraqi and Gulf ج as y, ق as g), liquids (r/l) and kh/q; any other change costs most.

The costs follow these classes, calibrated on the train split of google/transliteration's
Arabic/English pairs: the consonant substitutions that letter-by-letter romanization most
often needs there (gh/g, f/v, b/p, g/j, s/z, sh/ch, q/k) are priced as spelling edits
(benchmarks/bench_names.py, set F, lists them with their counts).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass

from toolkit.names.normalize import VOWELS, phonemes

SPELLING = 0.12  # a convention change, not an error
_VOWEL_INDEL = 0.12
_CONSONANT_INDEL = 0.85
_OTHER = 1.0
SPELLING_VARIANT = 0.88  # the least similarity of two spellings of one name
DISTANCE_CACHE = 32_768  # name pairs kept per cache (about 15 MB): bounded on endless feeds

# (a, b, cost, is_error). Symmetric. Upper-case symbols are digraphs (see normalize).
_PAIRS = [
    ("q", "k", SPELLING, False), ("k", "c", SPELLING, False), ("x", "h", SPELLING, False),
    ("D", "z", SPELLING, False), ("D", "d", SPELLING, False), ("T", "t", SPELLING, False),
    ("T", "s", SPELLING, False), ("S", "C", SPELLING, False), ("j", "g", SPELLING, False),
    ("w", "v", SPELLING, False), ("G", "g", SPELLING, False), ("j", "Z", SPELLING, False),
    ("z", "s", 0.2, False), ("d", "t", 0.4, True), ("j", "y", 0.4, True),
    ("q", "g", 0.3, False), ("x", "q", 0.4, True), ("x", "k", 0.3, True),
    ("j", "x", 0.45, True), ("j", "h", 0.45, True), ("G", "q", 0.45, True),
    ("r", "l", 0.55, True), ("r", "z", 0.5, True), ("s", "S", 0.3, True),
    ("f", "q", 0.5, True), ("b", "t", 0.5, True), ("b", "n", 0.5, True),
    ("t", "n", 0.5, True), ("n", "y", 0.5, True), ("b", "y", 0.5, True),
    ("t", "T", 0.3, True), ("n", "m", 0.55, True), ("b", "p", 0.2, False),
    ("f", "v", 0.25, False), ("f", "p", 0.35, True), ("s", "c", 0.2, False),
    ("k", "g", 0.35, True), ("G", "x", 0.4, True), ("d", "D", 0.2, False),
    ("t", "d", 0.4, True), ("s", "D", 0.5, True), ("w", "u", SPELLING, False),
    ("y", "i", SPELLING, False), ("h", "x", SPELLING, False),
]  # fmt: skip
_SUB: dict[tuple[str, str], tuple[float, bool]] = {}
for _a, _b, _cost, _error in _PAIRS:
    _SUB[_a, _b] = _SUB[_b, _a] = (_cost, _error)
# Sounds a romanizer may drop or add: h, ʿayn glides, w/y glides, final plural s.
_INDEL = {"h": (0.3, False), "y": (0.3, True), "w": (0.3, True), "G": (0.5, True)}


def _sub(a: str, b: str) -> tuple[float, bool]:
    if a == b:
        return 0.0, False
    if a in VOWELS and b in VOWELS:
        return SPELLING, False
    return _SUB.get((a, b), (_OTHER, True))


def _indel(a: str) -> tuple[float, bool]:
    if a in VOWELS:
        return _VOWEL_INDEL, False
    return _INDEL.get(a, (_CONSONANT_INDEL, True))


def _weight(symbols: str) -> float:
    return sum(0.3 if s in VOWELS else 1.0 for s in symbols)


@dataclass(frozen=True, slots=True)
class Distance:
    """How far two names are: total cost, the part due to error edits, and a 0..1 score."""

    cost: float
    error: float
    similarity: float

    @property
    def is_spelling_variant(self) -> bool:
        """Only convention edits (plus at most one cheap slip) separate the two names."""
        return self.error <= 0.3 and self.similarity >= SPELLING_VARIANT


@functools.lru_cache(maxsize=DISTANCE_CACHE)
def distance(a: str, b: str) -> Distance:
    """Weighted edit distance between two names (given as written, not as symbols)."""
    return symbol_distance(phonemes(a), phonemes(b))


class _Costs(dict):
    """Symbol -> (cost, error cost) of an edit, filled on first use: ``_sub`` against one
    symbol (``_Costs(a)``), or ``_indel`` (``_Costs()``)."""

    def __init__(self, a: str | None = None) -> None:
        super().__init__()
        self.a = a

    def __missing__(self, b: str) -> tuple[float, float]:
        cost, error = _indel(b) if self.a is None else _sub(self.a, b)
        self[b] = found = (cost, cost if error else 0.0)
        return found


_INDELS = _Costs()
_SUBS: dict[str, _Costs] = {}


@functools.lru_cache(maxsize=4096)
def _costs(a: str, y: str) -> tuple[tuple[float, float], ...]:
    """Substitution (cost, error cost) of symbol ``a`` against each symbol of ``y``."""
    row = _SUBS.get(a)
    if row is None:
        row = _SUBS[a] = _Costs(a)
    return tuple(map(row.__getitem__, y))


@functools.lru_cache(maxsize=DISTANCE_CACHE)
def symbol_distance(x: str, y: str) -> Distance:
    """Weighted edit distance between two phoneme strings, tracking the error part.

    Of equally cheap alignments the one with fewer error edits wins.
    """
    found = _aligned(x, y, math.inf)
    assert found is not None  # no ceiling: always aligned
    return found


@functools.lru_cache(maxsize=DISTANCE_CACHE)
def distance_at_least(a: str, b: str, similarity: float) -> Distance | None:
    """``distance(a, b)``, or None when its similarity is surely below ``similarity``."""
    return symbols_at_least(phonemes(a), phonemes(b), similarity)


def symbols_at_least(x: str, y: str, similarity: float) -> Distance | None:
    """``symbol_distance(x, y)``, or None when its similarity is surely below ``similarity``:
    the alignment stops once every partial alignment costs more than that similarity allows
    (a name compared with a listed one it does not resemble)."""
    # similarity = round(1 - cost / norm, 3): a cost above this ceiling cannot reach it.
    ceiling = (1.0 - similarity + 0.001) * max(_weight(x), _weight(y), 1.0)
    if _least_cost(x, y) > ceiling + 1e-9:
        return None  # surely far apart, told without aligning (most names compared)
    return _aligned(x, y, ceiling)


def _least_cost(x: str, y: str) -> float:
    """A lower bound of ``symbol_distance(x, y).cost``: a symbol one string holds more often
    than the other takes part in an edit, which costs at least that symbol's cheapest edit;
    an edit involves at most one symbol of each string."""
    cx, cy = _counts(x), _counts(y)
    return max(_excess(cx, cy), _excess(cy, cx))


def _excess(a: dict[str, int], b: dict[str, int]) -> float:
    return sum(_CHEAPEST[s] * (n - b.get(s, 0)) for s, n in a.items() if n > b.get(s, 0))


@functools.lru_cache(maxsize=DISTANCE_CACHE)
def _counts(symbols: str) -> dict[str, int]:
    return dict(Counter(symbols))


class _Cheapest(dict):
    """Symbol -> the cost of its cheapest edit (an insertion or deletion, or a substitution
    by any other symbol), filled on first use."""

    def __missing__(self, a: str) -> float:
        subs = [cost for (first, _), (cost, _) in _SUB.items() if first == a]
        vowel = [SPELLING] if a in VOWELS else []
        self[a] = found = min(_indel(a)[0], _OTHER, *subs, *vowel)
        return found


_CHEAPEST = _Cheapest()


def alike(x: str, y: str, similarity: float) -> bool:
    """``symbol_distance(x, y).similarity >= similarity``, without aligning to the end two
    sounds far apart."""
    gap = symbols_at_least(x, y, similarity)
    return gap is not None and gap.similarity >= similarity


def _aligned(x: str, y: str, ceiling: float) -> Distance | None:
    """The dynamic program of ``symbol_distance``; None once a whole row costs more than
    ``ceiling`` (costs never fall along a path, so the final cost would too)."""
    bounded = ceiling != math.inf
    m = len(y)
    ins = list(map(_INDELS.__getitem__, y))
    cost = [0.0] * (m + 1)
    err = [0.0] * (m + 1)
    for j in range(m):
        cost[j + 1] = cost[j] + ins[j][0]
        err[j + 1] = err[j] + ins[j][1]
    columns = range(1, m + 1)
    for a in x:
        dc, de = _INDELS[a]
        diag_c, diag_e = cost[0], err[0]
        cost[0] = left_c = diag_c + dc
        err[0] = left_e = diag_e + de
        for j, (sc, se), (ic, ie) in zip(columns, _costs(a, y), ins, strict=True):
            up_c, up_e = cost[j], err[j]
            best_c, best_e = diag_c + sc, diag_e + se
            step = up_c + dc
            if step < best_c or (step == best_c and up_e + de < best_e):
                best_c, best_e = step, up_e + de
            step = left_c + ic
            if step < best_c or (step == best_c and left_e + ie < best_e):
                best_c, best_e = step, left_e + ie
            diag_c, diag_e = up_c, up_e
            cost[j] = left_c = best_c
            err[j] = left_e = best_e
        if bounded and min(cost) > ceiling:
            return None
    norm = max(_weight(x), _weight(y), 1.0)
    return Distance(round(cost[m], 3), round(err[m], 3), round(max(0.0, 1 - cost[m] / norm), 3))
