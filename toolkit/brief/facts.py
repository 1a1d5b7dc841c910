"""Facts a briefing lists: key entities with types, key figures, and the dates that
relative words ("Tuesday", "yesterday") stand for when the article's date is known."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.document import Document
from toolkit.resources import read_lines
from toolkit.summarize.tokens import stop_words

if TYPE_CHECKING:
    from toolkit.names.gazetteer import Gazetteer

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_RELATIVE = re.compile(
    r"\b(?:(last|next|this)\s+)?(" + "|".join(WEEKDAYS) + r")\b|\b(yesterday|today|tomorrow"
    r"|last night|tonight)\b",
    re.IGNORECASE,
)
_MONTH = "|".join(MONTHS)
_DATES = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE), ("b", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}})\b", re.IGNORECASE), ("d", "b", "y")),
)
_QUALIFIER = re.compile(
    r"(?:about|around|nearly|almost|over|some|at least|more than|less than|fewer than|up to"
    r"|between|from)\s+$",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z][\w’'-]+(?:\s+(?:al-|el-|of\s+|the\s+)?[A-Z][\w’'-]+)*"
)
_ORDINAL = re.compile(r"(?:\d+(?:st|nd|rd|th)|first|second|third|[a-z]+th)$", re.IGNORECASE)
NER_CHARS = 50_000
NER_SENTENCE_CHARS = 1_000
NER_BATCH = 32
# Countries and regions are context; groups, places, bases and people are the news.
BROAD_TYPES = {"country": 0.5, "region": 0.5}
NER_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: its canonical name, type ("place", "group", ... or "name") and count."""

    name: str
    type: str
    mentions: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with the words that say what it counts ("about 2,500 U.S. troops")."""

    text: str
    value: float


@dataclass(frozen=True, slots=True)
class DateRef:
    """A relative date word of the article and the day it means (None when unknown)."""

    text: str
    date: str | None


def entities(doc: Document, limit: int = 10, names: Gazetteer | None = None) -> list[Entity]:
    """Gazetteer entities (canonical names and types; ``names``, else the built-in
    gazetteer) first, then names spaCy's NER finds (or, without spaCy, capitalised names
    said at least twice); most mentioned first."""
    from toolkit.names import load_gazetteer
    from toolkit.names.resolve import analyse

    known: Counter = Counter()
    types: dict[str, str] = {}
    covered: list[tuple[int, int]] = []
    for mention in analyse(doc, names or load_gazetteer()).mentions:
        known[mention.entry.canonical] += 1
        types[mention.entry.canonical] = mention.entry.type
        covered.append((mention.start, mention.end))
    ranked = sorted(known, key=lambda name: -known[name] * BROAD_TYPES.get(types[name], 1.0))
    found = [Entity(name, types[name], known[name]) for name in ranked]
    other, other_types = _other_names(doc, covered)
    found += [
        Entity(name, other_types[name], n)
        for name, n in other.most_common()
        if name not in known and (n >= 2 or other_types[name] in ("person", "organisation"))
    ]
    return found[:limit]


def _other_names(doc: Document, covered: list[tuple[int, int]]) -> tuple[Counter, dict[str, str]]:
    """Names outside the gazetteer mentions, counted, with a type."""
    counts: Counter = Counter()
    types: dict[str, str] = {}
    for start, name, kind in _ner(doc) or _capitalised(doc):
        name = re.sub(r"^[Tt]he\s+|['’]s?$", "", name).strip()
        folded = name.casefold()
        if (
            len(name) < 2
            or any(s <= start < e for s, e in covered)
            or folded in stop_words("en")
            or folded in WEEKDAYS
            or folded in MONTHS
        ):
            continue
        counts[name] += 1
        types.setdefault(name, kind)
    return counts, types


def _ner(doc: Document) -> list[tuple[int, str, str]]:
    """(start, text, type) of spaCy's named entities in the article's sentences (the first
    ``NER_CHARS`` characters of them, sentences longer than ``NER_SENTENCE_CHARS`` left out:
    the tokenizer is slow on long runs of brackets, and names of note come early); empty when
    spaCy is not installed."""
    from toolkit.errors import ModelError
    from toolkit.nlp import english_pipeline

    try:
        nlp = english_pipeline()
    except ModelError:
        return []
    spans, used = [], 0
    for sentence in doc.sentences:
        if len(sentence) > NER_SENTENCE_CHARS:
            continue
        if used + len(sentence) > NER_CHARS:
            break
        spans.append(sentence)
        used += len(sentence)
    # The recognizer has its own token vectors: the tagger and parser are not needed, and
    # small batches keep memory flat (the defaults cost 100 MB more on a 50,000-char lead).
    parsed = nlp.pipe(
        (doc[s] for s in spans),
        disable=[name for name in nlp.pipe_names if name != "ner"],
        batch_size=NER_BATCH,
    )
    return [
        (span.start + e.start_char, e.text, NER_TYPES[e.label_])
        for span, one in zip(spans, parsed, strict=True)
        for e in one.ents
        if e.label_ in NER_TYPES
    ]


def _capitalised(doc: Document) -> list[tuple[int, str, str]]:
    return [(m.start(), m.group(), "name") for m in _CAPITALISED.finditer(doc.text)]


def figures(doc: Document, limit: int = 6) -> list[Figure]:
    """Counts and amounts with what they count, in article order, one per value ("three
    separate rounds of strikes", "about one percentage point", "$1.5 billion", "between 180
    and 190 barrels per day"); dates, years, times, ordinals, codes and bare numbers left out."""
    from toolkit.numbers import find_numbers

    text = doc.text
    out: list[Figure] = []
    numbers = find_numbers(text)
    previous = None
    for number in numbers:
        joined = previous if _joins(text, previous, number) else None
        previous = number
        if _not_a_count(text, number):
            continue
        start = joined.start if joined else number.start
        money = start > 0 and text[start - 1] in "$£€¥"
        start -= money
        qualifier = _QUALIFIER.search(text[max(0, start - 30) : start])
        start -= len(qualifier.group()) if qualifier else 0
        end = _counted_end(text, number.end)
        if end == number.end and not money:
            continue  # a bare number says nothing without what it counts
        phrase = " ".join(text[start:end].split()).rstrip(".,;:")
        if number.value not in {f.value for f in out}:
            out.append(Figure(phrase, number.value))
    return out[:limit]


_JOINERS = re.compile(r"\s*(?:-|–|—|to|and|and a|or)\s*")
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|GMT|UTC)|:\d", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|per ?cent\b|percentage points?\b|basis points?\b)", re.IGNORECASE
)
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")
_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)-", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w.’'-]*)")
_TAIL = re.compile(r"\s+(?:of\s+(?:the\s+)?[a-z][\w’'-]*|per\s+[a-z]+)")


