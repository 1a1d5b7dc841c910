"""A per-user disk cache for data mtkit derives from its corpora (indexes that take long to build).

Entries live in ``$MTKIT_CACHE_DIR`` or ``$XDG_CACHE_HOME/mtkit`` (``~/.cache/mtkit``), keyed
by mtkit's version and the size and modification time of the files they derive from. A cache
that cannot be read or written is ignored: the data is then built in memory.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
STALE_SECONDS = 86_400


def cache_dir() -> Path:
    """The folder of mtkit's cache files."""
    if explicit := os.environ.get("MTKIT_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtkit"


def _key(name: str, sources: Iterable[Path]) -> str:
    from toolkit import __version__
    from toolkit.resources import holdout_tags

    holdout = ",".join(holdout_tags())
    digest = hashlib.sha256(f"{name}|{__version__}|{pickle.HIGHEST_PROTOCOL}|{holdout}".encode())
    for source in sources:
        stat = source.stat()
        digest.update(f"|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same sources."""
    path = _entry(name, sources)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, unreadable, or from an older layout: build it anew
        pass
    value = build()
    with contextlib.suppress(OSError):
        _write(path, lambda temp: temp.write_bytes(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
    return value


def cached_file(name: str, sources: Iterable[Path], build: Callable[[Path], None]) -> Path:
    """A file that ``build(path)`` writes once for these sources; later runs reuse it.

    ``name`` ends with the file's suffix (``"words.sqlite"``). Where the cache cannot be
    written the file is built in a temporary folder, for this process.
    """
    path = _entry(name, sources)
    if path.exists():
        return path
    try:
        _write(path, build)
    except OSError:
        path = Path(tempfile.mkdtemp(prefix="mtkit-")) / path.name
        build(path)
    return path


def _entry(name: str, sources: Iterable[Path]) -> Path:
    """The cache file of ``name`` for these sources: ``STEM-KEY.SUFFIX`` (a pickle when
    ``name`` has no suffix)."""
    stem, suffix = os.path.splitext(name)
    return cache_dir() / f"{stem}-{_key(name, sources)}{suffix or '.pickle'}"


def _write(path: Path, build: Callable[[Path], object]) -> None:
    """Build ``path`` atomically, then remove the entries it replaces: the same name with
    another key, unchanged for a day (another checkout may still use a recent one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        build(Path(temp))  # into the empty file (SQLite takes it as an empty database)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    stem = path.name.rsplit("-", 1)[0]  # keys hold no "-"
    for stale in path.parent.glob(f"{glob.escape(stem)}-{'[0-9a-f]' * 16}{path.suffix}"):
        with contextlib.suppress(OSError):
            if stale != path and stale.stat().st_mtime < time.time() - STALE_SECONDS:
                stale.unlink()
