"""JSON Lines output that never loses finished work, nor an earlier run's output.

Records are appended and flushed per batch. The output is opened when the first records
arrive, so a run that fails on its inputs or options leaves it as it was. A new run over an
existing, non-empty output writes beside it (``.NAME.partial``) and replaces it only when the
run ends; a run that fails or is interrupted leaves the old output as it was and the partial
one for ``--resume``. ``resume`` continues the partial output if there is one, else the output
itself: it drops a torn last line left by a crash and counts the records already written
(by ``Item.key``: exact id and row) so that the run skips them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from toolkit.batch.inputs import record_key
from toolkit.errors import InputError, UsageError
from toolkit.outputs import guard


def done_keys(path: str | Path) -> Counter[str]:
    """How many complete records of each key an output file holds; a torn last line is cut
    off."""
    keys: Counter[str] = Counter()
    if not os.path.exists(path):
        return keys
    good = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                keys[record_key(record["id"], record.get("row"))] += 1
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
                raise InputError(
                    f"{path}: line {number} is not an mtkit record; cannot resume"
                ) from None
            good += len(line)
    if good != os.path.getsize(path):
        os.truncate(path, good)
    return keys


def record_line(record: dict[str, Any]) -> str:
    """One output record as a line of JSON; text with lone surrogates (which UTF-8 cannot
    hold) is written with \\u escapes, which read back exactly."""
    line = json.dumps(record, ensure_ascii=False, default=str)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, default=str)
    return line + "\n"


def partial_path(path: str) -> Path:
    """Where a run writes while an earlier output stays in place: beside the file the output
    names (symbolic links followed)."""
    output = Path(path).resolve()
    return output.with_name(f".{output.name}.partial")


class Writer:
    """Writes records as JSON Lines to a file ("-": stdout), flushing after every batch.

    Use it as a context manager: a run that ends without an exception puts its output in
    place; ``inputs`` are the files the run reads, which the output must not be.
    """

    def __init__(self, path: str = "-", resume: bool = False, inputs: Iterable[str] = ()) -> None:
        if resume and path == "-":
            raise UsageError("--resume needs --output FILE")
        self.path = path
        self.resume = resume
        self.done: Counter[str] = Counter()
        self._handle: TextIO | None = sys.stdout if path == "-" else None
        self._target: Path | None = None  # the file written, when not the output itself
        if path == "-":
            return
        guard([path], inputs, "give another --output")
        partial = partial_path(path)
        earlier = os.path.isfile(path) and os.path.getsize(path) > 0  # not a device or pipe
        if partial.exists() if resume else earlier:
            self._target = partial
        if resume:
            self.done = done_keys(self._target or path)

    @property
    def file(self) -> str:
        """The file records go to now."""
        return str(self._target or self.path)

    def write(self, lines: str) -> None:
        """Append JSON Lines formatted by ``record_line``."""
        if self._handle is None:
            self._open()
        assert self._handle is not None
        try:
            self._handle.write(lines)
            self._handle.flush()
        except OSError as error:
            raise InputError(f"{self.file}: cannot write: {error.strerror}") from None

    def _open(self) -> None:
        mode = "a" if self.resume else "w"
        try:
            self._handle = open(self.file, mode, encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            raise InputError(f"{self.file}: cannot write: {error.strerror}") from None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self._handle is None and kind is None:
            self._open()  # a run with no record still leaves its (empty) output
        if self._handle is not None and self._handle is not sys.stdout:
            if kind is not None:
                with contextlib.suppress(OSError):  # the error that ended the run is reported
                    self._handle.close()
            else:
                try:
                    self._handle.flush()
                    if os.path.isfile(self.file):
                        os.fsync(self._handle.fileno())
                    self._handle.close()
                except OSError as error:
                    raise InputError(f"{self.file}: cannot write: {error.strerror}") from None
        if self._target is None:
            return
        if kind is None:
            os.replace(self._target, Path(self.path).resolve())
        elif self._target.exists():
            sys.stderr.write(
                f"mtkit: note: {self.path} is unchanged; the records written so far are in "
                f"{self._target}, which --resume continues\n"
            )
