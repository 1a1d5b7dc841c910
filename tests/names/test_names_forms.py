"""Names written as another language writes or reads them (NM102): the Arabic article
assimilated, Turkish names read with Turkish letter values, other languages' acronyms; and
what such rules must leave alone. Examples written for mtkit, not from the dev set."""

from __future__ import annotations

import pytest

from toolkit.document import Document
from toolkit.names.gazetteer import load_gazetteer
from toolkit.names.resolve import analyse


def suspects(text: str, lang: str | None = None) -> list[tuple[str, str, str]]:
    found = analyse(Document(text), load_gazetteer(), lang).suspects
    return [(s.text, s.basis, s.candidates[0].name if s.candidates else "") for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iraqi Prime Minister Mohammed Shia as-Sudani met the delegation in Baghdad.",
            [("Mohammed Shia as-Sudani", "article", "Mohammed Shia al-Sudani")],
        ),
        # The article as listed ("Deir ez-Zor", "Jurf as-Sakhar") is English usage.
        ("Clashes were reported in Deir ez-Zor and in Jurf as-Sakhar, south of Baghdad.", []),
        (
            "Oil reaches the port of Jaihan in southern Turkey through the Kirkuk-Jaihan pipeline.",
            [("Jaihan", "turkish", "Ceyhan"), ("Jaihan", "turkish", "Ceyhan")],
        ),
        # An English word is never a Turkish place read the Turkish way (Çiğli).
        ("Restaurants in Izmir, Turkey, serve chicken with Chili Sauce.", []),
        (
            "Turkey's banking watchdog BDDK and the markets regulator SPK issued new rules.",
            [("BDDK", "listed", "BRSA"), ("SPK", "listed", "CMB")],
        ),
        # An acronym is matched letter for letter: the PKK is no PPK (Turkey's MPC).
        ("The PKK said Turkish drones struck its positions in Iraq.", []),
    ],
)
def test_forms_of_other_languages(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert suspects(text) == expected


def test_a_turkish_full_name_back_transliterated_from_arabic() -> None:
    found = suspects("Turkish President Rajab Tayyib Erdogan spoke in Ankara on Friday.")
    assert found == [("Rajab Tayyib Erdogan", "curated", "Recep Tayyip Erdogan")]


def test_quoted_names_are_not_unrecognised() -> None:
    text = 'The rebels seized two tankers, "Qarzubin" and "Tolmar", off the coast of Yemen.'
    assert suspects(text, "ar") == []


def test_translated_body_name_matches_by_stems() -> None:
    text = "The Ministry of the Affairs of the Economy and Finances of Iran issued a statement."
    renamed = analyse(Document(text), load_gazetteer()).renamed
    assert [r.entry.canonical for r in renamed] == ["Ministry of Economic Affairs and Finance"]


def test_a_garbled_long_name_is_no_translation() -> None:
    text = "Rockets hit Baghdad Internatiomal Airporb near the capital."
    assert analyse(Document(text), load_gazetteer(), "ar").renamed == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Turkish person keeps the letters of the name; a non-Turkish one does not.
        ("Turkish President Recep Tayyip Erdoğan met the delegation in Ankara.", []),
        (
            "Azerbaijan President İlham Aliyev said in Baku.",
            [("İlham Aliyev", "letters", "Ilham Aliyev")],
        ),
        # Some words of a name stripped of their letters, others not.
        (
            "Opposition leader Özgür Ozel spoke in Ankara, Turkey.",
            [("Özgür Ozel", "letters", "Özgür Özel")],
        ),
        # A Western name with a letter single where it is doubled (not an acronym: CTV).
        (
            "US envoy Steve Witkof arrived in Doha, Qatar, to meet Hamas negotiators.",
            [("Steve Witkof", "doubling", "Steve Witkoff")],
        ),
        ("A report issued by CTV Finance in Beijing, China.", []),
        # An English word is no respelled surname ("Omicron" is no Macron).
        ("Omicron cases were found in Wuhan, China, and Beijing.", []),
        # A Chinese surname shared with a listed person is no garbled name of that person.
        ("Li Qizhang and his classmates in Shanghai, China, invented a game.", []),
        # A full name that starts with a given name is a person's, spelled as they spell it.
        ("Spokeswoman Ani Badalyan said in Yerevan, Armenia.", []),
    ],
)
def test_letters_doubling_and_people(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert suspects(text) == expected


def test_garbled_full_name_with_the_same_given_names() -> None:
    # A Western name back-transliterated from Arabic script (r read as l).
    found = analyse(
        Document("US Secretary of State Marco Lubio met officials in Doha, Qatar."),
        load_gazetteer(),
    ).suspects
    assert [(s.text, s.reason, s.candidates[0].entry.canonical) for s in found] == [
        ("Marco Lubio", "garbled", "Marco Rubio")
    ]
