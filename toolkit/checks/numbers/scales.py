"""NU101 and NU102: numbers written with scale words ("230 thousand barrel", "1 million 170
thousand", "4.65 ten thousand", "14 lakh"); the suggestion gives the digits and, when a
singular count noun follows, its plural ("230,000 barrels")."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.checks.numbers.rules import FOREIGN_UNIT, SCALE_WORD
from toolkit.checks.numbers.values import (
    DECIMAL_COMMA,
    ENGLISH_DIGITS,
    determined,
    in_words,
    many,
    plural_of,
    scale_of,
    scale_pattern,
    scales,
    windows,
    word_number_pattern,
    word_value,
)
from toolkit.document import Document
from toolkit.findings import Finding

_SEPARATOR = {"and": " and ", "to": " to ", "or": " or "}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    digits = rf"{ENGLISH_DIGITS}|{DECIMAL_COMMA}"  # "2,5 thousand" (Russian 2,5 tys.)
    words, units = word_number_pattern(), scale_pattern()
    pair = rf"(?:{digits}|{words})\s+(?:{units})\b"
    chain = re.compile(
        rf"(?<![\w.,])(?:(?P<low>{digits})(?P<sep>\s*[-–]\s*|\s+(?:and|to|or)\s+)"
        rf"(?=(?:{digits})\s+(?:{units})\b))?"
        rf"(?P<chain>{pair}(?:,?\s+(?:and\s+)?(?:{digits}|{words})\s+(?:{units})\b)*)"
        r"(?:\s+(?:and\s+)?(?P<rest>\d{1,3})(?![\d.,]|\s+(?:and|to|or|-)\b))?"
        r"(?:\s+(?P<noun>[a-z]+)\b)?",
        re.IGNORECASE,
    )
    part = re.compile(rf"(?P<number>{digits}|{words})\s+(?P<scale>{units})\b", re.IGNORECASE)
    plural_units = [w for w, s in scales().items() if s.calque == "always" and w.endswith("s")]
    alternation = "|".join(
        r"\s+".join(u.split()) for u in sorted(plural_units, key=len, reverse=True)
    )
    indefinite = re.compile(rf"\b(?P<unit>{alternation})\s+of\b", re.IGNORECASE)
    stems = sorted({w.split()[-1].rstrip("s") for w in scales()}, key=len, reverse=True)
    keywords = re.compile("|".join(stems))  # scanned in the lower-case text
    return chain, part, indefinite, keywords


def scale_findings(doc: Document, lower: str) -> Iterator[Finding]:
    """NU101/NU102 findings of ``doc`` (``lower``: its text folded by `folded`)."""
    chain, part, indefinite, keywords = _patterns()
    for start, end in windows(lower, keywords):
        position = start
        while match := chain.search(doc.text, position, end):
            found, position = _judge(doc, match, part), match.end()
            parts = list(part.finditer(doc.text, match.start("chain"), match.end("chain")))
            if found is None and len(parts) > 1:  # "2 thousand and 3 thousand": one by one
                single = chain.match(doc.text, match.start(), parts[0].end())
                found, position = (_judge(doc, single, part) if single else None), parts[0].end()
            if found is not None:
                yield found
        for match in indefinite.finditer(doc.text, start, end):
            unit = scale_of(match.group("unit"))
            yield FOREIGN_UNIT.at(
                doc,
                match.start(),
                match.end(),
                f"'{match.group('unit')}' counts in the source language's units; English "
                f"says '{many(unit.value)} of'.",
                [f"{many(unit.value)} of"],
                confidence=0.85,
            )


def _judge(doc: Document, match: re.Match[str], part: re.Pattern[str]) -> Finding | None:
    parts = [(m.group("number"), scale_of(m.group("scale"))) for m in part.finditer(match["chain"])]
    values = [word_value(number) for number, _ in parts]
    if None in values:
        return None
    digits = [number[0].isdigit() for number, _ in parts]
    first, scale = parts[0]
    if digits[0] and re.fullmatch(r"1[89]\d\d|20\d\d", first):
        return None  # "In 2008 ten thousand people": a year
    if len(parts) > 1:
        sizes = [s.value for _, s in parts]
        if any(a <= b for a, b in itertools.pairwise(sizes)):
            return None  # "5 million 3 billion"
        if not any(digits) and not re.search(r"\sand\s", match["chain"], re.IGNORECASE):
            return None  # "one thousand two hundred"; not Arabic "one thousand and two hundred"
        later = zip(values[1:], parts[1:], sizes, strict=False)
        if any(v * s.value >= prev for v, (_, s), prev in later):
            return None  # "1 million 1500 thousand"
    elif scale.calque == "no" or (scale.calque == "digits" and not digits[0]):
        return None  # "1.5 million", "ten thousand people"
    elif scale.calque == "digits" and values[0] >= scale.value:
        return None  # "100 hundred years": no count
    elif scale.calque == "plural" and (match["noun"] or "").lower() == "of" and not digits[0]:
        return None  # "several hundreds of": NU105
    unit = any(s.calque == "always" or " " in s.words for _, s in parts)  # lakh, ten thousand
    rule = FOREIGN_UNIT if unit else SCALE_WORD
    value = sum(v * s.value for v, (_, s) in zip(values, parts, strict=True))  # type: ignore[operator]
    start, end = match.start("chain"), match.end("chain")
    if match["rest"] and parts[-1][1].value >= 1000 and int(match["rest"]) < parts[-1][1].value:
        value, end = value + int(match["rest"]), match.end("rest")  # "3 thousand 500"
    suggestion = in_words(value)
    low = word_value(match["low"]) if match["low"] and len(parts) == 1 else None
    if low is not None and low < values[0] and end == match.end("chain"):
        start, low = match.start("low"), low * scale.value
        separator = match["sep"].strip()
        suggestion = f"{in_words(low)}{_SEPARATOR.get(separator.lower(), separator)}{suggestion}"
    plural = _plural_noun(doc, match)
    if plural is not None:
        end, suggestion = match.end("noun"), f"{suggestion} {plural}"
    elif (match["noun"] or "").lower() == "of" and end == match.end("chain"):
        after = re.match(r"\s+([\w']+)", doc.text[match.end("noun") :])
        if after and not determined(after.group(1).lower()):
            end = match.end("noun")  # "3 millions of dollars" -> "3 million dollars"
    words = doc.text[start:end]
    return rule.at(
        doc,
        start,
        end,
        f"'{words}' keeps the source language's number words; English news writes '{suggestion}'.",
        [suggestion],
        confidence=0.9,
    )


def _plural_noun(doc: Document, match: re.Match[str]) -> str | None:
    """The plural of the singular count noun right after the number, if one follows and
    ends its phrase ("230 thousand barrel per day", not "5 thousand dollar bills")."""
    plural, joined = plural_of(match["noun"]), doc.text[match.end("noun") :][:1]
    if plural is None or (joined and joined in "-'’/"):
        return None  # "600 thousand person-times"
    after = re.match(r"\s+([a-z]+)", doc.text[match.end("noun") :])
    if after and AgreementLexicon.load().is_noun(after.group(1)):
        return None
    return plural
