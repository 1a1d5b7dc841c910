"""Pattern lexicons as checks: the shared engine of the calques and terminology checks.

A lexicon is a folder of TSV files under corpora/ (one per source language, plus shared
families), one pattern per row: a regex (``{NAME}`` expands from corpora/calques/macros.tsv),
the rule it reports, the source languages it comes from, where it may occur (``start`` = at a
sentence start only), rewrite templates (``<delete>`` removes the phrase), whether the first
rewrite is safe, a confidence, an optional context the surrounding text must show, an
explanation, and the source-language forms it copies (``ar=... | fa=...``), which the message
names for the ``--source-lang`` in use. A weak entry (confidence below ``WEAK``: a phrase
native writers also use) reports only in a text where a stronger entry matched too.

A context is ``SCOPE:REGEX`` (scope ``sentence``, ``paragraph`` or ``document``; a leading
``!`` means the window must not match), searched case-insensitively around each match.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from toolkit import regex_programs, regex_trie
from toolkit.cache import cached
from toolkit.checks.base import Check
from toolkit.checks.literals import (
    Scanner,
    folded,
    holds,
    leading_literals,
    occurrences,
    required_literals,
    scanner_source,
)
from toolkit.document import Document, Span
from toolkit.errors import ModelError
from toolkit.findings import Finding, Rule
from toolkit.regex_programs import Program, compiled, program
from toolkit.resources import corpora_dir, corpus_path, iter_tsv, read_lines

LANGUAGES = {
    "ar": "Arabic",
    "fa": "Persian",
    "tr": "Turkish",
    "ur": "Urdu",
    "zh": "Chinese",
    "ru": "Russian",
    "fr": "French",
}
DELETE = "<delete>"
WEAK = 0.5  # entries less confident than this report only in a text with a stronger match
_SCOPES = ("sentence", "paragraph", "document")
_WORD_END = r"(?:(?![\w-])|(?<=[^\w-]))"
_OPENERS = "\"'“‘«(["
_TAIL = re.compile(r"[ \t,;:]*(\w)")  # what follows a deleted phrase
_LEAD = re.compile(r"[ \t]+$")  # the spaces before it


_COMPILED: dict[str, re.Pattern[str]] = {}


def _regex(source: str, built: Program | None) -> re.Pattern[str]:
    """A pattern compiled on first use (a lexicon's rows are compiled only where their words
    occur in a document), from its program in the disk cache."""
    pattern = _COMPILED.get(source)
    if pattern is None:
        pattern = _COMPILED[source] = compiled(source, re.IGNORECASE, built)
    return pattern


@dataclass(frozen=True, slots=True)
class Context:
    """What the text around a match must (or, ``negated``, must not) contain."""

    scope: str
    source: str  # the regex, macros expanded
    negated: bool
    program: Program | None

    @property
    def regex(self) -> re.Pattern[str]:
        return _regex(self.source, self.program)

    def holds(self, doc: Document, start: int) -> bool:
        window = self._window(doc, start)
        found = self.regex.search(doc.text, window.start, window.end) is not None
        return found != self.negated

    def _window(self, doc: Document, start: int) -> Span:
        if self.scope == "sentence":
            return doc.sentence_at(start) or Span(start, start)
        if self.scope == "paragraph":
            return doc.paragraph_at(start) or Span(start, start)
        return Span(0, len(doc.text))


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a lexicon, parsed; its regex is compiled when first needed."""

    id: str
    rule: Rule
    langs: frozenset[str]
    at_start: bool
    source: str  # the regex, macros expanded and whole-word bounds added
    literals: tuple[frozenset[str], ...]
    templates: tuple[str, ...]
    safe: bool
    confidence: float
    contexts: tuple[Context, ...]
    explanation: str
    sources: tuple[tuple[str, str], ...]
    program: Program | None
    leading: frozenset[str] | None  # the strings a match starts with (``leading_literals``)

    @property
    def regex(self) -> re.Pattern[str]:
        return _regex(self.source, self.program)

    def applies_to(self, source_lang: str | None) -> bool:
        return source_lang is None or "any" in self.langs or source_lang in self.langs

    def message(self, source_lang: str | None) -> str:
        """The explanation, with the source forms of ``source_lang`` (all when unknown)."""
        forms = [
            f"{LANGUAGES.get(lang, lang)} {form}"
            for lang, form in self.sources
            if source_lang is None or lang == source_lang
        ]
        return f"{self.explanation} (from {'; '.join(forms)})" if forms else self.explanation


