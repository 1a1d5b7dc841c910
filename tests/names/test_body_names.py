"""NM106 (a body's field after 'the') and foreign acronyms of international bodies (NM102),
on fresh sentences from several countries and source languages."""

from __future__ import annotations

import pytest

from toolkit import check
from toolkit.checks.names.body_names import ARTICLE_IN_BODY_NAME, article_in_body_names
from toolkit.settings import Settings


def flagged(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    found = check(text, rules=["names"], settings=Settings())
    return {f.text: (f.rule, tuple(f.suggestions)) for f in found}


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        (ARTICLE_IN_BODY_NAME.example, "Ministry of the Agriculture", "Ministry of Agriculture"),
        (
            "A spokesman for the General Directorate of the Civil Aviation said flights resumed.",
            "Directorate of the Civil Aviation",
            "Directorate of Civil Aviation",
        ),
        (
            "The Minister of the Education and the Training, Tran Van Minh, opened the school.",
            "Minister of the Education and the Training",
            "Minister of Education and Training",
        ),
        (
            "Data from the National Institute of the Statistics put inflation at 9 percent.",
            "Institute of the Statistics",
            "Institute of Statistics",
        ),
    ],
)
def test_article_before_the_field_is_flagged(text: str, span: str, fixed: str) -> None:
    assert flagged(text)[span] == ("NM106", (fixed,))


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of the Interior said the crossing was closed.",
        "Japan's Ministry of the Environment published the figures.",
        "A statement from the Office of the Justice Minister followed.",
        "The Organization of the Petroleum Exporting Countries meets in Vienna.",
        "The Ministry of Health said 12 people were treated.",
    ],
)
def test_english_body_names_stay_silent(text: str) -> None:
    assert list(article_in_body_names(text)) == []


@pytest.mark.parametrize(
    ("text", "acronym", "english"),
    [
        ("Officials of the OTAN met in Brussels on Monday.", "OTAN", "NATO"),
        ("The AİHM ruled in 2021 that the detention was unlawful.", "AİHM", "ECHR"),
        ("The AIEA sent two inspectors to the plant.", "AIEA", "IAEA"),
        ("Delegates of the PASE voted to suspend the mandate.", "PASE", "PACE"),
    ],
)
def test_foreign_acronym_alone_gets_the_english_one(text: str, acronym: str, english: str) -> None:
    """A body's acronym in its source language, even where a town has the same letters
    (Otan, Nigeria; Aiea, Hawaii): capitals in running text are the body's."""
    assert flagged(text)[acronym] == ("NM102", (english,))
