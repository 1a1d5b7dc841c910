"""Scorer base class and the records a scoring run returns (figures plus signatures)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar


@dataclass(frozen=True)
class ScoreOptions:
    """Options shared by the reference-based metrics of one run (sacreBLEU's defaults).

    ``tokenize`` and ``lowercase`` apply to BLEU; ``lowercase`` also to chrF (TER is
    case-insensitive by default, as in sacreBLEU). ``tokenize="spm"`` needs ``spm_model``.
    """

    tokenize: str = "13a"
    lowercase: bool = False
    spm_model: Path | None = None


@dataclass(frozen=True)
class MetricScore:
    """One metric's figure for one system, formatted exactly as sacreBLEU formats it.

    ``mean``/``ci`` come from bootstrap resampling, ``p_value`` from a paired test against
    the first system; ``segments`` are per-segment scores (``segment_signature`` names them).
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

    def figure(self, width: int = 1) -> str:
        """``35.3``, ``35.3 (μ = 35.2 ± 5.1)``, plus ``(p = 0.0060)*`` after a paired test."""
        text = f"{self.score:.{width}f}"
        if self.mean is not None and self.ci is not None:
            text += f" (μ = {self.mean:.{width}f} ± {self.ci:.{width}f})"
        if self.p_value is not None:
            text += f" (p = {self.p_value:.4f})" + ("*" if self.p_value <= 0.05 else "")
        return text

    def line(self, width: int = 1) -> str:
        """sacreBLEU's text line: ``BLEU|<signature> = 35.3 67.1/43.0/... (BP = ...)``."""
        text = f"{self.metric}|{self.signature} = {self.figure(width)}"
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

    ``name`` is the registry key (``--metrics``).
    """

    name: ClassVar[str]

    def __init__(self, options: ScoreOptions, references: Sequence[Sequence[str]]) -> None:
        self.options = options
        self.references = references
        self.metric = self.build(sentence_level=False)

    @abstractmethod
    def build(self, sentence_level: bool) -> Any:
        """A sacreBLEU metric with the references cached (effective order for sentences)."""

    def corpus(self, system: str, hypotheses: Sequence[str], bootstrap: int = 0) -> MetricScore:
        """The corpus figure of one system, with a bootstrap CI when ``bootstrap`` > 1."""
        score = self.metric.corpus_score(hypotheses, None, n_bootstrap=max(1, bootstrap))
        confident = bootstrap > 1
        return MetricScore(
            system=system,
            metric=score.name,
            score=score.score,
            signature=self.metric.get_signature().format(),
            verbose=score._verbose,
            mean=score._mean if confident else None,
            ci=score._ci if confident else None,
        )

    def segments(self, hypotheses: Sequence[str]) -> tuple[tuple[float, ...], str]:
        """Per-segment scores (sacreBLEU's sentence_score) and their signature."""
        metric = self.build(sentence_level=True)
        stats = metric._extract_corpus_statistics(hypotheses, None)
        scores = tuple(metric._compute_score_from_stats(s).score for s in stats)
        return scores, metric.get_signature().format()
