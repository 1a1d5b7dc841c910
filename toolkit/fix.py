"""Apply the suggestions of findings to a text.

Overlaps are resolved deterministically (more severe, then more confident, then earlier);
text outside the applied spans is kept byte for byte. Deleting whole lines never leaves a
run of blank lines (or trailing blank lines) that the deletion created.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import sys
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.findings import Finding, severity_rank

if TYPE_CHECKING:
    from toolkit.config import IgnoreList
    from toolkit.pipeline import Selection
    from toolkit.settings import Settings

DEFAULT_MIN_CONFIDENCE = 0.8
_NEWLINE_RUN = re.compile(r"(?:\r?\n)+")
_NEWLINE = re.compile(r"\r?\n")

# Given a finding and the replacement fix() would make, return the replacement to use or None.
Decide = Callable[[Finding, str], "str | None"]


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


@dataclass(frozen=True, slots=True)
class Skipped:
    """A finding fix() left alone, and why."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class FixResult:
    """The fixed text, what changed, and a map between offsets of the two texts."""

    original: str
    text: str
    edits: tuple[Edit, ...]
    applied: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def old_offset(self, new_offset: int) -> int:
        """The offset in the original text of ``new_offset`` in the fixed text.

        An offset inside a replacement maps into the replaced span (clamped to its end).
        """
        index = bisect.bisect_right(self._new_starts, new_offset) - 1
        if index < 0:
            return new_offset
        edit = self.edits[index]
        if new_offset < edit.new_end:
            return edit.start + min(new_offset - edit.new_start, edit.old_text_len)
        return edit.end + new_offset - edit.new_end

    def new_offset(self, old_offset: int) -> int:
        """The offset in the fixed text of ``old_offset`` in the original (the inverse map)."""
        index = bisect.bisect_right(self._old_starts, old_offset) - 1
        if index < 0:
            return old_offset
        edit = self.edits[index]
        if old_offset < edit.end:
            return edit.new_start + min(old_offset - edit.start, len(edit.replacement))
        return edit.new_end + old_offset - edit.end

    def diff(self, path: str = "text", context: int = 3) -> str:
        """A unified diff from the original to the fixed text."""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.splitlines(keepends=True),
            f"a/{path}",
            f"b/{path}",
            n=context,
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    @functools.cached_property
    def _new_starts(self) -> list[int]:
        return [edit.new_start for edit in self.edits]

    @functools.cached_property
    def _old_starts(self) -> list[int]:
        return [edit.start for edit in self.edits]


def fix(
    text: str,
    findings: Iterable[Finding] | None = None,
    *,
    settings: Settings | None = None,
    selection: Selection | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    unsafe: bool = False,
    ignored: IgnoreList | None = None,
    decide: Decide | None = None,
) -> FixResult:
    """Apply the first suggestion of each eligible finding in ``text``.

    With ``findings=None`` the checks run first (``settings``/``selection`` pick them).
    A finding is eligible when it has a suggestion, is marked safe (or ``unsafe`` is set),
    reaches ``min_confidence``, is selected and not in ``ignored``. ``decide`` reviews each
    change that would be made (interactive use): it returns the replacement or None.
    """
    if findings is None:
        from toolkit.document import Document
        from toolkit.pipeline import Selection, run_checks
        from toolkit.settings import Settings

        settings = settings or Settings()
        doc = Document(text, lang=settings.lang)
        findings = run_checks(doc, settings, selection or Selection())
    skipped: list[Skipped] = []
    candidates = []
    for finding in findings:
        reason = _ineligible(finding, text, selection, min_confidence, unsafe, ignored)
        if reason:
            skipped.append(Skipped(finding, reason))
        else:
            candidates.append(finding)
    chosen = _resolve(candidates, skipped)
    changes: list[tuple[int, int, str, Finding | None]] = []
    applied = []
    for finding in sorted(chosen, key=lambda f: f.sort_key):
        replacement = finding.suggestions[0]
        if decide is not None:
            replacement = decide(finding, replacement)
            if replacement is None:
                skipped.append(Skipped(finding, "rejected in review"))
                continue
        changes.append((finding.start, finding.end, replacement, finding))
        applied.append(finding)
    new, edits = _apply(text, changes)
    if cleanup := _blank_line_cleanup(text, new, edits):
        new, edits = _apply(text, changes + [(s, e, "", None) for s, e in cleanup])
    return FixResult(
        original=text,
        text=new,
        edits=tuple(edits),
        applied=tuple(applied),
        skipped=tuple(sorted(skipped, key=lambda s: s.finding.sort_key)),
    )


