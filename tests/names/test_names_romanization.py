"""Names in another language's romanization, found from their shape alone."""

from __future__ import annotations

import pytest

from toolkit import check
from toolkit.settings import Settings


def nm102(text: str) -> dict[str, tuple[str, ...]]:
    found = check(text, rules=["names"], settings=Settings())
    return {f.text: f.suggestions for f in found if f.rule == "NM102"}


@pytest.mark.parametrize(
    "text, word, english",
    [
        ("The satellite was launched from the cosmodrome Severniy on Tuesday.", "Severniy",
         "Severny"),
        ("The journalist Ivan Sobolevskiy was detained in Omsk.", "Sobolevskiy", "Sobolevsky"),
        ("Residents of the Zheleznodorozhnyy district were evacuated.", "Zheleznodorozhnyy",
         "Zheleznodorozhny"),
        ("The court in the Khanty-Mansiyskiy okrug ruled on Monday.", "Mansiyskiy",
         "Mansiysky"),
    ],
)  # fmt: skip
def test_russian_iy_endings_of_unlisted_names(text: str, word: str, english: str) -> None:
    assert nm102(text).get(word) == (english,)


@pytest.mark.parametrize(
    "text",
    [
        "President Volodymyr Zelenskyy said the talks would continue.",
        "Serhiy Lysenko and Andriy Kovalenko met Oleksiy Honcharenko in Kyiv.",
        "The mayor said every city needs a dairy and a pharmacy.",
    ],
)
def test_english_and_ukrainian_forms_are_left_alone(text: str) -> None:
    assert nm102(text) == {}


@pytest.mark.parametrize(
    "text, name, english",
    [
        ("Taipei mayor Jiang Wan'an met Kuomintang legislators. Taiwan's opposition welcomed "
         "the plan.", "Jiang Wan'an", ("Chiang Wan-an",)),
        ("In Kaohsiung, DPP legislator Zhao Tianlin said Taiwan would hold the vote.",
         "Zhao Tianlin", ("Chao Tien-lin",)),
        ("Hong Kong activist Zhou Tingting was released in Kowloon. Hong Kong police said "
         "she had left.", "Zhou Tingting", ()),
    ],
)  # fmt: skip
def test_taiwan_and_hong_kong_names_in_mainland_pinyin(
    text: str, name: str, english: tuple[str, ...]
) -> None:
    assert nm102(text).get(name) == english


@pytest.mark.parametrize(
    "text",
    [
        "Taiwan Affairs Office spokesman Chen Binhua said Beijing opposed the visit to Taiwan.",
        "Wang Yi met Blinken in Beijing on Monday; Taiwan was discussed.",
        "Taipei mayor Chiang Wan-an met Kuomintang chairman Eric Chu in Taiwan.",
    ],
)
def test_mainland_names_and_wade_giles_are_left_alone(text: str) -> None:
    assert nm102(text) == {}


def test_shape_findings_are_suggestions_never_safe_fixes() -> None:
    """Bug: NM102's rule-level fix_safe made these guesses safe, so `mtkit fix` applied them."""
    text = (
        "The journalist Ivan Sobolevskiy was detained. In Taipei, Kuomintang chairman "
        "Zhu Lilun spoke; Taiwan's cabinet answered."
    )
    found = [f for f in check(text, rules=["names"], settings=Settings()) if f.rule == "NM102"]
    assert {f.text for f in found} == {"Sobolevskiy", "Zhu Lilun"}
    assert not any(f.safe for f in found)
