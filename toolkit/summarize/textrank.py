"""TextRank (Mihalcea and Tarau, 2004): PageRank over sentences linked by shared terms."""

from __future__ import annotations

import math
from collections.abc import Sequence

from toolkit.summarize.base import ExtractiveSummarizer, Unit
from toolkit.summarize.vectors import pagerank


def overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Shared terms, normalised by the log lengths of both sentences."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    return len(set(a) & set(b)) / (math.log(len(a)) + math.log(len(b)))


class TextRankSummarizer(ExtractiveSummarizer):
    """Scores each sentence by its centrality in the term-overlap graph."""

    name = "textrank"

    def rate(self, units: Sequence[Unit], lang: str) -> list[float]:
        weights = [
            [0.0 if i == j else overlap(a.terms, b.terms) for j, b in enumerate(units)]
            for i, a in enumerate(units)
        ]
        return pagerank(weights)