def _ineligible(
    finding: Finding,
    text: str,
    selection: Selection | None,
    min_confidence: float,
    unsafe: bool,
    ignored: IgnoreList | None,
) -> str | None:
    if not 0 <= finding.start <= finding.end <= len(text):
        return "span out of range of the text"
    if text[finding.start : finding.end] != finding.text:
        return "stale: the text at its span has changed"
    if not finding.suggestions:
        return "no suggestion"
    if finding.suggestions[0] == finding.text:
        return "suggestion changes nothing"
    if selection is not None and not _selected(finding, selection):
        return "not selected"
    if ignored is not None and ignored.covers(finding):
        return "in the ignore file"
    if not (finding.safe or unsafe):
        return "fix not marked safe"
    if finding.confidence < min_confidence:
        return f"confidence {finding.confidence:g} below {min_confidence:g}"
    return None


def _selected(finding: Finding, selection: Selection) -> bool:
    check = _check_of_rule().get(finding.rule, "")

    def hit(tokens: tuple[str, ...]) -> bool:
        return any(
            t in (finding.slug, finding.kind, check, "ALL") or finding.rule.startswith(t)
            for t in tokens
        )

    return (not selection.select or hit(selection.select)) and not hit(selection.ignore)


@functools.cache
def _check_of_rule() -> dict[str, str]:
    from toolkit.checks import CHECKS, check_class

    return {rule.code: name for name in CHECKS for rule in check_class(name).rules}


def _priority(finding: Finding) -> tuple:
    return (severity_rank(finding.severity), -finding.confidence, *finding.sort_key)


def _conflict(a: Finding, b: Finding) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _resolve(candidates: list[Finding], skipped: list[Skipped]) -> list[Finding]:
    """The winners among overlapping candidates; losers go to ``skipped`` with the winner named."""
    chosen: list[Finding] = []
    for finding in sorted(candidates, key=_priority):
        winner = next((c for c in chosen if _conflict(c, finding)), None)
        if winner is None:
            chosen.append(finding)
        elif (winner.start, winner.end, winner.suggestions[0]) == (
            finding.start,
            finding.end,
            finding.suggestions[0],
        ):
            skipped.append(Skipped(finding, f"same change as {winner.rule}"))
        else:
            where = f"{winner.line}:{winner.column}"
            skipped.append(Skipped(finding, f"overlaps {winner.rule} at {where}"))
    return chosen


def _apply(
    text: str, changes: list[tuple[int, int, str, Finding | None]]
) -> tuple[str, list[Edit]]:
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


def _blank_line_cleanup(old: str, new: str, edits: list[Edit]) -> list[tuple[int, int]]:
    """Extra deletions (original offsets) that undo blank-line runs created by deletions.

    A newline run in the fixed text that touches a deletion shrinks to two line breaks
    (or the longest run it kept intact from the original); at the start and end of the
    text it shrinks to what the original had there. Untouched runs stay as they are.
    """
    junctions = sorted(e.new_start for e in edits if not e.replacement and e.end > e.start)
    if not junctions:
        return []
    extra: list[tuple[int, int]] = []
    for run in _NEWLINE_RUN.finditer(new):
        first = bisect.bisect_left(junctions, run.start())
        if first == len(junctions) or junctions[first] > run.end():
            continue
        units = [_kept_span(edits, m.start(), m.end()) for m in _NEWLINE.finditer(new, *run.span())]
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


def _kept_span(edits: list[Edit], start: int, end: int) -> tuple[int, int] | None:
    """The original span of new[start:end] when it lies outside every replacement."""
    index = bisect.bisect_right([e.new_start for e in edits], start) - 1
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


class _CallableModule(types.ModuleType):
    """Lets ``toolkit.fix(text)`` call :func:`fix` while ``toolkit.fix.fix`` stays the module's."""

    def __call__(self, *args, **kwargs) -> FixResult:
        return fix(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
