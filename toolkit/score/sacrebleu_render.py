"""Print scoring results exactly as the ``sacrebleu`` command prints them.

sacreBLEU's own formatting code does the work (``Score.format``, ``print_single_results``,
``print_results_table``), so the layout, alignment and digits are its own. Two differences:
colours only on a terminal, and JSON after a paired test is valid (sacreBLEU's crashes on
numpy numbers); sentence-level scores with ``--format sacrebleu-json`` are a JSON list of
sacreBLEU's score objects (sacreBLEU prints text lines whatever its format).
"""

from __future__ import annotations

import contextlib
import io
import json
from argparse import Namespace
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from toolkit.score.base import MetricScore


def _score(name: str, value: float, verbose: str = "", mean: Any = None, ci: Any = None) -> Any:
    from sacrebleu.metrics.base import Score

    score = Score(name, value)
    score._verbose = verbose
    if mean is not None:
        score._mean, score._ci = mean, ci
    return score


def _number(value: Any) -> Any:
    """A plain float for JSON: numpy's float32 by its shortest repr, float64 as it is."""
    return value if value is None or type(value) in (float, int) else float(str(value))


def render(results: Sequence[Sequence[MetricScore]], request: Any, color: bool = False) -> str:
    """sacreBLEU's output for ``results`` (one row of MetricScores per system)."""
    from sacrebleu.utils import Color

    args = request.args
    fmt = "json" if request.fmt == "sacrebleu-json" else request.fmt
    Color.ENABLE_COLORS = color
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        if args.sentence_level:  # sacreBLEU prints lines whatever its --format
            _sentences(results[0][0], args, request.fmt)
        elif len(results) == 1:
            _single(results[0], args, fmt)
        else:
            _table(results, args, fmt, request)
    return buffer.getvalue().rstrip("\n")


def _sentences(score: MetricScore, args: Namespace, fmt: str) -> None:
    signature = score.short_segment_signature if args.short else score.segment_signature
    scores = [
        _score(score.metric, value, verbose)
        for value, verbose in zip(score.segments, score.segment_verbose, strict=True)
    ]
    if fmt == "sacrebleu-json":
        items = [json.loads(s.format(args.width, False, signature, True)) for s in scores]
        print(json.dumps(items, indent=1, ensure_ascii=False))
        return
    for item in scores:
        print(item.format(args.width, args.score_only, signature))


def _single(row: Sequence[MetricScore], args: Namespace, fmt: str) -> None:
    from sacrebleu.utils import print_single_results

    lines = []
    for score in sorted(row, key=lambda s: s.key.upper()):
        signature = score.short_signature if args.short and fmt != "json" else score.signature
        item = _score(score.metric, score.score, score.verbose, score.mean, score.ci)
        lines.append(item.format(args.width, args.score_only, signature, fmt == "json"))
    print_single_results(lines, Namespace(format=fmt))


def _table(
    results: Sequence[Sequence[MetricScore]], args: Namespace, fmt: str, request: Any
) -> None:
    from sacrebleu.significance import Result
    from sacrebleu.utils import print_results_table

    paired = request.paired
    names = [row[0].system for row in results]
    if paired and request.stdin:
        names = ["Baseline"] + [f"System {i}" for i in range(1, len(names))]
    elif paired:
        names[0] = f"Baseline: {names[0]}"
    scores: dict[str, list[Any]] = defaultdict(list)
    scores["System"] = names
    signatures = {}
    for row in results:
        ordered = row if paired else sorted(row, key=lambda s: s.key.upper())
        for score in ordered:
            signatures[score.metric] = score.short_signature if args.short else score.signature
            if paired:
                mean, ci, p = map(_number, (score.mean, score.ci, score.p_value))
                scores[score.metric].append(Result(_number(score.score), p, mean, ci))
            else:
                scores[score.metric].append(
                    _score(score.metric, score.score).format(args.width, True)
                )
    if fmt == "json" and paired:
        rows = [
            {"system": name, **{m: vars(scores[m][i]) for m in signatures}}
            for i, name in enumerate(names)
        ]
        print(json.dumps(rows, indent=4))
        return
    table_args = Namespace(
        format=fmt,
        width=args.width,
        paired_bs=paired == "bs",
        paired_ar=paired == "ar",
        paired_bs_n=request.paired_n,
        paired_ar_n=request.paired_n,
    )
    print_results_table(scores, signatures, table_args)
