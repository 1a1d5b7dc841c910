"""The terminal review of fix proposals (mtkit fix --interactive)."""

import click
import pytest

from toolkit.findings import Finding
from toolkit.fix import Proposal
from toolkit.fix.review import TerminalReview

TEXT = "First line.\nThe attacks she suffered.\nLast line."


def proposal(number: int = 1) -> Proposal:
    start = TEXT.index("she")
    finding = Finding(
        start, start + 3, 2, 13, "she", "pronoun", "fluency", "minor", "she is the attacks"
    )
    return Proposal(finding, "they", number, 2)


@pytest.fixture
def answers(monkeypatch):
    queue: list[str] = []
    monkeypatch.setattr(click, "prompt", lambda *a, default=None, **k: queue.pop(0) or default)
    return queue


def test_shows_the_change_within_its_line_only(answers, capsys):
    answers.append("y")
    assert TerminalReview(TEXT)(proposal()) == "they"
    shown = capsys.readouterr().err
    assert "- The attacks she suffered." in shown and "+ The attacks they suffered." in shown
    assert "First line" not in shown and "Last line" not in shown


def test_apply_rest_and_skip_rest_answer_later_proposals_without_asking(answers):
    answers.extend(["a"])
    review = TerminalReview(TEXT)
    assert review(proposal(1)) == "they" and review(proposal(2)) == "they"
    answers.extend(["q"])
    review = TerminalReview(TEXT)
    assert review(proposal(1)) is None and review(proposal(2)) is None


def test_edit_returns_the_typed_replacement_and_unknown_answers_show_help(answers, capsys):
    answers.extend(["?", "e", "it"])
    assert TerminalReview(TEXT)(proposal()) == "it"
    assert "e edit the replacement" in capsys.readouterr().err
