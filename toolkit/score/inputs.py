"""Read line-aligned segment files (hypotheses, references, sources) with clear errors.

Files are read as sacreBLEU reads them: ``.gz`` files decompressed, one segment per
``\\n``-terminated line, trailing whitespace stripped, and a UTF-8 byte-order mark kept as
part of the first segment (``--encoding utf-8-sig`` drops it).
"""

from __future__ import annotations

import codecs
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

from toolkit.errors import InputError

MAX_DECOMPRESSED = 1 << 30  # bytes a .gz file may expand to


def _gunzip(path: str, raw: bytes) -> bytes:
    if not raw.startswith(b"\x1f\x8b"):
        raise InputError(f"{path}: not a gzip file (its name ends in .gz)")
    out, stream = bytearray(), raw
    while stream:  # concatenated gzip members, as gzip.open reads them
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while stream and not inflater.eof:
                out += inflater.decompress(stream, MAX_DECOMPRESSED + 1 - len(out))
                if len(out) > MAX_DECOMPRESSED:
                    raise InputError(f"{path}: expands to more than 1 GiB, refused")
                stream = inflater.unconsumed_tail
        except zlib.error as error:
            raise InputError(f"{path}: corrupt gzip data ({error})") from None
        if not inflater.eof:
            raise InputError(f"{path}: gzip data ends early (truncated file)")
        stream = inflater.unused_data.lstrip(b"\x00")
        if stream and not stream.startswith(b"\x1f\x8b"):
            raise InputError(f"{path}: trailing bytes after the gzip data")
    return bytes(out)


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` is stdin), decompressed when the name ends in ``.gz``."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file" if not file.exists() else f"{path}: not a file")
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    return _gunzip(path, raw) if path.endswith(".gz") else raw


def _decode(path: str, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"{path}:{line}:{column}: not valid {encoding} (byte 0x{raw[error.start]:02x}); "
            "give the right --encoding"
        ) from None


def has_bom(raw: bytes, encoding: str) -> bool:
    """Whether ``raw`` starts with a UTF-8 BOM that ``encoding`` keeps as a character."""
    return raw.startswith(codecs.BOM_UTF8) and codecs.lookup(encoding).name == "utf-8"


def read_lines(path: str, encoding: str = "utf-8", keep_bom: bool = True) -> tuple[list[str], bool]:
    """Right-stripped lines of ``path`` split on "\\n" only, and whether it had a kept BOM.

    Raises InputError naming the file (and line) for undecodable bytes or a NUL byte.
    """
    raw = read_bytes(path)
    try:
        bom = has_bom(raw, encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if bom and not keep_bom:
        raw, bom = raw[len(codecs.BOM_UTF8) :], False
    if b"\x00" in raw and not encoding.lower().startswith("utf-16"):
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise InputError(f"{path}:{line}: binary file (NUL byte), not text")
    lines = _decode(path, raw, encoding).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines], bom


def read_segments(
    path: str, encoding: str = "utf-8", allow_empty: bool = False, keep_bom: bool = False
) -> list[str]:
    """One segment per line, split on "\\n" only and right-stripped, as sacreBLEU reads files.

    Raises InputError naming the file and line for undecodable bytes, a NUL byte, an empty
    file, or (unless ``allow_empty``) an empty line. A UTF-8 BOM is dropped unless ``keep_bom``.
    """
    segments, _ = read_lines(path, encoding, keep_bom)
    if not segments:
        raise InputError(f"{path}: empty file, no segments")
    if not allow_empty:
        for number, segment in enumerate(segments, 1):
            if not segment:
                raise InputError(
                    f"{path}:{number}: empty line (give --allow-empty to score it as an empty "
                    "segment)"
                )
    return segments


def split_fields(path: str, lines: Sequence[str], count: int) -> list[list[str]]:
    """``count`` streams from tab-separated lines (sacreBLEU's ``-nr``); ragged lines refused."""
    streams: list[list[str]] = [[] for _ in range(count)]
    for number, line in enumerate(lines, 1):
        fields = line.split("\t", count - 1)
        if len(fields) != count:
            raise InputError(
                f"{path}:{number}: {len(fields)} tab-separated field(s), --num-refs {count} "
                f"expects {count}"
            )
        for stream, field in zip(streams, fields, strict=True):
            stream.append(field)
    return streams


def check_aligned(named: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Raise InputError unless every file has as many segments as the first one."""
    first_path, first = named[0]
    for path, segments in named[1:]:
        if len(segments) != len(first):
            shorter, longer = (
                (path, first_path) if len(segments) < len(first) else (first_path, path)
            )
            line = min(len(segments), len(first)) + 1
            raise InputError(
                f"{path}: {len(segments)} lines but {first_path} has {len(first)}; "
                f"{shorter} ends before line {line} of {longer}"
            )
