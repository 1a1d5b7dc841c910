"""The one way mtkit writes files: never over an input, atomically, never half-written.

Every command that writes a file (``check -o``, ``fix -o/--in-place/--report``, ``brief -o``,
``batch -o``, ``spm train -o``) goes through here:

- ``guard(outputs, inputs)``, before any work: an output that is one of the inputs (the same
  file by name, symbolic link or hard link), an output named twice, a folder, or a file in a
  folder that is missing or cannot be written is a one-line error.
- ``Outputs`` writes each file to a temporary file beside it (synced) and renames them all
  into place when the command has succeeded, so a failing command leaves every existing file
  as it was. A replaced file keeps its mode (and owner, where the user may set it).
- ``replace_file`` rewrites an input (``fix --in-place``): owner, group, mode, extended
  attributes and hard links are kept.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError, UsageError

PathLike = str | os.PathLike


def same_file(a: PathLike, b: PathLike) -> bool:
    """Whether two existing paths name one file (symbolic and hard links included)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def guard(
    outputs: Iterable[PathLike | None],
    inputs: Iterable[PathLike | None] = (),
    hint: str = "",
) -> None:
    """Refuse outputs that would overwrite an input or each other, or cannot be written.

    ``None`` and ``"-"`` (stdout, stdin) are skipped; ``hint`` ends the refusal's message.
    """
    named_inputs = [i for i in inputs if i is not None and str(i) != "-"]
    seen: list[PathLike] = []
    for output in outputs:
        if output is None or str(output) == "-":
            continue
        for given in named_inputs:
            if same_file(output, given) or _target(output) == _target(given):
                also = "" if str(given) == str(output) else f" ({given})"
                raise UsageError(
                    f"{output} is an input{also}; refusing to overwrite it{hint and '; ' + hint}"
                )
        for other in seen:
            if _target(output) == _target(other):
                raise UsageError(f"{other} and {output} are the same output file")
        seen.append(output)
        writable(output)


