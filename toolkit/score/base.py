"""Scorer base class and the records a scoring run returns (figures plus signatures)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar


@dataclass(frozen=True)
class ScoreOptions:
    """The options of the reference-based metrics, named and defaulted as sacreBLEU's.

    ``tokenize=None`` picks sacreBLEU's default for ``trg_lang`` (zh, ja-mecab, ko-mecab,
    else 13a). ``spm_model`` is a local SentencePiece model: for ``tokenize="spm"`` a model of
    the user's own (signature ``spm-<name>-<hash>``), for flores101/flores200/spBLEU-1K the
    model sacreBLEU would download. ``lowercase`` is BLEU's ``-lc``; chrF and TER have their own.
    """

    tokenize: str | None = None
    lowercase: bool = False
    spm_model: Path | None = None
    force: bool = False
    smooth_method: str = "exp"
    smooth_value: float | None = None
    max_ngram_order: int = 4
    effective_order: bool = False
    trg_lang: str = ""
    chrf_char_order: int = 6
    chrf_word_order: int = 0
    chrf_beta: int = 2
    chrf_whitespace: bool = False
    chrf_lowercase: bool = False
    chrf_eps_smoothing: bool = False
    ter_case_sensitive: bool = False
    ter_asian_support: bool = False
    ter_no_punct: bool = False
    ter_normalized: bool = False


@dataclass(frozen=True)
class MetricScore:
    """One metric's figure for one system, formatted exactly as sacreBLEU formats it.

    ``mean``/``ci`` come from bootstrap resampling, ``p_value`` from a paired test against
    the first system; ``segments`` are per-segment scores (``segment_signature`` names them,
    ``segment_verbose`` holds sacreBLEU's detail of each, such as BLEU's precisions).
    ``key`` is the registry name of the metric (``bleu``, ``chrf``, ...).
    """

    system: str
    metric: str
    score: float
    signature: str
    verbose: str = ""
    mean: float | None = None
    ci: float | None = None
    p_value: float | None = None
    segments: tuple[float, ...] = field(default=())
    segment_signature: str = ""
    key: str = ""
    short_signature: str = ""
    segment_verbose: tuple[str, ...] = field(default=())
    short_segment_signature: str = ""

    def figure(self, width: int = 1) -> str:
        """``35.3``, ``35.3 (μ = 35.2 ± 5.1)``, plus ``(p = 0.0060)*`` after a paired test."""
        text = f"{self.score:.{width}f}"
        if self.mean is not None and self.ci is not None:
            text += f" (μ = {self.mean:.{width}f} ± {self.ci:.{width}f})"
        if self.p_value is not None:
            text += f" (p = {self.p_value:.4f})" + ("*" if self.p_value <= 0.05 else "")
        return text

    def line(self, width: int = 1, short: bool = False) -> str:
        """sacreBLEU's text line: ``BLEU|<signature> = 35.3 67.1/43.0/... (BP = ...)``."""
        signature = self.short_signature if short and self.short_signature else self.signature
        text = f"{self.metric}|{signature} = {self.figure(width)}"
        return f"{text} {self.verbose}" if self.verbose else text

    def to_dict(self, width: int = 1) -> dict[str, Any]:
        """JSON-ready form; figures rounded to ``width`` decimals as sacreBLEU's JSON does."""
        data: dict[str, Any] = {
            "system": self.system,
            "metric": self.metric,
            "score": float(f"{self.score:.{width}f}"),
            "signature": self.signature,
        }
        if self.verbose:
            data["verbose_score"] = self.verbose
        if self.mean is not None and self.ci is not None:
            data["confidence_mean"] = float(f"{self.mean:.{width}f}")
            data["confidence_var"] = float(f"{self.ci:.{width}f}")
        if self.p_value is not None:
            data["p_value"] = float(f"{self.p_value:.4f}")
        if self.segments:
            data["segments"] = [float(f"{s:.{width}f}") for s in self.segments]
            data["segment_signature"] = self.segment_signature
        return data


class Scorer(ABC):
    """A reference-based metric: subclasses build the sacreBLEU metric object; the base scores.

    ``name`` is the registry key (``--metrics``). Segment statistics are computed once per
    system (in ``jobs`` processes when the metric is slow) and give the corpus figure, its
    bootstrap CI and the per-segment scores.
    """

    name: ClassVar[str]
    parallel_from: ClassVar[int | None] = None  # segments from which jobs="auto" forks

    def __init__(self, options: ScoreOptions, references: Sequence[Sequence[str]]) -> None:
        self.options = options
        self.references = references
        self.metric = self.build(sentence_level=False)
        self._sentence_metric: Any = None

    @abstractmethod
    def build(self, sentence_level: bool) -> Any:
        """A sacreBLEU metric with the references cached (effective order for sentences)."""

    @property
    def sentence_metric(self) -> Any:
        """The metric that scores single segments (BLEU with effective order)."""
        if self._sentence_metric is None:
            self._sentence_metric = self.build(sentence_level=True)
        return self._sentence_metric

    def workers(self, jobs: int | None, segments: int) -> int:
        """Processes for ``segments`` segments: ``jobs``, or when None, one per CPU if slow."""
        if jobs is None:
            from toolkit.score.stats import available_cpus

            slow = self.parallel_from is not None and segments >= self.parallel_from
            return available_cpus() if slow else 1
        return max(1, jobs)

    def statistics(self, hypotheses: Sequence[str], jobs: int | None = 1) -> list[list[Any]]:
        """sacreBLEU's segment statistics of ``hypotheses`` against the cached references."""
        from toolkit.score.stats import segment_statistics

        stats = segment_statistics(self.metric, hypotheses, self.workers(jobs, len(hypotheses)))
        self.metric.remember(hypotheses, stats)
        return stats

    def corpus(
        self,
        system: str,
        hypotheses: Sequence[str],
        bootstrap: int = 0,
        stats: list[list[Any]] | None = None,
        jobs: int | None = 1,
    ) -> MetricScore:
        """The corpus figure of one system, with a bootstrap CI when ``bootstrap`` > 1."""
        stats = self.statistics(hypotheses, jobs) if stats is None else stats
        score = self.metric._aggregate_and_compute(stats)
        confident = bootstrap > 1
        if confident:
            from sacrebleu.significance import _bootstrap_resample

            self.metric.n_bootstrap = bootstrap
            self.metric.seed, resampled = _bootstrap_resample(stats, self.metric, bootstrap)
            score.estimate_ci(resampled)
        signature = self.metric.get_signature()
        return MetricScore(
            system=system,
            metric=score.name,
            score=score.score,
            signature=signature.format(),
            verbose=score._verbose,
            mean=score._mean if confident else None,
            ci=score._ci if confident else None,
            key=self.name,
            short_signature=signature.format(short=True),
        )

    def with_segments(self, score: MetricScore, stats: list[list[Any]]) -> MetricScore:
        """``score`` plus per-segment scores computed from the same statistics."""
        from dataclasses import replace

        metric = self.sentence_metric
        scores = [metric._aggregate_and_compute([s]) for s in stats]
        signature = metric.get_signature()
        return replace(
            score,
            segments=tuple(s.score for s in scores),
            segment_verbose=tuple(s._verbose for s in scores),
            segment_signature=signature.format(),
            short_segment_signature=signature.format(short=True),
        )
