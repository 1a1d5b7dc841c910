"""The numbers check (NU101-NU107): number calques and source-language number formats."""

from __future__ import annotations

from decimal import Decimal

import pytest

import toolkit
from toolkit.checks.numbers import NumberCheck
from toolkit.checks.numbers.values import in_words, many
from toolkit.document import Document


def findings(text: str) -> list[tuple[str, str, str]]:
    """(rule, span text, first suggestion) of every finding."""
    return [(f.rule, f.text, f.suggestions[0]) for f in NumberCheck().run(Document(text))]


def apply(text: str, rule: str) -> str:
    """``text`` with the first suggestion of each finding of ``rule`` applied."""
    for f in sorted(NumberCheck().run(Document(text)), key=lambda f: -f.start):
        if f.rule == rule:
            text = text[: f.start] + f.suggestions[0] + text[f.end :]
    return text


@pytest.mark.parametrize("rule", NumberCheck.rules, ids=lambda r: r.code)
def test_rule_example_fires_and_gives_the_fixed_text(rule):
    assert apply(rule.example, rule.code) == rule.fixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic alf, Russian tys.: the word "thousand" after digits, noun left singular
        ("The field pumps 350 thousand barrel per day.", ("NU101", "350,000 barrels")),
        ("About 12 thousand person fled.", ("NU101", "12,000 people")),
        ("It costs 7.5 thousand dollars.", ("NU101", "7,500")),
        ("between 40 and 45 thousand tonnes", ("NU101", "40,000 and 45,000")),
        ("from 40 to 45 thousand tonnes", ("NU101", "40,000 to 45,000")),
        ("some 40-45 thousand tonnes", ("NU101", "40,000-45,000")),
        # Persian and Arabic word groups
        ("The rial fell to 2 million 300 thousand.", ("NU101", "2.3 million")),
        ("It was sold for 3 million 450 thousand rials.", ("NU101", "3,450,000")),
        ("a budget of 5 millions euros", ("NU101", "5 million")),
        ("About 3 thousands people came.", ("NU101", "3,000")),
        ("About 3 thousand 500 people fled.", ("NU101", "3,500")),
        ("It raised 3 millions of dollars.", ("NU101", "3 million")),  # "of" dropped too
        ("About 3 thousands of them fled.", ("NU101", "3,000")),  # "of them" kept
        ("It borrowed 1.5 milliard dollars.", ("NU102", "1.5 billion")),
        ("It shipped 2,5 thousand tons.", ("NU101", "2,500")),
        # Chinese wan, yi, wanyi; South Asian lakh and crore
        ("Sales reached 3.2 ten thousand units.", ("NU102", "32,000")),
        ("It exceeded 85 ten thousand for the first time.", ("NU102", "850,000")),
        ("The project cost 2.7 hundred million yuan.", ("NU102", "270 million")),
        ("Ticket sales passed 48 hundred-million yuan.", ("NU102", "4.8 billion")),
        ("Output rose to 6.5 ten-thousand tonnes.", ("NU102", "65,000")),
        ("Trade reached 12.5 million billion yuan.", ("NU102", "12.5 trillion")),
        ("About 12 lakh people were displaced.", ("NU102", "1.2 million")),
        ("The board released Rs 75 crore.", ("NU102", "750 million")),
        ("Some 3 lakh 40 thousand people were moved.", ("NU102", "340,000")),
        ("Five lakh people attended.", ("NU102", "500,000")),
        ("Floods hit lakhs of families.", ("NU102", "hundreds of thousands of")),
        ("They lost crores of rupees.", ("NU102", "tens of millions of")),
        # decimal comma, foreign digit grouping
        ("Inflation eased to 38,6 percent.", ("NU103", "38.6")),
        ("The index closed at 9,75 points.", ("NU103", "9.75")),
        ("It weighs 1.234,5 tons.", ("NU103", "1,234.5")),
        ("a rate of 0,125", ("NU103", "0.125")),
        ("The river carried 3,40,000 cusecs.", ("NU104", "340,000")),
        ("It has 1.500.000 members.", ("NU104", "1,500,000")),
        ("About 130\u00a0000 residents left.", ("NU104", "130,000")),
        ("About 130 000 residents left.", ("NU104", "130,000")),  # Russian, French
        ("About 1.500 people were evacuated.", ("NU104", "1,500")),  # Turkish
        ("A dozen of soldiers were hurt.", ("NU105", "A dozen")),  # French une douzaine de
        # number phrases
        ("Several hundreds of workers marched.", ("NU105", "Several hundred")),
        ("two thousands of soldiers", ("NU105", "two thousand")),
        ("They demanded one and half million dollar.", ("NU105", "1.5 million dollars")),
        ("It lasted one and half years.", ("NU105", "one and a half")),
        ("It killed dozens of thousands of people.", ("NU105", "tens of thousands")),
        ("It displaced hundreds thousands of people.", ("NU105", "hundreds of thousands of")),
        # Turkish "seviyesinde", Chinese casualty chain
        ("The lira traded at 41,25 level.", ("NU106", "41.25")),
        ("Unemployment rose to %9,4 in March.", ("NU108", "9.4%")),
        (
            "The landslide caused 14 people died and 9 injured.",
            ("NU107", "killed 14 people and injured 9"),
        ),
        ("The blast caused 5 residents injured.", ("NU107", "injured 5 residents")),
        # Arabic/Persian compound numbers in words: ألف ومئتان, هزار و دویست
        ("Some two thousand and four hundred families fled.", ("NU101", "2,400")),
        # Persian decimal slash (۳۸/۵ = 38.5)
        ("Inflation reached 38/5 percent in Esfand.", ("NU103", "38.5")),
        ("A magnitude 5/9 quake struck Khoy.", ("NU103", "5.9")),
    ],
)
def test_number_calques_are_found_with_the_right_digits(text, expected):
    rule, suggestion = expected
    assert [(r, s) for r, _, s in findings(text)] == [(rule, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Ten thousand people marched through the city.",  # spelled-out English
        "Two million voters stayed at home, and 1.5 million more voted early.",
        "Thousands of people gathered; tens of thousands watched.",
        "In 2019 thousands of people left the region.",  # a year before "thousands of"
        "In 2008 ten thousand people lost their homes.",
        "The company employs 1,500 people and paid $2,000 each.",  # thousands separators
        "In 2019,20 people died.",  # a missing space after a year, not a decimal
        "See pages 4,5 and 9 of the report.",  # a list
        "On the left, [1,1] input equals 0 output.",  # a pair
        "It costs 1.500 euros.",  # one dotted group is ambiguous
        "It weighs 1.500 tons.",
        "On May 5 300 people came, and in 2024 300 more.",
        "A hundred of the victims were children; a dozen of them were hurt.",
        "Many hundreds of people and several hundreds of thousands more.",
        "two and a half million people",  # English
        "several hundred of them",
        "The index hovered at the 18,000 level.",
        "The storm caused 14 people to die.",
        "He scored 100 points in the top 100 list.",
        "Rates rose 3/4 percent after the 9/11 attacks; 24/7 service resumed on 12/3.",
        "One thousand two hundred people came; one hundred and fifty stayed.",
        "Two hundred and fifty thousand people marched.",
    ],
)
def test_clean_numbers_are_left_alone(text):
    assert findings(text) == []


