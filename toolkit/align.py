"""Split a source text into segments and align them with a translation's sentences.

Line-aligned files pair line by line. Otherwise a Gale-Church-style dynamic programme over
sentences allows 1-1, 1-2, 2-1, 1-0 (omitted) and 0-1 (added) beads, and 1-3 and 1-4 splits
(a long source sentence, or lines run together without punctuation, that a translator wrote
as several); its cost is the length ratio against the expected ratio plus anchors both sides
share (numbers, Latin-script names). No model is needed, so it works for any source language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.document import Span
from toolkit.numbers import find_numbers

_SOURCE_BOUNDARY = re.compile(r"[。！？؟!?]+[”」』\"')）]*|\.(?=\s)|\n+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&+.-]*[A-Za-z0-9]")
SKIP_COST = 3.0
MERGE_COST = 1.4
BAND = 60


@dataclass(frozen=True, slots=True)
class Bead:
    """Source segment indexes aligned with target segment indexes (either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]


def source_segments(text: str) -> list[Span]:
    """Sentences of a source text in any script (。！？؟ and . before a space end one)."""
    spans, start = [], 0
    for match in _SOURCE_BOUNDARY.finditer(text):
        end = match.end()
        piece = text[start:end]
        if piece.strip():
            left = start + len(piece) - len(piece.lstrip())
            right = start + len(piece.rstrip())
            spans.append(Span(left, right))
        start = end
    if text[start:].strip():
        tail = text[start:]
        spans.append(Span(start + len(tail) - len(tail.lstrip()), start + len(tail.rstrip())))
    return spans


def size(text: str) -> int:
    """Length that compares across scripts: non-space characters."""
    return sum(1 for c in text if not c.isspace())


def anchors(text: str) -> frozenset[str]:
    """Number values and Latin-script tokens: what a faithful translation keeps."""
    values = {f"{n.value:g}" for n in find_numbers(text) if n.value not in (0, 1)}
    names = {m.group().lower() for m in _LATIN.finditer(text)} if _has_non_latin(text) else set()
    return frozenset(values | names)


def _has_non_latin(text: str) -> bool:
    return any(ord(c) > 0x24F and c.isalpha() for c in text)


def _pair_cost(
    sizes: tuple[int, int], marks: tuple[frozenset[str], frozenset[str]], ratio: float
) -> float:
    (s_len, t_len), (s_anchor, t_anchor) = sizes, marks
    cost = abs(math.log((t_len + 5) / (s_len * ratio + 5))) * 2.0
    if s_anchor or t_anchor:
        union = s_anchor | t_anchor
        shared = len(s_anchor & t_anchor)
        cost += 1.5 * (len(union) - shared) / len(union) - 0.5 * min(shared, 3)
    return cost


def align(sources: Sequence[str], targets: Sequence[str], ratio: float | None = None) -> list[Bead]:
    """Beads covering every source and target segment, in order; `ratio` is the expected
    target/source length ratio (by default the document's own)."""
    n, m = len(sources), len(targets)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    s_size, t_size = [size(s) for s in sources], [size(t) for t in targets]
    s_marks, t_marks = [anchors(s) for s in sources], [anchors(t) for t in targets]
    ratio = ratio or max(0.05, sum(t_size) / max(1, sum(s_size)))
    moves = (
        (1, 1, 0.0),
        (1, 2, MERGE_COST),
        (2, 1, MERGE_COST),
        (1, 3, 3 * MERGE_COST),
        (1, 4, 4 * MERGE_COST),
        (1, 0, SKIP_COST),
        (0, 1, SKIP_COST),
    )
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre) - BAND), min(m, int(centre) + BAND) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for di, dj, extra in moves:
                prev = (i - di, j - dj)
                if prev not in best:
                    continue
                if di and dj:
                    sizes = (sum(s_size[i - di : i]), sum(t_size[j - dj : j]))
                    marks = (
                        frozenset().union(*s_marks[i - di : i]),
                        frozenset().union(*t_marks[j - dj : j]),
                    )
                    extra += _pair_cost(sizes, marks, ratio)
                else:
                    extra += 0.002 * (s_size[i - 1] if di else t_size[j - 1])
                options.append((best[prev][0] + extra, prev))
            if options:
                best[(i, j)] = min(options)
    beads, cell = [], (n, m)
    if cell not in best:
        return [Bead((i,), (i,)) for i in range(min(n, m))]
    while cell != (0, 0):
        prev = best[cell][1]
        beads.append(Bead(tuple(range(prev[0], cell[0])), tuple(range(prev[1], cell[1]))))
        cell = prev
    return beads[::-1]
