"""NU109: dates and times in the source language's format ("00h30", "the 12e minute",
"le 3 mars", "15 Temmuz 2016", "19 nov", "2024 year 3 month 5 day", "in 2023 year", "the 113th
year of the Republic"), each with the English form as its suggestion.

French writes hours as 14h30 and ordinals as 12e; MT leaves foreign month names and lower-case
Russian abbreviations in dates; Chinese gives year, month and day with their unit words (年月日)
and Taiwan counts years from 1912 (Minguo); Russian puts 'year' after a year (в 2023 году);
Japanese era years and the Thai Buddhist era count from other origins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.numbers.rules import DATE_FORMAT
from toolkit.document import Document
from toolkit.findings import Finding
from toolkit.resources import corpus_path, iter_tsv

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_HOUR = re.compile(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]) ?h ?(?P<m>[0-5]\d)(?![\w:])")
_ORDINAL = re.compile(
    r"(?<![\w.,-])(?P<n>\d{1,3})(?P<s>e|ème|eme|er|ère|-th|-st|-nd|-rd)(?=\s+(?-i:[a-z]{3,}))"
)
_ENGLISH_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_MONTH_NUMBER = "|".join(MONTHS)
_THE_DAY_OF = re.compile(rf"\bthe\s+(?P<d>[12]?\d|3[01])\s+of\s+(?P<m>{_MONTH_NUMBER})\b")
_CHINESE = re.compile(
    r"(?<![\w,.])(?:(?P<y>(?:19|20)\d\d)\s*years?\s*)?(?P<m>1[0-2]|0?[1-9])\s*month\s*"
    r"(?:(?P<d>[12]\d|3[01]|0?[1-9])\s*(?:day|date|th)\b)?"
)
_YEAR_WORD = re.compile(
    r"\b(?P<p>in|of|since|until|by|from|to|for|during)\s+(?P<y>(?:19|20)\d\d)\s+year\b"
    r"(?=\s*[,.;:)]|\s+(?:and|or|the|a|an|when|in|on|at|to|for|with|was|is|had|has|compared)\b)"
)
_ERAS = (
    (
        re.compile(
            r"(?:(?:the\s+)?(?P<n>\d{2,3})(?:th|st|nd|rd)?\s+year\s+of\s+the\s+Republic"
            r"(?:\s+of\s+China)?|(?:Minguo|ROC|Republic\s+of\s+China)\s+(?:year\s+)?(?P<n2>\d{2,3}))"
            r"\b(?!\s+(?:years|Navy|Army|Air|armed))"
        ),
        1911,
        "Taiwan counts years from 1912 (Minguo)",
    ),
    (re.compile(r"\bReiwa\s+(?P<n>\d{1,2})\b"), 2018, "the Reiwa era began in 2019"),
    (re.compile(r"\bHeisei\s+(?P<n>\d{1,2})\b"), 1988, "the Heisei era began in 1989"),
    (
        re.compile(r"\b(?:B\.\s?E\.|Buddhist\s+Era)\s+(?P<n>2[45]\d\d)\b"),
        -543,
        "the Thai Buddhist era is 543 years ahead",
    ),
)


@functools.cache
def _foreign_months() -> tuple[re.Pattern[str], dict[str, tuple[int, str]]]:
    """The month-name pattern (a day before it, or a day after it and a year) and each
    lower-case form's month and english column."""
    table = {
        row["form"]: (int(row["month"]), row["english"])
        for row in iter_tsv(corpus_path("numbers", "foreign_months.tsv"))
    }
    names = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w.,:/-])(?:(?P<d>[12]\d|3[01]|0?[1-9])(?:er|e)?\s+(?P<m>(?i:{names}))\b(?:\.(?=\s+(?:19|20)\d\d))?"
        rf"(?:\s+(?P<y>(?:19|20)\d\d))?"
        rf"|(?P<m2>(?i:{names}))\s+(?P<d2>[12]\d|3[01]|0?[1-9]),?\s+(?P<y2>(?:19|20)\d\d))(?![\w-])"
    )
    return pattern, table


def date_findings(doc: Document, lower: str) -> Iterator[Finding]:
    """NU109 findings: each shape of a foreign date or time with its English form."""
    text = doc.text
    shapes = (
        ("h", _HOUR, _hour, "French writes hours as 14h30"),
        ("", _ORDINAL, _ordinal, "an ordinal in the source's form"),
        ("of", _THE_DAY_OF, _day_of, "the source's order: the 8 of May"),
        ("month", _CHINESE, _chinese, "Chinese gives year, month and day with unit words"),
        (" year", _YEAR_WORD, _year_word, "Russian puts 'year' after a year: в 2023 году"),
    )
    for cue, pattern, english, why in shapes:
        if cue in lower:
            for match in pattern.finditer(text):
                written = english(match)
                if written:
                    yield _finding(doc, match, written, why)
    for pattern, offset, why in _ERAS:
        for match in pattern.finditer(text):
            year = int(match["n"] or match.groupdict().get("n2") or 0) + offset
            if 1912 <= year <= 2100:
                yield _finding(doc, match, str(year), why)
    yield from _month_names(doc)


def _hour(match: re.Match[str]) -> str:
    return f"{match['h']}:{match['m']}"


def _ordinal(match: re.Match[str]) -> str:
    number = int(match["n"])
    teen = number % 100 in (11, 12, 13)
    return f"{number}{'th' if teen else _ENGLISH_SUFFIX.get(number % 10, 'th')}"


def _day_of(match: re.Match[str]) -> str:
    return f"{match['d']} {match['m']}"


def _chinese(match: re.Match[str]) -> str | None:
    """'2024 year 3 month 5 day' -> '5 March 2024'; None for '3 month' alone."""
    if match["y"] is None and match["d"] is None:
        return None
    parts = [str(int(match["d"])) if match["d"] else "", MONTHS[int(match["m"]) - 1]]
    return " ".join(p for p in (*parts, match["y"] or "") if p)


def _year_word(match: re.Match[str]) -> str:
    return f"{match['p']} {match['y']}"


def _month_names(doc: Document) -> Iterator[Finding]:
    """'le 3 mars', '15 Temmuz 2016', '19 nov': a foreign or lower-case month in a date."""
    pattern, table = _foreign_months()
    for match in pattern.finditer(doc.text):
        written = match["m"] or match["m2"]
        month, english = table[written.lower()]
        year = match["y"] or match["y2"]
        if english == "lower" and not written.islower():
            continue  # "19 Nov" is English
        if english == "yes" and not written.islower() and not year:
            continue  # "2 Mars rovers"
        day = int(match["d"] or match["d2"])
        fixed = f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")
        yield _finding(doc, match, fixed, "a month name left in the source's language or form")


def _finding(doc: Document, match: re.Match[str], english: str, why: str) -> Finding:
    return DATE_FORMAT.at(
        doc,
        match.start(),
        match.end(),
        f"'{match.group()}' is a date or time in the source's format ({why}); English "
        f"writes '{english}'.",
        [english],
        confidence=0.8,
    )
