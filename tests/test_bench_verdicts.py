"""The fix benchmark's verdict on a change against the gold (benchmarks/devset.py)."""

from __future__ import annotations

import sys

from tools.shared_data import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from devset import Article, Change, Gold, verdicts

TEXT = "The talks ended this monday in the capital of the country."
SPAN = "ended this monday in the capital of the country"


def _article() -> Article:
    start = TEXT.index(SPAN)
    fixes = ("ended on Monday in the capital",)
    gold = Gold("g1", "calque", "core", start, start + len(SPAN), fixes)
    return Article("x", "fr", TEXT, TEXT, "", (gold,))


def _verdict(old: str, new: str) -> str:
    start = TEXT.index(old)
    ((_, verdict),) = verdicts(_article(), [Change(start, start + len(old), new, "R")])
    return verdict


def test_a_change_of_case_inside_a_rewritten_span_is_closer() -> None:
    assert _verdict("monday", "Monday") == "closer"
    assert _verdict("monday", "MONDAY") == "not closer"


def test_the_fix_itself_is_right_and_a_wrong_word_is_not_closer() -> None:
    assert _verdict(SPAN, "ended on Monday in the capital") == "right"
    assert _verdict("capital", "garden") == "not closer"
