"""Issue 19, item 8 (and 13): the disk cache never loads a file another user could have
written or forged, and a corrupt entry is built again, never fatal.
"""

import os
import pickle
import stat

import pytest

from toolkit import cache
from toolkit.cache import cached, cached_file


class Planted:
    """A pickle that runs code when loaded: it creates ``marker``."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.tsv"
    path.write_text("x\ty\n")
    return path


def entry_path(folder, name, source):
    """Where an entry for ``name`` goes (what an attacker can predict)."""
    return folder / f"{name}-{cache._entry_key(name, [source])}.pickle"


def test_item08_a_planted_pickle_is_never_loaded(tmp_path, monkeypatch, source):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(folder))
    marker = tmp_path / "pwned"
    entry_path(folder, "thing", source).write_bytes(pickle.dumps(Planted(marker)))
    assert cached("thing", [source], lambda: "built") == "built"
    assert not marker.exists()
    assert cached("thing", [source], lambda: "again") == "built"  # its own entry is kept


def test_item08_a_shared_writable_folder_is_not_trusted(tmp_path, monkeypatch, source):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(shared))
    marker = tmp_path / "pwned"
    entry_path(shared, "thing", source).write_bytes(pickle.dumps(Planted(marker)))
    assert cached("thing", [source], lambda: "built") == "built" and not marker.exists()
    private = shared / f"user-{os.geteuid()}"
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    assert list(private.glob("thing-*.pickle"))


def test_item08_entries_of_another_owner_or_writable_by_others_are_rebuilt(
    tmp_path, monkeypatch, source
):
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    cached("thing", [source], lambda: "mine")
    (entry,) = (tmp_path / "cache").glob("thing-*.pickle")
    entry.chmod(0o666)
    assert cached("thing", [source], lambda: "rebuilt") == "rebuilt"
    if os.geteuid() == 0:
        os.chown(entry, 65534, 65534)
        assert cached("thing", [source], lambda: "again") == "again"


def test_item08_a_forged_entry_with_a_wrong_key_is_rebuilt(tmp_path, monkeypatch, source):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(folder))
    cached("thing", [source], lambda: "mine")
    (entry,) = folder.glob("thing-*.pickle")
    body = pickle.dumps("forged")
    forged = cache._MAGIC + cache._sign(b"0" * 32, body) + body
    entry.write_bytes(forged)
    assert cached("thing", [source], lambda: "rebuilt") == "rebuilt"


def test_item13_a_corrupt_cached_file_is_rebuilt(tmp_path, monkeypatch, source):
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def build(path):
        calls.append(path)
        path.write_text("table")

    first = cached_file("t.sqlite", [source], build)
    first.write_text("garbage")  # a disk error, a crash in another tool
    second = cached_file("t.sqlite", [source], build)
    assert second.read_text() == "table" and len(calls) == 2


def test_item13_check_survives_a_corrupt_cache(tmp_path):
    """The scenario of the report: a damaged cache broke every later run with exit 3."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "MTKIT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(root)}
    article = tmp_path / "a.txt"
    article.write_text("Kataib Hezbollah said the attacks on Youlf Saqr killed three.\n")
    command = [sys.executable, "-c", "from toolkit.cli import main; main()", "check", str(article)]
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    assert first.returncode in (0, 1), first.stderr
    for entry in (tmp_path / "cache").iterdir():
        if entry.is_file() and not entry.name.startswith("."):
            entry.write_bytes(b"not a database" * 100)
    again = subprocess.run(command, env=env, capture_output=True, text=True)
    assert again.returncode == first.returncode, again.stderr
    assert again.stdout == first.stdout
