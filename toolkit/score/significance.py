"""Paired significance tests of every system against the first (sacreBLEU's PairedTest)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from toolkit.errors import UsageError
from toolkit.score.base import MetricScore, Scorer


def paired_test(
    systems: Sequence[tuple[str, Sequence[str]]],
    scorers: Sequence[Scorer],
    test: str,
    n: int = 0,
    jobs: int = 1,
) -> list[list[MetricScore]]:
    """Paired bootstrap ("bs") or approximate randomization ("ar") against ``systems[0]``.

    Same seed (SACREBLEU_SEED, default 12345), resamples and p-values as sacreBLEU's CLI;
    ``jobs`` is its ``--paired-jobs`` (0: one worker per system, up to half the CPUs).
    Statistics the scorers computed already are reused.
    """
    from sacrebleu.significance import PairedTest

    if test not in ("bs", "ar"):
        raise UsageError(f"unknown paired test {test!r} (bs or ar)")
    if len(systems) < 2:
        raise UsageError("a paired test needs at least two systems (the first is the baseline)")
    logging.getLogger("sacrebleu").setLevel(logging.WARNING)
    metrics = {scorer.name: scorer.metric for scorer in scorers}
    test_run = PairedTest(list(systems), metrics, None, test_type=test, n_samples=n, n_jobs=jobs)
    signatures, table = test_run()
    rows: list[list[MetricScore]] = [[] for _ in systems]
    for (metric, results), scorer in zip(list(table.items())[1:], scorers, strict=True):
        for index, result in enumerate(results):
            rows[index].append(
                MetricScore(
                    system=systems[index][0],
                    metric=metric,
                    score=result.score,
                    signature=signatures[metric].format(),
                    mean=result.mean,
                    ci=result.ci,
                    p_value=result.p_value,
                    key=scorer.name,
                    short_signature=signatures[metric].format(short=True),
                )
            )
    return rows
