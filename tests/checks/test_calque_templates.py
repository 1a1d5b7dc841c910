"""Fresh MT-style sentences for the template families (tests/data/calque_templates.tsv): each
positive is flagged on its span by the calque, terminology or grammar lexicons, and no native
control is. Positives run with weak rows enabled (in an article they report beside a stronger
calque); controls run as `mtkit check` does."""

import pytest

from tests.conftest import DATA
from toolkit import check
from toolkit.checks import lexicon
from toolkit.checks.lexicon import inflected
from toolkit.document import Document
from toolkit.resources import iter_tsv
from toolkit.settings import Settings

ROWS = list(iter_tsv(DATA / "calque_templates.tsv"))
POSITIVES = [r for r in ROWS if r["rule"]]
CONTROLS = [r for r in ROWS if not r["rule"]]
CHECKS = ["calques", "terminology", "grammar"]


@pytest.mark.parametrize("row", POSITIVES, ids=[r["span"] for r in POSITIVES])
def test_template_flags_the_span(row, monkeypatch):
    monkeypatch.setattr(lexicon, "WEAK", 0.0)
    start = row["text"].index(row["span"])
    end = start + len(row["span"])
    found = [f for f in check(row["text"], rules=CHECKS, settings=Settings())]
    assert any(f.start < end and start < f.end for f in found), found


@pytest.mark.parametrize("row", CONTROLS, ids=[r["text"][:40] for r in CONTROLS])
def test_native_control_is_left_alone(row):
    assert check(row["text"], rules=CHECKS, settings=Settings()) == []


def test_every_source_language_has_examples():
    assert {r["source_lang"] for r in POSITIVES} >= {"ar", "fa", "tr", "ur", "zh", "ru", "fr"}
    assert len(POSITIVES) >= 20 and len(CONTROLS) >= 10


@pytest.mark.parametrize(
    ("verb", "form"),
    [("carried out", "made"), ("doing", "making"), ("does", "makes"), ("do", "make")],
)
def test_light_verb_rewrite_keeps_the_tense(verb, form):
    assert inflected(["made", "making", "makes", "make"], verb) == form


def test_light_verb_suggestion_in_context():
    text = "Officials will carry out a visit to Oslo."
    (finding,) = [f for f in check(text, rules=["calques"]) if f.rule == "CQ108"]
    assert finding.suggestions[0] == "make a visit"
    assert Document(text).text[finding.start : finding.end] == "carry out a visit"


def test_genitive_chain_needs_a_text_dense_with_of_the():
    calqued = (
        "The meeting of the council of the ministers approved the budget of the ministry "
        "of the finance."
    )
    native = (
        "Relatives of the victims of the attack gathered outside the court on Monday, where "
        "two men went on trial. Families said they wanted answers and that police had failed "
        "them for years, and many held photographs as the hearing began in the afternoon. "
        "Lawyers for both men said they would plead not guilty to all of the charges."
    )
    assert [f.text for f in check(calqued, rules=["calques"]) if f.rule == "CQ109"] == [
        "The meeting of the council of the ministers",
        "the budget of the ministry of the finance",
    ]
    assert not [f for f in check(native, rules=["calques"]) if f.rule == "CQ109"]
