"""NM104: names that match nothing listed but whose spelling looks garbled."""

from __future__ import annotations

import functools

import pytest

from toolkit.checks.names import UNRECOGNISED, NameCheck
from toolkit.document import Document
from toolkit.names.garbled import garbled_probability
from toolkit.names.gazetteer import Gazetteer, builtin_entries
from toolkit.names.resolve import analyse
from toolkit.settings import Settings
from tools.train_garbled import fit

SEED = "He said the strike targeted a command center near Anbar and Youlf Saqr, south of Baghdad."


@functools.cache
def _without(*names: str) -> Gazetteer:
    """The built-in gazetteer without the entities of ``names``."""
    return Gazetteer(e for e in builtin_entries() if e.canonical not in names)


def test_garbled_spelling_scores_above_real_names() -> None:
    assert garbled_probability("Youlf Saqr") > 0.85
    for real in ("Baghdad", "Kirkuk", "Zakho", "Sinjar", "Kvitova", "Tsvangirai"):
        assert garbled_probability(real) < 0.2, real


def test_unlisted_garbled_name_is_reported_without_a_suggestion() -> None:
    gazetteer = _without("Jurf al-Sakhar")
    doc = Document(SEED)
    suspects = analyse(doc, gazetteer, "ar").suspects
    assert [(s.text, s.reason) for s in suspects] == [("Youlf Saqr", "unrecognised")]
    assert 0.3 <= suspects[0].confidence <= 0.6
    hints = [c.entry.canonical for c in suspects[0].candidates]
    assert hints == []  # Awlad Saqr, Egypt, is alike but far from Anbar: no hint
    finding = NameCheck(Settings())._suspect(doc, suspects[0])
    assert (finding.rule, finding.suggestions, finding.safe) == ("NM104", (), False)
    assert "Awlad Saqr" not in finding.message


def test_unlisted_real_name_is_left_alone() -> None:
    text = SEED.replace("Youlf Saqr", "Jurf al-Sakhar")
    assert analyse(Document(text), _without("Jurf al-Sakhar"), "ar").suspects == ()


def test_needs_a_cue_or_a_higher_score_without_one() -> None:
    cued = "Clashes broke out in Youlf Saqr on Monday, officials in Baghdad and Mosul said."
    bare = "Youlf Saqr said on Monday that officials in Baghdad and Mosul agreed."
    gazetteer = _without("Jurf al-Sakhar")
    assert [s.reason for s in analyse(Document(cued), gazetteer, "ar").suspects] == ["unrecognised"]
    assert analyse(Document(bare), gazetteer, "ar").suspects == ()


@pytest.mark.parametrize(
    "text",
    [
        "The Czech player Petra Kvitova beat Garbine Muguruza in Wimbledon on Saturday.",
        "Morgan Tsvangirai addressed supporters in Harare and Bulawayo before the vote.",
    ],
)
def test_foreign_names_in_english_news_are_not_reported(text: str) -> None:
    assert analyse(Document(text), _without(), "ar").suspects == ()


def test_rule_is_minor_and_never_fix_safe() -> None:
    assert UNRECOGNISED.code == "NM104"
    assert UNRECOGNISED.severity == "minor"
    assert not UNRECOGNISED.fix_safe


def test_person_names_need_the_higher_score() -> None:
    """A minister's name in an unusual romanization is not an MT error (NTREX: al-Moualem)."""
    text = (
        "Addressing the UN General Assembly, Foreign Minister Walid al-Moualem also called on "
        "Syrian refugees in Lebanon and Jordan to come home."
    )
    assert analyse(Document(text), _without(), "ar").suspects == ()


def test_training_learns_letter_sequences_of_garbled_words() -> None:
    """The fitting code on a toy set: words with "yurf"-like starts are the garbled ones."""
    real = ["jurf", "jarf", "jisr", "jabal", "jaber", "jalil", "jamal", "jazan"]
    garbled = ["yurf", "yarf", "yisr", "yabal", "yaber", "yalil", "yamal", "yazan"]
    weights = fit([(w, 0) for w in real] + [(w, 1) for w in garbled])
    assert weights["^y"] > 0 > weights["^j"]
