"""CO101's canonical spelling: the English form of a listed name over another language's
letters or endings, while a Turkish story keeps the Turkish letters of Turkish names."""

from __future__ import annotations

import pytest

from toolkit import check
from toolkit.settings import Settings


def co101(text: str) -> dict[str, tuple[str, ...]]:
    found = check(text, rules=["consistency"], settings=Settings())
    return {f.text: f.suggestions for f in found if f.rule == "CO101"}


@pytest.mark.parametrize(
    "text, odd, canonical",
    [
        # another language's accents on a place whose English name has none
        (
            "Talks opened in Séoul on Monday. Officials in Seoul said more would come. "
            "Séoul hosts the next round, Seoul confirmed.",
            "Séoul",
            "Seoul",
        ),
        (
            "The minister flew to İslamabad on Monday. In Islamabad he met the army chief, "
            "and İslamabad said Islamabad would answer.",
            "İslamabad",
            "Islamabad",
        ),
        (
            "Delegates met in Ammán. Amman said Ammán would host Amman talks again.",
            "Ammán",
            "Amman",
        ),
    ],
)
def test_foreign_accents_on_a_listed_place_give_way_to_the_english_name(
    text: str, odd: str, canonical: str
) -> None:
    found = co101(text)
    assert odd in found and found[odd][0] == canonical
    assert canonical not in found


@pytest.mark.parametrize(
    "text, kept, odd",
    [
        (
            "Istanbul Mayor Ekrem İmamoğlu spoke on Monday. İmamoğlu said the city would "
            "appeal, and Imamoglu's lawyers agreed.",
            "İmamoğlu",
            "Imamoglu",
        ),
        (
            "Rockets fell near Şanlıurfa. The governor of Şanlıurfa said Sanliurfa's "
            "hospitals were ready.",
            "Şanlıurfa",
            "Sanliurfa",
        ),
        (
            "Finance Minister Mehmet Şimşek met investors. Şimşek said inflation would fall, "
            "and Simsek added that rates would stay high.",
            "Şimşek",
            "Simsek",
        ),
    ],
)
def test_turkish_names_keep_the_turkish_letters_of_the_story(
    text: str, kept: str, odd: str
) -> None:
    found = co101(text)
    assert kept not in found
    assert any(text.startswith(odd) for text in found)
    assert all(s[0] == kept for t, s in found.items() if t.startswith(odd))


@pytest.mark.parametrize(
    "text, odd, canonical",
    [
        # Russian -iya, -yy and -iy where English writes -ia, -y
        (
            "Midfielder Levan Kvaratskheliya scored twice. Kvaratskhelia said the team "
            "deserved it.",
            "Kvaratskheliya",
            "Kvaratskhelia",
        ),
        (
            "Governor Kirill Krasnyy visited the plant. Later Oleg Krasny, his brother, "
            "spoke to reporters.",
            "Krasnyy",
            "Krasny",
        ),
        (
            "Deputy Pavel Sedoy arrived. Officials said Sedoy and Anna Sedaya would attend, "
            "while Yuriy Belskiy and Belsky declined.",
            "Belskiy",
            "Belsky",
        ),
    ],
)
def test_russian_endings_give_way_to_the_english_romanization(
    text: str, odd: str, canonical: str
) -> None:
    found = co101(text)
    assert odd in found and found[odd][0] == canonical
    assert canonical not in found


def test_a_name_with_an_apostrophe_wins_over_the_english_word_it_loses_it_to() -> None:
    text = (
        "The Change-5 probe left the Moon on Thursday. Engineers said the Chang'e-5 capsule "
        "would land in Inner Mongolia."
    )
    found = co101(text)
    assert "Chang'e" not in found
    assert found["Change"][0] == "Chang'e"
