"""Read line-aligned segment files (hypotheses, references, sources) with clear errors."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Sequence
from pathlib import Path

from toolkit.errors import InputError


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file" if not file.exists() else f"{path}: not a file")
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None


def _decode(path: str, raw: bytes, encoding: str) -> str:
    if raw.startswith(codecs.BOM_UTF8) and encoding.lower().replace("_", "-") == "utf-8":
        raw = raw[len(codecs.BOM_UTF8) :]
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


def read_segments(path: str, encoding: str = "utf-8", allow_empty: bool = False) -> list[str]:
    """One segment per line, split on "\\n" only and right-stripped, as sacreBLEU reads files.

    Raises InputError naming the file and line for undecodable bytes, a NUL byte, an empty
    file, or (unless ``allow_empty``) an empty line.
    """
    raw = _read_bytes(path)
    if b"\x00" in raw and not encoding.lower().startswith("utf-16"):
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise InputError(f"{path}:{line}: binary file (NUL byte), not text")
    text = _decode(path, raw, encoding)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    segments = [line.rstrip() for line in lines]
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
