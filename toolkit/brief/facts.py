"""Facts a briefing lists: key entities with types, key figures, and the dates that
relative words ("Tuesday", "yesterday") stand for when the article's date is known."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from toolkit.document import Document
from toolkit.summarize.tokens import stop_words

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
    r"(?:about|around|nearly|almost|over|some|at least|more than|less than|fewer than|up to)\s+$",
    re.IGNORECASE,
)
_AFTER_NUMBER = re.compile(r"(?:\s*(?:%|percent|per cent|[A-Za-z][\w.’'-]*))+")
_CAPITALISED = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z][\w’'-]+(?:\s+(?:al-|el-|of\s+|the\s+)?[A-Z][\w’'-]+)*"
)
_ORDINAL = re.compile(r"(?:\d+(?:st|nd|rd|th)|first|second|third|[a-z]+th)$", re.IGNORECASE)
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


def entities(doc: Document, limit: int = 10) -> list[Entity]:
    """Gazetteer entities (canonical names and types) first, then names spaCy's NER finds
    (or, without spaCy, capitalised names said at least twice); most mentioned first."""
    from toolkit.names import load_gazetteer
    from toolkit.names.resolve import analyse

    known: Counter = Counter()
    types: dict[str, str] = {}
    covered: list[tuple[int, int]] = []
    for mention in analyse(doc, load_gazetteer()).mentions:
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
    """(start, text, type) of spaCy's named entities; empty when spaCy is not installed."""
    from toolkit.errors import ModelError
    from toolkit.nlp import english_pipeline

    try:
        nlp = english_pipeline()
    except ModelError:
        return []
    return [
        (e.start_char, e.text, NER_TYPES[e.label_])
        for e in nlp(doc.text).ents
        if e.label_ in NER_TYPES
    ]


def _capitalised(doc: Document) -> list[tuple[int, str, str]]:
    return [(m.start(), m.group(), "name") for m in _CAPITALISED.finditer(doc.text)]


def figures(doc: Document, limit: int = 6) -> list[Figure]:
    """Counts and amounts with what they count, in article order, one per value; dates,
    years, ordinals and bare numbers left out."""
    from toolkit.numbers import find_numbers

    out: list[Figure] = []
    for number in find_numbers(doc.text):
        if (
            number.kind == "month"
            or _ORDINAL.search(doc.text[number.start : number.end])
            or (
                number.kind == "digits"
                and 1900 <= number.value <= 2100
                and "," not in doc.text[number.start : number.end]
            )
        ):
            continue
        start = number.start
        if start and doc.text[start - 1].isalnum():
            continue  # part of a code such as G7 or F-16
        money = start > 0 and doc.text[start - 1] in "$£€¥"
        start -= money
        head = doc.text[max(0, start - 30) : start]
        qualifier = _QUALIFIER.search(head)
        start -= len(qualifier.group()) if qualifier else 0
        end = _counted_end(doc.text, number.end)
        if end == number.end and not money:
            continue  # a bare number says nothing without what it counts
        phrase = " ".join(doc.text[start:end].split()).rstrip(".,;:")
        if number.value not in {f.value for f in out}:
            out.append(Figure(phrase, number.value))
    return out[:limit]


def _counted_end(text: str, end: int) -> int:
    """End of the words after a number that name what it counts: capitalised modifiers
    ("U.S.") up to the first lower-case word ("troops"), at most three words."""
    stops = stop_words("en")
    position = end
    for match in re.finditer(r"\s*(%|percent|per cent|[A-Za-z][\w.’'-]*)", text[end : end + 60]):
        if match.start() != position - end:
            break
        word = match.group(1).rstrip(".")
        if word.lower() in stops or word.lower() in MONTHS:
            break
        position = end + match.end()
        if word[:1].islower() or word == "%":
            break
        if match.group(1).endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", match.group(1)):
            position -= 1
            break
        if position - end > 40 or len(text[end:position].split()) >= 3:
            break
    return position


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
