"""mtkit's faster TER gives sacreBLEU's statistics exactly, in one process or several."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import TER
from sacrebleu.metrics.lib_ter import translation_edit_rate as sacrebleu_ter

from toolkit.score.ter import FastTER, translation_edit_rate

DATA = Path(__file__).resolve().parents[1] / "data" / "wmt22_small"
# Few distinct words, so that shifts, ties and repeated words are common.
WORDS = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=24)


@settings(max_examples=200, deadline=None)
@given(WORDS, WORDS)
def test_edits_equal_sacrebleus_on_random_word_sequences(hyp, ref):
    assert translation_edit_rate(hyp, ref) == sacrebleu_ter(hyp, ref)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list("abcdefgh")), min_size=30, max_size=60), st.data())
def test_edits_equal_sacrebleus_on_shuffled_blocks(ref, data):
    """Long hypotheses that are the reference with blocks moved: many shift candidates."""
    hyp = list(ref)
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(hyp) - 1))
        block = hyp[start : start + data.draw(st.integers(1, 6))]
        del hyp[start : start + len(block)]
        at = data.draw(st.integers(0, len(hyp)))
        hyp[at:at] = block
    assert translation_edit_rate(hyp, ref) == sacrebleu_ter(hyp, ref)


def test_edge_cases_equal_sacrebleus():
    for hyp, ref in [([], []), ([], ["a"]), (["a"], []), (["a"] * 80, ["a"]), (["a"], ["b"] * 90)]:
        assert translation_edit_rate(hyp, ref) == sacrebleu_ter(hyp, ref)


def test_statistics_equal_sacrebleus_on_news_in_one_or_two_processes():
    from toolkit.score.stats import segment_statistics

    refs = [(DATA / f"ref.{x}.en").read_text(encoding="utf-8").splitlines()[:15] for x in "AB"]
    hyps = (DATA / "Online-W.en").read_text(encoding="utf-8").splitlines()[:15]
    expected = TER(references=refs)._extract_corpus_statistics(hyps, None)
    fast = FastTER(references=refs)
    assert segment_statistics(fast, hyps, workers=1) == expected
    assert segment_statistics(fast, hyps, workers=2) == expected


def test_segment_level_computes_each_segments_edits_once(monkeypatch):
    """Issue 17: sentence-level TER reads its scores off the corpus statistics."""
    import toolkit.score.ter as ter
    from toolkit.score.reference import evaluate

    refs = [(DATA / "ref.A.en").read_text(encoding="utf-8").splitlines()[:12]]
    hyps = (DATA / "Online-W.en").read_text(encoding="utf-8").splitlines()[:12]
    calls = []
    original = ter.translation_edit_rate
    monkeypatch.setattr(
        ter, "translation_edit_rate", lambda h, r: calls.append(1) or original(h, r)
    )
    corpus = evaluate([("sys", hyps)], refs, ["ter"], jobs=1)[0][0]
    assert len(calls) == len(hyps)
    calls.clear()
    segments = evaluate([("sys", hyps)], refs, ["ter"], segment_level=True, jobs=1)[0][0]
    assert len(calls) == len(hyps) and segments.score == corpus.score
    expected = [TER().sentence_score(h, [r]).score for h, r in zip(hyps, refs[0], strict=True)]
    assert list(segments.segments) == expected
