"""A per-user disk cache for data mtkit derives from its corpora (indexes that take long to build).

Entries live in ``$MTKIT_CACHE_DIR`` or ``$XDG_CACHE_HOME/mtkit`` (``~/.cache/mtkit``), keyed
by mtkit's version and the size and modification time of the files they derive from.

Nothing is loaded from a file another user could have written: the folder must belong to
this user and be writable by no one else (else a private ``user-UID`` folder inside it is
used, else no disk cache at all), each entry must belong to this user, and carries an
HMAC-SHA256 under a random per-user key (``.key`` in the folder, mode 0600), checked before
an entry is unpickled or handed out. An entry that fails any check, is corrupt or no longer
loads is built again; a cache that cannot be read or written is ignored (the data is then
built in memory, or in a private temporary folder).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import glob
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
STALE_SECONDS = 86_400
_MAGIC = b"mtkit-cache 1\n"
_DIGEST = 32  # bytes of HMAC-SHA256


def cache_dir() -> Path:
    """The folder of mtkit's cache files (as configured; see ``_folder`` for the one used)."""
    if explicit := os.environ.get("MTKIT_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtkit"


def _private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this user that no one else may write in."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _folder() -> Path | None:
    """The cache folder to use: the configured one when it is private, else a private
    ``user-UID`` folder inside it; None when neither can be had."""
    base = cache_dir()
    for folder in (base, base / f"user-{os.geteuid()}"):
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _private(folder):
            return folder
    return None


def _key(folder: Path) -> bytes | None:
    """This user's secret HMAC key, created on first use; None if it cannot be trusted."""
    path = folder / ".key"
    with contextlib.suppress(FileExistsError, OSError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    try:
        key = _read_own(path)
    except OSError:
        return None
    return key if len(key) == 32 else None


def _read_own(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of this user that no one else may
    write; otherwise PermissionError (OSError for a missing file)."""
    return _own(path, read=True)[1]


def _own(path: Path, read: bool = False) -> tuple[os.stat_result, bytes]:
    """The state of ``path`` (and its bytes when ``read``), with ``_read_own``'s checks."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.geteuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            raise PermissionError(f"{path}: not this user's private file")
        return info, handle.read() if read else b""


def _sign(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def _entry_key(name: str, sources: Iterable[Path]) -> str:
    from toolkit.resources import holdout_tags
    from toolkit.version import __version__

    holdout = ",".join(holdout_tags())
    digest = hashlib.sha256(f"{name}|{__version__}|{pickle.HIGHEST_PROTOCOL}|{holdout}".encode())
    for source in sources:
        info = source.stat()
        digest.update(f"|{source.resolve()}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same sources."""
    sources = list(sources)
    found = stored(name, sources)
    if found is not None:
        return found
    value = build()
    store(name, sources, value)
    return value


def stored(name: str, sources: Iterable[Path]) -> object | None:
    """The value kept under ``name`` for these sources (``store``), or None."""
    place = _place()
    if place is None:
        return None
    folder, key = place
    with contextlib.suppress(Exception):  # missing, foreign, forged, corrupt or outdated
        data = _read_own(_entry(folder, name, list(sources)))
        body = data[len(_MAGIC) + _DIGEST :]
        if data.startswith(_MAGIC) and hmac.compare_digest(
            data[len(_MAGIC) : len(_MAGIC) + _DIGEST], _sign(key, body)
        ):
            return _unpickled(body)
    return None


def store(name: str, sources: Iterable[Path], value: object) -> None:
    """Keep ``value`` (pickled and signed) under ``name`` for these sources, if the cache
    can be written."""
    place = _place()
    if place is None:
        return
    folder, key = place
    path = _entry(folder, name, list(sources))
    with contextlib.suppress(OSError, pickle.PicklingError):
        body = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        _write(path, lambda temp: temp.write_bytes(_MAGIC + _sign(key, body) + body))


def _unpickled(body: bytes) -> object:
    """``pickle.loads(body)`` with the cyclic garbage collector paused: a large index is tens
    of thousands of new containers, which would set off one collection each few hundred."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(body)
    finally:
        if paused:
            gc.enable()


def cached_file(name: str, sources: Iterable[Path], build: Callable[[Path], None]) -> Path:
    """A file that ``build(path)`` writes once for these sources; later runs reuse it.

    ``name`` ends with the file's suffix (``"words.sqlite"``). The file's HMAC is kept
    beside it (``.FILE.sig``) and checked before the file is handed out. Where the cache
    cannot be used the file is built in a private temporary folder, for this process.
    """
    sources = list(sources)
    place = _place()
    if place is not None:
        folder, key = place
        path = _entry(folder, name, sources)
        signature = _signature_path(path)
        with contextlib.suppress(OSError):
            if _file_signed(key, path, signature):
                return path
        try:
            _write(path, build)
            _write(signature, lambda temp: temp.write_bytes(_file_signature(key, path)))
            return path
        except OSError:
            pass
    path = Path(tempfile.mkdtemp(prefix="mtkit-")) / name
    build(path)
    return path


def _file_signature(key: bytes, path: Path) -> bytes:
    """What ``.FILE.sig`` holds: the HMAC of the file's bytes, then the HMAC of its state
    (device, inode, size, modification and change times). Any write to the file changes its
    change time, which only root can set, so later runs check the state by one ``fstat``
    instead of reading the whole file (the world gazetteer is 60 MB: 0.2 s a start)."""
    info, data = _own(path, read=True)
    return _sign(key, data) + _sign(key, _state(info))


def _state(info: os.stat_result) -> bytes:
    fields = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    return "|".join(map(str, fields)).encode()


def _file_signed(key: bytes, path: Path, signature: Path) -> bool:
    """Whether ``path`` is the file ``signature`` signed: by its state, else by its bytes
    (a signature of an older mtkit, or a file copied or restored since), then signed anew."""
    signed = _read_own(signature)
    info, _ = _own(path)
    if len(signed) == 2 * _DIGEST and hmac.compare_digest(
        signed[_DIGEST:], _sign(key, _state(info))
    ):
        return True
    info, data = _own(path, read=True)
    if not hmac.compare_digest(signed[:_DIGEST], _sign(key, data)):
        return False
    with contextlib.suppress(OSError):
        _write(
            signature, lambda temp: temp.write_bytes(_sign(key, data) + _sign(key, _state(info)))
        )
    return True


def _place() -> tuple[Path, bytes] | None:
    """The cache folder and this user's key, or None when there is no trusted cache."""
    folder = _folder()
    key = _key(folder) if folder is not None else None
    return (folder, key) if folder is not None and key is not None else None


def _entry(folder: Path, name: str, sources: list[Path]) -> Path:
    """The cache file of ``name`` for these sources: ``STEM-KEY.SUFFIX`` (a pickle when
    ``name`` has no suffix)."""
    stem, suffix = os.path.splitext(name)
    return folder / f"{stem}-{_entry_key(name, sources)}{suffix or '.pickle'}"


def _signature_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.sig")


def _write(path: Path, build: Callable[[Path], object]) -> None:
    """Build ``path`` atomically (mode 0600), then remove the entries it replaces: the same
    name with another key, unchanged for a day (another checkout may still use a recent one)."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    os.close(fd)
    try:
        build(Path(temp))  # into the empty file (SQLite takes it as an empty database)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    if path.name.startswith("."):
        return
    stem = path.name.rsplit("-", 1)[0]  # keys hold no "-"
    for stale in path.parent.glob(f"{glob.escape(stem)}-{'[0-9a-f]' * 16}{path.suffix}"):
        with contextlib.suppress(OSError):
            if stale != path and stale.stat().st_mtime < time.time() - STALE_SECONDS:
                stale.unlink()
                _signature_path(stale).unlink(missing_ok=True)


def tsv_rows(*parts: str) -> tuple[dict[str, str], ...]:
    """The rows of the corpus TSV ``parts`` (as ``iter_tsv`` gives them), read once per
    process for each set of held-out tags and kept in the disk cache: large tables several
    checks share (agreement/nouns.tsv)."""
    from toolkit.resources import holdout_tags

    return _tsv_rows(parts, holdout_tags())


@functools.cache
def _tsv_rows(parts: tuple[str, ...], holdout: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    from toolkit.resources import corpus_path, iter_tsv

    path = corpus_path(*parts)
    return cached("tsv-" + "-".join(parts), [path], lambda: tuple(iter_tsv(path)))
