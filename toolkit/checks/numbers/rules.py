"""The rules of the numbers check (NU101-NU109)."""

from __future__ import annotations

from toolkit.findings import Rule

SCALE_WORD = Rule(
    code="NU101",
    slug="number-scale-in-words",
    kind="calque",
    category="locale convention/number format",
    severity="minor",
    summary="A number written with the source language's scale words instead of digits: "
    "'230 thousand', '1 million 170 thousand', '5 millions'; the noun after it made plural.",
    why="Arabic alf, Persian hezar, Russian tys. and Turkish bin are translated as the word "
    "'thousand' after the digits, and French 'millions de' keeps its plural; English news "
    "writes 230,000 and 1,170,000.",
    example="The pipeline carries 350 thousand barrel per day to the port.",
    fixed="The pipeline carries 350,000 barrels per day to the port.",
    fix_safe=True,
    false_positives="Spelled-out numbers are English ('ten thousand people', 'two million') "
    "and are left alone; only digits before 'thousand'/'hundred', a plural scale after "
    "digits, or a sum of scales is flagged.",
    source="corpora/numbers/scales.tsv",
)
FOREIGN_UNIT = Rule(
    code="NU102",
    slug="foreign-counting-unit",
    kind="calque",
    category="locale convention/number format",
    severity="major",
    summary="A counting unit of the source language kept in English: Chinese wan and yi as "
    "'ten thousand' and 'hundred million' ('4.65 ten thousand' = 46,500), wanyi as 'million "
    "billion' (a trillion), South Asian lakh and crore ('14 lakh' = 1.4 million).",
    why="Chinese counts in units of 10,000 and 100,000,000, Hindi and Urdu in lakhs (100,000) "
    "and crores (10 million); MT keeps the unit, so the figure is wrong or opaque to a "
    "reader of international English.",
    example="Sales reached 3.2 ten thousand units, and 12 lakh people were affected.",
    fixed="Sales reached 32,000 units, and 1.2 million people were affected.",
    fix_safe=True,
    false_positives="Lakh and crore are standard in South Asian English publications; "
    "ignore NU102 there (--ignore NU102).",
    source="corpora/numbers/scales.tsv",
)
DECIMAL_COMMA = Rule(
    code="NU103",
    slug="decimal-comma",
    kind="punctuation",
    category="locale convention/number format",
    severity="major",
    summary="A decimal comma or Persian decimal slash left from the source ('2,5 tons', "
    "'35,05 percent', '1.234,5', '49/8 percent', 'magnitude 6/3'): English writes a decimal "
    "point.",
    why="Turkish, Russian, French and most European languages write 2,5 for two and a half, "
    "and Persian writes ۲/۵; in English '2,5' reads as a typo or a list, '2/5' as a fraction.",
    example="Inflation eased to 38,6 percent in May.",
    fixed="Inflation eased to 38.6 percent in May.",
    fix_safe=True,
    false_positives="Only a comma before one or two final digits is read as decimal "
    "('1,500' is a thousand separator), never after a year or in a list of numbers "
    "('pages 4,5 and 9'). A slash counts only before a unit and when the first number is the "
    "larger ('3/4 percent' is a fraction).",
)
DIGIT_GROUPING = Rule(
    code="NU104",
    slug="digit-grouping",
    kind="punctuation",
    category="locale convention/number format",
    severity="minor",
    summary="Digits grouped in a source-language style: South Asian '2,20,000', dotted "
    "'1.500.000', or a non-breaking space '130 000'.",
    why="English groups digits in threes with commas; '2,20,000' (2 lakh 20 thousand) and "
    "'1.500.000' are foreign formats and '1.500' may even be read as one and a half.",
    example="The river carried 3,40,000 cusecs of water.",
    fixed="The river carried 340,000 cusecs of water.",
    fix_safe=True,
    false_positives="A single dotted group ('1.500') is ambiguous and left alone.",
)
NUMBER_PHRASE = Rule(
    code="NU105",
    slug="number-phrase-calque",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A number phrase built as in the source language: 'several hundreds of "
    "protesters', 'one and half billion dollar', 'dozens of thousands', 'lakhs of people'.",
    why="French 'plusieurs centaines de', Arabic 'milyar wa-nisf' and 'asharat al-alaf' and "
    "Urdu 'lakhon' are rendered word for word; English says 'several hundred protesters', "
    "'1.5 billion dollars', 'tens of thousands'.",
    example="Several hundreds of workers marched, demanding one and half million dollar.",
    fixed="Several hundred workers marched, demanding 1.5 million dollars.",
    fix_safe=True,
    false_positives="'Many hundreds of' and 'several hundreds of thousands' are English and "
    "left alone.",
)
LEVEL = Rule(
    code="NU106",
    slug="at-number-level",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="'at 40.62 level' for a price or index value: Turkish 'seviyesinde' rendered "
    "word for word; English says 'at 40.62'.",
    why="Turkish market reports put 'level' after every figure; in English the bare number "
    "(or 'the 40.62 level') reads naturally.",
    example="The lira traded at 41,25 level against the dollar.",
    fixed="The lira traded at 41.25 against the dollar.",
    false_positives="Indian market reports also write 'at 18,000 level'.",
)
CASUALTY_COUNT = Rule(
    code="NU107",
    slug="caused-people-died",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A casualty count built on 'caused': 'caused 12 people died and 30 injured' "
    "(Chinese 造成12人死亡、30人受伤).",
    why="Chinese reports 'caused N people death'; MT keeps the verb chain, which is not "
    "English: 'killed 12 people and injured 30'.",
    example="The landslide caused 14 people died and 9 people injured.",
    fixed="The landslide killed 14 people and injured 9.",
    false_positives="'caused 14 people to die' is English and left alone.",
)

