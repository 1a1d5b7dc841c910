"""mtkit's command line: parse options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import functools
import os
import sys

import click

from toolkit.errors import MtkitError, UsageError, install_hint
from toolkit.outputs import guard
from toolkit.summarize import DEFAULT_METHOD, SUMMARIZERS

SEVERITY_CHOICES = ("critical", "major", "minor", "never")
FAST_OPTION = click.option(
    "--fast/--deep",
    default=True,
    show_default=True,
    help="--deep also runs the checks that load a model (spaCy, a language model).",
)


class Finite(click.FloatRange):
    """A float range that refuses nan and inf (which compare false with every bound)."""

    def convert(self, value, param, ctx):  # type: ignore[override]
        number = super().convert(value, param, ctx)
        if number != number or number in (float("inf"), float("-inf")):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


class MtkitGroup(click.Group):
    """A click group that reports every error as one line on stderr, never a traceback:
    exit 2 for a usage or input error (a missing optional package included), 3 for a bug."""

    def main(self, *args, **kwargs):  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            code = done.exit_code
        except click.Abort:
            click.echo("mtkit: aborted", err=True)
            code = 130
        except click.ClickException as error:
            _error(error.format_message())
            code = error.exit_code
        except MtkitError as error:
            _error(str(error))
            code = 2
        except BrokenPipeError:
            sys.stderr.close()
            code = 1
        except ModuleNotFoundError as error:
            _error(install_hint(error.name or str(error)))
            code = 2
        except OSError as error:  # the filesystem refused (permissions, space, a device)
            where = f"{error.filename}: " if error.filename else ""
            _error(f"{where}{error.strerror or error}")
            code = 2
        except Exception as error:
            if os.environ.get("MTKIT_DEBUG"):
                raise
            _error(f"{type(error).__name__}: {error} (set MTKIT_DEBUG=1 to see where)", "internal")
            code = 3
        sys.exit(code if isinstance(code, int) else 0)


def _error(message: str, kind: str = "") -> None:
    """One line on stderr, control characters (and newlines) escaped."""
    from toolkit.render import printable

    click.echo(f"mtkit: {kind + ' ' if kind else ''}error: {printable(message)}", err=True)


@click.group(cls=MtkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtkit", prog_name="mtkit")
def main() -> None:
    """Find, fix, score and summarize machine-translation artifacts in news text."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "jsonl", "html"]), default="text"
)
@click.option("-o", "--output", help="Write the json or html report to this file.")
@click.option("--config", "config_path", help="Configuration file (default: found from PATHS up).")
@click.option(
    "--select", multiple=True, help="Rules, prefixes, kinds or checks to run (comma-separated)."
)
@click.option("--ignore", multiple=True, help="Rules, prefixes, kinds or checks to leave out.")
@click.option("--min-confidence", type=Finite(0, 1), help="Drop less confident findings [0].")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    help="Exit 1 when a finding is at least this severe [minor].",
)
@FAST_OPTION
@click.option("--source-lang", help="Language the text was translated from (ar, fa, tr, zh, ...).")
@click.option("--encoding", help="Encoding of the input files (default: UTF-8, or by BOM).")
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    help="Names TSV (corpora/names format) that extends the built-in gazetteer; repeatable.",
)
@click.option("--src", help="The source text PATH was translated from (bilingual checks).")
@click.option(
    "--lm",
    "lm_path",
    help="Local causal LM (model folder or .gguf file) for the fluency check; implies --deep.",
)
def check(paths, fmt, output, config_path, select, ignore, min_confidence, fail_on, fast,
          source_lang, encoding, gazetteers, src, lm_path) -> None:  # fmt: skip
    """Find machine-translation artifacts in PATHS (files, or - for stdin).

    Defaults come from mtkit.toml or [tool.mtkit] in pyproject.toml; flags override them.
    """
    from pathlib import Path

    from toolkit.config import discover
    from toolkit.findings import severity_rank
    from toolkit.pipeline import check_file, signature
    from toolkit.render import json_report, jsonl_lines, text_lines
    from toolkit.textio import read_text

    if output and fmt not in ("json", "html"):
        raise UsageError("-o goes with --format json or html")
    guard([output], [*paths, src, config_path, *gazetteers])
    if src is not None and len(paths) != 1:
        raise UsageError("--src goes with exactly one PATH (the translation of that source)")
    config = discover(paths, config_path)
    settings = config.settings(
        source_lang=source_lang,
        fast=fast,
        gazetteers=tuple(Path(g) for g in gazetteers),
        lm_path=Path(lm_path) if lm_path else None,
    )
    selection = config.selection(
        _split(select), _split(ignore), config.confidence(min_confidence, 0.0)
    )
    fail_on = fail_on or config.fail_on or "minor"
    texts = {}  # html only: the text of each file
    threshold = None if fail_on == "never" else severity_rank(fail_on)
    files, total, failing = [], 0, False  # text and jsonl stream: only counts are kept
    source = read_text(src, encoding) if src is not None else None
    for path in paths:
        found = []
        for chunk, findings in check_file(path, settings, selection, encoding, source):
            findings = config.ignored.filter(findings)
            total += len(findings)
            failing = failing or any(
                threshold is not None and severity_rank(f.severity) <= threshold for f in findings
            )
            if fmt in ("json", "html"):
                found.extend(findings)
                if fmt == "html":  # a path given twice starts again at offset 0
                    texts[path] = (texts[path] if chunk.offset else "") + chunk.text
            elif fmt == "text" and findings:
                click.echo("\n".join(text_lines(path, chunk, findings)))
            elif findings:
                click.echo("\n".join(jsonl_lines(path, findings)))
        files.append((path, found))
    if fmt == "json":
        _emit(json_report(files, signature(settings, selection)), output)
    elif fmt == "html":
        from toolkit.fix import fix
        from toolkit.html import FileReport, render_report

        reports = [FileReport(p, texts[p], tuple(fs), fix(texts[p], fs)) for p, fs in files]
        _emit(render_report(reports), output)
    elif fmt == "text":
        click.echo(f"{total} finding(s) in {len(files)} file(s)", err=True)
    raise click.exceptions.Exit(1 if failing else 0)


