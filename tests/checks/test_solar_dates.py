import datetime

import pytest

from toolkit.checks.calques import CalqueCheck
from toolkit.checks.solar import gregorian, to_gregorian
from toolkit.document import Document
from toolkit.settings import Settings


@pytest.mark.parametrize(
    ("solar", "date"),
    [
        ((1403, 1, 1), (2024, 3, 20)),  # Nowruz
        ((1404, 1, 1), (2025, 3, 21)),
        ((1399, 12, 30), (2021, 3, 20)),  # leap year's last day
        ((1375, 1, 1), (1996, 3, 20)),
        ((1403, 9, 12), (2024, 12, 2)),
    ],
)
def test_solar_hijri_dates_convert_exactly(solar, date):
    assert to_gregorian(*solar) == datetime.date(*date)


def test_impossible_solar_days_give_nothing():
    assert to_gregorian(1403, 7, 31) is None  # months 7-12 have 30 days


def test_a_date_without_year_takes_the_year_the_weekday_confirms():
    text = "The order came on Monday, 12 of Bow, in a 2024 meeting."
    assert gregorian(text, "12", "Bow", None, "Monday") == "2 December"
    assert gregorian(text, "12", "Bow", None, "Friday") == ""  # no year fits the weekday


def test_calendar_findings_suggest_the_gregorian_date_in_the_text_style():
    text = "Prices rose on March 3, 2024. The council met on 13 Aban 1403 in Tehran."
    (finding,) = [f for f in CalqueCheck(Settings()).run(Document(text)) if f.rule == "CQ105"]
    assert finding.text == "13 Aban 1403" and finding.suggestions == ("November 3, 2024",)


def test_persian_year_becomes_the_gregorian_year_it_mostly_covers():
    text = "In the year 1398, Iran's cabinet sent the bill to the Majlis."
    (finding,) = CalqueCheck(Settings()).run(Document(text))
    assert finding.suggestions == ("In 2019",)
