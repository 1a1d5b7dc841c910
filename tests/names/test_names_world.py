"""World figures (corpora/names/curated_figures.tsv) and the guards that keep a real name
from being "corrected" into a listed one. Examples written for mtkit, not from the dev sets."""

from __future__ import annotations

import pytest

from toolkit import check
from toolkit.document import Document
from toolkit.names.gazetteer import load_gazetteer
from toolkit.names.joins import pinyin_word
from toolkit.names.resolve import analyse


def suspects(text: str, lang: str | None = None) -> list[tuple[str, str, str]]:
    found = analyse(Document(text), load_gazetteer(), lang).suspects
    return [(s.text, s.reason, s.candidates[0].name if s.candidates else "") for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian letter-by-letter given name of a listed security chief
        (
            "FSB director Alexandr Bortnikov told reporters in Moscow that six were held.",
            [("Alexandr Bortnikov", "spelling", "Alexander Bortnikov")],
        ),
        # French word order of a movement's name
        (
            "The Front Polisario said it would boycott the talks on Western Sahara.",
            [("Front Polisario", "foreign", "Polisario Front")],
        ),
        # a Pakistani chief minister's name respelled from Urdu script
        (
            "Balochistan Chief Minister Sarfaraz Bugti visited Quetta on Sunday.",
            [("Sarfaraz Bugti", "spelling", "Sarfraz Bugti")],
        ),
        # the French "ben" for bin joins the name
        (
            "Crown Prince Mohammed ben Salmane received the delegation in Riyadh.",
            [("Mohammed ben Salmane", "spelling", "Mohammed bin Salman")],
        ),
        # Persian name of the Red Crescent left untranslated
        (
            "The head of the Helal Ahmar Society said rescue teams reached Tabriz, Iran.",
            [("Helal Ahmar Society", "foreign", "Red Crescent Society of Iran")],
        ),
    ],
)
def test_world_figures_and_bodies(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert suspects(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another pinyin name is another person, not a spelling of Li Qiang
        "Astronauts Tang Hongbo, Li Cong and Jiang Xinlin returned to Beijing, China.",
        # a common surname of Dagestan is no Umerov of Ukraine
        "Police in Makhachkala, Dagestan, detained Omarov after the attack on Derbent, Russia.",
        # a full name that starts with a given name is a person, not a town of Iran
        "Actress Soheila Golestani and Mohammad Rasoulof were in Tehran, Iran, last year.",
        "Economist Hatice Karahan said in Ankara that Hakan Fidan would visit Hatay, Turkey.",
        # an English word in a body's name: another body, not a respelling
        "Fenerbahce and Galatasaray play in the UEFA Europa League, Turkey's press said.",
        # a cue two words back reaches over an article only ("operations for days": no name)
        "The Central Bank of Libya suspended operations for days in Tripoli and Benghazi.",
    ],
)
def test_real_names_are_left_alone(text: str) -> None:
    assert suspects(text) == []


def test_a_foreign_acronym_is_flagged_also_in_brackets() -> None:
    text = "The Turkish Statistical Institute (TÜİK) met in Ankara. Later TÜİK said prices rose."
    assert suspects(text) == [("TÜİK", "foreign", "TurkStat"), ("TÜİK", "foreign", "TurkStat")]


def test_french_diaeresis_is_never_the_consistent_form() -> None:
    text = (
        "Haïti: gangs seize a port\n\nThe police of Haiti said gangs attacked Haiti's main "
        "port. Aid to Haïti was delayed."
    )
    fixes = {(f.text, f.suggestions[0]) for f in check(text, rules=["consistency"])}
    assert ("Haïti", "Haiti") in fixes
    assert all(suggestion != "Haïti" for _, suggestion in fixes)


@pytest.mark.parametrize(
    ("word", "expected"), [("Cong", True), ("Lingdong", True), ("Huning", True), ("Umerov", False)]
)
def test_pinyin_words(word: str, expected: bool) -> None:
    assert pinyin_word(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # other languages' names of countries and capitals (corpora/names/exonyms.tsv,
        # corpora/consistency/country_names.tsv), English form absent from the text
        (
            "The envoy flew from Kahire to Beyrouth, Lebanon, on Sunday.",
            [("Kahire", "foreign", "Cairo"), ("Beyrouth", "foreign", "Beirut")],
        ),
        ("Refugees crossed from Sudan into Ouganda last week.", [("Ouganda", "foreign", "Uganda")]),
    ],
)
def test_exonyms_of_countries_and_cities(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert suspects(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a place of Turkey keeps its Turkish letters, as a Turkish person does
        "Rescuers reached Şanlıurfa and Adıyaman, Turkey, after the quake.",
        # the official French spelling of a place of Chad
        "Aid convoys reached Abéché, in Ouaddaï, Chad, on Friday.",
        # a leader of a French-named country and a place of the Maghreb, officially so spelled
        "Colonel Assimi Goïta met the delegation in Bamako, Mali.",
        "Protests were reported in Béjaïa and Sétif, Algeria, on Friday.",
        # a name spelled with accents is not another language's name (Yémen: letters only)
        "Talks on Yemen resumed in Muscat, Oman.",
    ],
)
def test_own_letters_of_a_place_are_left_alone(text: str) -> None:
    assert suspects(text) == []


def test_istanbul_is_an_english_word_with_its_own_spelling() -> None:
    found = suspects("The mayor of İstanbul, Turkey, spoke on Monday.")
    assert found == [("İstanbul", "foreign", "Istanbul")]


def test_a_short_vowel_left_out_of_a_place_of_the_story() -> None:
    text = "A strike was observed in Muzaffarabad, Mirpur, Kotli and Rawlakot, Pakistan."
    assert ("Rawlakot", "spelling", "Rawalakot") in suspects(text, "ur")


def test_a_split_name_in_a_list_of_places() -> None:
    text = "Shops shut in Muzaffar Abad, Mirpur and Kotli, Pakistan, on Monday."
    assert ("Muzaffar Abad", "split", "Muzaffarabad") in suspects(text, "ur")