def _show(line: str) -> None:
    """Print a line of text report, its control characters escaped (``\\x1b``)."""
    from toolkit.render import printable

    click.echo(printable(line))


def _emit(report: str, output: str | None) -> None:
    """Print a report, or write it atomically to ``output``."""
    if output:
        from toolkit.outputs import write_file

        write_file(output, report if report.endswith("\n") else report + "\n")
    else:
        click.echo(report)


@main.command(
    context_settings={"ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("argv", nargs=-1, type=click.UNPROCESSED)
def score(argv) -> None:
    """Score HYP against -r REF (sacreBLEU's figures; sacreBLEU's command line works too),
    or with --qe without references. `mtkit score -h` lists the options."""
    from toolkit.score.command import run

    click.echo(run(argv))


@main.group()
def spm() -> None:
    """SentencePiece models (for spBLEU and languages without spaces)."""


@spm.command("train")
@click.argument("corpus", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, help="Model path (MODEL.model and MODEL.vocab).")
@click.option("--vocab-size", type=click.IntRange(8), default=8000, show_default=True)
@click.option(
    "--model-type", type=click.Choice(["unigram", "bpe", "char", "word"]), default="unigram"
)
def spm_train(corpus, output, vocab_size, model_type) -> None:
    """Train a SentencePiece model on CORPUS (one sentence per line)."""
    from pathlib import Path

    from toolkit.score.spm import load, train

    model = train(Path(corpus), Path(output), vocab_size, model_type)
    click.echo(str(model))
    if (pieces := load(model).GetPieceSize()) < vocab_size:
        click.echo(f"mtkit: note: {corpus} gives only {pieces} pieces (--vocab-size "
                   f"{vocab_size}); a larger corpus gives more", err=True)  # fmt: skip


@main.group()
def batch() -> None:
    """Run a command over whole corpora: one JSON Lines record per document.

    INPUTS are files, directories (recursive, --glob), - for stdin, JSON Lines or Parquet
    (--text-field, --id-field). Records are flushed per batch; --resume skips ids already in
    --output after a crash; a bad document is reported with its error and the run goes on.
    """


def batch_command(command=None, *, configured: bool = True):
    """Add the options every ``mtkit batch`` command shares; ``command`` returns its Task,
    built from the run configuration (``--config``) unless ``configured`` is off."""
    if command is None:
        return functools.partial(batch_command, configured=configured)

    @functools.wraps(command)
    def run(inputs, **options):
        from toolkit.batch.options import RunOptions
        from toolkit.config import discover

        run_options = RunOptions.pop_from(inputs, options)
        if configured:
            task = command(discover(inputs, options.pop("config_path")), **options)
        else:
            task = command(**options)
        jobs, why = run_options.workers()
        if why and not run_options.quiet:
            click.echo(f"mtkit: note: --jobs {run_options.jobs} lowered to {jobs} ({why}; "
                       "--force-jobs keeps it)", err=True)  # fmt: skip
        stats = run_options.run(task, jobs)
        if not run_options.quiet:
            click.echo(run_options.summary(stats), err=True)
        raise click.exceptions.Exit(stats.exit_code)

    config = click.option(
        "--config", "config_path", help="Configuration file (default: found from INPUTS up)."
    )
    for option in reversed(
        (
            click.argument("inputs", nargs=-1, required=True),
            click.option("-o", "--output", default="-", help="JSON Lines file (default: stdout)."),
            click.option("--resume", is_flag=True, help="Keep --output; skip ids already in it."),
            click.option("--ordered", is_flag=True, help="Write records in input order."),
            click.option(
                "-j", "--jobs", type=click.IntRange(1), default=1, help="Worker processes."
            ),
            click.option(
                "--force-jobs", is_flag=True, help="Start --jobs workers even if CPUs are fewer."
            ),
            click.option("--engine", type=click.Choice(["local", "dask"]), default="local"),
            click.option("--scheduler", help="Dask scheduler address, or local (LocalCluster)."),
            click.option(
                "--input-format",
                "format",
                default="auto",
                help="auto (by extension), text, lines, jsonl or parquet.",
            ),
            click.option("--glob", default="*", help="Files to take from directories."),
            click.option("--text-field", default="text", help="JSONL/Parquet text field."),
            click.option("--id-field", default="id", help="JSONL/Parquet id field."),
            click.option("--source-field", help="JSONL/Parquet field with the source text."),
            click.option("--encoding", help="Encoding of text files (default UTF-8/BOM)."),
            click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True),
            click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary."),
            click.option(
                "--timeout",
                type=Finite(0, min_open=True),
                help="Seconds per document; a slower one is reported as an error record.",
            ),
            *((config,) if configured else ()),
        )
    ):
        run = option(run)
    return run


@batch.command("check")
@batch_command
@click.option("--select", multiple=True, help="Rules, prefixes, kinds or checks to run.")
@click.option("--ignore", multiple=True, help="Rules, prefixes, kinds or checks to leave out.")
@click.option("--min-confidence", type=Finite(0, 1), help="Default: 0, or the config's.")
@FAST_OPTION
@click.option("--source-lang", help="Language the text was translated from.")
def batch_check(config, select, ignore, min_confidence, fast, source_lang):
    """Findings of each document: {id, path, row, findings} or {id, ..., error}."""
    from toolkit.batch.options import check_task

    return check_task(config, _split(select), _split(ignore), min_confidence, fast, source_lang)


@batch.command("fix")
@batch_command
@click.option("--select", multiple=True, help="Rules, prefixes, kinds or checks to fix.")
@click.option("--ignore", multiple=True, help="Rules, prefixes, kinds or checks to leave alone.")
@click.option("--min-confidence", type=Finite(0, 1), help="Default: fix's own (0.8).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes not marked safe.")
@FAST_OPTION
@click.option("--source-lang", help="Language the text was translated from.")
def batch_fix(config, select, ignore, min_confidence, unsafe_fixes, fast, source_lang):
    """Fixed text of each document: {id, ..., text, changed, applied, skipped}."""
    from toolkit.batch.options import fix_task

    selection = (_split(select), _split(ignore))
    return fix_task(config, *selection, min_confidence, unsafe_fixes, fast, source_lang)


@batch.command("qe")
@batch_command
@FAST_OPTION
@click.option("--source-lang", help="Language the text was translated from.")
def batch_qe(config, fast, source_lang):
    """Quality estimate of each document (a line per segment): {id, ..., score, segments}."""
    from toolkit.batch.options import qe_task

    return qe_task(config, fast, source_lang)


@batch.command("summarize")
@batch_command(configured=False)
@click.option("--length", default="3", show_default=True, help="Sentences (3), 20% or 120w.")
@click.option("--method", help="Summary method (default: summarize's own).")
@click.option("--lang", default="auto", show_default=True, help="Language: auto, en, ar, ...")
@click.option("--model", help="Local model folder or .gguf file (abstractive).")
def batch_summarize(length, method, lang, model):
    """Summary of each document: {id, ..., method, lang, summary, sentences}."""
    from toolkit.batch.tasks import SummarizeTask

    return SummarizeTask(length, method, lang, model)


@main.command("fix")
@click.argument("path")
@click.option("-o", "--output", help="Write the fixed text (or diff) to this file.")
@click.option("--in-place", is_flag=True, help="Replace PATH with the fixed text, atomically.")
@click.option("--backup", metavar="SUFFIX", help="With --in-place, keep PATH+SUFFIX.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of the text.")
@click.option("--dry-run", is_flag=True, help="List the changes fix would make; write nothing.")
@click.option("--select", multiple=True, help="Rules, prefixes, kinds or checks to fix.")
@click.option("--ignore", multiple=True, help="Rules, prefixes, kinds or checks to leave alone.")
@click.option(
    "--min-confidence",
    type=Finite(0, 1),
    help="Apply only findings at least this confident (default: 0.8, or the config's; "
    "rules measured safe from their own threshold).",
)
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes not marked safe.")
@click.option(
    "-i",
    "--interactive",
    is_flag=True,
    help="Review each change (y apply, n skip, e edit, a apply the rest, q skip the rest); "
    "offers unsafe fixes too.",
)
@click.option("--report", help="Also write an HTML review report to this file.")
@click.option("--config", "config_path", help="Configuration file (default: found from PATH up).")
@FAST_OPTION
@click.option("--source-lang", help="Language the text was translated from (ar, fa, tr, zh, ...).")
@click.option("--encoding", help="Encoding of the input (default: UTF-8, or by BOM).")
def fix_command(path, output, in_place, backup, show_diff, dry_run, **options) -> None:
    """Correct PATH (a file, or - for stdin) and print the fixed text."""
    from toolkit.config import discover
    from toolkit.fix import fix
    from toolkit.fix.review import TerminalReview
    from toolkit.outputs import Outputs, check_suffix, encode, existing, replace_file
    from toolkit.textio import encoding_of, read_text

    if in_place and (path == "-" or output or show_diff):
        raise UsageError("--in-place needs a file PATH and excludes -o and --diff")
    if backup is not None and not in_place:
        raise UsageError("--backup only goes with --in-place")
    if backup is not None:
        check_suffix(backup)
    interactive, encoding, report = options["interactive"], options["encoding"], options["report"]
    if interactive and path == "-":
        raise UsageError("--interactive reads answers from the terminal: give a file, not -")
    guard([output, report], [path, options["config_path"]], "use --in-place to replace the input")
    config = discover([path], options["config_path"])
    read_stat = os.stat(existing(path)) if in_place else None
    text = read_text(path, encoding)
    result = fix(
        text,
        settings=config.settings(source_lang=options["source_lang"], fast=options["fast"]),
        selection=config.selection(_split(options["select"]), _split(options["ignore"])),
        min_confidence=config.confidence(options["min_confidence"], None),
        unsafe=options["unsafe_fixes"] or interactive,
        ignored=config.ignored,
        decide=TerminalReview(text) if interactive else None,
    )
    click.echo(f"{path}: {len(result.applied)} fix(es) applied{result.skipped_summary()}", err=True)
    if dry_run:
        for line in result.listing(path):
            click.echo(line)
        return
    content = result.diff(path) if show_diff else result.text
    with Outputs() as out:  # every file or none
        if report:
            from toolkit.html import FileReport, render_report

            findings = sorted(
                (*result.applied, *(s.finding for s in result.skipped)), key=lambda f: f.sort_key
            )
            out.write(report, render_report([FileReport(path, text, tuple(findings), result)]))
        if output:
            out.write(output, content, encoding_of(path, encoding))
        elif in_place and result.changed:
            data = encode(content, encoding_of(path, encoding), path)
            replace_file(path, data, backup, read_stat)
    if not output and not in_place:
        click.echo(content.encode("utf-8"), nl=False)


@main.command("names")
@click.argument("lookups", nargs=-1, required=True)
@click.option("--gazetteer", "gazetteers", multiple=True, help="Extra names TSV; repeatable.")
@click.option("-n", "--limit", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def names(lookups, gazetteers, limit, fmt) -> None:
    """Show the gazetteer candidates for each name in LOOKUPS, with their scores."""
    import json
    from pathlib import Path

    from toolkit.names.gazetteer import load_gazetteer
    from toolkit.names.lookup import key_fields, keys, lookup

    gazetteer = load_gazetteer(tuple(Path(g) for g in gazetteers))
    results = {text: lookup(text, gazetteer, limit) for text in lookups}
    if fmt == "json":
        data = {
            text: {**key_fields(text), "candidates": [row.to_dict() for row in rows]}
            for text, rows in results.items()
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for text, rows in results.items():
        _show(f"{text}  ({keys(text)})")
        for row in rows:
            facts = ", ".join(f for f in (row.type, row.country, row.original) if f)
            _show(
                f"  {row.similarity:.3f}  {row.verdict:<7} {row.canonical}"
                f"{'' if row.matched == row.canonical else f' [as {row.matched}]'}"
                f"  ({facts}; cost {row.cost:g}, error {row.error:g})"
            )
        if not rows:
            click.echo("  no candidate")


@main.command("summarize")
@click.argument("path")
@click.option("-n", "--sentences", type=click.IntRange(1), help="Sentences (default 3).")
@click.option("--words", type=click.IntRange(1), help="At most about N words.")
@click.option("--ratio", type=Finite(0, 1, min_open=True), help="Share of sentences.")
@click.option("--method", type=click.Choice(list(SUMMARIZERS)), default=DEFAULT_METHOD,
              show_default=True)  # fmt: skip
@click.option("--lang", default="auto", show_default=True, help="Language: auto, en, ar, zh, ...")
@click.option("--model", help="Local model folder or .gguf file (abstractive).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--encoding", help="Encoding of the input (default: UTF-8, or by BOM).")
def summarize_command(path, sentences, words, ratio, method, lang, model, fmt, encoding) -> None:
    """Summarize the article in PATH (or - for stdin)."""
    import json

    from toolkit.summarize import Length, summarize
    from toolkit.textio import read_text

    length = Length.of(sentences, words, ratio)
    result = summarize(read_text(path, encoding), length, method, lang, model)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.text)
    if result.note:
        click.echo(f"mtkit: note: {result.note}", err=True)


@main.command("brief")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="Publication date YYYY-MM-DD.")
@click.option("-o", "--output", help="Write the briefing to this file.")
@click.option("--encoding", help="Encoding of the input files (default: UTF-8, or by BOM).")
@click.option("--config", "config_path", help="Configuration file (default: found from PATHS up).")
def brief_command(paths, fmt, date, output, encoding, config_path) -> None:
    """A briefing of the articles in PATHS: title, summary, entities, figures, dates;
    several articles become one digest grouped by topic."""
    from toolkit.brief import brief_many
    from toolkit.brief.digest import digest
    from toolkit.brief.render import RENDERERS
    from toolkit.config import discover
    from toolkit.textio import read_text

    if date and not 1000 <= date.year <= 9000:  # relative dates are computed from it
        raise UsageError(f"--date {date.date().isoformat()}: give a year from 1000 to 9000")
    guard([output], [*paths, config_path])
    config = discover(paths, config_path)
    texts = [(path, read_text(path, encoding)) for path in paths]
    briefs = brief_many(
        texts,
        date.date() if date else None,
        settings=config.settings(),
        selection=config.selection(min_confidence=config.confidence(None, 0.0)),
        ignored=config.ignored,
    )
    _emit(RENDERERS[fmt](digest(briefs)).rstrip("\n"), output)


if __name__ == "__main__":
    main()
