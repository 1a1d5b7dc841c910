"""Read-only queries on the world tier's SQLite file (built by ``world.build``; kept apart
from it so that editing the queries does not invalidate the cached file)."""

from __future__ import annotations

import functools
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from toolkit.names.entry import Entry
from toolkit.names.normalize import loose_key
from toolkit.names.world import blocks

MAX_BLOCK_ROWS = 4000  # a very short skeleton blocks with too many names: cap the rows read
_PROCESS = [os.getpid()]  # this process's id, kept current across forks (no call per query)
os.register_at_fork(after_in_child=lambda: _PROCESS.__setitem__(0, os.getpid()))


class WorldIndex:
    """Read-only queries on the world tier (one connection per process)."""

    def __init__(self, path: Path, skip: frozenset[str] = frozenset()) -> None:
        self.path = path
        self.skip = skip  # sources already in the in-memory tier ("GeoNames 167357")
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._entries: dict[int, Entry | None] = {}

    def __getstate__(self) -> dict:
        return {"path": self.path, "skip": self.skip}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"], state["skip"])

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None or self._pid != _PROCESS[0]:
            uri = f"{self.path.as_uri()}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = _PROCESS[0]
        return self._db

    def entry(self, number: int) -> Entry | None:
        """The place of row ``number`` (None when the in-memory tier already has it)."""
        if number not in self._entries:
            row = self.db.execute(
                "SELECT canonical, variants, original, type, country, lat, lon, population, "
                "source FROM places WHERE id = ?",
                (number,),
            ).fetchone()
            canonical, variants, original, kind, country, lat, lon, population, source = row
            self._entries[number] = (
                None
                if source in self.skip
                else Entry(
                    canonical,
                    tuple(v for v in variants.split("|") if v),
                    original,
                    kind,
                    country,
                    lat,
                    lon,
                    source,
                    population,
                    world_tier=True,
                )
            )
        return self._entries[number]

    def exact(self, key: str) -> list[Entry]:
        """Places with a name of this ``loose_key``, most populous first."""
        found = [e for n in self._numbers(key) if (e := self.entry(n)) is not None]
        return sorted(found, key=lambda e: (loose_key(e.canonical) != key, -e.population))

    @functools.lru_cache(maxsize=65536)  # noqa: B019 (one index per process)
    def _numbers(self, key: str) -> tuple[int, ...]:
        return tuple(n for (n,) in self.db.execute("SELECT id FROM names WHERE key = ?", (key,)))

    def has_first(self, token: str) -> bool:
        return self._has("SELECT 1 FROM firsts WHERE token = ?", token)

    def has_pair(self, pair: str) -> bool:
        return self._has("SELECT 1 FROM pairs WHERE pair = ?", pair)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 (one index per process)
    def _has(self, query: str, value: str) -> bool:
        return self.db.execute(query, (value,)).fetchone() is not None

    def nearest(self, sound: str, skeletons: Iterable[str], limit: int = 12) -> dict:
        """The searched names whose skeleton shares a block with one of ``skeletons`` and
        whose sound is among the ``limit`` nearest to ``sound`` (Levenshtein similarity of
        0.5 or more, so only sounds of half to twice its length are read): sound -> [(row
        number, name)]."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        keys = sorted({b for s in skeletons for b in blocks(s)})
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        query = f"SELECT DISTINCT skel FROM blocks WHERE block IN ({marks})"
        near = [s for (s,) in self.db.execute(query, keys)]
        if not near:
            return {}
        marks = ",".join("?" * len(near))
        query = (
            f"SELECT DISTINCT skel, sound FROM sounds WHERE skel IN ({marks}) "
            f"AND length(sound) BETWEEN ? AND ? LIMIT {MAX_BLOCK_ROWS}"
        )
        rows = self.db.execute(query, [*near, (len(sound) + 1) // 2, 2 * len(sound)])
        skel_of = {s: k for k, s in rows}
        best = process.extract(
            sound,
            list(skel_of),
            scorer=Levenshtein.normalized_similarity,
            limit=limit,
            score_cutoff=0.5,
        )
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for other, _, _ in best:
            query = "SELECT id, name FROM sounds WHERE skel = ? AND sound = ?"
            for number, name in self.db.execute(query, (skel_of[other], other)):
                found[other].append((number, name))
        return found
