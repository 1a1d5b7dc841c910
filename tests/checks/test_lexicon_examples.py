"""Every row of the calque, terminology and grammar lexicons: its own example fires, and its first
suggestion turns the example into the fixed text it gives."""

import pytest

from toolkit.checks import lexicon
from toolkit.checks.calques import CalqueCheck
from toolkit.checks.grammar import GrammarCheck
from toolkit.checks.terminology import TerminologyCheck
from toolkit.document import Document
from toolkit.resources import corpora_dir, iter_tsv
from toolkit.settings import Settings


def _rows(check):
    rows = {}
    for path in sorted(corpora_dir().joinpath(check.folder).glob("*.tsv")):
        if path.stem in {"shared", "templates", "ar", "fa", "tr", "ur", "zh", "ru", "fr"}:
            rows.update((row["id"], row) for row in iter_tsv(path))
    return [(check, entry, rows[entry.id]) for entry in check(Settings()).entries()]


CASES = _rows(CalqueCheck) + _rows(TerminologyCheck) + _rows(GrammarCheck)


@pytest.mark.parametrize(("check", "entry", "row"), CASES, ids=[c[1].id for c in CASES])
def test_row_example_fires_and_fixes(check, entry, row, monkeypatch):
    monkeypatch.setattr(lexicon, "WEAK", 0.0)  # a weak row alone, without its corroboration
    monkeypatch.setattr(check, "entries", lambda self: (entry,))
    text, _, fixed = row["example"].partition(" -> ")
    findings = [f for f in check(Settings()).run(Document(text)) if f.rule == row["rule"]]
    assert findings, f"{entry.id}: its example does not fire"  # (a CQ109 chain may fire too)
    finding = findings[0]
    if finding.suggestions:
        assert text[: finding.start] + finding.suggestions[0] + text[finding.end :] == fixed


def test_every_row_names_its_provenance_and_a_source_form():
    for _, entry, row in CASES:
        assert row["evidence"].strip() and " -> " in row["example"], entry.id
        assert entry.sources, entry.id


def test_each_source_language_has_a_calque_lexicon():
    langs = {path.stem for path in corpora_dir().joinpath("calques").glob("*.tsv")}
    assert {"ar", "fa", "tr", "ur", "zh", "ru", "fr", "shared"} <= langs
