"""One name whose vowel cluster two romanizations write with more or fewer letters (a hamza,
a long vowel, a glide): one entity under two spellings in one article (CO101)."""

from __future__ import annotations

import pytest

from toolkit import check
from toolkit.names.variants import vowel_cluster
from toolkit.settings import Settings


@pytest.mark.parametrize(
    ("a", "b"), [("Raisi", "Raeisi"), ("Raisi", "Raeesi"), ("Rasoulof", "Rasulof")]
)
def test_vowel_clusters_of_one_name(a: str, b: str) -> None:
    assert vowel_cluster(a, b) and vowel_cluster(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dean", "Dan"),  # English names
        ("Hamid", "Hamad"),  # another vowel: another name
        ("Kaixin", "Kaixian"),  # pinyin syllables
        ("Raisi", "Raisa"),
        ("Hussein", "Hassan"),
    ],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert not vowel_cluster(a, b)


def test_two_spellings_in_one_article_are_flagged() -> None:
    text = (
        "Iranian President Ebrahim Raisi arrived in Baku on Sunday. Officials said Raeisi "
        "would open the dam with his Azerbaijani counterpart."
    )
    found = check(text, rules=["consistency"], settings=Settings())
    assert [(f.text, f.rule, f.suggestions[0]) for f in found] == [("Raeisi", "CO101", "Raisi")]
