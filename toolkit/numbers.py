"""Numbers, amounts and dates in text of any script, as values with their character spans.

Digits of any script (Arabic-Indic, Persian, full-width), thousands separators, decimals,
scale words ("1.5 million", "150万"), Chinese numerals before a measure word ("三名", "五月"),
English number words, ordinals and month names all become values, so "March 15" in a
translation matches "3月15日" in its source.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from toolkit.resources import corpus_path, iter_tsv, read_lines

# Same-length digit and separator mapping keeps offsets valid after translation.
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９٫٬．",
    "0123456789" * 3 + ".,.",
)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_APPROX_AFTER = re.compile(r"[几多余来]")
_ARTICLE_BEFORE = re.compile(r"(?i)\b(half\s+)?an?\s+$")
_AND_A_HALF = re.compile(r"(?i)\s+and\s+a\s+half(?=\s+(?:hundred|thousand|million|billion)\b)")
_NUMBER = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,])"  # 1.500,25: dot thousands, comma decimal
    r"|(?<![\d.,])\d+,\d{1,2}(?![\d,])"  # 2,5 (Turkish, European decimal comma)
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.])"  # 1.500.000
    r"|(?<![\d.,])\d+(?:\.\d+)?(?!\d)"
)


@dataclass(frozen=True, slots=True)
class Number:
    """A value found at text[start:end]; ``kind`` is digits, words, numeral or month.

    ``alternative`` is a second reading ("360.000" is 360,000 with a dot for thousands).
    ``approximate`` marks ranges and round counts ("五六" five or six, "几十" dozens,
    "30余万" over 300,000, "千" thousands) that a translation may word freely.
    """

    start: int
    end: int
    value: float
    kind: str
    approximate: bool = False
    alternative: float | None = None


@functools.cache
def _english() -> dict[str, tuple[float, str]]:
    rows = iter_tsv(corpus_path("bilingual", "numbers_en.tsv"))
    return {row["word"]: (float(row["value"]), row["kind"]) for row in rows}


@functools.cache
def _scales() -> dict[str, float]:
    """Scale words after a number: English ones plus those of the source languages."""
    rows = iter_tsv(corpus_path("bilingual", "scale_words.tsv"))
    foreign = {row["word"]: float(row["value"]) for row in rows}
    english = {w: v for w, (v, kind) in _english().items() if kind == "scale"}
    return english | foreign


@functools.cache
def _chinese() -> dict[str, tuple[int, str]]:
    rows = iter_tsv(corpus_path("bilingual", "numerals_zh.tsv"))
    return {row["char"]: (int(row["value"]), row["kind"]) for row in rows}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = sorted(_english(), key=len, reverse=True)
    english = re.compile(
        r"(?i)\b(?:" + "|".join(words) + r")\b(?:-(?:" + "|".join(words) + r")\b)?"
    )
    scales = sorted(_scales(), key=len, reverse=True)
    scale_after = re.compile(
        r"\s?(?:(" + "|".join(scales) + r")(?:[\u064b-\u0652]?ا?[\u064b-\u0652]?)\b"
        r"|[余多]?([万亿千百]+))",
        re.I,
    )
    measures = sorted(read_lines("bilingual", "measure_words_zh.txt"), key=len, reverse=True)
    numeral = re.compile(
        "[" + "".join(_chinese()) + "]+(?=" + "|".join(map(re.escape, measures)) + ")"
    )
    return english, scale_after, numeral


def _digits_value(text: str) -> float:
    """1,500.25, 1.500,25, 1.500.000 and 2,5 (a comma before one or two final digits is a
    decimal comma)."""
    if re.search(r",\d{1,2}$", text):
        return float(text.replace(".", "").replace(",", "."))
    if text.count(".") > 1:
        return float(text.replace(".", ""))
    return float(text.replace(",", ""))


def _chinese_value(text: str) -> int:
    table = _chinese()
    if len(text) > 1 and all(table[c][1] == "digit" for c in text):
        return int("".join(str(table[c][0]) for c in text))  # 二〇二二 = 2022
    total = section = number = 0
    for char in text:
        value, kind = table[char]
        if kind == "digit":
            number = value
        elif kind == "unit":
            section += (number or 1) * value
            number = 0
        else:
            total += (section + number) * value
            section = number = 0
    return total + section + number


def _numeral(text: str, start: int, end: int) -> Number:
    numeral = text[start:end]
    kinds = [_chinese()[c][1] for c in numeral]
    digit_run = re.search(r"(?:d){2,}", "".join(k[0] for k in kinds))
    year = len(numeral) == 4 and numeral[0] in "一二" and set(kinds) == {"digit"}
    approximate = (
        "d" not in "".join(k[0] for k in kinds)  # 百, 千万: hundreds, tens of millions
        or (digit_run is not None and not year)  # 五六, 两三: five or six
        or text[start - 1 : start] in ("几", "数", "好")
        or bool(_APPROX_AFTER.match(text, end))
    )
    return Number(start, end, float(_chinese_value(numeral)), "numeral", approximate)


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text`` with its value, sorted by position."""
    english, scale_after, numeral = _patterns()
    plain = text.translate(_DIGITS)
    found: list[Number] = []
    for match in _NUMBER.finditer(plain):
        if found and match.start() < found[-1].end:
            continue
        value, end = _digits_value(match.group()), match.end()
        if scale := scale_after.match(plain, end):
            word = (scale.group(1) or "").lower()
            for char in scale.group(2) or ():
                value *= _chinese()[char][0]
            value *= _scales()[word] if word else 1
            end = scale.end()
            if scale.group(2) and (rest := re.match(r"\d+", plain[end:])):
                value += int(rest.group())  # 2万4801 = 24801
                end += rest.end()
        approximate = bool(_APPROX_AFTER.match(plain, match.end()))
        dotted = _DOT_THOUSANDS.fullmatch(match.group())
        alternative = float(match.group().replace(".", "")) if dotted else None
        found.append(Number(match.start(), end, value, "digits", approximate, alternative))
    for match in english.finditer(text):
        if any(n.start <= match.start() < n.end for n in found):
            continue
        parts = [_english()[p.lower()] for p in match.group().split("-")]
        start, value, end = match.start(), sum(v for v, _ in parts), match.end()
        if parts[0][1] == "scale":
            article = _ARTICLE_BEFORE.search(text, 0, start)
            if not article:
                continue  # a bare "hundred" or "million" is counted with its number
            start = article.start()  # "a million", "half a million"
            value *= 0.5 if article.group(1) else 1
            found = [n for n in found if not start <= n.start < match.start()]
            parts[0] = (value, "cardinal")
        if parts[0][1] == "month" and match.group()[0].islower():
            continue  # "may", "march" as verbs
        if parts[0][1] == "cardinal" and (half := _AND_A_HALF.match(text, end)):
            value, end = value + 0.5, half.end()  # "two and a half million"
        while (scale := scale_after.match(text, end)) and scale.group(1):
            if _english().get(scale.group(1).lower(), (0, ""))[1] != "scale":
                break
            value *= _english()[scale.group(1).lower()][0]  # "one hundred million"
            end = scale.end()
        found.append(Number(start, end, value, parts[0][1]))
    for match in numeral.finditer(text):
        if any(n.start <= match.start() < n.end for n in found):
            continue
        found.append(_numeral(text, match.start(), match.end()))
    return sorted(found, key=lambda n: n.start)
