"""Read user input safely: clear errors for missing, binary, mis-encoded or empty input,
and paragraph-aligned chunks so that huge files are processed in bounded memory."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from toolkit.errors import InputError, UsageError

CHUNK_CHARS = 1 << 20
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of a larger text: its text, its offset and the number of lines before it."""

    text: str
    offset: int
    lines_before: int


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        return file.open("rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None


def check_encoding(encoding: str) -> None:
    """A UsageError unless ``encoding`` names a text encoding (not rot13, base64, ...)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"{encoding!r} is not a text encoding")


def _sniff(path: str, head: bytes, encoding: str | None) -> str:
    if encoding:
        check_encoding(encoding)
        return encoding
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        if name := _utf16_without_bom(head):
            return name
        raise InputError(f"{path}: binary file, not text")
    return "utf-8"


def _utf16_without_bom(head: bytes) -> str | None:
    """Returns "utf-16-le" or "utf-16-be" when ``head`` reads as UTF-16 text with no BOM: its NUL
    bytes (the high bytes of Latin letters, digits, spaces) all on one side of each pair,
    and no control character but tabs and line breaks in it."""
    even = head[: len(head) & ~1]
    for name, high, low in (
        ("utf-16-le", even[1::2], even[0::2]),
        ("utf-16-be", even[0::2], even[1::2]),
    ):
        if low.count(0) or high.count(0) * 10 < len(high):
            continue
        try:
            text = even.decode(name)
        except UnicodeDecodeError:
            continue
        if not _CONTROLS.search(text):
            return name
    return None


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def chunk_end(text: str, size: int) -> int:
    """Where a chunk ends: after a blank line, else after a line break, else after a space."""
    for mark in ("\n\n", "\n", " "):
        at = text.rfind(mark, 0, size)
        if at > 0:
            return at + len(mark)
    return size


def iter_chunks(path: str, encoding: str | None = None, size: int = CHUNK_CHARS) -> Iterator[Chunk]:
    """The decoded text of ``path`` ("-" for stdin) in chunks that end after a blank line.

    Raises InputError for a missing, binary, empty or undecodable input.
    """
    handle = _open(path)
    try:
        head = handle.read(8192)
        name = _sniff(path, head, encoding)
        decoder = codecs.getincrementaldecoder(name)(errors="strict")
        pending, offset, lines, consumed, raw = "", 0, 0, 0, head
        while True:
            try:
                pending += decoder.decode(raw, final=not raw)
            except UnicodeDecodeError as error:
                where = consumed + error.start
                raise InputError(
                    f"{path}: not valid {name} (byte 0x{error.object[error.start]:02x} at offset "
                    f"{where}); give the right --encoding"
                ) from None
            except UnicodeError as error:  # a decoder's own complaint (UTF-16 without a BOM)
                raise InputError(f"{path}: not valid {name}: {error}") from None
            consumed += len(raw)
            while len(pending) > size:
                cut = chunk_end(pending, size)
                yield Chunk(pending[:cut], offset, lines)
                offset, lines = offset + cut, lines + pending.count("\n", 0, cut)
                pending = pending[cut:]
            if not raw:
                break
            raw = handle.read(size)
        if offset == 0 and not pending.strip():
            raise InputError(f"{path}: empty input, nothing to check")
        if pending:
            yield Chunk(pending, offset, lines)
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def read_text(path: str, encoding: str | None = None) -> str:
    """The whole decoded text of ``path`` ("-" for stdin)."""
    return "".join(chunk.text for chunk in iter_chunks(path, encoding))


def encoding_of(path: str, encoding: str | None = None) -> str:
    """The encoding ``read_text`` decodes ``path`` with (to write it back the same way)."""
    if path == "-":
        return encoding or "utf-8"
    handle = _open(path)
    with handle:
        return _sniff(path, handle.read(8192), encoding)
