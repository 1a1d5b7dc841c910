"""The pronoun check on fresh MT-style sentences and native controls (tests/data/
pronouns_challenge.jsonl, written for mtkit, not taken from the dev articles): countries,
ministries, armies, courts, banks, clubs, airlines, currencies, dams and planes called
he or she, and gender slips for named people; controls name women and men, ships, quotes."""

import json
import re
from pathlib import Path

import pytest

from toolkit.checks.pronouns import PronounCheck
from toolkit.document import Document
from toolkit.settings import Settings

ROWS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "data" / "pronouns_challenge.jsonl").open()
    if line.strip()
]
POSITIVES = [r for r in ROWS if r["span"]]
CONTROLS = [r["text"] for r in ROWS if not r["span"]]


def findings(text: str):
    return PronounCheck(Settings(fast=True)).run(Document(text))


def found(row: dict) -> tuple[bool, bool]:
    """Whether the row's pronoun is flagged with its rule, and fixed as expected."""
    start = re.search(rf"\b{re.escape(row['span'])}\b", row["text"]).start()
    hits = [f for f in findings(row["text"]) if f.start == start and f.rule == row["rule"]]
    return bool(hits), bool(hits) and hits[0].suggestions[0] == row["fix"]


def test_recall_and_fixes_on_fresh_sentences():
    results = [found(row) for row in POSITIVES]
    flagged = sum(hit for hit, _ in results)
    fixed = sum(ok for _, ok in results)
    assert flagged >= 0.85 * len(POSITIVES), f"{flagged} of {len(POSITIVES)}"
    assert fixed >= 0.85 * len(POSITIVES), f"{fixed} of {len(POSITIVES)} fixed right"


@pytest.mark.parametrize("text", CONTROLS)
def test_native_controls_are_left_alone(text):
    assert findings(text) == []
