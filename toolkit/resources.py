"""Locate and read the data files under corpora/ (lexicons, gazetteers, patterns, models)."""

from __future__ import annotations

import csv
import functools
import os
from collections.abc import Iterator
from pathlib import Path

from toolkit.errors import ModelError

_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def corpora_dir() -> Path:
    """The corpora folder: bundled in the wheel, or beside the package in a checkout."""
    for candidate in (_PACKAGE_DIR / "_corpora", _PACKAGE_DIR.parent / "corpora"):
        if candidate.is_dir():
            return candidate
    raise ModelError("mtkit's corpora folder is missing; reinstall mtkit")


def corpus_path(*parts: str) -> Path:
    """Path of a file under corpora/, which must exist."""
    path = corpora_dir().joinpath(*parts)
    if not path.exists():
        raise ModelError(f"missing data file corpora/{'/'.join(parts)}; reinstall mtkit")
    return path


HOLDOUT_ENV = "MTKIT_HOLDOUT"


def holdout_tags() -> tuple[str, ...]:
    """Provenance tags whose data rows are left out, from ``$MTKIT_HOLDOUT`` (comma-separated).

    Rows written after reading a development article carry ``dev:LANG`` (its source language)
    in their provenance; ``MTKIT_HOLDOUT=dev:ar`` drops them, so the articles benchmark can
    score Arabic articles with data that never saw one (leave-one-language-out).
    """
    return tuple(tag for tag in os.environ.get(HOLDOUT_ENV, "").replace(" ", "").split(",") if tag)


def _kept(line: str, holdout: tuple[str, ...]) -> bool:
    return bool(line.strip()) and not line.startswith("#") and not any(t in line for t in holdout)


def read_lines(*parts: str) -> list[str]:
    """Non-empty, non-comment lines of a text list under corpora/.

    A line may end with a provenance comment after a tab (``word<TAB># dev:fa``); it is
    dropped, and so is the line when the comment names a held-out tag (`holdout_tags`).
    """
    holdout = holdout_tags()
    lines = corpus_path(*parts).read_text(encoding="utf-8").split("\n")
    if holdout:
        lines = [line for line in lines if not any(t in line for t in holdout)]
    kept = (line.split("\t#", 1)[0].strip() for line in lines if not line.startswith("#"))
    return [line for line in kept if line]


def iter_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file with a header row, no quoting; lines starting with # are skipped,
    and so are rows naming a held-out provenance tag (`holdout_tags`)."""
    holdout = holdout_tags()
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if _kept(line, holdout))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
