"""The constructed MT-style challenge set (tests/data/linguistic_challenge.tsv): calques and
pronoun slips from Arabic, Persian, Turkish and Chinese MT, and native controls."""

import pytest

from tests.conftest import DATA
from toolkit import check
from toolkit.resources import iter_tsv
from toolkit.settings import Settings

ROWS = list(iter_tsv(DATA / "linguistic_challenge.tsv"))


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
def test_challenge_sentence(row):
    found = {
        (f.rule, f.text)
        for f in check(row["text"], rules=["calques", "pronouns"], settings=Settings(fast=False))
    }
    if row["rule"]:
        assert (row["rule"], row["span"]) in found
    else:
        assert found == set()


def test_challenge_set_has_positives_and_controls():
    assert sum(bool(r["rule"]) for r in ROWS) >= 25
    assert sum(not r["rule"] for r in ROWS) >= 10
