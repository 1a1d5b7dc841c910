"""Calques: connectives, date formulas and collocations copied word for word from the source.

The patterns are data (corpora/calques/patterns.tsv): a regex, the source languages it comes
from, where it may occur, suggested rewrites and an explanation. ``Settings.source_lang``
narrows them to one source language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.checks._literals import folded, may_match, required_literals
from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.errors import ModelError
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv

CONNECTIVE = Rule(
    code="CQ101",
    slug="calqued-connective",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A connective or reporting formula translated word for word from the source "
    "language (Arabic في السياق نفسه, Turkish kapsamında, Chinese 相关部门).",
    why="Editors recognise these phrases as translationese at once; they pad the text and "
    "mark it as unedited machine translation.",
    example="In the same context, two U.S. officials said that Ain al-Asad Air Base was hit.",
    fixed="Separately, two U.S. officials said that Ain al-Asad Air Base was hit.",
    false_positives="Some patterns ('It is worth noting that', 'In this context') also occur "
    "in native prose; they carry a lower confidence. Use --source-lang to keep only the "
    "patterns of one source language.",
)
RELATIVE_DATE = Rule(
    code="CQ102",
    slug="relative-date-with-weekday",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A relative day (yesterday, today, last night) followed by the weekday it names: "
    "the Arabic and Persian date formula أمس الثلاثاء.",
    why="English news names the day once; 'Yesterday, on Tuesday' is redundant, and "
    "'yesterday' goes stale the day after publication.",
    example="Yesterday, on Tuesday, U.S. officials said a U.S. warplane responded.",
    fixed="On Tuesday, U.S. officials said a U.S. warplane responded.",
    fix_safe=True,
    false_positives="A list of days ('today, Monday and Tuesday are holidays') can match.",
)
COLLOCATION = Rule(
    code="CQ103",
    slug="calqued-collocation",
    kind="calque",
    category="accuracy/mistranslation",
    severity="major",
    summary="A word-for-word collocation that changes the meaning or is not English usage "
    "('close-range ballistic missile' for short-range).",
    why="The wrong collocate misleads readers: missiles are classed short-, medium- and "
    "long-range.",
    example="Ain al-Asad Air Base was hit by a close-range ballistic missile attack.",
    fixed="Ain al-Asad Air Base was hit by a short-range ballistic missile attack.",
    false_positives="Rare; the patterns require the head noun (missile, rocket, arrests).",
)
_RULES = {rule.code: rule for rule in (CONNECTIVE, RELATIVE_DATE, COLLOCATION)}
_DELETE = "<delete>"
_OPENERS = "\"'“‘«(["
_TAIL = re.compile(r"[ \t,;:]*(\w)")  # what follows a deleted phrase
_LEAD = re.compile(r"[ \t]+$")  # the spaces before it


@dataclass(frozen=True, slots=True)
class CalquePattern:
    """One row of the calque lexicon, compiled."""

    id: str
    rule: Rule
    langs: frozenset[str]
    at_start: bool
    regex: re.Pattern[str]
    literals: tuple[frozenset[str], ...]
    templates: tuple[str, ...]
    confidence: float
    explanation: str

    def applies_to(self, source_lang: str | None) -> bool:
        return source_lang is None or "any" in self.langs or source_lang in self.langs


def _expand_macros(pattern: str, macros: dict[str, str]) -> str:
    """Replace each {NAME} by its macro, recursively (macros may use macros)."""
    for _ in range(10):
        expanded = re.sub(r"\{([A-Z]+)\}", lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            return pattern
        pattern = expanded
    raise ModelError(f"corpora/calques/macros.tsv: macros nest too deeply in {pattern!r}")


@functools.cache
def load_patterns() -> tuple[CalquePattern, ...]:
    """The calque lexicon with its macros expanded."""
    macros = {row["name"]: row["pattern"] for row in iter_tsv(corpus_path("calques", "macros.tsv"))}
    patterns = []
    for row in iter_tsv(corpus_path("calques", "patterns.tsv")):
        source = _expand_macros(row["pattern"], macros)
        try:
            regex = re.compile(rf"(?<![\w-])(?:{source})(?![\w-])", re.IGNORECASE)
        except re.error as error:
            raise ModelError(f"corpora/calques/patterns.tsv: {row['id']}: {error}") from error
        if row["rule"] not in _RULES:
            raise ModelError(f"corpora/calques/patterns.tsv: {row['id']}: unknown rule")
        patterns.append(
            CalquePattern(
                id=row["id"],
                rule=_RULES[row["rule"]],
                langs=frozenset(row["lang"].split(",")),
                at_start=row["where"] == "start",
                regex=regex,
                literals=required_literals(regex.pattern),
                templates=tuple(t.strip() for t in row["suggestions"].split("|") if t.strip()),
                confidence=float(row["confidence"]),
                explanation=row["explanation"],
            )
        )
    return tuple(patterns)


def _spaces_before(text: str, start: int) -> re.Match[str] | None:
    """``_LEAD.search(text[:start])`` without scanning the whole text before ``start``."""
    stop = start - 1 if start and text[start - 1] == "\n" else start  # "$" before a final \n
    begin = stop
    while begin > 0 and text[begin - 1] in " \t":
        begin -= 1
    return _LEAD.search(text, begin, start)


def _match_case(suggestion: str, original: str) -> str:
    if not suggestion or not original[:1].isalpha():
        return suggestion
    first = suggestion[0].upper() if original[0].isupper() else suggestion[0].lower()
    return first + suggestion[1:]


class CalqueCheck(Check):
    """Translationese: connectives, date formulas and collocations calqued from the source."""

    name = "calques"
    rules = (CONNECTIVE, RELATIVE_DATE, COLLOCATION)

    def check(self, doc: Document) -> Iterator[Finding]:
        starts = self._sentence_starts(doc)
        text = folded(doc.text)
        for pattern in load_patterns():
            if not pattern.applies_to(self.settings.source_lang):
                continue
            if not may_match(pattern.literals, text):
                continue  # a word every match needs is missing: skip the regex pass
            for match in pattern.regex.finditer(doc.text):
                at_start = match.start() in starts
                if pattern.at_start and not at_start:
                    continue
                yield self._finding(doc, pattern, match, at_start)

    @staticmethod
    def _sentence_starts(doc: Document) -> set[int]:
        starts = set()
        for sentence in doc.sentences:
            offset = sentence.start
            while offset < sentence.end and doc.text[offset] in _OPENERS:
                offset += 1
            starts.add(offset)
        return starts

    def _finding(
        self, doc: Document, pattern: CalquePattern, match: re.Match[str], at_start: bool
    ) -> Finding:
        text, start, end = doc.text, match.start(), match.end()
        rewrites = [_match_case(match.expand(t), match.group()) for t in pattern.templates]
        if _DELETE in pattern.templates:
            # Deleting needs a neighbour in the span: the next word's capital at a sentence
            # start ("In this context, the" -> "The"), the spaces before it elsewhere.
            # Never across a line break; with no such neighbour, no deletion is offered.
            tail = _TAIL.match(text, end) if at_start else None
            lead = None if at_start else _spaces_before(text, start)
            pairs = list(zip(pattern.templates, rewrites, strict=True))
            if tail:
                kept = text[end : tail.end()]
                rewrites = [kept[-1].upper() if t == _DELETE else r + kept for t, r in pairs]
                end = tail.end()
            elif lead:
                spaces = lead.group()
                rewrites = ["" if t == _DELETE else spaces + r for t, r in pairs]
                start = lead.start()
            else:
                rewrites = [r for t, r in pairs if t != _DELETE]
        return pattern.rule.at(
            doc,
            start,
            end,
            pattern.explanation,
            rewrites,
            confidence=pattern.confidence,
        )
