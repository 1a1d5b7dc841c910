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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit.document import Document
from toolkit.findings import Finding, severity_rank
from toolkit.fix.edits import Change, Edit, apply_changes, blank_line_cleanup, compose
from toolkit.resources import corpus_path, iter_tsv
from toolkit.textio import CHUNK_CHARS, Chunk, chunk_end

if TYPE_CHECKING:
    from toolkit.config import IgnoreList
    from toolkit.pipeline import Selection
    from toolkit.settings import Settings

DEFAULT_MIN_CONFIDENCE = 0.8
NO_NEWLINE = "\\ No newline at end of file\n"
MAX_ROUNDS = 4
_REASON_GROUPS = {
    "confidence": "below the confidence threshold",
    "overlaps": "overlapping a stronger fix",
    "same": "duplicates",
    "fix": "not marked safe",
    "no": "without a suggestion",
    "stale:": "stale",
}


@dataclass(frozen=True, slots=True)
class Proposal:
    """A change fix() would make, offered for review: the ``number``-th of ``total``."""

    finding: Finding
    replacement: str
    number: int
    total: int


# A reviewer: the replacement to make for a proposal (possibly edited), or None to reject it.
Decide = Callable[[Proposal], "str | None"]


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

    def skipped_summary(self) -> str:
        """``"; 5 left (3 not marked safe, 2 overlapping)"`` or ``""`` when none was skipped."""
        if not self.skipped:
            return ""
        reasons = Counter(_REASON_GROUPS.get(s.reason.split()[0], s.reason) for s in self.skipped)
        details = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        return f"; {len(self.skipped)} left ({details})"

    def diff(self, path: str = "text", context: int = 3) -> str:
        """A unified diff from the original to the fixed text, as ``patch`` reads it: a last
        line without a line break is followed by ``\\ No newline at end of file``."""
        lines = difflib.unified_diff(
            _lines(self.original),
            _lines(self.text),
            f"a/{path}",
            f"b/{path}",
            n=context,
        )
        return "".join(line if line.endswith("\n") else line + "\n" + NO_NEWLINE for line in lines)

    def listing(self, path: str = "text") -> list[str]:
        """One line per change: ``path:line:column: [RULE] 'old' -> 'new'``."""
        doc = Document(self.original)
        lines = []
        for edit in self.edits:
            rule = edit.finding.rule if edit.finding else "blank-lines"
            line, column = doc.line_col(edit.start)
            old = self.original[edit.start : edit.end]
            lines.append(f"{path}:{line}:{column}: [{rule}] {old!r} -> {edit.replacement!r}")
        return lines

    @functools.cached_property
    def _new_starts(self) -> list[int]:
        return [edit.new_start for edit in self.edits]

    @functools.cached_property
    def _old_starts(self) -> list[int]:
        return [edit.start for edit in self.edits]


