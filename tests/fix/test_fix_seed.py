"""The seed article through fix: the quality bar of issue 6, with every registered detector."""

import re

import pytest
from rapidfuzz.distance import Levenshtein
from sacrebleu.metrics import CHRF

from toolkit.fix import fix
from toolkit.pipeline import check
from toolkit.settings import Settings

FAST = Settings(fast=True)  # the default; bench_fix also runs the model checks (--deep)
CHROME = ("Source link", "Related Articles", "Leave a Reply", "Your email", "Back to top")


@pytest.fixture(scope="module")
def fixed(seed_text):
    return fix(seed_text, settings=FAST)


@pytest.fixture(scope="module")
def reference(data_dir):
    return (data_dir / "seed_postedited.txt").read_text(encoding="utf-8")


def flat(text):
    return [" ".join(text.split())]


def test_glued_quote_repaired_and_rest_kept(fixed, seed_text):
    assert "militants.” in response" in fixed.text
    assert fixed.text.startswith("The United States launches raids")
    assert not fixed.text.endswith("\n") and not seed_text.endswith("\n")


def test_boilerplate_and_leaked_headline_removed_cleanly(fixed):
    for chrome in (*CHROME, "What we know so far"):
        assert chrome not in fixed.text
    assert fixed.text.endswith("about 900 in Syria.")
    assert "\n\n\n" not in fixed.text and not re.search(r"[ \t]+\n", fixed.text)


def test_every_safe_confident_finding_is_applied_unless_overlapped(fixed):
    for item in fixed.skipped:
        f = item.finding
        if f.safe and f.confidence >= 0.8 and f.suggestions:
            assert item.reason.startswith(("overlaps", "same change")), item


def test_name_corrections_applied_by_default(fixed):
    assert "Jurf al-Sakhar" in fixed.text and "Youlf" not in fixed.text
    assert "Operation Al-Aqsa Flood October" in fixed.text


def test_default_fix_repairs_and_and_the_broken_sentence(fixed):
    assert "Syria and Iraq over" in fixed.text
    assert "in Syria against armed factions" in fixed.text


def test_closer_to_the_human_post_edit(fixed, seed_text, reference):
    chrf = CHRF()
    before = chrf.corpus_score(flat(seed_text), [flat(reference)]).score
    after = chrf.corpus_score(flat(fixed.text), [flat(reference)]).score
    assert after > before
    # Word edit distance (TER without shifts; sacreBLEU's TER takes 20 s on one long segment).
    words = reference.split()
    assert Levenshtein.distance(fixed.text.split(), words) < Levenshtein.distance(
        seed_text.split(), words
    )


def test_idempotent_and_check_clean(fixed):
    assert fix(fixed.text, settings=FAST).text == fixed.text
    again = {(f.rule, fixed.old_offset(f.start)) for f in check(fixed.text, settings=FAST)}
    assert not [f for f in fixed.applied if (f.rule, f.start) in again]


def test_every_applied_finding_was_safe_and_confident(fixed):
    assert fixed.applied
    from toolkit.fix import measured_safe

    def eligible(f):
        return (f.safe and f.confidence >= 0.8) or f.confidence >= measured_safe().get(f.rule, 2)

    assert all(eligible(f) for f in fixed.applied)
    assert all(s.reason for s in fixed.skipped)


@pytest.mark.parametrize(
    "name", ["clean_news_bbc.txt", "clean_news_ntrex.txt", "ntrex_en_sample.txt"]
)
def test_clean_human_news_is_left_unchanged(data_dir, name):
    text = (data_dir / name).read_text(encoding="utf-8")
    result = fix(text, settings=FAST)
    assert result.text == text, [(f.rule, f.text) for f in result.applied]


def test_post_edited_reference_is_left_unchanged(reference):
    assert fix(reference, settings=FAST).text == reference
