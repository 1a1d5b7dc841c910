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


if __name__ == "__main__":
    main()
