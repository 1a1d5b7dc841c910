import pytest

from toolkit import check
from toolkit.checks.terminology import TerminologyCheck
from toolkit.document import Document
from toolkit.settings import Settings


def terms(text: str, source_lang: str | None = None):
    return TerminologyCheck(Settings(source_lang=source_lang)).run(Document(text))


def apply(text: str, finding) -> str:
    return text[: finding.start] + finding.suggestions[0] + text[finding.end :]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "A tanker was hit by march planes and three winged missiles.",
            "A tanker was hit by drones and three winged missiles.",
        ),
        ("Militants were rendered ineffective.", "Militants were neutralized."),
        (
            "The Il-76 vanished from radar. The board disappeared near the airport.",
            "The Il-76 vanished from radar. The aircraft disappeared near the airport.",
        ),
        (
            "The helicopter pilot aborted the landing and went to the second circle.",
            "The helicopter pilot aborted the landing and went around.",
        ),
        ("Aid reached the flood affectees.", "Aid reached those affected."),
    ],
)
def test_wrong_sense_terms_and_fixes(text, fixed):
    finding = terms(text)[0]
    assert finding.rule == "TM101" and finding.kind == "terminology"
    assert apply(text, finding) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The board met on Tuesday and approved the merger.",  # no aviation context
        "He lost the rematch against the heavyweight champion after the first leg of his tour.",
        "The club's technical director signed off the budget of the hospital.",  # no football
        "Marches were held in 40 cities against the law.",  # protest marches
        "Police said the protesters were made ineffective by the rain.",
    ],
)
def test_native_senses_are_left_alone(text):
    assert terms(text) == []


def test_technical_director_in_football_news():
    text = (
        "The league leaders sacked technical director Ali Demir after the cup match. "
        "The club will name a new coach this week."
    )
    (finding,) = terms(text)
    assert finding.text == "technical director" and finding.suggestions[0] == "head coach"


def test_rematch_needs_a_two_legged_tie():
    text = "After a 0-0 first match in the Champions League qualifier, the team lost the rematch."
    assert [f.text for f in terms(text)] == ["rematch"]


def test_terminology_runs_by_default_and_by_kind():
    text = "Two sleeping cells were found in the Gaza Sector."
    assert {f.rule for f in check(text)} >= {"TM101", "TM102"}
    assert {f.kind for f in check(text, rules=["terminology"])} == {"terminology"}
