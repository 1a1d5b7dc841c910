"""mtkit's command line: parse options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import os
import sys

import click

from toolkit.errors import MtkitError

SEVERITY_CHOICES = ("critical", "major", "minor", "never")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


class MtkitGroup(click.Group):
    """A click group that reports every error as one line on stderr, never a traceback."""

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
            click.echo(f"mtkit: error: {error.format_message()}", err=True)
            code = error.exit_code
        except MtkitError as error:
            click.echo(f"mtkit: error: {error}", err=True)
            code = 2
        except BrokenPipeError:
            sys.stderr.close()
            code = 1
        except Exception as error:
            if os.environ.get("MTKIT_DEBUG"):
                raise
            click.echo(
                f"mtkit: internal error: {type(error).__name__}: {error} "
                "(set MTKIT_DEBUG=1 to see where)",
                err=True,
            )
            code = 3
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=MtkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtkit", prog_name="mtkit")
def main() -> None:
    """Find, fix, score and summarize machine-translation artifacts in news text."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text")
@click.option(
    "--select", multiple=True, help="Rules, prefixes, kinds or checks to run (comma-separated)."
)
@click.option("--ignore", multiple=True, help="Rules, prefixes, kinds or checks to leave out.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default="minor",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option("--fast", is_flag=True, help="Leave out checks that need a model.")
@click.option("--source-lang", help="Language the text was translated from (ar, fa, tr, zh, ...).")
@click.option("--encoding", help="Encoding of the input files (default: UTF-8, or by BOM).")
def check(paths, fmt, select, ignore, min_confidence, fail_on, fast, source_lang, encoding) -> None:
    """Find machine-translation artifacts in PATHS (files, or - for stdin)."""
    from toolkit.findings import severity_rank
    from toolkit.pipeline import Selection, check_chunks, signature
    from toolkit.render import json_report, jsonl_lines, text_lines
    from toolkit.settings import Settings
    from toolkit.textio import iter_chunks

    settings = Settings(source_lang=source_lang, fast=fast)
    selection = Selection(_split(select), _split(ignore), min_confidence)
    files = []
    for path in paths:
        found = []
        for chunk, findings in check_chunks(iter_chunks(path, encoding), settings, selection):
            found.extend(findings)
            if fmt == "text":
                for line in text_lines(path, chunk, findings):
                    click.echo(line)
            elif fmt == "jsonl":
                for line in jsonl_lines(path, findings):
                    click.echo(line)
        files.append((path, found))
    if fmt == "json":
        click.echo(json_report(files, signature(settings, selection)))
    elif fmt == "text":
        total = sum(len(found) for _, found in files)
        click.echo(f"{total} finding(s) in {len(files)} file(s)", err=True)
    threshold = None if fail_on == "never" else severity_rank(fail_on)
    failing = threshold is not None and any(
        severity_rank(f.severity) <= threshold for _, found in files for f in found
    )
    raise click.exceptions.Exit(1 if failing else 0)


@main.command()
@click.argument("hypotheses", nargs=-1, required=True)
@click.option("-r", "--reference", "references", multiple=True, help="Reference file (repeat).")
@click.option("--metrics", default="bleu,chrf", show_default=True, help="bleu,chrf,chrf++,ter")
@click.option("--tokenize", default="13a", show_default=True, help="BLEU tokenizer.")
@click.option("--spm-model", type=click.Path(dir_okay=False), help="SentencePiece model (spm).")
@click.option("--lowercase", is_flag=True, help="Case-insensitive BLEU and chrF.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tsv"]), default="text")
@click.option("--width", type=click.IntRange(0, 10), default=1, show_default=True)
@click.option("--segment-level", is_flag=True, help="Also print a score per segment.")
@click.option("--confidence", is_flag=True, help="95% CI by bootstrap resampling.")
@click.option("--confidence-n", type=click.IntRange(2), default=1000, show_default=True)
@click.option("--paired", type=click.Choice(["bs", "ar"]), help="Test each system vs the first.")
@click.option("--paired-n", type=click.IntRange(0), default=0, help="Resamples (0: default).")
@click.option("--qe", is_flag=True, help="Reference-free quality estimation.")
@click.option("--src", help="Source file, line-aligned with HYP (for --qe).")
@click.option("--allow-empty", is_flag=True, help="Accept empty lines as empty segments.")
@click.option("--encoding", default="utf-8", show_default=True)
def score(hypotheses, references, metrics, tokenize, spm_model, lowercase, fmt, width,
          segment_level, confidence, confidence_n, paired, paired_n, qe, src, allow_empty,
          encoding) -> None:  # fmt: skip
    """Score HYPOTHESES against -r REFERENCES (sacreBLEU figures), or with --qe without them."""
    from pathlib import Path

    from toolkit.errors import UsageError
    from toolkit.score.inputs import check_aligned, read_segments

    if qe:
        from toolkit.score.qe import estimate_files, render_qe

        reports = estimate_files(hypotheses, src, encoding=encoding)
        click.echo(render_qe(reports, fmt))
        return
    if not references:
        raise UsageError("give at least one reference with -r REF (or --qe for no reference)")
    from toolkit.score import ScoreOptions
    from toolkit.score.reference import evaluate
    from toolkit.score.render import json_report, text_lines, tsv_lines

    refs = [read_segments(path, encoding, allow_empty) for path in references]
    systems = [(path, read_segments(path, encoding, allow_empty)) for path in hypotheses]
    check_aligned([*systems, *zip(references, refs, strict=True)])
    options = ScoreOptions(tokenize, lowercase, Path(spm_model) if spm_model else None)
    results = evaluate(
        systems,
        refs,
        _split((metrics,)),
        options,
        bootstrap=confidence_n if confidence else 0,
        paired=paired,
        paired_n=paired_n,
        segment_level=segment_level,
    )
    if fmt == "json":
        click.echo(json_report(results, width))
    else:
        click.echo("\n".join((tsv_lines if fmt == "tsv" else text_lines)(results, width)))


@main.group()
def spm() -> None:
    """SentencePiece models (for spBLEU and languages without spaces)."""


@spm.command("train")
@click.argument("corpus", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, help="Model path (MODEL.model and MODEL.vocab).")
@click.option("--vocab-size", type=click.IntRange(8), default=8000, show_default=True)
@click.option(
    "--model-type",
    type=click.Choice(["unigram", "bpe", "char", "word"]), default="unigram"
)
def spm_train(corpus, output, vocab_size, model_type) -> None:
    """Train a SentencePiece model on CORPUS (one sentence per line)."""
    from pathlib import Path

    from toolkit.spm import train

    model = train(Path(corpus), Path(output), vocab_size, model_type)
    click.echo(str(model))


if __name__ == "__main__":
    main()
