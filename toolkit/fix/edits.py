"""Edit scripts over a text: apply non-overlapping changes, tidy the blank lines that
deleted lines leave behind, and compose two scripts into one."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.findings import Finding

_NEWLINE_RUN = re.compile(r"(?:\r?\n)+")
_NEWLINE = re.compile(r"\r?\n")

# (start, end, replacement, finding): replace text[start:end]; finding None for clean-up.
Change = tuple[int, int, str, "Finding | None"]


@dataclass(frozen=True, slots=True)
class Edit:
    """``original[start:end]`` became ``replacement``, found at ``new_start`` of the fixed text.

    ``finding`` is None for the blank-line clean-up that follows deleted lines.
    """

    start: int
    end: int
    replacement: str
    new_start: int
    finding: Finding | None = None

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.replacement)

    @property
    def old_text_len(self) -> int:
        return self.end - self.start


def apply_changes(text: str, changes: list[Change]) -> tuple[str, list[Edit]]:
    """The text with each (start, end, replacement, finding) change made, and the edits."""
    parts: list[str] = []
    edits: list[Edit] = []
    position = length = 0
    for start, end, replacement, finding in sorted(changes, key=lambda c: (c[0], c[1])):
        parts.append(text[position:start])
        length += start - position
        edits.append(Edit(start, end, replacement, length, finding))
        parts.append(replacement)
        length += len(replacement)
        position = end
    parts.append(text[position:])
    return "".join(parts), edits


def blank_line_cleanup(old: str, new: str, edits: list[Edit]) -> list[tuple[int, int]]:
    """Extra deletions (original offsets) that undo blank-line runs created by deletions.

    A newline run in the fixed text that touches a deletion shrinks to two line breaks
    (or the longest run it kept intact from the original); at the start and end of the
    text it shrinks to what the original had there. Untouched runs stay as they are.
    """
    junctions = sorted(e.new_start for e in edits if not e.replacement and e.end > e.start)
    if not junctions:
        return []
    extra: list[tuple[int, int]] = []
    starts = [e.new_start for e in edits]
    for run in _NEWLINE_RUN.finditer(new):
        first = bisect.bisect_left(junctions, run.start())
        if first == len(junctions) or junctions[first] > run.end():
            continue
        units = [
            _kept_span(edits, starts, m.start(), m.end())
            for m in _NEWLINE.finditer(new, *run.span())
        ]
        if run.end() == len(new):
            target = len(_NEWLINE.findall(_NEWLINE_RUN_AT_END.search(old).group()))
        elif run.start() == 0:
            target = len(_NEWLINE.findall(_NEWLINE_RUN_AT_START.match(old).group()))
        else:
            target = max(2, _longest_contiguous(units))
        surplus = [u for u in units[target:] if u is not None]
        if len(units) > target and len(surplus) == len(units) - target:
            extra.extend(surplus)
    return _merge(extra)


_NEWLINE_RUN_AT_END = re.compile(r"(?:\r?\n)*\Z")
_NEWLINE_RUN_AT_START = re.compile(r"(?:\r?\n)*")


def _kept_span(
    edits: list[Edit], starts: list[int], start: int, end: int
) -> tuple[int, int] | None:
    """The original span of new[start:end] when it lies outside every replacement."""
    index = bisect.bisect_right(starts, start) - 1
    shift = 0
    if index >= 0:
        edit = edits[index]
        if start < edit.new_end:
            return None
        shift = edit.end - edit.new_end
    if index + 1 < len(edits) and edits[index + 1].new_start < end:
        return None
    return start + shift, end + shift


def _longest_contiguous(units: list[tuple[int, int] | None]) -> int:
    best = current = 0
    previous_end = None
    for unit in units:
        if unit is None:
            current, previous_end = 0, None
            continue
        current = current + 1 if unit[0] == previous_end else 1
        best, previous_end = max(best, current), unit[1]
    return best


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def compose(
    first: Iterable[Edit], first_length: int, second: Iterable[Edit], second_length: int
) -> list[Edit]:
    """One edit script doing ``first`` (over a text of ``first_length``) and then ``second``
    (over the result, of ``second_length``); an edit keeps the first finding among its parts."""
    ops = _compose_ops(_ops(first, first_length), _ops(second, second_length))
    edits: list[Edit] = []
    old = new = 0
    group: list[tuple] = []
    for op in [*ops, ("retain", 0, None)]:
        if op[0] != "retain":
            group.append(op)
            continue
        if group:
            removed = sum(o[1] for o in group if o[0] == "delete")
            inserted = "".join(o[1] for o in group if o[0] == "insert")
            finding = next((o[2] for o in group if o[2] is not None), None)
            edits.append(Edit(old, old + removed, inserted, new, finding))
            old, new, group = old + removed, new + len(inserted), []
        old, new = old + op[1], new + op[1]
    return edits


def _ops(edits: Iterable[Edit], length: int) -> list[tuple]:
    """Edits of a text of ``length`` as retain/delete/insert operations."""
    ops: list[tuple] = []
    position = 0
    for edit in edits:
        ops.append(("retain", edit.start - position, None))
        ops.append(("delete", edit.end - edit.start, edit.finding))
        ops.append(("insert", edit.replacement, edit.finding))
        position = edit.end
    ops.append(("retain", length - position, None))
    return [op for op in ops if op[1]]


def _compose_ops(first: list[tuple], second: list[tuple]) -> list[tuple]:
    """Operations equal to applying ``first`` and then ``second`` (operational transform)."""
    out: list[tuple] = []
    a, b = list(reversed(first)), list(reversed(second))
    while a or b:
        if a and a[-1][0] == "delete":
            out.append(a.pop())
            continue
        if b and b[-1][0] == "insert":
            out.append(b.pop())
            continue
        if not a or not b:
            raise ValueError("edit scripts of different lengths")
        kind_a, value_a, finding_a = a.pop()
        kind_b, count_b, finding_b = b.pop()
        size_a = len(value_a) if kind_a == "insert" else value_a
        size = min(size_a, count_b)
        if kind_a == "retain":
            out.append((kind_b, size, finding_b))
        elif kind_b == "retain":
            out.append(("insert", value_a[:size], finding_a))
        if size_a > size:
            rest = value_a[size:] if kind_a == "insert" else value_a - size
            a.append((kind_a, rest, finding_a))
        if count_b > size:
            b.append((kind_b, count_b - size, finding_b))
    return out
