"""Sparse term vectors (TF-IDF over a document's own sentences), cosine, and PageRank."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

Vector = dict[str, float]


def tfidf(sentences: Sequence[Sequence[str]]) -> list[Vector]:
    """One TF-IDF vector per sentence; IDF is smoothed and counted over these sentences."""
    df = Counter(term for terms in sentences for term in set(terms))
    n = len(sentences)
    idf = {term: math.log((n + 1) / (count + 1)) + 1 for term, count in df.items()}
    return [{t: c * idf[t] for t, c in Counter(terms).items()} for terms in sentences]


def norm(vector: Vector) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    if not dot:
        return 0.0
    return dot / (norm(a) * norm(b))


def total(vectors: Sequence[Vector]) -> Vector:
    """The sum of vectors (a document's centroid direction)."""
    out: Vector = {}
    for vector in vectors:
        for term, value in vector.items():
            out[term] = out.get(term, 0.0) + value
    return out


def pagerank(
    weights: Sequence[Sequence[float]], damping: float = 0.85, iterations: int = 100
) -> list[float]:
    """Stationary scores of a weighted graph (row i: edges from node i), by power iteration."""
    import numpy as np

    matrix = np.asarray(weights, dtype=float)
    n = len(matrix)
    if n == 0:
        return []
    sums = matrix.sum(axis=1, keepdims=True)
    transition = np.divide(matrix, sums, out=np.full_like(matrix, 1.0 / n), where=sums > 0)
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-8:
            return updated.tolist()
        scores = updated
    return scores.tolist()
