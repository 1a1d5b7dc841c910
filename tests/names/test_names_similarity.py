"""The transliteration-aware distance: variants cost little, MT errors cost more, strangers most."""

from __future__ import annotations

import pytest

from toolkit.names.normalize import loose_key, phonemes, skeleton
from toolkit.names.similarity import distance, distance_at_least


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jurf al-Sakhr", "Jurf al-Sakhar"),
        ("Jurf as-Sakhr", "Jurf al-Sakhar"),
        ("Ain al-Assad", "Ain al-Asad"),
        ("Deir ez-Zor", "Deir al-Zour"),
        ("Dair Ezzor", "Deir ez-Zor"),
        ("Hamah", "Hama"),
        ("Kataeb Hizbollah", "Kataib Hezbollah"),
        ("Garabulus", "Jarabulus"),
        ("Qassem Soleimani", "Qasem Soleimani"),
        ("Şanlıurfa", "Sanliurfa"),
    ],
)
def test_spelling_variants_are_not_errors(a: str, b: str) -> None:
    gap = distance(a, b)
    assert gap.is_spelling_variant, gap
    assert gap.similarity >= 0.9


@pytest.mark.parametrize(
    ("garbled", "name"),
    [
        ("Youlf Saqr", "Jurf al-Sakhar"),  # ج read as y, ص/خ -> q, article dropped
        ("Yarablus", "Jarablus"),
        ("Nubr", "Nubl"),
        ("Tikrib", "Tikrit"),
    ],
)
def test_mt_errors_are_close_but_not_variants(garbled: str, name: str) -> None:
    gap = distance(garbled, name)
    assert not gap.is_spelling_variant
    assert gap.error > 0.3
    assert gap.similarity >= 0.75


def test_unrelated_names_are_far() -> None:
    assert distance("Youlf Saqr", "Saqlawiyah").similarity < 0.6
    assert distance("Liverpool", "Fallujah").similarity < 0.6
    assert (
        distance("Youlf Saqr", "Jurf al-Sakhar").similarity
        > distance("Youlf Saqr", "Awlad Saqr").similarity
    )


def test_distance_is_symmetric_and_zero_on_self() -> None:
    assert distance("Yarablus", "Jarablus") == distance("Jarablus", "Yarablus")
    assert distance("Baghdad", "Baghdad").cost == 0


def test_keys_ignore_article_case_marks_and_doubling() -> None:
    assert loose_key("Ain al-Assad") == loose_key("ain Al Asad") == "ain asad"
    assert loose_key("Ma'arrat al-Nu'man") == loose_key("Maarat an-Numan")
    assert phonemes("Jurf al-Sakhar") == "jurfsaxar"
    assert skeleton("Youlf Saqr") == skeleton("Jurf al-Sakhar")  # retrieval finds it


@pytest.mark.parametrize(
    "word",
    [
        "the",
        "kataib",
        "youlf",
        "iraq’s",
        "don't",
        "al-sakhar",
        "self-defense",
        "café",
        "artists'",
        "ww1",
        "g8",
    ],
)
def test_zipf_table_equals_wordfreq(word: str) -> None:
    """The disk-cached table (for a fast start) gives wordfreq's own figures."""
    from wordfreq import zipf_frequency

    from toolkit.names.frequency import zipf

    assert zipf(word) == zipf_frequency(word, "en")


def test_zipf_never_imports_wordfreq(monkeypatch: pytest.MonkeyPatch) -> None:
    """Accented words, codes with digits and possessive plurals use the cached table only."""
    import sys

    from toolkit.names.frequency import zipf

    zipf("the")  # the table is built (importing wordfreq) or opened from the disk cache first
    monkeypatch.setitem(sys.modules, "wordfreq", None)  # any import now fails
    assert zipf("artists'") == zipf("artists") > 4
    assert zipf("josé") > 3
    assert zipf("qāsim-a321") == zipf("x100m") == 0.0


NAMES = [
    "Recep Tayyip Erdogan", "Rajab Tayyib Erdogan", "Emomali Rahmon", "Emomali Rakhmon",
    "Amos Hochstein", "Amos Hokstein", "Mohammed bin Salman", "Muhammad bin Salman",
    "Li Qiang", "Wang Huning", "Volodymyr Zelensky", "Ismail Haniyeh", "Isma'il Haniya",
    "Abdel Fattah al-Sisi", "Kassym-Jomart Tokayev", "Jurf al-Sakhr", "Hama", "Ahmad",
]  # fmt: skip


@pytest.mark.parametrize("least", [0.6, 0.85, 0.88])
def test_distance_at_least_is_the_distance_or_surely_below(least: float) -> None:
    for a in NAMES:
        for b in NAMES:
            full, bounded = distance(a, b), distance_at_least(a, b, least)
            assert bounded == full if bounded is not None else full.similarity < least, (a, b)