def _lines(text: str) -> list[str]:
    """Lines split at \\n only (what ``patch`` counts), each keeping its line break."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def fix(
    text: str,
    findings: Iterable[Finding] | None = None,
    *,
    settings: Settings | None = None,
    selection: Selection | None = None,
    min_confidence: float | None = None,
    unsafe: bool = False,
    ignored: IgnoreList | None = None,
    decide: Decide | None = None,
) -> FixResult:
    """Apply the first suggestion of each eligible finding in ``text``.

    A finding is eligible when it has a suggestion, is marked safe (or ``unsafe`` is set),
    reaches ``min_confidence``, is selected and not in ``ignored``. Without
    ``min_confidence``, a finding marked safe needs ``DEFAULT_MIN_CONFIDENCE``, and one of a
    rule measured safe (:func:`measured_safe`) counts as safe from that rule's confidence.
    ``decide`` reviews each change that would be made (interactive use): it returns the
    replacement or None.

    With ``findings=None`` the checks run first (``settings``/``selection`` pick them), and
    run again on the fixed text until nothing more is fixed (a fix can expose another
    finding, such as a glued sentence behind a deleted invisible character), so that fixing
    is idempotent. Findings applied or skipped in later rounds are reported in offsets of
    the original text.
    """
    options = (selection, min_confidence, unsafe, ignored)
    if findings is not None:
        return _fix_once(text, findings, options, decide)
    if decide is None and len(text) > CHUNK_CHARS:
        keywords = {"settings": settings, "selection": selection, "ignored": ignored}
        parts = [fix(piece, None, min_confidence=min_confidence, unsafe=unsafe, **keywords)
                 for piece in _pieces(text)]  # fmt: skip
        return _joined(parts)
    result = _fix_once(text, _check(text, settings, selection), options, decide)
    latest = result.edits
    for _ in range(MAX_ROUNDS - 1):
        if decide is not None or not latest:
            break
        seen = {(f.rule, f.start, f.text) for f in _judged(result)}
        found = [  # a finding judged before is not judged again with less context
            f
            for f in _recheck(result.text, latest, settings, selection)
            if (f.rule, result.old_offset(f.start), f.text) not in seen
        ]
        following = _fix_once(result.text, found, options, None)
        if not following.edits:
            break
        result, latest = _compose(result, following), following.edits
    return result


def _judged(result: FixResult) -> Iterator[Finding]:
    yield from result.applied
    yield from (s.finding for s in result.skipped)


def _pieces(text: str) -> Iterator[str]:
    """``text`` in the chunks ``mtkit check`` reads a file in (about ``CHUNK_CHARS``, ending
    after a blank line): a long text is checked and fixed chunk by chunk, in linear time."""
    start = 0
    while len(text) - start > CHUNK_CHARS:
        cut = chunk_end(text[start : start + CHUNK_CHARS + 1], CHUNK_CHARS)
        yield text[start : start + cut]
        start += cut
    yield text[start:]


def _joined(parts: list[FixResult]) -> FixResult:
    """One result from the results of consecutive chunks of a text."""
    from toolkit.pipeline import in_whole_text

    edits: list[Edit] = []
    applied: list[Finding] = []
    skipped: list[Skipped] = []
    old = new = lines = 0
    for part in parts:
        chunk = Chunk(part.original, old, lines)
        found = [*part.applied, *(s.finding for s in part.skipped)]
        moved = dict(zip(found, in_whole_text(found, chunk), strict=True))
        edits += [
            replace(
                e,
                start=e.start + old,
                end=e.end + old,
                new_start=e.new_start + new,
                finding=moved.get(e.finding, e.finding) if e.finding else None,
            )
            for e in part.edits
        ]
        applied += [moved[f] for f in part.applied]
        skipped += [Skipped(moved[s.finding], s.reason) for s in part.skipped]
        old, new = old + len(part.original), new + len(part.text)
        lines += part.original.count("\n")
    return FixResult(
        original="".join(p.original for p in parts),
        text="".join(p.text for p in parts),
        edits=tuple(edits),
        applied=tuple(applied),
        skipped=tuple(skipped),
    )


def _check(text: str, settings: Settings | None, selection: Selection | None) -> list[Finding]:
    from toolkit.pipeline import Selection, run_checks
    from toolkit.settings import Settings

    settings = settings or Settings()
    return run_checks(Document(text, lang=settings.lang), settings, selection or Selection())


def _recheck(
    text: str, edits: Iterable[Edit], settings: Settings | None, selection: Selection | None
) -> list[Finding]:
    """Findings in the paragraphs of ``text`` that ``edits`` (of the round that produced it)
    touched, each checked with a paragraph of context either side: only there can a fix
    expose a new finding, and checking windows keeps a round linear in the edited text."""
    from toolkit.pipeline import in_whole_text

    found: list[Finding] = []
    lines = position = 0
    for start, end, cores in windows(text, [(e.new_start, e.new_end) for e in edits]):
        lines, position = lines + text.count("\n", position, start), start
        chunk = Chunk(text[start:end], start, lines)
        for finding in in_whole_text(_check(chunk.text, settings, selection), chunk):
            if any(s <= finding.end and finding.start <= e for s, e in cores):
                found.append(finding)
    return found


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\xa0\u200b]*\n")
CONTEXT_PARAGRAPHS = 1


def windows(
    text: str, spans: list[tuple[int, int]], context: int = CONTEXT_PARAGRAPHS
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(start, end, cores): stretches of ``text`` made of the paragraphs that hold ``spans``
    (the cores) and ``context`` paragraphs either side, overlapping stretches merged."""
    starts = [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(text))]
    ends = [*(s for s in starts[1:]), len(text)]
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    for span_start, span_end in sorted(spans):
        first = max(bisect.bisect_right(starts, span_start) - 1, 0)
        last = max(bisect.bisect_right(starts, max(span_end - 1, span_start)) - 1, first)
        core = (starts[first], ends[last])
        start = starts[max(first - context, 0)]
        end = ends[min(last + context, len(starts) - 1)]
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]), [*out[-1][2], core])
        else:
            out.append((start, end, [core]))
    return out


