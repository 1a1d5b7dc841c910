"""Segment statistics of a sacreBLEU metric, in worker processes when the metric is slow.

Statistics are per segment and add up, so the segments can be split across processes: each
worker (forked, so it shares the metric and its reference cache) scores a slice, and the
slices come back in order. The result is exactly ``metric._extract_corpus_statistics``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

_METRIC: Any = None  # the metric the forked workers use
_HYPOTHESES: Sequence[str] = ()
CHUNK = 8  # segments per task: small, since TER's cost per segment varies widely


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _slice(bounds: tuple[int, int]) -> list[list[Any]]:
    start, end = bounds
    metric, cache = _METRIC, _METRIC._ref_cache
    return [
        metric._compute_segment_statistics(metric._preprocess_segment(_HYPOTHESES[i]), cache[i])
        for i in range(start, end)
    ]


class StatsMemo:
    """A sacreBLEU metric mix-in that reuses segment statistics computed beforehand.

    ``remember`` stores the statistics of a system; sacreBLEU's own code (paired tests)
    then gets them from ``_extract_corpus_statistics`` instead of computing them again.
    """

    _memo: dict[tuple[str, ...], list[Any]] | None = None

    def remember(self, hypotheses: Sequence[str], stats: list[Any]) -> None:
        if self._memo is None:
            self._memo = {}
        self._memo[tuple(hypotheses)] = stats

    def _extract_corpus_statistics(self, hypotheses: Any, references: Any) -> Any:
        if references is None and self._memo and (key := tuple(hypotheses)) in self._memo:
            return self._memo[key]
        return super()._extract_corpus_statistics(hypotheses, references)  # type: ignore[misc]


def segment_statistics(metric: Any, hypotheses: Sequence[str], workers: int = 1) -> list[Any]:
    """Statistics of each hypothesis against ``metric``'s cached references, in order."""
    global _METRIC, _HYPOTHESES

    workers = min(workers, available_cpus(), -(-len(hypotheses) // CHUNK))
    if workers <= 1:
        return metric._extract_corpus_statistics(hypotheses, None)
    import multiprocessing

    bounds = [(i, min(i + CHUNK, len(hypotheses))) for i in range(0, len(hypotheses), CHUNK)]
    _METRIC, _HYPOTHESES = metric, hypotheses
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return [stats for part in pool.imap(_slice, bounds) for stats in part]
    finally:
        _METRIC, _HYPOTHESES = None, ()
