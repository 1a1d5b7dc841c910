"""PR101 on 'her'/'his' for a work (a film, a book, an app) before a part only a work has,
and silence where a person is in sight or the noun is no part of a work."""

from __future__ import annotations

import pytest

from toolkit.checks.pronouns.lexicon import AnimacyLexicon
from toolkit.checks.pronouns.works import work_findings
from toolkit.document import Document


def found(text: str) -> list[tuple[str, str]]:
    return [
        (f.text, f.suggestions[0]) for f in work_findings(Document(text), AnimacyLexicon.load())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The novel sold a million copies in its first year. Her English translation "
            "appears in May.",
            [("Her", "Its")],
        ),
        (
            "The app was downloaded ten million times, and his developers promised a new version.",
            [("his", "its")],
        ),
        (
            "The documentary won the jury prize on Saturday, and her premiere in Seoul is "
            "planned for March.",
            [("her", "its")],
        ),
    ],
)
def test_possessive_for_a_work(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a person in sight: the director, a named author, a role noun
        "The film was directed by Nadine Labaki. Her premiere in Cannes drew applause.",
        "The book tells the story of a young nurse, and her translation of letters is key.",
        "The director said the film was finished, and her premiere is set for May.",
        # the noun after the possessive is no part of a work
        "The album reached number one, and her music was everywhere that summer.",
        # inside a quotation: the speaker's pronouns
        'The film opened on Friday. "His release from prison changed everything," she said.',
    ],
)
def test_no_work_finding(text: str) -> None:
    assert found(text) == []
