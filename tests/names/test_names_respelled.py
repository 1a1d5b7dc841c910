"""NM105: English words of a name spelled back from another script as they sound."""

from __future__ import annotations

import pytest

from toolkit import check
from toolkit.checks.names import RESPELLED
from toolkit.names.respelled import sound_key
from toolkit.settings import Settings


def nm105(text: str) -> dict[str, tuple[str, ...]]:
    found = check(text, rules=["names"], settings=Settings())
    return {f.text: f.suggestions for f in found if f.rule == "NM105"}


def test_rule_example_fires() -> None:
    found = nm105(RESPELLED.example)
    assert found == {"Nashnal": ("National",), "Kanfrans": ("Conference",)}


@pytest.mark.parametrize(
    "text, word, english",
    [
        ("Members of the Sentral Komishan met in Lahore.", "Komishan", "Commission"),
        ("The speaker adjourned the Parlimant until Monday.", "Parlimant", "Parliament"),
        ("Students of Kabul Yunivarsiti protested on Sunday.", "Yunivarsiti", "University"),
        ("The Demokratik Front called a strike in Peshawar.", "Demokratik", "Democratic"),
        ("The Sekretariat of the summit issued a statement.", "Sekretariat", "Secretariat"),
        ("Fans filled the Stediam before the final in Karachi.", "Stediam", "Stadium"),
    ],
)
def test_respelled_name_words(text: str, word: str, english: str) -> None:
    assert nm105(text).get(word) == (english,)


@pytest.mark.parametrize(
    "text",
    [
        "Imran Khan met Karim Kamal and Shahbaz Sharif in Islamabad.",
        "Tourists flew into Monastir, on the coast of Tunisia.",
        "The National Conference and the Congress formed the government.",
        "Khalid Mahmood and Rashid Minhas spoke to reporters in Rawalpindi.",
    ],
)
def test_names_and_english_words_are_left_alone(text: str) -> None:
    assert nm105(text) == {}


def test_sound_key_reads_english_spelling() -> None:
    assert sound_key("conference") == sound_key("Kanfrans")
    assert sound_key("assembly") == sound_key("Asembli")


def test_coined_names_ending_in_an_english_word_are_left_alone() -> None:
    """Bug: the charity 'Addaction' was read as a respelled 'Education'."""
    assert nm105("She supports a drugs charity, Addaction, in Leeds.") == {}
