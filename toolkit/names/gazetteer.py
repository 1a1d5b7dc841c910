"""The gazetteer: entities with canonical and variant names, and an index to search it.

Built-in data: ``corpora/names/curated.tsv`` (groups, operations, bases, officials, places
gazetteers miss) and ``corpora/names/places.tsv.gz`` (GeoNames, built by
``python -m toolkit.names.build``). User files in the same TSV format extend the built-in
entries or override them: a user row whose canonical or variant names an existing entity
replaces that entity's canonical form (house style) and adds its variants.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.cache import cached
from toolkit.errors import InputError
from toolkit.names.normalize import loose_key, phonemes, skeleton_of_sound
from toolkit.names.similarity import Distance, symbol_distance
from toolkit.resources import corpus_path, iter_tsv

if TYPE_CHECKING:
    from toolkit.names.words import WordIndex  # imports this module

COLUMNS = ("canonical", "variants", "original", "type", "country", "lat", "lon", "source")
PLACE_TYPES = frozenset({"place", "base", "country", "region"})
ANY_TYPE = "any"  # a user row without a type: it joins whatever entity its names denote


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity: its canonical English name, accepted variants and facts for context."""

    canonical: str
    variants: tuple[str, ...] = ()
    original: str = ""
    type: str = "place"
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    population: int = 0
    house_style: bool = False  # canonical form chosen by a user gazetteer

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants)

    @property
    def is_place(self) -> bool:
        return self.type in PLACE_TYPES

    def km_to(self, other: Entry) -> float | None:
        """Great-circle distance in km, when both have coordinates."""
        if None in (self.lat, self.lon, other.lat, other.lon):
            return None
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dl = math.radians(other.lon - self.lon)
        cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
        return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer name close to a looked-up string."""

    entry: Entry
    name: str
    distance: Distance

    @property
    def similarity(self) -> float:
        return self.distance.similarity


def _float(value: str) -> float | None:
    try:
        return float(value) if value.strip() else None
    except ValueError:
        return None


def parse_rows(
    rows: Iterable[dict[str, str]], origin: str, default_type: str = "place"
) -> Iterator[Entry]:
    """Entries from TSV rows (see COLUMNS); ``origin`` names the file in errors."""
    for number, row in enumerate(rows, start=2):
        canonical = (row.get("canonical") or "").strip()
        if not canonical:
            raise InputError(f"{origin}: row {number} has no canonical name")
        variants = tuple(
            v.strip() for v in (row.get("variants") or "").split("|") if v.strip() != canonical
        )
        yield Entry(
            canonical=canonical,
            variants=tuple(dict.fromkeys(v for v in variants if v)),
            original=(row.get("original") or "").strip(),
            type=(row.get("type") or "").strip() or default_type,
            country=(row.get("country") or "").strip(),
            lat=_float(row.get("lat") or ""),
            lon=_float(row.get("lon") or ""),
            source=(row.get("source") or "").strip(),
            population=int(_float(row.get("population") or "") or 0),
        )


def read_file(path: Path, default_type: str = "place") -> list[Entry]:
    """Entries of a gazetteer TSV (optionally gzipped) with a header row."""
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                text = handle.read()
            lines = (line for line in io.StringIO(text) if line.strip() and line[0] != "#")
            rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            return list(parse_rows(rows, str(path), default_type))
        return list(parse_rows(iter_tsv(path), str(path), default_type))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read gazetteer {path}: {error}") from error


SEARCH_CACHE_SIZE = 20_000
CACHE_NAME = "gazetteer-3"  # a new name when the cached indexes change (3: countries)
_INDEXES = ("_sound_index", "first_tokens", "first_pairs", "words", "by_short_key", "countries")


class Gazetteer:
    """Entries indexed by loose key (exact lookup) and by sound (fuzzy search, built lazily)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[int, Entry] = {}
        self.by_key: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        """Add an entry, or merge it into the entity one of its names already denotes."""
        existing = self._same_entity(entry)
        if existing is not None:
            self._remove(existing)
            entry = _merge(existing, entry)
        self.entries[id(entry)] = entry
        for name in entry.names:
            bucket = self.by_key[loose_key(name)]
            if not any(e is entry for e in bucket):
                bucket.append(entry)
        for index in (*_INDEXES, "_searches"):
            self.__dict__.pop(index, None)

    def __setstate__(self, state: dict) -> None:
        """Unpickled entries are new objects: key them by their new identities."""
        self.__dict__.update(state)
        self.entries = {id(e): e for e in self.entries.values()}

    def build_indexes(self) -> None:
        """Build the lazily computed indexes now (before the gazetteer is cached on disk)."""
        for index in _INDEXES:
            getattr(self, index)

    def _same_entity(self, entry: Entry) -> Entry | None:
        for name in entry.names:
            for other in self.by_key.get(loose_key(name), ()):
                same_type = other.type == entry.type or entry.type == ANY_TYPE
                if same_type or (other.is_place and entry.is_place):
                    near = other.km_to(entry)
                    if near is None or near < 60 or entry.house_style:
                        return other
        return None

    def _remove(self, entry: Entry) -> None:
        del self.entries[id(entry)]
        for name in entry.names:
            bucket = self.by_key.get(loose_key(name), [])
            bucket[:] = [e for e in bucket if e is not entry]

    @functools.cached_property
    def _searches(self) -> dict[tuple[str, int], list[Candidate]]:
        """Results of ``search`` by sound: a feed names the same people and places often."""
        return {}

    @functools.cached_property
    def _sound_index(self) -> _SoundIndex:
        by_sound: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        for entry in self.entries.values():
            for name in entry.names:
                by_sound[phonemes(name)].append((entry, name))
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        by_length: dict[int, list[str]] = defaultdict(list)
        for sound in by_sound:
            if sound:
                by_skeleton[skeleton_of_sound(sound)].append(sound)
                by_length[len(sound)].append(sound)
        return _SoundIndex(by_sound, dict(by_skeleton), list(by_skeleton), dict(by_length))

    @functools.cached_property
    def first_tokens(self) -> frozenset[str]:
        """The first word of every name (folded, article removed): a cheap pre-filter."""
        return frozenset(key.split()[0] for key, found in self.by_key.items() if key and found)

    @functools.cached_property
    def first_pairs(self) -> frozenset[str]:
        """The first two words of every name of two words or more (keys, as ``loose_key``)."""
        keys = [*(k for k, found in self.by_key.items() if found), *self.by_short_key]
        return frozenset(" ".join(words[:2]) for k in keys if len(words := k.split()) >= 2)

    @functools.cached_property
    def countries(self) -> dict[str, Entry]:
        """Country entries (with their central coordinates) by ISO code."""
        return {e.country: e for e in self.entries.values() if e.type == "country" and e.country}

    @functools.cached_property
    def words(self) -> WordIndex:
        """Curated multi-word names by content word, for translated names."""
        from toolkit.names.words import WordIndex

        return WordIndex(self.entries.values())

    @functools.cached_property
    def by_short_key(self) -> dict[str, list[Entry]]:
        """Keys of names without their trailing type words ("Nevatim" for Nevatim Airbase),
        where no full name has that key."""
        from toolkit.names.spans import suffix_words

        generic = {loose_key(w) for w in suffix_words()}  # "coridor": keys drop doubling
        short: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries.values():
            for name in entry.names:
                words = loose_key(name).split()
                while len(words) > 1 and words[-1] in generic:
                    words.pop()
                key = " ".join(words)
                if key not in self.by_key and not any(e is entry for e in short[key]):
                    short[key].append(entry)
        return dict(short)

    def exact(self, text: str) -> list[Entry]:
        """Entities with a name equal to ``text`` up to case, marks, article and doubling
        (or to a name without its trailing type word: "Kharg" for Kharg Island)."""
        key = loose_key(text)
        return list(self.by_key.get(key) or self.by_short_key.get(key, ()))

    def search(self, text: str, limit: int = 10) -> list[Candidate]:
        """The gazetteer names closest to ``text`` in sound, best first, one per entity.

        Retrieval takes the nearest consonant skeletons (g read both as j and as q) and the
        nearest sound strings of similar length; the weighted distance then ranks them.
        """
        sound = phonemes(text)
        if not sound:
            return []
        cached = self._searches.get((sound, limit))
        if cached is None:
            if len(self._searches) >= SEARCH_CACHE_SIZE:
                self._searches.clear()  # bounded memory on endless feeds
            cached = self._searches[sound, limit] = self._search(sound, limit)
        return list(cached)

    def _search(self, sound: str, limit: int) -> list[Candidate]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        index = self._sound_index
        found: set[str] = set()
        for key in {skeleton_of_sound(sound), skeleton_of_sound(sound.replace("g", "q"))}:
            hits = process.extract(
                key,
                index.skeletons,
                scorer=Levenshtein.normalized_similarity,
                limit=30,
                score_cutoff=0.5 if len(key) > 3 else 0.6,
            )
            found.update(s for k, _, _ in hits for s in index.by_skeleton[k])
        size = len(sound)
        similar = [
            s
            for n in range(max(1, size * 2 // 3), size * 3 // 2 + 2)
            for s in index.by_length.get(n, ())
        ]
        hits = process.extract(
            sound, similar, scorer=Levenshtein.normalized_similarity, limit=30, score_cutoff=0.5
        )
        found.update(s for s, _, _ in hits)
        near = process.extract(
            sound, sorted(found), scorer=Levenshtein.normalized_similarity, limit=12
        )
        best: dict[int, Candidate] = {}
        for other, _, _ in near:
            gap = symbol_distance(sound, other)
            for entry, name in index.by_sound[other]:
                kept = best.get(id(entry))
                if kept is None or gap.cost < kept.distance.cost:
                    best[id(entry)] = Candidate(entry, name, gap)
        ranked = sorted(best.values(), key=lambda c: (-c.similarity, -c.entry.population))
        return ranked[:limit]


@dataclass(frozen=True, slots=True)
class _SoundIndex:
    """Names by sound; sounds by skeleton and by length (the search's retrieval keys)."""

    by_sound: dict[str, list[tuple[Entry, str]]]
    by_skeleton: dict[str, list[str]]
    skeletons: list[str]
    by_length: dict[int, list[str]]


def _merge(base: Entry, extra: Entry) -> Entry:
    """``base`` with the names and facts of ``extra``; a house-style entry sets the canonical."""
    names = [*base.names, *extra.names]
    canonical = extra.canonical if extra.house_style else base.canonical
    variants = tuple(dict.fromkeys(n for n in names if n != canonical))
    return replace(
        base,
        canonical=canonical,
        variants=variants,
        original=base.original or extra.original,
        lat=base.lat if base.lat is not None else extra.lat,
        lon=base.lon if base.lon is not None else extra.lon,
        population=max(base.population, extra.population),
        house_style=base.house_style or extra.house_style,
        source=base.source or extra.source,
    )


def _builtin_gazetteer() -> Gazetteer:
    """The built-in gazetteer with its search indexes, from the disk cache when it is fresh."""
    sources = [corpus_path("names", "curated.tsv"), corpus_path("names", "places.tsv.gz")]
    return cached(CACHE_NAME, sources, _build_builtin)


def _build_builtin() -> Gazetteer:
    gazetteer = Gazetteer(builtin_entries())
    gazetteer.build_indexes()
    return gazetteer


@functools.cache
def builtin_entries() -> tuple[Entry, ...]:
    """Curated entries first (they win merges), then GeoNames places."""
    curated = read_file(corpus_path("names", "curated.tsv"))
    places = read_file(corpus_path("names", "places.tsv.gz"))
    return (*curated, *places)


def read_house_style(path: Path) -> list[Entry]:
    """Entries from a house-style TSV of (variant, preferred) pairs, header optional."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read house style {path}: {error}") from error
    entries = []
    for line in lines:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not all(cells[:2]) or line.startswith("#"):
            continue
        if [c.lower() for c in cells[:2]] == ["variant", "preferred"]:
            continue
        entries.append(Entry(cells[1], (cells[0],), type=ANY_TYPE, house_style=True))
    return entries


@functools.lru_cache(maxsize=8)
def load_gazetteer(user_files: tuple[Path, ...] = (), house_style: Path | None = None) -> Gazetteer:
    """The built-in gazetteer extended and overridden by user TSV files (cached).

    User rows set the house style: their canonical form wins over the built-in one.
    ``house_style`` is a TSV of (variant, preferred) pairs with the same effect.
    """
    gazetteer = _builtin_gazetteer()
    for path in user_files:
        if not Path(path).is_file():
            raise InputError(f"gazetteer file not found: {path}")
        for entry in read_file(Path(path), ANY_TYPE):
            gazetteer.add(replace(entry, house_style=True))
    if house_style is not None:
        if not Path(house_style).is_file():
            raise InputError(f"house style file not found: {house_style}")
        for entry in read_house_style(Path(house_style)):
            gazetteer.add(entry)
    return gazetteer