@functools.cache
def _measure_nouns() -> frozenset[str]:
    return frozenset(read_lines("brief", "measure_nouns.txt"))


def _joins(text: str, first, second) -> bool:
    """Whether two numbers make one range or quantity ("180 and 190 thousand", "9 to 27",
    "two and a half")."""
    return first is not None and bool(_JOINERS.fullmatch(text[first.end : second.start]))


def _not_a_count(text: str, number) -> bool:
    """Dates, years, times, ordinals and codes (G7, F-16, An-24)."""
    written = text[number.start : number.end]
    before = text[max(0, number.start - 2) : number.start]
    return (
        number.kind == "month"
        or bool(_ORDINAL.search(written))
        or (number.kind == "digits" and 1900 <= number.value <= 2100 and "," not in written)
        or bool(_TIME_AFTER.match(text, number.end))
        or bool(re.search(r"\w-?$", before))
        or text[number.end : number.end + 1] == ":"
    )


def _counted_end(text: str, end: int) -> int:
    """End of the words after a number that say what it counts: a unit ("%", "percentage
    points"), or modifiers ("separate", "U.S.") up to the head noun ("rounds", "troops"),
    with "of strikes" after a measure noun and "per day" after a rate."""
    if unit := _UNIT_AFTER.match(text, end):
        return unit.end()
    stops = stop_words("en")
    position = head = end
    for _ in range(4):
        match = _WORD_AFTER.match(text, position)
        if not match:
            break
        word = match.group(1)
        if not _ABBREVIATION.fullmatch(word):
            word = word.rstrip(".")
        lower = word.lower()
        if lower in stops or lower in MONTHS or re.search(r"(?:ing|ed)$", lower):
            break
        position = match.start(1) + len(word)
        if word[:1].islower() and not _NAME_PARTICLE.match(word):
            head = position
            if _plural(lower) or text[position : position + 1] in (".", ",", ";", ":", ")"):
                break
    if head == end:
        return end  # no lower-case noun: a name or code after a number ("1446 AH", "5 PM")
    tail = _TAIL.match(text, head)
    noun = text[text.rfind(" ", 0, head) + 1 : head].lower()
    if tail and (tail.group().split()[0] == "per" or noun in _measure_nouns()):
        return tail.end()
    return head


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def article_date(doc: Document) -> dt.date | None:
    """The first full date the article gives (2024-01-24, January 24, 2024, 24 January 2024)."""
    best: tuple[int, dt.date] | None = None
    for pattern, order in _DATES:
        for match in pattern.finditer(doc.text):
            parts = dict(zip(order, match.groups(), strict=True))
            try:
                month = int(parts["m"]) if "m" in parts else MONTHS.index(parts["b"].lower()) + 1
                found = dt.date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), found)
            break
    return best[1] if best else None


def relative_dates(doc: Document, date: dt.date | None) -> list[DateRef]:
    """Each distinct relative date word and the day it means, given the article's date.

    A bare weekday is the latest such day on or before the article date (news reports
    the past); "next Friday" the first after it.
    """
    out: dict[str, DateRef] = {}
    for match in _RELATIVE.finditer(doc.text):
        text = " ".join(match.group().split())
        key = text.lower()
        if key in out:
            continue
        out[key] = DateRef(text, _resolve(match, date).isoformat() if date else None)
    return list(out.values())


def _resolve(match: re.Match, date: dt.date) -> dt.date:
    which, weekday, word = match.group(1), match.group(2), match.group(3)
    if word:
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word.lower(), 0)
        return date + dt.timedelta(days=shift)
    target = WEEKDAYS.index(weekday.lower())
    back = (date.weekday() - target) % 7
    if which and which.lower() == "next":
        return date + dt.timedelta(days=(target - date.weekday()) % 7 or 7)
    if which and which.lower() == "last" and back == 0:
        back = 7
    return date - dt.timedelta(days=back)
