"""Names found by their shape: split names, pinyin, given names in another romanization."""

from __future__ import annotations

import pytest

from toolkit import check


def corrections(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.text, f.suggestions[0]) for f in check(text, rules=["names"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pinyin given name split, or glued to the surname
        ("Li Qiang met Zhao Le Ji in Beijing, China.", ("NM102", "Zhao Le Ji", "Zhao Leji")),
        ("China's envoy Wanghu Ning arrived.", ("NM102", "Wanghu Ning", "Wang Huning")),
        # a pinyin place's syllables split before its type word
        ("Floods hit Lin Zhi City in Tibet, China.", ("NM102", "Lin Zhi", "Linzhi")),
        # a listed one-word place split in two, in its country
        ("Rains flooded Sial Kot and Lahore in Pakistan.", ("NM102", "Sial Kot", "Sialkot")),
        # a Russian given name in passport romanization
        ("Minister Anatoliy Ivanov spoke in Moscow.", ("NM102", "Anatoliy", "Anatoly")),
    ],
)
def test_shapes_are_rejoined(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in corrections(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jianguo Li and Xinhua Wang met Yao Ming in Beijing, China.",  # given name first
        "Lee Hsien Loong and Kim Jong Un met in Singapore.",  # not pinyin
        "Ali Khan met Imran Khan in Lahore, Pakistan.",  # common words: no join
        "Sergey Lavrov met Hong Kong officials in China.",
        "Xi Jinping met Li Qiang in Beijing, China.",
    ],
)
def test_ordinary_names_are_left_alone(text: str) -> None:
    assert corrections(text) == []
