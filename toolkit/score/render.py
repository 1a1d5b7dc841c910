"""Render scoring results as text (sacreBLEU's lines), JSON or TSV."""

from __future__ import annotations

import json
from collections.abc import Sequence

from toolkit.score.base import MetricScore

TSV_HEADER = ("system", "metric", "segment", "score", "mean", "ci", "p_value", "signature")


def text_lines(
    results: Sequence[Sequence[MetricScore]],
    width: int = 1,
    score_only: bool = False,
    short: bool = False,
) -> list[str]:
    """``SYSTEM: BLEU|<signature> = 35.3 ...`` per system and metric, then per segment;
    ``score_only`` prints the figures alone, ``short`` the short signatures."""
    out = []
    for row in results:
        for score in row:
            text = score.figure(width) if score_only else score.line(width, short)
            out.append(f"{score.system}: {text}")
        for score in row:
            if score.segments and not score_only:
                signature = score.short_segment_signature if short else score.segment_signature
                out.append(f"{score.system}: segments {score.metric}|{signature}")
            for number, value in enumerate(score.segments, 1):
                out.append(f"{score.system}:{number}: {score.metric} = {value:.{width}f}")
    return out


def json_report(results: Sequence[Sequence[MetricScore]], width: int = 1) -> str:
    """One JSON document: per system, its scores with signatures (and segments, tests)."""
    systems = [
        {"system": row[0].system, "scores": [s.to_dict(width) for s in row]} for row in results
    ]
    report: dict = {"systems": systems}
    if any(s.p_value is not None for row in results for s in row):
        report["baseline"] = results[0][0].system
    return json.dumps(report, ensure_ascii=False, indent=2)


def tsv_lines(results: Sequence[Sequence[MetricScore]], width: int = 1) -> list[str]:
    """A header, one ``all`` row per system and metric, then one row per segment."""

    def cell(value: float | None, digits: int = width) -> str:
        return "" if value is None else f"{value:.{digits}f}"

    out = ["\t".join(TSV_HEADER)]
    for row in results:
        for s in row:
            figures = (cell(s.score), cell(s.mean), cell(s.ci), cell(s.p_value, 4))
            out.append("\t".join((s.system, s.metric, "all", *figures, s.signature)))
        for s in row:
            for number, value in enumerate(s.segments, 1):
                out.append(
                    "\t".join((s.system, s.metric, str(number), cell(value), "", "", "", ""))
                    + s.segment_signature
                )
    return out