def writable(output: PathLike) -> Path:
    """The file ``output`` names (symbolic links followed), or a one-line InputError when it
    is a folder or a read-only file, or its folder is missing or not writable."""
    target = _target(output)
    if target.is_dir():
        raise InputError(f"{output}: is a directory")
    if target.exists() and not os.access(target, os.W_OK):
        raise InputError(f"{output}: read-only file; not replaced")
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{output}: no such directory {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{output}: cannot write in {folder} (permission denied or read-only)")
    return target


def _target(path: PathLike) -> Path:
    """``path`` made absolute with links followed; a link loop is an InputError."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError) as error:  # a loop of symbolic links
        raise InputError(f"{path}: cannot resolve: {error}") from None


def encode(text: str, encoding: str, path: PathLike) -> bytes:
    """``text`` in ``encoding``; text the encoding cannot hold is an InputError."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        raise InputError(f"{path}: the text has {bad!r}, which {encoding} cannot encode") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


@dataclass
class _Staged:
    target: Path
    temp: Path | None  # None: a device or pipe (/dev/stdout), written at commit
    data: bytes = b""
    check: Callable[[], None] | None = None


class Outputs:
    """Files written together: staged beside their targets, renamed into place on success.

    ``with Outputs() as out: out.write(path, text)``; leaving the block with an exception
    removes the temporary files and changes nothing.
    """

    def __init__(self) -> None:
        self._staged: list[_Staged] = []

    def write(
        self,
        path: PathLike,
        data: str | bytes,
        encoding: str = "utf-8",
        *,
        check: Callable[[], None] | None = None,
        like: Path | None = None,
        keep_owner: bool = False,
    ) -> None:
        """Stage ``data`` for ``path``; ``check()`` runs just before the rename (it may raise).

        The file gets the mode, extended attributes and, where this user may set them, the
        owner and group of ``like`` (default: the file it replaces); with ``keep_owner`` a
        PermissionError is raised, and nothing staged, when they cannot be kept.
        """
        if isinstance(data, str):
            data = encode(data, encoding, path)
        target = writable(path)
        if target.exists() and not target.is_file():
            self._staged.append(_Staged(target, None, data, check))
            return
        temp = _temp_beside(target, data)
        like = like or (target if target.exists() else None)
        try:
            if like is not None:
                _copy_metadata(like, temp, keep_owner)
        except BaseException:
            temp.unlink()
            raise
        self._staged.append(_Staged(target, temp, check=check))

    def commit(self) -> None:
        """Rename every staged file into place."""
        for staged in self._staged:
            if staged.check is not None:
                staged.check()
        for staged in self._staged:
            try:
                if staged.temp is None:
                    with staged.target.open("wb") as handle:
                        handle.write(staged.data)
                else:
                    os.replace(staged.temp, staged.target)
            except OSError as error:
                raise InputError(f"{staged.target}: cannot write: {error.strerror}") from None
        self._staged.clear()

    def discard(self) -> None:
        for staged in self._staged:
            if staged.temp is not None:
                staged.temp.unlink(missing_ok=True)
        self._staged.clear()

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if kind is None:
                self.commit()
        finally:
            self.discard()


def write_file(path: PathLike, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write one file atomically (see ``Outputs``)."""
    with Outputs() as out:
        out.write(path, data, encoding)


def _temp_beside(target: Path, data: bytes) -> Path:
    """A synced temporary file in ``target``'s folder holding ``data``, mode 0666 - umask."""
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"{target}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, 0o666 & ~_umask())
    except BaseException as error:
        Path(name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"{target}: cannot write: {error.strerror}") from None
        raise
    return Path(name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _copy_metadata(source: Path, dest: Path, owner: bool) -> None:
    """Give ``dest`` the mode, extended attributes and (``owner``; else where allowed) the
    owner and group of ``source``; raise PermissionError when ``owner`` cannot be kept."""
    stat = source.stat()
    os.chmod(dest, stat.st_mode & 0o7777)
    if (stat.st_uid, stat.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.chown(dest, stat.st_uid, stat.st_gid)
        except PermissionError:
            if owner:
                raise
        os.chmod(dest, stat.st_mode & 0o7777)  # chown clears set-user/group-id bits
    for name in _xattrs(source):
        with contextlib.suppress(OSError):
            os.setxattr(dest, name, os.getxattr(source, name))


def _xattrs(path: Path) -> list[str]:
    try:
        return os.listxattr(path) if hasattr(os, "listxattr") else []
    except OSError:
        return []


def existing(path: PathLike) -> Path:
    """The regular file ``path`` names (links followed), or a one-line InputError."""
    target = _target(path)
    if os.path.islink(path) and not target.exists():
        raise InputError(f"{path}: dangling symbolic link")
    if target.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    if not target.is_file():
        raise InputError(f"{path}: no such file" if not target.exists() else f"{path}: not a file")
    return target


def check_suffix(suffix: str) -> None:
    """A backup suffix names a file beside the original: no folder separators."""
    if not suffix or os.sep in suffix or (os.altsep and os.altsep in suffix):
        raise UsageError(f"--backup {suffix!r}: give a suffix such as .orig, not a path")


def replace_file(
    path: PathLike,
    data: bytes,
    backup: str | None = None,
    unchanged_since: os.stat_result | None = None,
) -> None:
    """Replace the contents of the file ``path`` names with ``data``, keeping the file itself.

    A temporary file beside it, with its mode, owner, group and extended attributes, is
    renamed over it; a file with hard links, or whose owner this user may not give to
    another file, is rewritten where it is instead (its old contents kept in a temporary
    file beside it until the new ones are synced). With ``backup``, the old contents are
    first kept as ``path`` + suffix. A file changed since ``unchanged_since`` (its stat when
    read) is left alone: an InputError.
    """
    target = existing(path)
    if backup:
        check_suffix(backup)

    def unchanged() -> None:
        if unchanged_since is not None and _changed(target, unchanged_since):
            raise InputError(f"{path}: changed while it was being fixed; nothing written")

    old = target.read_bytes()
    with Outputs() as out:
        if backup:
            out.write(target.with_name(target.name + backup), old, like=target)
        if target.stat().st_nlink == 1:
            with contextlib.suppress(PermissionError):
                out.write(target, data, check=unchanged, keep_owner=True)
                return
    unchanged()  # the backup is written; hard links, or an owner this user cannot give
    _rewrite(target, old, data)


def _rewrite(target: Path, old: bytes, data: bytes) -> None:
    """Overwrite ``target`` where it is; on failure put ``old`` back."""
    keep = None
    with contextlib.suppress(InputError):
        keep = _temp_beside(target, old)  # survives a crash mid-write
    try:
        with target.open("r+b") as handle:
            try:
                handle.write(data)
                handle.truncate()
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as error:
                handle.seek(0)
                handle.write(old)
                handle.truncate()
                raise InputError(f"{target}: cannot write: {error.strerror}") from None
    except PermissionError as error:
        raise InputError(f"{target}: cannot write: {error.strerror}") from None
    finally:
        if keep is not None:
            keep.unlink(missing_ok=True)


def _changed(path: Path, before: os.stat_result) -> bool:
    try:
        now = path.stat()
    except FileNotFoundError:
        return True
    return (now.st_mtime_ns, now.st_size, now.st_ino) != (
        before.st_mtime_ns,
        before.st_size,
        before.st_ino,
    )
