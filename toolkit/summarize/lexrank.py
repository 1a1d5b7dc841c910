"""LexRank (Erkan and Radev, 2004): PageRank over sentences linked by TF-IDF cosine."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.summarize.base import ExtractiveSummarizer, Unit
from toolkit.summarize.vectors import cosine, pagerank, tfidf


class LexRankSummarizer(ExtractiveSummarizer):
    """Scores each sentence by its centrality among sentences at least ``THRESHOLD`` similar."""

    name = "lexrank"
    THRESHOLD = 0.1

    def rate(self, units: Sequence[Unit], lang: str) -> list[float]:
        vectors = tfidf([unit.terms for unit in units])
        weights = [
            [
                1.0 if i != j and cosine(a, b) >= self.THRESHOLD else 0.0
                for j, b in enumerate(vectors)
            ]
            for i, a in enumerate(vectors)
        ]
        return pagerank(weights)
