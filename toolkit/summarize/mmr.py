"""The default method: how much of the article each sentence covers, a lead-position prior,
and greedy selection by maximal marginal relevance (Carbonell and Goldstein, 1998) so that
the summary does not say the same thing twice."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toolkit.summarize.base import ExtractiveSummarizer, Unit
from toolkit.summarize.textrank import overlaps
from toolkit.summarize.vectors import cosine, tfidf

# Greedy MMR over the best GREEDY_LIMIT candidates; the rest follow by score.
GREEDY_LIMIT = 50


class MMRSummarizer(ExtractiveSummarizer):
    """Coverage = a sentence's summed term overlap with every other sentence (degree
    centrality of the TextRank graph, no iteration), mixed with a 1/sqrt(position) prior of
    weight ``POSITION_WEIGHT``. Each pick is penalised by ``REDUNDANCY`` x its highest TF-IDF
    cosine to the sentences already picked, and a sentence at least ``DUPLICATE`` similar to
    one of them is left out while others remain. The constants were chosen on bbc_summ_dev
    (see benchmarks/RESULTS.md)."""

    name = "mmr"
    POSITION_WEIGHT = 0.1
    REDUNDANCY = 0.1
    DUPLICATE = 0.6

    def rate(self, units: Sequence[Unit], lang: str) -> list[float]:
        return self.measure(units, lang)[0]

    def measure(
        self, units: Sequence[Unit], lang: str
    ) -> tuple[list[float], Callable[[int, int], float]]:
        """Scores of the candidates, and how alike candidates i and j are (TF-IDF cosine)."""
        vectors = tfidf([u.terms for u in units])
        scores = self.with_prior(units, self.coverage(units, lang))
        return scores, lambda i, j: cosine(vectors[i], vectors[j])

    def coverage(self, units: Sequence[Unit], lang: str) -> list[float]:
        """How much of the rest of the article each sentence shares terms with."""
        return [sum(row) for row in overlaps(units)]

    def with_prior(self, units: Sequence[Unit], relevance: Sequence[float]) -> list[float]:
        """Relevance scaled to [0, 1] and mixed with the 1/sqrt(position) prior."""
        top = max(relevance) or 1.0
        return [
            (1 - self.POSITION_WEIGHT) * r / top + self.POSITION_WEIGHT / (1 + u.index) ** 0.5
            for r, u in zip(relevance, units, strict=True)
        ]

    def rank(self, units: Sequence[Unit], lang: str) -> list[tuple[int, float]]:
        scores, alike = self.measure(units, lang)
        order = sorted(range(len(units)), key=lambda i: (-scores[i], i))
        pool, rest = order[:GREEDY_LIMIT], order[GREEDY_LIMIT:]
        similarity = dict.fromkeys(pool, 0.0)
        picked: list[int] = []
        while similarity:
            best = max(similarity, key=lambda i: (self._gain(scores[i], similarity[i]), -i))
            del similarity[best]
            picked.append(best)
            for i in similarity:
                similarity[i] = max(similarity[i], alike(i, best))
        return [(i, scores[i]) for i in picked + rest]

    def _gain(self, score: float, similarity: float) -> float:
        penalty = self.REDUNDANCY * similarity
        return score - penalty - (2.0 if similarity >= self.DUPLICATE else 0.0)
