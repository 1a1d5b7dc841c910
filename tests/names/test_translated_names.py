"""NM107: a company's, app's or building's name translated word for word in a Chinese story;
silence for English corporate names, addresses and stories with no pinyin names."""

from __future__ import annotations

from toolkit import check
from toolkit.checks.names.translated_names import TRANSLATED_NAME
from toolkit.settings import Settings


def reported(text: str) -> list[str]:
    found = check(text, rules=["NM107"], settings=Settings())
    return [f.text for f in found]


def test_rule_example_fires() -> None:
    assert reported(TRANSLATED_NAME.example) == ["Deep Seeking"]


def test_app_and_maker_names_in_a_chinese_story() -> None:
    text = (
        "Shenzhen drone maker Big Frontier Innovation said Wang Tao would step down. The "
        "ticketing app Cat Eye said the film, shot in Chengdu, earned 12 billion yuan."
    )
    assert reported(text) == ["Big Frontier Innovation", "Cat Eye"]


def test_english_names_and_addresses_stay_silent() -> None:
    text = (
        "Zhang Wei, who runs a shop in Baoding near Shijiazhuang, said the company Great Wall "
        "Motors and the studio Game Science hired staff. Address: Happy Home Building 12, "
        "South Ring Road."
    )
    assert reported(text) == []


def test_no_pinyin_names_no_finding() -> None:
    assert reported("The Seattle company Deep Seeking hired 40 engineers in March.") == []
