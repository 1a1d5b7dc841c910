import pickle

from toolkit.cache import cached


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
    assert pickle.loads(entry.read_bytes()) == 2
