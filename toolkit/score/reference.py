"""BLEU, chrF, chrF++ and TER over sacreBLEU's Python API, and a whole scoring run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sacrebleu.metrics import BLEU, CHRF

from toolkit.errors import ModelError, UsageError
from toolkit.score.base import MetricScore, ScoreOptions, Scorer
from toolkit.score.stats import StatsMemo

# The SentencePiece models sacreBLEU downloads for these tokenizers (file name, source).
SPM_TOKENIZERS = {
    "flores101": ("sacrebleu_tokenizer_spm.model", "https://dl.fbaipublicfiles.com/fairseq/models/flores/sacrebleu_tokenizer_spm.model"),
    "flores200": ("flores200sacrebleuspm", "https://tinyurl.com/flores200sacrebleuspm"),
    "spBLEU-1K": ("spbleu-1k_tokenizer_spm.model", "https://www.dlnlp.ai/spBLEU-1K/spbleu-1k_tokenizer_spm.model"),
}  # fmt: skip


class MemoBLEU(StatsMemo, BLEU):
    """sacreBLEU's BLEU that reuses statistics computed beforehand."""


class MemoCHRF(StatsMemo, CHRF):
    """sacreBLEU's chrF that reuses statistics computed beforehand."""


def _spm_tokenizer(tokenize: str, model: Path | None) -> Any:
    """The tokenizer for ``spm`` (a model of the user's, else flores101) or a flores model.

    A flores model comes from ``model``, else from where sacreBLEU keeps its download
    (``$SACREBLEU/models``); mtkit never downloads it.
    """
    from toolkit.score.spm import SpmTokenizer

    if tokenize == "spm" and model is not None:
        return SpmTokenizer(model)
    name = "flores101" if tokenize == "spm" else tokenize
    filename, url = SPM_TOKENIZERS[name]
    if model is None:
        from sacrebleu.utils import SACREBLEU_DIR

        model = Path(SACREBLEU_DIR) / "models" / filename
        if not model.is_file():
            own = "your own model (mtkit spm train) or " if tokenize == "spm" else ""
            raise ModelError(
                f"tokenizer {tokenize} needs --spm-model PATH: {own}the SentencePiece model "
                f"that sacreBLEU downloads from {url} and keeps at {model} (mtkit never "
                "downloads)"
            )
    return SpmTokenizer(model, name=name)


class BleuScorer(Scorer):
    """BLEU; SentencePiece tokenizers (spBLEU, flores) load a local model."""

    name = "bleu"

    def build(self, sentence_level: bool) -> Any:
        from toolkit.score import TOKENIZERS

        options = self.options
        tokenize = options.tokenize
        if tokenize is not None and tokenize not in TOKENIZERS:
            raise UsageError(
                f"unknown tokenizer {tokenize!r} (choose from {', '.join(TOKENIZERS)})"
            )
        if options.smooth_method not in BLEU.SMOOTH_DEFAULTS:
            raise UsageError(f"unknown smoothing method {options.smooth_method!r}")
        spm = tokenize in ("spm", *SPM_TOKENIZERS)
        try:
            metric = MemoBLEU(
                lowercase=options.lowercase,
                force=options.force,
                tokenize="none" if spm else tokenize,
                smooth_method=options.smooth_method,
                smooth_value=options.smooth_value,
                max_ngram_order=options.max_ngram_order,
                effective_order=sentence_level or options.effective_order,
                trg_lang=options.trg_lang,
                references=None if spm else self.references,
            )
        except (ImportError, RuntimeError):
            extra = (tokenize or "").split("-")[0]
            raise ModelError(
                f"tokenizer {tokenize} needs: pip install 'sacrebleu[{extra}]'"
            ) from None
        if spm:
            metric.tokenizer = _spm_tokenizer(tokenize, options.spm_model)
            metric.tokenizer_signature = metric.tokenizer.signature()
            metric._ref_cache = metric._cache_references(self.references)
        return metric


class ChrfScorer(Scorer):
    """chrF (character 6-grams, beta 2 by default)."""

    name = "chrf"
    word_order: int | None = None  # None: the option's

    def build(self, sentence_level: bool) -> Any:
        if sentence_level:
            return self.metric
        options = self.options
        return MemoCHRF(
            char_order=options.chrf_char_order,
            word_order=options.chrf_word_order if self.word_order is None else self.word_order,
            beta=options.chrf_beta,
            lowercase=options.chrf_lowercase,
            whitespace=options.chrf_whitespace,
            eps_smoothing=options.chrf_eps_smoothing,
            references=self.references,
        )


class ChrfPlusScorer(ChrfScorer):
    """chrF++: chrF plus word uni- and bigrams."""

    name = "chrf++"
    word_order = 2


class TerScorer(Scorer):
    """TER, with TERCOM's defaults (case-insensitive); sacreBLEU's figures, faster search."""

    name = "ter"
    parallel_from = 64

    def build(self, sentence_level: bool) -> Any:
        from toolkit.score.ter import FastTER

        if sentence_level:
            return self.metric
        options = self.options
        return FastTER(
            normalized=options.ter_normalized,
            no_punct=options.ter_no_punct,
            asian_support=options.ter_asian_support,
            case_sensitive=options.ter_case_sensitive,
            references=self.references,
        )


def build_scorers(
    metrics: Sequence[str], references: Sequence[Sequence[str]], options: ScoreOptions
) -> list[Scorer]:
    """One Scorer per metric name, references cached."""
    from toolkit.score import SCORERS, scorer_class

    for name in metrics:
        if name not in SCORERS:
            raise UsageError(f"unknown metric {name!r} (choose from {', '.join(SCORERS)})")
    return [scorer_class(name)(options, references) for name in metrics]


def evaluate(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[Sequence[str]],
    metrics: Sequence[str],
    options: ScoreOptions | None = None,
    *,
    bootstrap: int = 0,
    paired: str | None = None,
    paired_n: int = 0,
    paired_jobs: int = 1,
    segment_level: bool = False,
    jobs: int | None = 1,
) -> list[list[MetricScore]]:
    """Scores of each system (one list per system, in ``metrics`` order).

    ``bootstrap`` > 1 adds a 95% CI per system; ``paired`` ("bs" or "ar") tests every system
    against the first, as ``sacrebleu --paired-bs/--paired-ar`` does (``paired_n`` resamples or
    trials, 0 for sacreBLEU's default; ``paired_jobs`` as sacreBLEU's ``-j``). Segment
    statistics are computed once per system and metric, in ``jobs`` processes (None: one per
    CPU for TER).
    """
    scorers = build_scorers(metrics, references, options or ScoreOptions())
    stats = [[scorer.statistics(hyps, jobs) for scorer in scorers] for _, hyps in systems]
    if paired:
        from toolkit.score.significance import paired_test

        results = paired_test(systems, scorers, paired, paired_n, paired_jobs)
    else:
        results = [
            [s.corpus(name, hyps, bootstrap, st) for s, st in zip(scorers, row, strict=True)]
            for (name, hyps), row in zip(systems, stats, strict=True)
        ]
    if segment_level:
        results = [
            [s.with_segments(score, st) for s, score, st in zip(scorers, row, srow, strict=True)]
            for row, srow in zip(results, stats, strict=True)
        ]
    return results
