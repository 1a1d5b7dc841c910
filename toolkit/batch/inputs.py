"""Documents of a batch run, read lazily from files, directories, stdin, JSON Lines or Parquet.

Every input becomes a stream of ``Item``s in input order. A text file is one document that
the worker reads itself (only its path travels), and so is stdin, read in bounded chunks as
it streams in; rows of JSON Lines, Parquet and one-per-line files carry their text. A row
that cannot be read (bad JSON, nesting too deep, a line over ``MAX_LINE_BYTES``) becomes an
``Item`` with an ``error``, so one bad document is reported and the run goes on.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from toolkit.errors import InputError, UsageError

FORMATS = ("auto", "text", "lines", "jsonl", "parquet")
MAX_LINE_BYTES = 64 << 20
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass(frozen=True, slots=True)
class Item:
    """One document: its id (a row's id as given: 7 and "7" differ), where it comes from,
    and its text (None: read ``path``)."""

    id: Any
    path: str
    row: int | None = None
    text: str | None = None
    error: str | None = None
    encoding: str | None = None
    source: str | None = None

    @property
    def size(self) -> int:
        """Characters (or bytes, for a file not read yet): a cost estimate for batching."""
        if self.text is not None:
            return len(self.text)
        try:
            return os.path.getsize(self.path)
        except OSError:
            return 0

    @property
    def key(self) -> str:
        """What identifies the document's record when a run is resumed: its exact id and row
        (two rows with one id are two documents)."""
        return record_key(self.id, self.row)

    @property
    def streams_stdin(self) -> bool:
        """Stdin read as one text document, chunk by chunk, by this process."""
        return self.path == "-" and self.text is None and self.error is None

    def origin(self) -> dict[str, object]:
        """The ``id``, ``path`` and (for rows) ``row`` fields of an output record."""
        where: dict[str, object] = {"id": self.id, "path": self.path}
        if self.row is not None:
            where["row"] = self.row
        return where


@dataclass(frozen=True)
class InputSpec:
    """What to read: paths ("-" is stdin) and how to read them."""

    paths: tuple[str, ...]
    format: str = "auto"
    glob: str = "*"
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None
    source_field: str | None = None
    output: str | None = None  # the run's output file: never read as an input

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise UsageError(f"unknown input format {self.format!r} (one of {', '.join(FORMATS)})")
        if self.encoding:
            from toolkit.textio import check_encoding

            check_encoding(self.encoding)

    def validate(self) -> None:
        """Fail now, before any output is written, on a missing input, a folder with no
        matching file, a file that is not in the ``parquet`` format it is read as, or a
        JSON Lines file whose first record lacks the text field (a wrong ``--text-field``);
        a later record without it becomes an error record."""
        for path, fmt in self.files():
            if fmt == "parquet":
                parquet_file(path, self.fields)
            elif fmt == "jsonl" and path != "-":
                _check_first_record(path, self.text_field)

    def items(self) -> Iterator[Item]:
        """Every document of every input, in order."""
        for path, fmt in self.files():
            yield from self.items_of_file(path, fmt)

    def files(self) -> Iterator[tuple[str, str]]:
        """Each input file ("-": stdin), directories expanded, with its format, in order."""
        for path in self.paths:
            if path != "-" and Path(path).is_dir():
                files = sorted(_files_under(Path(path), self.glob, self.output))
                if not files:
                    raise InputError(f"{path}: no file matches {self.glob!r}")
                for file in map(str, files):
                    yield file, self._format_of(file)
            elif path != "-" and not Path(path).exists():
                raise InputError(f"{path}: no such file or directory")
            else:
                yield path, self._format_of(path)

    def estimate(self, at_most: int | None = None) -> int | None:
        """About how many documents there are (for an ETA), or None for stdin; counting stops
        past ``at_most``."""
        total = 0
        for path in self.paths:
            if path == "-":
                return None
            folder = Path(path).is_dir()
            files = sorted(_files_under(Path(path), self.glob, self.output)) if folder else [path]
            for file in map(str, files):
                total += _estimate_file(file, self._format_of(file))
                if at_most is not None and total > at_most:
                    return total
        return total

    def _format_of(self, path: str) -> str:
        if self.format != "auto":
            return self.format
        return _SUFFIXES.get(Path(path).suffix.lower(), "text") if path != "-" else "text"

    def items_of_file(self, path: str, fmt: str, read_stdin: bool = False) -> Iterator[Item]:
        """The documents of one input file in format ``fmt``; stdin as text is read by the
        process that runs it, chunk by chunk (``read_stdin``: read it whole here)."""
        if fmt == "text":
            if path == "-" and read_stdin:
                from toolkit.textio import read_text

                yield Item("-", "-", text=read_text("-", self.encoding))
            else:
                yield Item(path, path, encoding=self.encoding)
        elif fmt in ("lines", "jsonl"):
            yield from self.items_of_lines(_numbered_lines(path), path, fmt)
        else:
            yield from _parquet_items(path, self.fields)

    def items_of_lines(
        self, numbered: Iterable[tuple[int, bytes]], path: str, fmt: str
    ) -> Iterator[Item]:
        """The documents of numbered raw lines of a "lines" or "jsonl" file."""
        if fmt == "jsonl":
            yield from _jsonl_items(numbered, path, self.fields)
        else:
            yield from _line_items(numbered, path, self.encoding)

    @property
    def fields(self) -> tuple[str, str, str | None]:
        """The text, id and source fields of JSON Lines and Parquet rows."""
        return self.text_field, self.id_field, self.source_field


def _estimate_file(path: str, fmt: str) -> int:
    try:
        if fmt == "text":
            return 1
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        with open(path, "rb") as handle:
            return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    except Exception:  # unreadable: reported per document later
        return 0


def _files_under(folder: Path, pattern: str, output: str | None = None) -> Iterator[Path]:
    from toolkit.outputs import same_file

    for file in folder.rglob(pattern):
        hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
        if file.is_file() and not hidden and not (output and same_file(file, output)):
            yield file


def _binary(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None


def _numbered_lines(path: str) -> Iterator[tuple[int, bytes | None]]:
    """Each line with its number; None for a line longer than ``MAX_LINE_BYTES`` (skipped
    in bounded memory)."""
    handle = _binary(path)
    try:
        row = 0
        while line := handle.readline(MAX_LINE_BYTES):
            row += 1
            if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield row, None
            else:
                yield row, line
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


_TOO_LONG = f"line longer than {MAX_LINE_BYTES >> 20} MiB"


def _line_items(
    numbered: Iterable[tuple[int, bytes | None]], path: str, encoding: str | None
) -> Iterator[Item]:
    """One document per non-blank line (a sentence-per-line test set)."""
    for row, raw in numbered:
        ident = f"{path}:{row}"
        if raw is None:
            yield Item(ident, path, row, error=_TOO_LONG)
            continue
        try:
            text = raw.decode(encoding or "utf-8").rstrip("\r\n")
        except (UnicodeDecodeError, LookupError) as error:
            yield Item(ident, path, row, error=f"cannot decode line: {error}")
            continue
        if text.strip():
            yield Item(ident, path, row, text=text)


def _jsonl_items(
    numbered: Iterable[tuple[int, bytes | None]], path: str, fields: tuple[str, str, str | None]
) -> Iterator[Item]:
    for row, raw in numbered:
        if raw is None:
            yield Item(f"{path}:{row}", path, row, error=_TOO_LONG)
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (UnicodeDecodeError, ValueError) as error:
            yield Item(f"{path}:{row}", path, row, error=f"invalid JSON: {error}")
            continue
        except RecursionError:
            yield Item(f"{path}:{row}", path, row, error="invalid JSON: nested too deeply")
            continue
        yield _row_item(record, path, row, fields)


def _check_first_record(path: str, text_field: str) -> None:
    """Refuse a JSON Lines file whose first record lacks the text field; reads its first
    non-blank line only (like the schema of a Parquet file), never the rows after it."""
    with _binary(path) as handle:
        while (raw := handle.readline(MAX_LINE_BYTES)) and not raw.strip():
            pass
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return  # an empty file, or reported as that record's error
    if isinstance(record, dict) and text_field not in record:
        fields = ", ".join(map(str, record)) or "none"
        raise InputError(f"{path}: the first record has no field {text_field!r} (fields: {fields})")


def _parquet_items(path: str, fields: tuple[str, str, str | None]) -> Iterator[Item]:
    table, columns = parquet_file(path, fields)
    row = 0
    for batch in table.iter_batches(batch_size=1024, columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield _row_item(record, path, row, fields)


def parquet_file(path: str, fields: tuple[str, str, str | None]) -> tuple[Any, list[str]]:
    """An open pyarrow ParquetFile and the columns to read (the text column must exist)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("reading Parquet needs pyarrow: pip install 'mtkit[batch]'") from None
    try:
        table = pq.ParquetFile(path)
    except Exception as error:
        raise InputError(f"{path}: not a Parquet file: {error}") from None
    names = set(table.schema_arrow.names)
    text_field = fields[0]
    if text_field not in names:
        raise InputError(f"{path}: no column {text_field!r} (columns: {', '.join(sorted(names))})")
    return table, [text_field, *(f for f in fields[1:] if f and f in names and f != text_field)]


def parquet_row_group_items(
    path: str, group: int, first_row: int, fields: tuple[str, str, str | None]
) -> Iterator[Item]:
    """The documents of one row group of a Parquet file, its rows numbered from ``first_row``."""
    table, columns = parquet_file(path, fields)
    records = table.read_row_group(group, columns=columns).to_pylist()
    for row, record in enumerate(records, first_row):
        yield _row_item(record, path, row, fields)


def _row_item(record: object, path: str, row: int, fields: tuple[str, str, str | None]) -> Item:
    if not isinstance(record, dict):
        return Item(f"{path}:{row}", path, row, error="row is not a JSON object")
    text_field, id_field, source_field = fields
    ident = record.get(id_field)
    if ident is None:
        ident = f"{path}:{row}"
    text = record.get(text_field)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Item(ident, path, row, error=f"field {text_field!r} is {what}")
    source = record.get(source_field) if source_field else None
    if source is not None and not isinstance(source, str):
        return Item(ident, path, row, error=f"field {source_field!r} is not a string")
    return Item(ident, path, row, text=text, source=source)


def record_key(ident: Any, row: int | None) -> str:
    """The exact key of a record: its id as JSON (7 and "7" differ; a value JSON lacks, such
    as a Parquet timestamp, as its text, like in the record) and its row."""
    return json.dumps([ident, row], default=str)


def not_done(items: Iterator[Item], done: Counter[str]) -> Iterator[Item]:
    """The items whose records are not in the output yet: as many records of a key as the
    output holds are skipped (an id given twice in one row of two files is two documents)."""
    if not done:
        yield from items
        return
    left = Counter(done)
    for item in items:
        if left[item.key] > 0:
            left[item.key] -= 1
        else:
            yield item


def batched(
    items: Iterable[Item], max_items: int, max_chars: int = 1 << 20
) -> Iterator[list[Item]]:
    """Groups of at most ``max_items`` documents and about ``max_chars`` characters."""
    batch: list[Item] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += item.size
        if len(batch) >= max_items or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
