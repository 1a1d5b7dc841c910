"""Garbled names the check used to miss: homonymous nearby places, hyphenated name words,
looser matches the context points to, lower-case two-word names, and a known name whose
next words make it a garbled longer one."""

from __future__ import annotations

import pytest

from toolkit.document import Document
from toolkit.names.context import Context
from toolkit.names.gazetteer import load_gazetteer
from toolkit.names.resolve import analyse


def corrections(text: str) -> list[tuple[str, str]]:
    suspects = analyse(Document(text), load_gazetteer(), "ar").suspects
    return [(s.text, s.candidates[0].entry.canonical) for s in suspects if s.candidates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hammamet is in Tunisia and in Algeria (near Tebessa): every homonym counts as near.
        ("Fighting was reported in Tetessa, near Hammamet, on Monday.", ("Tetessa", "Tebessa")),
        # "el-Sheikh" is the name's own "sheikh", not a stray English word.
        (
            "Tourists returned to Shalm el-Sheikh, on the Red Sea coast near Hurghada.",
            ("Shalm el-Sheikh", "Sharm el-Sheikh"),
        ),
        # Similarity 0.74, but the place is next to Sidon.
        ("Fighting was reported in Nanabieh, near Sidon, on Monday.", ("Nanabieh", "Nabatieh")),
        ("Clashes were reported in tal aqar, near Mosul and Sinjar.", ("tal aqar", "Tal Afar")),
        (
            "Rockets hit Erbil Internatiomal Airporb near Mosul and Kirkuk.",
            ("Erbil Internatiomal Airporb", "Erbil International Airport"),
        ),
    ],
)
def test_garbled_names_are_found(text: str, expected: tuple[str, str]) -> None:
    assert corrections(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting was reported in Diyala Governorate, near Baqubah and Baghdad.",
        "Jordan Spieth and Rory McIlroy played in Dubai and Abu Dhabi.",
        "The talks in real terms failed, officials in Baghdad and Mosul said.",
    ],
)
def test_known_names_and_english_are_left_alone(text: str) -> None:
    assert corrections(text) == []


def test_iraqi_governorates_are_listed() -> None:
    """Bug: "Dhiqar" (Dhi Qar governorate, not in the list) was reported as garbled (NM104)."""
    text = "Protests spread in Dhiqar, Maysan and Wasit, near Nasiriyah and Basra."
    analysis = analyse(Document(text), load_gazetteer(), "ar")
    assert analysis.suspects == ()
    assert [m.entry.canonical for m in analysis.mentions][:3] == ["Dhi Qar", "Maysan", "Wasit"]
    assert corrections("Protests spread in dhiqar, near Nasiriyah and Basra.") == [
        ("dhiqar", "Dhi Qar")
    ]


def test_a_mentioned_governorate_counts_as_a_nearby_place() -> None:
    gazetteer = load_gazetteer()
    mentions = analyse(Document("Protests spread in Dhi Qar."), gazetteer).mentions
    nasiriyah = gazetteer.exact("Nasiriyah")[0]
    assert Context(gazetteer, mentions, []).nearest_km(nasiriyah) < 50


def test_a_place_far_from_the_countries_a_text_names_is_no_context() -> None:
    """Bug: in a story on Turkish strikes in northern Iraq, "Gara" (listed only as El Gara,
    Morocco) pulled the unlisted "Metina" to Mediouna, Morocco (NM101)."""
    text = (
        "Turkish warplanes struck targets in the Gara and Metina regions of northern Iraq, "
        "near Zakho and the Qandil mountains, the Turkish Defence Ministry said."
    )
    gazetteer = load_gazetteer()
    analysis = analyse(Document(text), gazetteer)
    assert not [s for s in analysis.suspects if s.reason == "garbled"]
    context = Context(gazetteer, analysis.mentions, [])
    assert "IQ" in {p.country for p in context.places}
    assert "MA" not in {p.country for p in context.places} | context.countries  # not El Gara
