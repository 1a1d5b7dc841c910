"""ROUGE with a tokenizer that keeps every script; equal to rouge-score on ASCII text."""

from __future__ import annotations

import pytest

from toolkit.summarize.rouge import lcs_length, mean_f1, rouge, rouge_tokens

PAIRS = [
    ("The cat sat on the mat.", "The cat was sitting on the mat today."),
    ("Profits at TimeWarner jumped 76% to $1.13bn.", "TimeWarner profits rose 76% to $1.13bn."),
    ("a b c d", "e f g"),
    ("", "something"),
]


@pytest.mark.parametrize(("candidate", "reference"), PAIRS)
def test_equal_to_rouge_score_on_english(candidate: str, reference: str) -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"]).score(reference, candidate)
    ours = rouge(candidate, reference)
    for metric, score in theirs.items():
        assert ours[metric].f1 == pytest.approx(score.fmeasure)
        assert ours[metric].precision == pytest.approx(score.precision)
        assert ours[metric].recall == pytest.approx(score.recall)


def test_arabic_scores_where_rouge_score_gives_zero() -> None:
    candidate = "قصفت الطائرات الأمريكية موقعين في العراق"
    reference = "قصفت الطائرات موقعين في العراق"
    ours = rouge(candidate, reference)
    assert ours["rouge1"].recall == 1.0
    assert ours["rouge1"].precision == pytest.approx(5 / 6)
    assert ours["rouge2"].f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    assert rouge_scorer.RougeScorer(["rouge1"]).score(reference, candidate)["rouge1"].fmeasure == 0


def test_chinese_counts_characters() -> None:
    assert rouge_tokens("美国空袭 Iraq") == ["美", "国", "空", "袭", "iraq"]
    assert rouge("美国空袭伊拉克", "美国空袭叙利亚")["rouge1"].f1 == pytest.approx(4 / 7)


def test_arabic_vowel_marks_do_not_matter() -> None:
    assert rouge("الْعِرَاق", "العراق")["rouge1"].f1 == 1.0


def test_lcs_and_mean() -> None:
    assert lcs_length("abcbdab", "bdcaba") == 4
    assert mean_f1([]) == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert mean_f1([rouge("a b", "a b")])["rouge2"] == 100.0
