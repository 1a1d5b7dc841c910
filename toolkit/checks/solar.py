"""Dates of the Iranian and Afghan solar calendars (Solar Hijri) in the Gregorian calendar.

The arithmetic 33-year leap cycle agrees with the official calendar from 1343 to 1473 AP
(1964-2094), the years news gives. Month names (Persian, Dari, and the English zodiac words
MT uses for Dari ones) are data: corpora/calques/solar_months.tsv.
"""

from __future__ import annotations

import datetime
import functools
import re

from toolkit.resources import corpus_path, iter_tsv

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_FIRST = re.compile(r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b")  # fmt: skip
_MONTH_FIRST = re.compile(r"\b(?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)\s+\d{1,2}\b")  # fmt: skip
_YEAR = re.compile(r"\b(?:13[4-9]\d|14[0-7]\d|19[6-9]\d|20\d\d)\b")


@functools.cache
def months() -> dict[str, int]:
    """Month number by lower-case name."""
    path = corpus_path("calques", "solar_months.tsv")
    return {row["name"].lower(): int(row["month"]) for row in iter_tsv(path)}


def to_gregorian(year: int, month: int, day: int) -> datetime.date | None:
    """The Gregorian date of a Solar Hijri date, or None when there is no such day."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    y = year + 1595
    days = -355668 + 365 * y + (y // 33) * 8 + ((y % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month <= 6 else (month - 7) * 30 + 186
    return datetime.date.fromordinal(days - 365)


def _candidate_years(text: str, month: int) -> list[int]:
    """Solar years a date without one may belong to, from the years the text names."""
    years: list[int] = []
    for found in _YEAR.findall(text):
        value = int(found)
        if value < 1900:
            options = [value]
        else:  # a Gregorian year: months 1-9 (March-December) fall in Y-621, the rest in Y-622
            options = [value - 621] if month <= 9 else [value - 622, value - 621]
        years += [y for y in options if y not in years]
    return years


def gregorian(text: str, day: str, month: str, year: str | None, weekday: str | None) -> str:
    """'5 October 2025' (or 'October 5, 2025', as the text writes dates) for a solar date;
    without a year, the one the text implies, which a weekday must confirm; '' if unsure."""
    number = months().get(re.sub(r"^the\s+", "", month.lower()))
    if number is None:
        return ""
    years = [int(year)] if year else _candidate_years(text, number)
    dates = [d for y in years if (d := to_gregorian(y, number, int(day)))]
    if weekday:
        dates = [d for d in dates if _WEEKDAYS[d.weekday()] == weekday.lower()]
    elif not year:
        dates = dates[:1] if len({d for d in dates}) == 1 else []
    if not dates:
        return ""
    date = dates[0]
    month_first = len(_MONTH_FIRST.findall(text)) > len(_DAY_FIRST.findall(text))
    name = date.strftime("%B")
    if month_first:
        return f"{name} {date.day}, {date.year}" if year else f"{name} {date.day}"
    return f"{date.day} {name} {date.year}" if year else f"{date.day} {name}"
