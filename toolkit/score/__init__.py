"""Scoring translations: reference-based metrics (sacreBLEU) and reference-free estimates.

``SCORERS`` maps a ``--metrics`` name to its Scorer class, imported on first use.
"""

from __future__ import annotations

import importlib

from toolkit.score.base import MetricScore, ScoreOptions, Scorer

SCORERS: dict[str, str] = {
    "bleu": "toolkit.score.reference:BleuScorer",
    "chrf": "toolkit.score.reference:ChrfScorer",
    "chrf++": "toolkit.score.reference:ChrfPlusScorer",
    "ter": "toolkit.score.reference:TerScorer",
}

DEFAULT_METRICS = ("bleu", "chrf")
TOKENIZERS = (
    "none", "zh", "13a", "intl", "char", "ja-mecab", "ko-mecab", "spm", "flores101", "flores200",
    "spBLEU-1K",
)  # fmt: skip


def scorer_class(name: str) -> type[Scorer]:
    """The Scorer subclass registered under ``name``."""
    module, _, cls = SCORERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


__all__ = [
    "DEFAULT_METRICS",
    "SCORERS",
    "TOKENIZERS",
    "MetricScore",
    "ScoreOptions",
    "Scorer",
    "scorer_class",
]