PERCENT_FIRST = Rule(
    code="NU108",
    slug="percent-sign-first",
    kind="punctuation",
    category="locale convention/number format",
    severity="minor",
    summary="A percent sign before the number ('%35', '%4,5'): the Turkish order; English "
    "writes '35%'.",
    why="Turkish writes the sign first (yüzde 35 = %35); MT copies it, with the decimal comma.",
    example="Unemployment rose to %9,4 in March.",
    fixed="Unemployment rose to 9.4% in March.",
    fix_safe=True,
    false_positives="Percent-encoding in web addresses ('%20') is left alone.",
)

DATE_FORMAT = Rule(
    code="NU109",
    slug="foreign-date-format",
    kind="calque",
    category="locale convention/date format",
    severity="minor",
    summary="A date or time in the source language's format: French hours and ordinals "
    "('00h30', 'the 12e minute', '1er'), a foreign or lower-case month ('le 3 mars', '15 "
    "Temmuz 2016', '19 nov'), 'the 8 of May', Chinese unit words ('2024 year 3 month 5 day'), "
    "'in 2023 year', Minguo, Japanese era and Buddhist-era years ('the 113th year of the "
    "Republic', 'Reiwa 6', 'B.E. 2567').",
    why="French writes 14h30 and 12e; Russian abbreviates months in lower case and puts 'year' "
    "after a year (в 2023 году); Chinese dates carry 年月日 and Taiwan counts years from 1912; "
    "MT copies each form.",
    example="Kick-off is at 20h45 on 3 avril.",
    fixed="Kick-off is at 20:45 on 3 April.",
    false_positives="'19 Nov' and 'the 8th of May' are English; a month name that is also an "
    "English word ('Mars', 'Mai') counts only lower-case or with a year; '3 months 5 days' "
    "is a length of time; 'in 2023 year' counts only before the clause goes on.",
    source="corpora/numbers/foreign_months.tsv",
)

RULES = (SCALE_WORD, FOREIGN_UNIT, DECIMAL_COMMA, DIGIT_GROUPING, NUMBER_PHRASE, LEVEL)
RULES += (CASUALTY_COUNT, PERCENT_FIRST, DATE_FORMAT)
