"""How common an English word is: wordfreq's English table, cached on disk.

The name analysis asks for tens of thousands of words per feed; importing wordfreq and
reading its list takes about 0.5 s, so ``mtkit check`` never imports it once the table is
cached (as an SQLite file, which opens at once).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from toolkit.cache import cached_file

# A word of wordfreq's table: letters or digits of any script, inner apostrophes.
_TABLE_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is (wordfreq Zipf scale, 0 = unseen).

    Words are looked up in wordfreq's English table, cached on disk (importing wordfreq and
    reading its list takes about 0.5 s, so the check never imports it). A hyphenated word
    combines its parts as wordfreq does (1/f = sum of 1/f_i); outer apostrophes go
    ("artists'"); a word the table lacks, such as an unlisted code ("A321"), is unseen.
    """
    word = word.replace("’", "'").strip("'")
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    values = [_lookup(part) for part in word.split("-")]
    if None in values:
        return 0.0
    if len(values) == 1:
        return values[0]
    frequency = 1 / sum(10 ** (9 - value) for value in values)
    return round(math.log10(frequency) + 9, 2)


def table_items() -> Iterator[tuple[str, float]]:
    """Every word of the table with its Zipf value."""
    yield from _connection().execute("SELECT word, zipf FROM words")


def _lookup(word: str) -> float | None:
    row = _connection().execute("SELECT zipf FROM words WHERE word = ?", (word,)).fetchone()
    return row[0] if row else None


_CONNECTIONS: dict[int, sqlite3.Connection] = {}


def _connection() -> sqlite3.Connection:
    """This process's read-only connection to the table (opened anew after a fork).

    The table is an SQLite file in mtkit's cache: opening it costs a millisecond, where
    unpickling 300,000 words took 0.15 s of every cold start.
    """
    pid = os.getpid()
    if pid not in _CONNECTIONS:
        _CONNECTIONS.clear()
        folder = Path(importlib.util.find_spec("wordfreq").origin).parent
        path = cached_file("zipf-en.sqlite", [folder / "data" / "large_en.msgpack.gz"], _build)
        uri = f"{path.as_uri()}?mode=ro&immutable=1"
        _CONNECTIONS[pid] = sqlite3.connect(uri, uri=True, check_same_thread=False)
    return _CONNECTIONS[pid]


def _build(path: Path) -> None:
    from wordfreq import get_frequency_dict

    rows = []
    for word, frequency in get_frequency_dict("en").items():
        if _TABLE_WORD.fullmatch(word):
            rounded = round(frequency, math.floor(-math.log10(frequency)) + 3)  # as wordfreq
            rows.append((word, round(math.log10(rounded) + 9, 2)))
    with contextlib.closing(sqlite3.connect(path)) as database:
        database.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID")
        database.executemany("INSERT INTO words VALUES (?, ?)", rows)
        database.commit()