def _class_files() -> list[Path]:
    return sorted(corpora_dir().joinpath("calques", "classes").glob("*.txt"))


def word_class(path: Path) -> str:
    """A word list (corpora/calques/classes/NAME.txt) as a regex alternation: each line a
    literal word or phrase whose spaces match any whitespace, longest first."""
    phrases = sorted(set(read_lines("calques", "classes", path.name)), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


@functools.cache
def macros() -> dict[str, str]:
    """Named sub-patterns shared by every lexicon: the regexes of corpora/calques/macros.tsv
    and the word classes of corpora/calques/classes/ (``name.txt`` is ``{NAME}``), the open
    slots of the template rows."""
    table = {row["name"]: row["pattern"] for row in iter_tsv(corpus_path("calques", "macros.tsv"))}
    for path in _class_files():
        table[path.stem.upper()] = word_class(path)
    return table


def expand_macros(pattern: str) -> str:
    """Replace each {NAME} by its macro, recursively (macros may use macros)."""
    table = macros()
    for _ in range(10):
        expanded = re.sub(r"\{([A-Z][A-Z_]*)\}", lambda m: table[m.group(1)], pattern)
        if expanded == pattern:
            return pattern
        pattern = expanded
    raise ModelError(f"corpora/calques/macros.tsv: macros nest too deeply in {pattern!r}")


def _expanded(where: str, source: str) -> str:
    """``source`` with its macros expanded, checked by compiling it once."""
    try:
        expanded = expand_macros(source)
        re.compile(expanded, re.IGNORECASE)
    except (re.error, KeyError) as error:
        raise ModelError(f"{where}: bad pattern {source!r}: {error}") from error
    return expanded


def _context(where: str, text: str) -> Context:
    negated = text.startswith("!")
    scope, _, source = text.lstrip("!").partition(":")
    if scope not in _SCOPES or not source:
        raise ModelError(f"{where}: context must be SCOPE:REGEX with SCOPE in {_SCOPES}")
    expanded = _expanded(where, source)
    return Context(scope, expanded, negated, program(expanded, re.IGNORECASE))


def _sources(where: str, text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in filter(None, (part.strip() for part in text.split("|"))):
        lang, sep, form = item.partition("=")
        if not sep or lang.strip() not in LANGUAGES:
            raise ModelError(f"{where}: source forms are LANG=FORM joined by ' | '")
        pairs.append((lang.strip(), form.strip()))
    return tuple(pairs)


def _parse(where: str, row: dict[str, str], codes: frozenset[str]) -> tuple:
    """A row as plain data (what the disk cache keeps): ``Entry``'s fields, the rule as its
    code and ``safe`` as None when the rule's default applies."""
    if row["rule"] not in codes:
        raise ModelError(f"{where}: unknown rule {row['rule']!r}")
    # whole words: no word character before a match, nor after one that ends with a letter
    source = _expanded(where, rf"(?<![\w-])(?:{row['pattern']}){_WORD_END}")
    langs = frozenset(row["lang"].split(","))
    if not langs <= {"any", *LANGUAGES}:
        raise ModelError(f"{where}: unknown language in {row['lang']!r}")
    if row["safe"] not in ("yes", "no", ""):
        raise ModelError(f"{where}: safe is yes, no or empty")
    return (
        row["id"],
        row["rule"],
        langs,
        row["where"] == "start",
        source,
        required_literals(source),
        tuple(t.strip() for t in row["suggestions"].split("|") if t.strip()),
        {"yes": True, "no": False}.get(row["safe"]),
        float(row["confidence"]),
        tuple(_context(where, c.strip()) for c in row["context"].split(" && ") if c.strip()),
        row["explanation"],
        _sources(where, row["source"]),
        program(source, re.IGNORECASE),
        leading_literals(source),
    )


def _lexicon_files(folder: str) -> list[Path]:
    return [
        path
        for path in sorted(corpora_dir().joinpath(folder).glob("*.tsv"))
        if path.stem in LANGUAGES or path.stem in ("shared", "templates")
    ]


def _parse_folder(folder: str, codes: frozenset[str]) -> list[tuple]:
    rows = [
        _parse(f"corpora/{folder}/{path.name}: {row['id']}", row, codes)
        for path in _lexicon_files(folder)
        for row in iter_tsv(path)
    ]
    if len({row[0] for row in rows}) != len(rows):
        raise ModelError(f"corpora/{folder}: duplicate pattern ids")
    return rows


@functools.cache
def load_lexicon(folder: str, rules: tuple[Rule, ...]) -> tuple[Entry, ...]:
    """Every row of the lexicons in corpora/<folder>/: LANG.tsv per source language, and
    shared.tsv for families several languages share.

    Parsing a row (macros, a check that it compiles, its required literals, its compiled
    program) is kept in the disk cache, keyed by the lexicon files, the macros and this
    engine's code.
    """
    by_code = {rule.code: rule for rule in rules}
    build = functools.partial(_parse_folder, folder, frozenset(by_code))
    rows = cached(f"lexicon-{folder}", _cache_sources(folder), build)
    entries = []
    for row in rows:
        rule = by_code[row[1]]
        safe = rule.fix_safe if row[7] is None else row[7]
        entries.append(Entry(row[0], rule, *row[2:7], safe, *row[8:]))
    return tuple(entries)


@functools.cache
def lexicon_scanner(folder: str, rules: tuple[Rule, ...]) -> Scanner:
    """The scanner of every required literal of the lexicon's rows (its regex program is
    kept in the disk cache)."""
    words = frozenset(w for e in load_lexicon(folder, rules) for s in e.literals for w in s)

    def build() -> tuple[str, Program | None]:
        source = scanner_source(sorted(words))
        return source, program(source)

    source, built = cached(f"lexicon-{folder}-scanner", _cache_sources(folder), build)
    return Scanner(compiled(source, 0, built), words)


def _rows_by_word(entries: tuple[Entry, ...]) -> dict[str, tuple[int, ...]]:
    """Row numbers by each word of the row's first literal set (one of which every match
    holds); rows without literals under ""."""
    rows: dict[str, list[int]] = {}
    for number, entry in enumerate(entries):
        for word in entry.literals[0] if entry.literals else ("",):
            rows.setdefault(word, []).append(number)
    return {word: tuple(numbers) for word, numbers in rows.items()}


def _cache_sources(folder: str) -> list[Path]:
    """The files a lexicon's cached parse depends on."""
    return [
        *_lexicon_files(folder),
        corpus_path("calques", "macros.tsv"),
        *_class_files(),
        Path(__file__),
        Path(__file__).with_name("literals.py"),
        Path(regex_programs.__file__),
        Path(regex_trie.__file__),
    ]


def _spaces_before(text: str, start: int) -> re.Match[str] | None:
    """``_LEAD.search(text[:start])`` without scanning the whole text before ``start``."""
    stop = start - 1 if start and text[start - 1] == "\n" else start  # "$" before a final \n
    begin = stop
    while begin > 0 and text[begin - 1] in " \t":
        begin -= 1
    return _LEAD.search(text, begin, start)


def _deletion(doc: Document, start: int, end: int, at_start: bool) -> tuple[int, int, str] | None:
    """The span that deleting text[start:end] must cover, and what replaces it.

    At a sentence start the next word takes the capital ("It is worth noting that the" ->
    "The"). Elsewhere the phrase goes with the space before it; a bracketed phrase with its
    brackets; a phrase between commas with one comma, or both when no apposition is open
    ("The King, may God preserve him, received" -> "The King received"). Never across a
    line break; None when there is nothing to absorb.
    """
    text = doc.text
    if at_start:
        tail = _TAIL.match(text, end)
        return (start, tail.end(), tail.group(1).upper()) if tail else None
    lead = _spaces_before(text, start)
    if start and text[start - 1] == "(" and text[end : end + 1] == ")":
        outer = _spaces_before(text, start - 1)
        return (outer.start() if outer else start - 1, end + 1, "")
    if lead and text[lead.start() - 1 : lead.start()] == ",":
        comma = lead.start() - 1
        if text[end : end + 1] in ".;:!?" or not text[end : end + 1]:
            return (comma, end, "")
        if text[end : end + 1] == ",":
            sentence = doc.sentence_at(comma)
            opened = text.count(",", sentence.start if sentence else 0, comma) % 2 == 1
            return (comma, end, "") if opened else (comma, end + 1, "")
    return (lead.start(), end, "") if lead else None


_PAST = frozenset(
    [
        "did",
        "done",
        "had",
        "made",
        "gave",
        "given",
        "shown",
        "told",
        "held",
        "took",
        "taken",
        "kept",
        "brought",
        "threw",
        "thrown",
        "knew",
        "known",
        "felt",
        "sent",
        "spent",
        "got",
        "went",
        "gone",
        "won",
        "lost",
        "left",
        "paid",
        "laid",
        "said",
        "sold",
        "built",
        "broke",
        "broken",
        "fell",
        "fallen",
        "drew",
        "drawn",
        "stood",
        "ran",
        "sought",
        "caught",
        "taught",
        "fought",
        "came",
    ]
)


def inflected(forms: list[str], verb: str) -> str | None:
    """Of a verb's forms (past, -ing, third person -s, base), the one that ``verb`` (a
    matched verb, possibly with a particle: "carried out") is in."""
    if len(forms) != 4:
        return None
    word = verb.split()[0].lower()
    if word in _PAST or word.endswith("ed"):
        return forms[0]
    if word.endswith("ing"):
        return forms[1]
    if word.endswith("s"):
        return forms[2]
    return forms[3]


def match_case(suggestion: str, original: str) -> str:
    """The suggestion with the first letter's case of the text it replaces (a suggestion
    written with a capital is a name and keeps it)."""
    word = original.split(None, 1)[0] if original.strip() else ""
    if not suggestion or not original[:1].isalpha() or (len(word) > 1 and word.isupper()):
        return suggestion  # an acronym ("BPLA") says nothing about the case wanted
    if suggestion[0].isupper():
        return suggestion  # a name ("Gaza Strip", "Russia") keeps its capital
    first = suggestion[0].upper() if original[0].isupper() else suggestion[0].lower()
    return first + suggestion[1:]


class LexiconCheck(Check):
    """A check whose patterns are the rows of the lexicon in corpora/<folder>/."""

    folder: ClassVar[str]

    def entries(self) -> tuple[Entry, ...]:
        return load_lexicon(self.folder, self.rules)

    def check(self, doc: Document) -> Iterator[Finding]:
        """Every match of every entry; weak entries' only beside a strong finding."""
        starts = self._sentence_starts(doc)
        ordered = sorted(starts)
        text = folded(doc.text)
        scanner = lexicon_scanner(self.folder, self.rules)
        paragraphs = [
            (p, scanner.present(None if text is None else text[p.start : p.end]))
            for p in doc.paragraphs
        ]
        # an entry matches only inside a paragraph that holds its words
        present = None if text is None else frozenset().union(*(w for _, w in paragraphs))
        source_lang = self.settings.source_lang
        weak: list[Finding] = []
        strong = False
        entries = self.entries()
        for number in self._candidates(entries, present):
            entry = entries[number]
            if not entry.applies_to(source_lang) or not holds(entry.literals, present):
                continue  # another language's pattern, or a word every match needs is missing
            for match in self._matches(doc, entry, paragraphs, ordered, text):
                at_start = match.start() in starts
                if entry.at_start and not at_start:
                    continue
                if all(c.holds(doc, match.start()) for c in entry.contexts):
                    finding = self._finding(doc, entry, match, at_start)
                    if entry.confidence < WEAK:
                        weak.append(finding)
                    else:
                        strong = True
                        yield finding
        if strong:
            yield from weak

    def _candidates(
        self, entries: tuple[Entry, ...], present: frozenset[str] | None
    ) -> Sequence[int]:
        """The numbers of the rows that may match a text with these words, in order."""
        if present is None:
            return range(len(entries))
        indexed = getattr(self, "_by_word", None)
        if indexed is None or indexed[0] is not entries:
            indexed = self._by_word = (entries, _rows_by_word(entries))
        by_word = indexed[1]
        return sorted({n for word in ("", *present) for n in by_word.get(word, ())})

    @staticmethod
    def _matches(
        doc: Document,
        entry: Entry,
        paragraphs: list[tuple[Span, frozenset[str] | None]],
        starts: list[int],
        text: str | None,
    ) -> Iterator[re.Match[str]]:
        """The entry's matches, paragraph by paragraph: only where its words all occur. A
        sentence-start entry is tried only at the sentence starts (``starts``, sorted), and an
        entry whose matches start with known strings only where ``text`` (the ``folded`` text)
        holds one; the matches are those of ``finditer``."""
        for paragraph, present in paragraphs:
            if not holds(entry.literals, present):
                continue
            if entry.at_start:
                first = bisect.bisect_left(starts, paragraph.start)
                for start in starts[first : bisect.bisect_left(starts, paragraph.end)]:
                    match = entry.regex.match(doc.text, start, paragraph.end)
                    if match:
                        yield match
            elif entry.leading is None or text is None:
                yield from entry.regex.finditer(doc.text, paragraph.start, paragraph.end)
            else:
                reached = paragraph.start  # finditer's matches do not overlap
                for start in occurrences(text, entry.leading, paragraph.start, paragraph.end):
                    match = start >= reached and entry.regex.match(doc.text, start, paragraph.end)
                    if match:
                        reached = match.end()
                        yield match

    @staticmethod
    def _sentence_starts(doc: Document) -> set[int]:
        starts = set()
        for sentence in doc.sentences:
            offset = sentence.start
            while offset < sentence.end and doc.text[offset] in _OPENERS:
                offset += 1
            starts.add(offset)
        return starts

    def compute(self, name: str, doc: Document, match: re.Match[str]) -> str | None:
        """The value of a computed template ``<name>`` (None: no such rewrite here):
        ``<verb:PAST,ING,S,BASE>`` is the verb in the form of the matched group ``v``,
        followed by the group ``rest`` when the pattern has one."""
        kind, _, forms = name.partition(":")
        if kind == "verb" and match.groupdict().get("v"):
            verb = inflected(forms.split(","), match.group("v"))
            rest = match.groupdict().get("rest") or ""
            return verb + rest if verb else None
        return None

    def _expand(self, doc: Document, match: re.Match[str], template: str, at_start: bool):
        """A template expanded, or None; its first letter takes the case of the text it
        replaces, unless it starts with a group or is computed (a name or date keeps its
        case); at a sentence start it is a capital."""
        if template == DELETE:
            return template
        if template.startswith("<") and template.endswith(">"):
            rewrite = self.compute(template[1:-1], doc, match)
        elif template.startswith("\\g<"):
            rewrite = match.expand(template)
        else:
            return match_case(match.expand(template), match.group())
        if rewrite and at_start:
            rewrite = rewrite[:1].upper() + rewrite[1:]
        return rewrite

    def _finding(
        self, doc: Document, entry: Entry, match: re.Match[str], at_start: bool
    ) -> Finding:
        start, end = match.start(), match.end()
        expanded = [(t, self._expand(doc, match, t, at_start)) for t in entry.templates]
        pairs = [(t, r) for t, r in expanded if r is not None]
        first_kept = bool(pairs) and pairs[0][0] == entry.templates[0]
        if any(t == DELETE for t, _ in pairs):
            deletion = _deletion(doc, start, end, at_start)
            if deletion is None:  # no neighbour to absorb: no deletion is offered
                first_kept = first_kept and pairs[0][0] != DELETE
                pairs = [(t, r) for t, r in pairs if t != DELETE]
            else:
                new_start, new_end, kept = deletion
                before, after = doc.text[new_start:start], doc.text[end:new_end]
                pairs = [(t, kept if t == DELETE else before + r + after) for t, r in pairs]
                start, end = new_start, new_end
        rewrites = [r for _, r in pairs]
        return entry.rule.at(
            doc,
            start,
            end,
            entry.message(self.settings.source_lang),
            rewrites,
            confidence=entry.confidence,
            safe=entry.safe and first_kept,
        )
