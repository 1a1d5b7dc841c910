"""NU103, NU104, NU106 and NU108: digits in a source-language format ("2,5 tons", "1.234,5",
"49/8 percent",
"2,20,000", "1.500.000", "1.500 people", "130 000 residents", "%35") and Turkish "at 40,62
level"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.checks.numbers.rules import DECIMAL_COMMA, DIGIT_GROUPING, LEVEL, PERCENT_FIRST
from toolkit.checks.numbers.values import plain, windows
from toolkit.document import Document
from toolkit.findings import Finding

_END = r"(?![\d]|[.,]\d)"
_DECIMAL = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:\.\d{{3}})+|\d+),\d{{1,2}}{_END}|(?<![\w.,])0,\d{{3,}}{_END}"
)
_GROUPED = re.compile(
    rf"(?<![\w.,])(?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}"  # 2,20,000
    rf"|\d{{1,3}}(?:\.\d{{3}}){{2,}}"  # 1.500.000
    rf"|\d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}})+){_END}"  # 130 000 with a no-break space
)
_LEVEL = re.compile(
    r"\b(?:at|to|from|above|below|around|near|under|over)\s+"
    r"(?P<number>\d+(?:[.,]\d+)*)\s+level\b(?!\s+(?:of|with)\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_LIST_WORD = re.compile(
    r"\b(?:pages?|pp|verses?|articles?|items?|paragraphs?|chapters?|sections?|nos?|numbers|"
    r"rooms?|lines?|seats?|points|questions|figures?|tables?|rules?)\W{0,2}$",
    re.IGNORECASE,
)
_LIST_AFTER = re.compile(r"\s*(?:,|and|or|&|to)\s*\d+(?!,\d{1,2}\b)(?:\.\d+)?")


def english_digits(text: str) -> str | None:
    """``text`` in English digit format when it is in a foreign one ("2,5" -> "2.5",
    "1.234,5" -> "1,234.5", "2,20,000" -> "220,000"), else None."""
    if _DECIMAL.fullmatch(text):
        whole, _, fraction = text.replace(".", "").partition(",")
        return f"{plain(Decimal(whole))}.{fraction}"
    if _GROUPED.fullmatch(text):
        return plain(Decimal(re.sub(r"\D", "", text)))
    return None


_DOTTED = re.compile(rf"(?<![\w.,])\d{{1,3}}\.\d{{3}}{_END}")  # 1.500: thousands or 1.5
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?![\d]|[.,]\d| \d)")  # 130 000
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$|[\d:]\s*$", re.IGNORECASE
)
_PERCENT_FIRST = re.compile(r"(?<![\w%/=&?+.#-])%\s?(?P<number>\d+(?:[.,]\d+)?)(?![\w%])")
_NUMBERISH = re.compile(r"\d[\d.,\u00a0\u202f\u2009]*\d")
_LEVEL_WORD = re.compile(r"\d\s+level\b")
# Persian writes the decimal point as a slash (۴۹/۸ = 49.8); MT copies it into the digits:
# "49/8 percent", "magnitude 6/3". A slash before a unit is read as decimal only when the
# first number is the larger (a fraction, "3/4 percent", has the smaller first), or for a
# magnitude.
_SLASH = re.compile(
    r"(?<![\w./,])(?P<whole>\d{1,3})/(?P<fraction>\d{1,2})(?![\w/])(?=\s*(?:%|percent\b|per\s+cent\b"
    r"|million\b|billion\b|thousand\b|trillion\b|magnitude\b|degrees?\b|on\s+the\s+Richter|"
    r"Richter\b|kilomet(?:er|re)s?\b|met(?:er|re)s?\b|tons?\b|tonnes?\b))"
    r"|(?<=magnitude\s)(?P<whole2>\d)/(?P<fraction2>\d{1,2})(?![\w/])",
    re.IGNORECASE,
)
_RICHTER = re.compile(r"\s*(?:magnitude|on\s+the\s+Richter|Richter)\b", re.IGNORECASE)


def format_findings(doc: Document, lower: str) -> Iterator[Finding]:
    """NU103, NU104 and NU106 findings of ``doc`` (``lower``: its text folded by `folded`)."""
    text = doc.text
    claimed = []
    for start, end in windows(lower, _LEVEL_WORD, before=40, after=10):
        for match in _LEVEL.finditer(text, start, end):
            number = match["number"]
            fixed = english_digits(number) or number
            claimed.append(match.start("number"))
            yield LEVEL.at(
                doc,
                match.start("number"),
                match.end(),
                f"'{number} level' is the Turkish 'seviyesinde' word for word; English "
                f"writes 'at {fixed}'.",
                [fixed],
                confidence=0.7,
            )
    if "%" in text:
        for match in _PERCENT_FIRST.finditer(text):
            number = match["number"]
            fixed = (english_digits(number) or number) + "%"
            claimed.append(match.start("number"))
            yield PERCENT_FIRST.at(
                doc,
                match.start(),
                match.end(),
                f"'{match.group()}' puts the percent sign first; English writes '{fixed}'.",
                [fixed],
                confidence=0.9,
            )
    if "/" in text:
        for match in _SLASH.finditer(text):
            whole = match["whole"] or match["whole2"]
            fraction = match["fraction"] or match["fraction2"]
            quake = match["whole2"] or _RICHTER.match(doc.text, match.end())
            if quake or int(whole) > int(fraction):  # a magnitude is never a fraction
                claimed.append(match.start())
                yield DECIMAL_COMMA.at(
                    doc,
                    match.start(),
                    match.end(),
                    f"'{match.group()}' has the Persian decimal slash; English writes "
                    f"'{whole}.{fraction}'.",
                    [f"{whole}.{fraction}"],
                    confidence=0.85,
                )
    for match in _SPACED.finditer(text):
        if text[match.start() - 1 : match.start()] not in ("", " ", "(", "\n", "\t"):
            continue  # "2024 300": part of a longer number
        if not _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            found = _counted(doc, match, lambda word: True)  # "130 000 residents"
            if found is not None:
                yield found
    for candidate in _NUMBERISH.finditer(text):
        if candidate.start() in claimed:
            continue
        for pattern, judge in ((_DECIMAL, _decimal), (_GROUPED, _grouped), (_DOTTED, _dotted)):
            match = pattern.match(text, candidate.start(), candidate.end() + 1)
            if match is not None and match.end() >= candidate.end():
                found = judge(doc, match)
                if found is not None:
                    yield found


def _decimal(doc: Document, match: re.Match[str]) -> Finding | None:
    if _ambiguous(doc.text, match):
        return None
    fixed = english_digits(match.group())
    return DECIMAL_COMMA.at(
        doc,
        match.start(),
        match.end(),
        f"'{match.group()}' has a decimal comma; English writes '{fixed}'.",
        [fixed],
        confidence=0.9,
    )


def _grouped(doc: Document, match: re.Match[str]) -> Finding:
    fixed = english_digits(match.group())
    return DIGIT_GROUPING.at(
        doc,
        match.start(),
        match.end(),
        f"'{match.group()}' groups its digits in a foreign style; English writes '{fixed}'.",
        [fixed],
        confidence=0.9,
    )


def _dotted(doc: Document, match: re.Match[str]) -> Finding | None:
    """ "1.500 people": one dotted group before a plural count noun (not a unit, a currency
    or a scale word) separates thousands: nobody counts one and a half people."""
    lex = AgreementLexicon.load()

    def counted(word: str) -> bool:
        noun = lex.plurals.get(word)
        return noun is not None and noun.singular not in lex.measure

    return _counted(doc, match, counted)


def _counted(doc: Document, match: re.Match[str], counted) -> Finding | None:
    """An NU104 finding for digits grouped by dots or spaces when a lower-case word that
    ``counted`` accepts follows them."""
    after = _NEXT_WORD.match(doc.text, match.end())
    if after is None or not counted(after.group(1)):
        return None
    fixed = plain(Decimal(re.sub(r"\D", "", match.group())))
    return DIGIT_GROUPING.at(
        doc,
        match.start(),
        match.end(),
        f"'{match.group()} {after.group(1)}': the digits are grouped in a foreign style; "
        f"English writes '{fixed}'.",
        [fixed],
        confidence=0.85,
    )


def _ambiguous(text: str, match: re.Match[str]) -> bool:
    """A comma that may not be decimal: after a year ("in 2019,20 people": a missing
    space), in a list of numbers ("pages 4,5 and 9"), after a word that lists them, or in
    brackets ("[1,1]")."""
    whole = match.group().split(",")[0]
    if _YEAR.fullmatch(whole):
        return True
    if _LIST_WORD.search(text, max(0, match.start() - 16), match.start()):
        return True
    before = text[max(0, match.start() - 2) : match.start()]
    if before.endswith(("[", "(")) and text[match.end() : match.end() + 1] in ("]", ")"):
        return True  # "[1,1]", "(0,5)": a pair, a vector or a score
    return bool(_LIST_AFTER.match(text, match.end())) or before.endswith((", ", "; "))
