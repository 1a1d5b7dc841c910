"""A per-user disk cache for data mtkit derives from its corpora (indexes that take long to build).

Entries live in ``$MTKIT_CACHE_DIR`` or ``$XDG_CACHE_HOME/mtkit`` (``~/.cache/mtkit``), keyed
by mtkit's version and the size and modification time of the files they derive from. A cache
that cannot be read or written is ignored: the data is then built in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """The folder of mtkit's cache files."""
    if explicit := os.environ.get("MTKIT_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtkit"


def _key(name: str, sources: Iterable[Path]) -> str:
    from toolkit import __version__

    digest = hashlib.sha256(f"{name}|{__version__}|{pickle.HIGHEST_PROTOCOL}".encode())
    for source in sources:
        stat = source.stat()
        digest.update(f"|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same sources."""
    path = cache_dir() / f"{name}-{_key(name, sources)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass
    return value
