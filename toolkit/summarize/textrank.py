"""TextRank (Mihalcea and Tarau, 2004): PageRank over sentences linked by shared terms."""

from __future__ import annotations

import math
from collections.abc import Sequence

from toolkit.summarize.base import ExtractiveSummarizer, Unit
from toolkit.summarize.vectors import pagerank


def overlaps(units: Sequence[Unit]) -> list[list[float]]:
    """Shared terms of every two sentences, normalised by their log lengths (0 on the
    diagonal and for sentences of fewer than two terms)."""
    sets = [frozenset(u.terms) for u in units]
    logs = [math.log(len(u.terms)) if len(u.terms) > 1 else 0.0 for u in units]
    n = len(units)
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        if not logs[i]:
            continue
        for j in range(i + 1, n):
            if logs[j] and (shared := len(sets[i] & sets[j])):
                weights[i][j] = weights[j][i] = shared / (logs[i] + logs[j])
    return weights


class TextRankSummarizer(ExtractiveSummarizer):
    """Scores each sentence by its centrality in the term-overlap graph."""

    name = "textrank"

    def rate(self, units: Sequence[Unit], lang: str) -> list[float]:
        return pagerank(overlaps(units))