def test_a_range_of_two_scaled_numbers_gives_two_findings():
    text = "between 2 thousand and 3 thousand troops"
    assert [s for _, _, s in findings(text)] == ["2,000", "3,000"]


def test_percent_encoding_in_addresses_is_left_alone():
    assert findings("See http://example.com/a%20b and 50% of /%20.") == []


def test_values_are_written_as_news_writes_them():
    assert in_words(Decimal(46500)) == "46,500"
    assert in_words(Decimal(1400000)) == "1.4 million"
    assert in_words(Decimal(1170000)) == "1,170,000"
    assert in_words(Decimal(12340000)) == "12.34 million"
    assert in_words(Decimal("43.85") * 10**12) == "43.85 trillion"
    assert many(Decimal(100000)) == "hundreds of thousands"
    assert many(Decimal(10**7)) == "tens of millions"


def test_the_agreement_check_leaves_the_noun_to_the_numbers_check():
    from toolkit.checks.agreement import AgreementCheck

    text = "The field pumps 350 thousand barrel per day, and two thousand soldier were sent."
    rules = [(f.rule, f.text) for f in AgreementCheck().run(Document(text))]
    assert rules == [("AG101", "soldier")]  # only after words, which NU101 leaves alone


def test_fix_applies_the_safe_number_repairs():
    text = "Officials said 230 thousand barrel per day flowed, and inflation hit 35,05 percent."
    fixed = toolkit.fix(text).text
    assert fixed == (
        "Officials said 230,000 barrels per day flowed, and inflation hit 35.05 percent."
    )


@pytest.mark.parametrize(
    ("text", "span", "english"),
    [
        ("The curfew begins at 23h15 each night.", "23h15", "23:15"),
        ("Lyon scored in the 67e minute.", "67e", "67th"),
        ("It was his 21-st title.", "21-st", "21st"),
        ("The talks resume on 14 février in Geneva.", "14 février", "14 February"),
        ("The coup attempt of 15 Temmuz 2016 failed.", "15 Temmuz 2016", "15 July 2016"),
        ("Trading resumed on 22 oct, brokers said.", "22 oct", "22 October"),
        ("The vote is set for 7 noyabrya in Minsk.", "7 noyabrya", "7 November"),
        ("Rain fell on the 9 of June in Dhaka.", "the 9 of June", "9 June"),
        (
            "The law took effect on 2023 year 7 month 1 day.",
            "2023 year 7 month 1 day",
            "1 July 2023",
        ),
        ("Output fell by 4% in 2022 year, officials said.", "in 2022 year", "in 2022"),
        (
            "The budget for the 114th year of the Republic passed.",
            "the 114th year of the Republic",
            "2025",
        ),
        ("The plant opened in Heisei 10 near Osaka.", "Heisei 10", "1998"),
    ],
)
def test_foreign_date_and_time_formats(text, span, english):
    assert ("NU109", span, english) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "NASA sent 2 Mars rovers and the 8th of May was sunny.",
        "The trial opened on 19 Nov 2024 and lasted 3 months 5 days.",
        "A 12 month plan was agreed by the ROC Navy.",
        "The race lasted 24h and the 2023 year-end figures were good.",
        "He was sentenced to 2 years 6 months in prison.",
    ],
)
def test_english_dates_and_lengths_of_time_are_left_alone(text):
    assert not [f for f in findings(text) if f[0] == "NU109"]
