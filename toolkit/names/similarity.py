"""Transliteration-aware distance between two romanized names.

A weighted edit distance over ``normalize.phonemes`` symbols, with two kinds of edits:

* spelling edits that romanization conventions produce (vowels, q/k, kh/h, dh/z, th/t,
  j/g, w/v, a dropped h or ʿayn): "Deir ez-Zor" and "Deir al-Zour" differ only by these;
* error edits that MT and misread Arabic script produce: letters that share a base shape
  and differ by dots (ب ت ث ن ي; ج ح خ; ر ز; س ش; ص ض; ط ظ; ع غ; ف ق), dialect sounds
  (Iraqi and Gulf ج as y, ق as g), liquids (r/l) and kh/q; any other change costs most.

The costs were set by hand from these classes and checked against the Arabic/English pairs
of google/transliteration (benchmarks/bench_names.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from toolkit.names.normalize import VOWELS, phonemes

SPELLING = 0.12  # a convention change, not an error
_VOWEL_INDEL = 0.12
_CONSONANT_INDEL = 0.85
_OTHER = 1.0

# (a, b, cost, is_error). Symmetric. Upper-case symbols are digraphs (see normalize).
_PAIRS = [
    ("q", "k", SPELLING, False), ("k", "c", SPELLING, False), ("x", "h", SPELLING, False),
    ("D", "z", SPELLING, False), ("D", "d", SPELLING, False), ("T", "t", SPELLING, False),
    ("T", "s", SPELLING, False), ("S", "C", SPELLING, False), ("j", "g", SPELLING, False),
    ("w", "v", SPELLING, False), ("G", "g", SPELLING, False), ("j", "Z", SPELLING, False),
    ("z", "s", 0.35, True), ("d", "t", 0.4, True), ("j", "y", 0.4, True),
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
        return self.error <= 0.3 and self.similarity >= 0.88


@functools.lru_cache(maxsize=131072)
def distance(a: str, b: str) -> Distance:
    """Weighted edit distance between two names (given as written, not as symbols)."""
    return symbol_distance(phonemes(a), phonemes(b))


@functools.lru_cache(maxsize=131072)
def symbol_distance(x: str, y: str) -> Distance:
    """Weighted edit distance between two phoneme strings, tracking the error part.

    Of equally cheap alignments the one with fewer error edits wins.
    """
    n, m = len(x), len(y)
    del_x = [_indel(a) for a in x]
    ins_y = [_indel(b) for b in y]
    cost = [0.0] * (m + 1)
    err = [0.0] * (m + 1)
    for j, (c, e) in enumerate(ins_y, start=1):
        cost[j] = cost[j - 1] + c
        err[j] = err[j - 1] + (c if e else 0.0)
    for i in range(n):
        a = x[i]
        dc, de = del_x[i]
        dcost = dc if de else 0.0
        diag_c, diag_e = cost[0], err[0]
        cost[0] += dc
        err[0] += dcost
        for j in range(1, m + 1):
            sc, se = _sub(a, y[j - 1])
            best_c, best_e = diag_c + sc, diag_e + (sc if se else 0.0)
            up_c, up_e = cost[j] + dc, err[j] + dcost
            if up_c < best_c or (up_c == best_c and up_e < best_e):
                best_c, best_e = up_c, up_e
            ic, ie = ins_y[j - 1]
            left_c, left_e = cost[j - 1] + ic, err[j - 1] + (ic if ie else 0.0)
            if left_c < best_c or (left_c == best_c and left_e < best_e):
                best_c, best_e = left_c, left_e
            diag_c, diag_e = cost[j], err[j]
            cost[j], err[j] = best_c, best_e
    norm = max(_weight(x), _weight(y), 1.0)
    return Distance(round(cost[m], 3), round(err[m], 3), round(max(0.0, 1 - cost[m] / norm), 3))
