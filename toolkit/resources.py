"""Locate and read the data files under corpora/ (lexicons, gazetteers, patterns, models)."""

from __future__ import annotations

import csv
import functools
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


def read_lines(*parts: str) -> list[str]:
    """Non-empty, non-comment lines of a text list under corpora/."""
    with corpus_path(*parts).open(encoding="utf-8") as handle:
        stripped = (line.strip() for line in handle)
        return [line for line in stripped if line and not line.startswith("#")]


def iter_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file with a header row, no quoting; lines starting with # are skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
