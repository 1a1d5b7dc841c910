import pickle

from toolkit.cache import cached


def unpickled(entry):
    """The value of a cache entry (after its header and HMAC)."""
    from toolkit.cache import _DIGEST, _MAGIC

    data = entry.read_bytes()
    assert data.startswith(_MAGIC)
    return pickle.loads(data[len(_MAGIC) + _DIGEST :])


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.tsv"
    source.write_text("a\tb\n")
    calls = []

    def build():
        calls.append(1)
        return {"a": "b"}

    assert cached("thing", [source], build) == {"a": "b"}
    assert cached("thing", [source], build) == {"a": "b"}
    assert len(calls) == 1
    source.write_text("a\tc\n")  # a changed source is a new key
    cached("thing", [source], build)
    assert len(calls) == 2


def test_unreadable_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "data.tsv"
    source.write_text("x")
    assert cached("thing", [source], lambda: 42) == 42


def test_corrupt_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path))
    source = tmp_path / "data.tsv"
    source.write_text("x")
    cached("thing", [source], lambda: 1)
    (entry,) = tmp_path.glob("thing-*.pickle")
    entry.write_bytes(b"garbage")
    assert cached("thing", [source], lambda: 2) == 2
    assert unpickled(entry) == 2


def test_cached_file_built_once_and_stale_entries_of_its_name_removed(tmp_path, monkeypatch):
    import os

    from toolkit.cache import STALE_SECONDS, cached_file

    cache = tmp_path / "cache"
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(cache))
    source = tmp_path / "words.txt"
    source.write_text("a")
    calls = []

    def build(path):
        calls.append(path)
        path.write_text("built")

    first = cached_file("table.sqlite", [source], build)
    assert first.read_text() == "built" and first.suffix == ".sqlite"
    assert cached_file("table.sqlite", [source], build) == first and len(calls) == 1
    old = os.stat(first).st_mtime - STALE_SECONDS - 10
    os.utime(first, (old, old))
    other = cache / "other-0123456789abcdef.sqlite"
    other.write_text("another name")
    source.write_text("changed")
    second = cached_file("table.sqlite", [source], build)
    assert second != first and not first.exists() and other.exists()
    names = sorted(p.name for p in cache.iterdir() if not p.name.startswith("."))
    assert names == sorted([second.name, other.name])


def test_cached_file_recent_entries_of_another_key_are_kept(tmp_path, monkeypatch):
    from toolkit.cache import cached_file

    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("a")
    first = cached_file("t.db", [source], lambda path: path.write_text("1"))
    source.write_text("b")
    cached_file("t.db", [source], lambda path: path.write_text("2"))
    assert first.exists()  # another checkout may still be using it


def test_cached_file_without_a_writable_cache_builds_in_a_temporary_folder(tmp_path, monkeypatch):
    from toolkit.cache import cached_file

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("a")
    path = cached_file("t.db", [source], lambda p: p.write_text("ok"))
    assert path.read_text() == "ok" and not path.is_relative_to(blocker)


class Reshaped:
    """Stands for a cached class whose fields changed since the entry was written."""

    def __init__(self) -> None:
        self.field = 1

    def __setstate__(self, state):
        raise TypeError("__init__() missing 1 required positional argument")


def test_an_entry_that_no_longer_unpickles_is_rebuilt(tmp_path, monkeypatch):
    from toolkit.cache import cache_dir

    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.tsv"
    source.write_text("x")
    cached("thing", [source], Reshaped)
    (entry,) = cache_dir().glob("thing-*.pickle")
    assert cached("thing", [source], lambda: 2) == 2
    assert unpickled(entry) == 2  # and rewritten


def test_cached_file_rewritten_with_its_old_size_and_times_is_rebuilt(tmp_path, monkeypatch):
    """A cached file is checked by its state (not read whole each run): a rewrite that keeps
    the size and modification time still changes the change time, and is built again."""
    import os

    from toolkit.cache import cached_file

    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.tsv"
    source.write_text("x")
    calls = []

    def build(path):
        calls.append(1)
        path.write_text("table")

    first = cached_file("t.sqlite", [source], build)
    assert cached_file("t.sqlite", [source], build) == first and len(calls) == 1
    before = first.stat()
    first.write_text("TABLE")
    os.utime(first, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cached_file("t.sqlite", [source], build).read_text() == "table" and len(calls) == 2


def test_cached_file_signed_by_its_bytes_only_is_accepted_and_signed_anew(tmp_path, monkeypatch):
    """A signature of an older mtkit (the HMAC of the bytes alone) still vouches for its file,
    which is not built again, and is replaced by one that also signs the file's state."""
    from toolkit import cache

    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.tsv"
    source.write_text("x")
    calls = []

    def build(path):
        calls.append(1)
        path.write_text("table")

    path = cache.cached_file("t.sqlite", [source], build)
    signature = cache._signature_path(path)
    signature.write_bytes(signature.read_bytes()[: cache._DIGEST])
    assert cache.cached_file("t.sqlite", [source], build) == path and len(calls) == 1
    assert len(signature.read_bytes()) == 2 * cache._DIGEST
