"""JSON Lines output that never loses finished work: appended and flushed per batch.

``resume`` keeps an existing output, drops a torn last line left by a crash, and reports the
ids already written so that the run skips them.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from toolkit.errors import InputError, UsageError


def done_ids(path: str) -> set[str]:
    """Ids of the complete records in an output file; a torn last line is cut off."""
    if not os.path.exists(path):
        return set()
    ids: set[str] = set()
    good = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                raise InputError(
                    f"{path}: line {number} is not an mtkit record; cannot resume"
                ) from None
            good += len(line)
    if good != os.path.getsize(path):
        os.truncate(path, good)
    return ids


def record_line(record: dict[str, Any]) -> str:
    """One output record as a line of JSON."""
    return json.dumps(record, ensure_ascii=False) + "\n"


class Writer:
    """Writes records as JSON Lines to a file ("-": stdout), flushing after every batch."""

    def __init__(self, path: str = "-", resume: bool = False) -> None:
        if resume and path == "-":
            raise UsageError("--resume needs --output FILE")
        self.path = path
        self.done = done_ids(path) if resume else set()
        self._handle: TextIO = (
            sys.stdout if path == "-" else open(path, "a" if resume else "w", encoding="utf-8")  # noqa: SIM115
        )

    def write(self, records: Iterable[dict[str, Any]]) -> None:
        self.write_lines("".join(map(record_line, records)))

    def write_lines(self, lines: str) -> None:
        """Append JSON Lines already formatted by ``record_line`` (a Dask partition's)."""
        self._handle.write(lines)
        self._handle.flush()

    def close(self) -> None:
        if self._handle is not sys.stdout:
            self._handle.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
