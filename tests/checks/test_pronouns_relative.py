"""PR105: a relative clause with no gap, because a pronoun fills it."""

import pytest

from toolkit.checks.pronouns import PronounCheck
from toolkit.document import Document
from toolkit.settings import Settings


def findings(text: str):
    return [f for f in PronounCheck(Settings(fast=True)).run(Document(text)) if f.rule == "PR105"]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Observers noted the weakness of the government in the region, which Moscow"
            " recognized her independence in 2008.",
            "Observers noted the weakness of the government in the region, whose independence"
            " Moscow recognized in 2008.",
        ),
        (
            "Turnout was low in the local elections, which the residents went to them on Sunday.",
            "Turnout was low in the local elections, which the residents went to on Sunday.",
        ),
        (
            "The army released a video which he said that it shows the captured soldiers.",
            "The army released a video which he said shows the captured soldiers.",
        ),
        (
            "Tourism is vital for the island, whose economy she depends on visitors from Europe.",
            "Tourism is vital for the island, whose economy depends on visitors from Europe.",
        ),
    ],
)
def test_resumptive_pronoun_in_a_relative_clause(text, fixed):
    (finding,) = findings(text)
    assert text[: finding.start] + finding.suggestions[0] + text[finding.end :] == fixed


@pytest.mark.parametrize(
    "text",
    [
        "He returned to the village, which he called his home for forty years.",
        "The book, which she wrote her name on, was sold.",
        "The funds, which the ministry said that it would spend on roads, were frozen.",
        "The man whose car she stole was arrested.",
        "The party, which they voted for in 2019, lost.",
        "The house, which he gave his son in 2010, burned down.",
        "The city in which she lived her whole life was bombed.",
        "It is unclear which the voters went to on Sunday.",
    ],
)
def test_relative_clauses_with_a_gap_are_left_alone(text):
    assert findings(text) == []


@pytest.mark.parametrize("text", ["", " ", "\n\n", "which", "The team, she"])
def test_empty_and_tiny_texts(text):
    assert isinstance(PronounCheck(Settings(fast=True)).run(Document(text)), list)
