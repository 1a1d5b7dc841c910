"""Number values for the numbers check: the scale table (corpora/numbers/scales.tsv), digit
strings read in English or source-language formats, and values written as English news
writes them ("230,000", "1.4 million", "43.85 trillion")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from toolkit.resources import corpus_path, iter_tsv

_MILLION = Decimal(10) ** 6
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (_MILLION, "million"))
# a number as English writes it: 230, 1,500, 2.5, 1,234.56
ENGLISH_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,\d])|\d+(?:\.\d+)?"
DECIMAL_COMMA = r"\d+,\d{1,2}(?![,\d])"  # 2,5: a decimal comma before a scale word


class Scale(NamedTuple):
    words: str
    value: Decimal
    calque: str  # digits, always, plural or no (see corpora/numbers/scales.tsv)


@functools.cache
def scales() -> dict[str, Scale]:
    """Scale words (lower case) with their value and when they are a calque."""
    rows = iter_tsv(corpus_path("numbers", "scales.tsv"))
    return {r["words"]: Scale(r["words"], Decimal(r["value"]), r["calque"]) for r in rows}


@functools.cache
def number_words() -> dict[str, int]:
    """English cardinal words from one to ninety ("twenty-five" is read from its parts)."""
    rows = iter_tsv(corpus_path("bilingual", "numbers_en.tsv"))
    return {
        r["word"]: int(r["value"])
        for r in rows
        if r["kind"] == "cardinal" and r["value"].isdigit() and r["value"] != "0"
    }


@functools.cache
def scale_pattern() -> str:
    """A regex alternation of the scale words, longest first, spaces as ``\\s+`` or a hyphen
    ('123 hundred-million yuan')."""
    words = sorted(scales(), key=len, reverse=True)
    return "|".join(r"(?:\s+|-)".join(map(re.escape, w.split())) for w in words)


@functools.cache
def word_number_pattern() -> str:
    words = sorted(number_words(), key=len, reverse=True)
    one = "|".join(words)
    return rf"(?:{one})(?:-(?:{one}))?"


def word_value(text: str) -> Decimal | None:
    """The value of "five", "twenty-five" or digits in English format ("1,500.5")."""
    lower = text.lower()
    if re.fullmatch(DECIMAL_COMMA, lower):
        return Decimal(lower.replace(",", "."))
    if lower[:1].isdigit():
        return Decimal(lower.replace(",", ""))
    parts = [number_words().get(p) for p in lower.split("-")]
    if None in parts:
        return None
    return Decimal(sum(parts))  # type: ignore[arg-type]


def is_calque_scale(words: str) -> bool:
    """Whether scale words after digits are a calque the numbers check reports ("thousand",
    "lakh", "ten thousand"), so the agreement check leaves the noun after them alone."""
    scale = scales().get(words.lower())
    return scale is not None and scale.calque != "no"


def scale_of(text: str) -> Scale:
    return scales()[" ".join(text.lower().replace("-", " ").split())]


def plain(value: Decimal) -> str:
    """Digits with thousands commas and no trailing zeros: 46500 -> "46,500"."""
    value = value.normalize()
    if value == value.to_integral_value():
        return f"{int(value):,}"
    whole, _, fraction = f"{value:f}".partition(".")
    return f"{int(whole):,}.{fraction}"


def in_words(value: Decimal) -> str:
    """``value`` as news writes it: digits below a million ("265,000"), a scale word above
    when the figure stays short ("1.4 million", "12.34 million", "43.85 trillion"), full
    digits otherwise ("1,170,000")."""
    for size, word in _SCALES:
        if value >= size:
            mantissa = (value / size).normalize()
            decimals = max(0, -mantissa.as_tuple().exponent)  # type: ignore[operator]
            if decimals <= 1 or (decimals <= 2 and mantissa >= 10):
                return f"{plain(mantissa)} {word}"
            break
    return plain(value)


def many(value: Decimal) -> str:
    """An indefinite count of the size of ``value``: 100,000 -> "hundreds of thousands"."""
    for size, word in ((Decimal(10) ** 9, "billions"), (_MILLION, "millions"), (1000, "thousands")):
        if value >= size:
            ratio = value / size
            prefix = {1: "", 10: "tens of ", 100: "hundreds of "}.get(int(ratio), "")
            return prefix + word
    return "hundreds"


def plural_of(word: str | None) -> str | None:
    """The plural of a lower-case singular count noun ("barrel" -> "barrels", "person" ->
    "people"), or None for other words, mass nouns and invariant units ("percent")."""
    if not word or not word.islower():
        return None
    from toolkit.checks.agreement.data import AgreementLexicon

    lex = AgreementLexicon.load()
    noun = lex.singulars.get(word)
    if noun is None or noun.mass or word in lex.invariant_units or word in lex.quantifiers:
        return None
    if noun.adjective and not noun.plural_common:
        return None  # "civilian"
    return noun.plural


def folded(text: str) -> str:
    """``text`` in lower case with the same offsets (``text`` itself when lower-casing would
    change its length, as "İ" does), for fast case-sensitive keyword scans."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def windows(
    lower: str, keyword: re.Pattern[str], before: int = 60, after: int = 120
) -> Iterator[tuple[int, int]]:
    """Merged spans around each match of ``keyword`` in ``lower``, ending at a space, in
    which a slower pattern is then run (``pattern.finditer(text, start, end)``)."""
    start = end = -1
    for match in keyword.finditer(lower):
        low = max(0, match.start() - before)
        high = min(len(lower), match.end() + after)
        space = lower.find(" ", high, high + 40)  # whole words: "barrel", not "bar"
        high = min(len(lower), high + 40) if space < 0 else space
        if start >= 0 and low <= end:
            end = max(end, high)
            continue
        if start >= 0:
            yield start, end
        start, end = low, high
    if start >= 0:
        yield start, end


def determined(word: str) -> bool:
    """A determiner or pronoun after 'of', which keeps it: "3,000 of them", "several
    hundred of the troops"."""
    from toolkit.checks.agreement.data import AgreementLexicon

    classes = AgreementLexicon.load().classes
    return word in classes["partitive"] or word in classes["pronoun"] or word == "which"
