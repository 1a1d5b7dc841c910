"""BLEU, chrF, chrF++ and TER over sacreBLEU's Python API, and a whole scoring run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from toolkit.errors import ModelError, UsageError
from toolkit.score.base import MetricScore, ScoreOptions, Scorer


class BleuScorer(Scorer):
    """BLEU; ``tokenize="spm"`` is spBLEU with a local SentencePiece model."""

    name = "bleu"

    def build(self, sentence_level: bool) -> Any:
        from sacrebleu.metrics import BLEU

        from toolkit.score import TOKENIZERS

        options = self.options
        if options.tokenize not in TOKENIZERS:
            raise UsageError(f"unknown tokenizer {options.tokenize!r}")
        spm = options.tokenize == "spm"
        if spm and options.spm_model is None:
            raise UsageError("--tokenize spm needs --spm-model PATH (train one: mtkit spm train)")
        try:
            metric = BLEU(
                lowercase=options.lowercase,
                tokenize="none" if spm else options.tokenize,
                effective_order=sentence_level,
                references=None if spm else self.references,
            )
        except (ImportError, RuntimeError):
            extra = options.tokenize.split("-")[0]
            raise ModelError(
                f"tokenizer {options.tokenize} needs: pip install 'sacrebleu[{extra}]'"
            ) from None
        if spm:
            from toolkit.spm import SpmTokenizer

            metric.tokenizer = SpmTokenizer(options.spm_model)
            metric.tokenizer_signature = metric.tokenizer.signature()
            metric._ref_cache = metric._cache_references(self.references)
        return metric


class ChrfScorer(Scorer):
    """chrF (character 6-grams, beta 2)."""

    name = "chrf"
    word_order = 0

    def build(self, sentence_level: bool) -> Any:
        from sacrebleu.metrics import CHRF

        return CHRF(
            word_order=self.word_order,
            lowercase=self.options.lowercase,
            references=self.references,
        )


class ChrfPlusScorer(ChrfScorer):
    """chrF++: chrF plus word uni- and bigrams."""

    name = "chrf++"
    word_order = 2


class TerScorer(Scorer):
    """TER, with TERCOM's defaults (case-insensitive)."""

    name = "ter"

    def build(self, sentence_level: bool) -> Any:
        from sacrebleu.metrics import TER

        return TER(references=self.references)


def evaluate(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[Sequence[str]],
    metrics: Sequence[str],
    options: ScoreOptions | None = None,
    *,
    bootstrap: int = 0,
    paired: str | None = None,
    paired_n: int = 0,
    segment_level: bool = False,
) -> list[list[MetricScore]]:
    """Scores of each system (one list per system, in ``metrics`` order).

    ``bootstrap`` > 1 adds a 95% CI per system; ``paired`` ("bs" or "ar") tests every system
    against the first, as ``sacrebleu --paired-bs/--paired-ar`` does (``paired_n`` resamples or
    trials, 0 for sacreBLEU's default).
    """
    from toolkit.score import SCORERS, scorer_class

    options = options or ScoreOptions()
    for name in metrics:
        if name not in SCORERS:
            raise UsageError(f"unknown metric {name!r} (choose from {', '.join(SCORERS)})")
    scorers = [scorer_class(name)(options, references) for name in metrics]
    if paired:
        from toolkit.score.significance import paired_test

        results = paired_test(systems, scorers, paired, paired_n)
    else:
        results = [[s.corpus(name, hyps, bootstrap) for s in scorers] for name, hyps in systems]
    if segment_level:
        results = [
            [_with_segments(s, scorer, hyps) for s, scorer in zip(row, scorers, strict=True)]
            for row, (_, hyps) in zip(results, systems, strict=True)
        ]
    return results


def _with_segments(score: MetricScore, scorer: Scorer, hypotheses: Sequence[str]) -> MetricScore:
    from dataclasses import replace

    segments, signature = scorer.segments(hypotheses)
    return replace(score, segments=segments, segment_signature=signature)