def _fix_once(
    text: str, findings: Iterable[Finding], options: tuple, decide: Decide | None
) -> FixResult:
    skipped: list[Skipped] = []
    candidates = []
    for finding in findings:
        reason = _ineligible(finding, text, *options)
        if reason:
            skipped.append(Skipped(finding, reason))
        else:
            candidates.append(finding)
    chosen = _resolve(candidates, skipped)
    changes: list[Change] = []
    applied = []
    for number, finding in enumerate(sorted(chosen, key=lambda f: f.sort_key), 1):
        replacement = finding.suggestions[0]
        if decide is not None:
            replacement = decide(Proposal(finding, replacement, number, len(chosen)))
            if replacement is None:
                skipped.append(Skipped(finding, "rejected in review"))
                continue
        changes.append((finding.start, finding.end, replacement, finding))
        applied.append(finding)
    new, edits = apply_changes(text, changes)
    if cleanup := blank_line_cleanup(text, new, edits):
        new, edits = apply_changes(text, changes + [(s, e, "", None) for s, e in cleanup])
    return FixResult(
        original=text,
        text=new,
        edits=tuple(edits),
        applied=tuple(applied),
        skipped=tuple(sorted(skipped, key=lambda s: s.finding.sort_key)),
    )


def _compose(first: FixResult, second: FixResult) -> FixResult:
    """One result doing ``first`` then ``second`` (whose offsets are in first.text)."""
    anchored = {f: _in_original(f, first) for f in second.applied}
    edits = [
        replace(e, finding=anchored.get(e.finding, e.finding)) if e.finding else e
        for e in compose(first.edits, len(first.original), second.edits, len(first.text))
    ]
    later = list(anchored.values())
    seen = {(s.finding.rule, s.finding.start, s.finding.text) for s in first.skipped}
    skipped = [*first.skipped]
    for item in second.skipped:
        finding = _in_original(item.finding, first)
        if (finding.rule, finding.start, finding.text) not in seen:
            skipped.append(Skipped(finding, item.reason))
    return FixResult(
        original=first.original,
        text=second.text,
        edits=tuple(edits),
        applied=tuple(sorted((*first.applied, *later), key=lambda f: f.sort_key)),
        skipped=tuple(sorted(skipped, key=lambda s: s.finding.sort_key)),
    )


def _in_original(finding: Finding, first: FixResult) -> Finding:
    """A finding on first.text re-anchored on the nearest span of first.original."""
    start = first.old_offset(finding.start)
    end = max(start, first.old_offset(finding.end))
    original = first.original
    line = original.count("\n", 0, start) + 1
    column = start - original.rfind("\n", 0, start)
    return replace(
        finding, start=start, end=end, text=original[start:end], line=line, column=column
    )


def _ineligible(
    finding: Finding,
    text: str,
    selection: Selection | None,
    min_confidence: float | None,
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
    measured = finding.confidence >= measured_safe().get(finding.rule, 2.0)
    if not (finding.safe or unsafe or measured):
        return "fix not marked safe"
    if min_confidence is None:
        min_confidence = 0.0 if measured else DEFAULT_MIN_CONFIDENCE
    if finding.confidence < min_confidence:
        return f"confidence {finding.confidence:g} below {min_confidence:g}"
    return None


@functools.cache
def measured_safe() -> dict[str, float]:
    """Rule code -> the confidence from which fix applies its suggestion by default though
    the rule does not mark it safe: rules measured right in at least 95% of cases
    (corpora/fix/measured_safe.tsv)."""
    rows = iter_tsv(corpus_path("fix", "measured_safe.tsv"))
    return {row["rule"]: float(row["min_confidence"]) for row in rows}


def _selected(finding: Finding, selection: Selection) -> bool:
    from toolkit.checks import rule_index

    _, check = rule_index().get(finding.rule, (None, ""))
    return selection.matches(finding.rule, finding.slug, finding.kind, check)


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
    chosen: list[Finding] = []  # kept sorted by position
    keys: list[tuple[int, int]] = []
    for finding in sorted(candidates, key=_priority):
        index = bisect.bisect_left(keys, (finding.start, finding.end))
        winner = _first_conflict(chosen, index, finding)
        if winner is None:
            chosen.insert(index, finding)
            keys.insert(index, (finding.start, finding.end))
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


def _first_conflict(chosen: list[Finding], index: int, finding: Finding) -> Finding | None:
    """The chosen finding that conflicts with ``finding`` (chosen never overlap each other,
    so only neighbours of its sorted position can)."""
    left = index - 1
    while left >= 0 and (chosen[left].end > finding.start or chosen[left].start == finding.start):
        if _conflict(chosen[left], finding):
            return chosen[left]
        left -= 1
    right = index
    while right < len(chosen) and (
        chosen[right].start < finding.end or chosen[right].start == finding.start
    ):
        if _conflict(chosen[right], finding):
            return chosen[right]
        right += 1
    return None


class _CallableModule(types.ModuleType):
    """Lets ``toolkit.fix(text)`` call :func:`fix` while ``toolkit.fix.fix`` stays the module's."""

    def __call__(self, *args, **kwargs) -> FixResult:
        return fix(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
