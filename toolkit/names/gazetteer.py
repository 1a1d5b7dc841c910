"""The gazetteer: entities with canonical and variant names, and an index to search it.

Two tiers. In memory: ``corpora/names/curated*.tsv`` (people, groups, parties, agencies,
operations, bases and places gazetteers miss), ``corpora/names/places.tsv.gz`` (the Middle
East and North Africa's larger places, built by ``python tools/build_places.py``) and the
ISO countries (``pycountry``). On disk: the world tier (``world.py``: 234,908 GeoNames places
and the ISO subdivisions in an SQLite file built once into the cache), consulted by
``exact`` and ``search`` after the in-memory entries. User files in the same TSV format
extend the built-in entries or override them: a user row whose canonical or variant names an
existing entity replaces that entity's canonical form (house style) and adds its variants.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.cache import cached
from toolkit.errors import InputError
from toolkit.names.entry import Entry  # re-exported: old imports and pickles name it here
from toolkit.names.normalize import (
    TURKISH_ALPHABET,
    core_tokens,
    loose_key,
    phonemes,
    skeleton_of_sound,
    tokens,
    turkish_read,
)
from toolkit.names.similarity import Distance, symbol_distance
from toolkit.resources import corpus_path, holdout_tags, iter_tsv

if TYPE_CHECKING:
    from toolkit.names.words import WordIndex
    from toolkit.names.world_index import WorldIndex

# Words that begin a surname ("Le Drian", "von der Leyen", "bin Salman").
PARTICLES = frozenset(
    {"le", "la", "de", "du", "di", "da", "von", "van", "der", "den", "bin", "ben"}
)
COLUMNS = ("canonical", "variants", "original", "type", "country", "lat", "lon", "source")
ANY_TYPE = "any"  # a user row without a type: it joins whatever entity its names denote


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
        foreign = tuple(v.strip() for v in (row.get("foreign") or "").split("|") if v.strip())
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
            foreign=tuple(dict.fromkeys(foreign)),
        )


MAX_FILE_BYTES = 256 * 1024 * 1024  # a larger gazetteer (or gzip decompression) is refused
OPTIONAL_COLUMNS = ("population", "foreign")


def read_file(path: Path, default_type: str = "place") -> list[Entry]:
    """Entries of a gazetteer TSV (optionally gzipped) with a header row naming its columns
    (``canonical`` required; the others of COLUMNS and OPTIONAL_COLUMNS optional)."""
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise InputError(f"gazetteer {path} is larger than {MAX_FILE_BYTES >> 20} MB")
        text = data.decode("utf-8-sig")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read gazetteer {path}: {error}") from error
    holdout = holdout_tags()
    lines = [
        line
        for line in io.StringIO(text)
        if line.strip() and line[0] != "#" and not any(t in line for t in holdout)
    ]
    header = lines[0].rstrip("\r\n").split("\t") if lines else []
    unknown = [c for c in header if c not in (*COLUMNS, *OPTIONAL_COLUMNS)]
    if "canonical" not in header or unknown:
        found = ", ".join(repr(c) for c in (unknown or header)[:3]) or "nothing"
        raise InputError(
            f"gazetteer {path}: the first line must be a header of tab-separated columns "
            f"({', '.join(COLUMNS)}; canonical required), found {found}"
        )
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(parse_rows(rows, str(path), default_type))


SEARCH_CACHE_SIZE = 20_000
CITY = 1_000_000  # population from which a world-tier place competes without a margin
WORLD_MARGIN = 0.2  # similarity a world-tier town needs over an in-memory entry to outrank it
CACHE_NAME = "gazetteer-5"  # a new name when the cached indexes change (5: sound starts)
_INDEXES = (
    "_sound_index", "_first_tokens", "_first_pairs", "words", "by_short_key", "countries",
    "full_names",
)  # fmt: skip
SAME_PLACE_KM = 60


class KeySet:
    """Keys of the in-memory tier, then of the world tier (``in`` only)."""

    __slots__ = ("memory", "world")

    def __init__(self, memory: frozenset[str], world: Callable[[str], bool] | None) -> None:
        self.memory = memory
        self.world = world

    def __contains__(self, key: object) -> bool:
        return key in self.memory or (self.world is not None and self.world(key))


class Gazetteer:
    """Entries indexed by loose key (exact lookup) and by sound (fuzzy search, built lazily),
    and the world tier (``world``) behind them."""

    world: WorldIndex | None = None
    # Keys of the names curated and user files write (accepted English spellings), as
    # opposed to alternate names from GeoNames, which may be any language's.
    accepted: frozenset[str] = frozenset()
    # ... and those names as written, article kept (folded words joined: "as suwayda").
    accepted_forms: frozenset[str] = frozenset()

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
        self._put(entry)

    def replace(self, old: Entry, new: Entry) -> None:
        """Put ``new`` in the place of ``old``, merged with no other entry."""
        self._remove(old)
        self._put(new)

    def _put(self, entry: Entry) -> None:
        self.entries[id(entry)] = entry
        for name in entry.names:
            bucket = self.by_key[loose_key(name)]
            if not any(e is entry for e in bucket):
                bucket.append(entry)
        for index in (*_INDEXES, "_searches", "_exacts"):
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
    def _exacts(self) -> dict[tuple[str, object], tuple[Entry, ...]]:
        """Results of ``exact`` by key (and world tier): a text names the same few often."""
        return {}

    @functools.cached_property
    def _searches(self) -> dict[tuple[str, int, bool], list[Candidate]]:
        """Results of ``search`` by sound: a feed names the same people and places often."""
        return {}

    @functools.cached_property
    def _sound_index(self) -> _SoundIndex:
        by_sound: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        for entry in self.entries.values():
            turkish = entry.country in TURKISH_ALPHABET
            for name in entry.names:
                by_sound[phonemes(name)].append((entry, name))
                if turkish and (read := turkish_read(name)) != name:
                    by_sound[phonemes(read)].append((entry, name))  # "Jizre": Cizre
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        for sound in by_sound:
            if sound:
                by_skeleton[skeleton_of_sound(sound)].append(sound)
        by_length = sorted((s for s in by_sound if s), key=len)
        starts = [bisect.bisect_left(by_length, n, key=len) for n in range(len(by_length[-1]) + 2)]
        return _SoundIndex(by_sound, dict(by_skeleton), list(by_skeleton), by_length, starts)

    @property
    def first_tokens(self) -> KeySet:
        """The first word of every name (folded, article removed): a cheap pre-filter."""
        return KeySet(self._first_tokens, self.world.has_first if self.world else None)

    @property
    def first_pairs(self) -> KeySet:
        """The first two words of every name of two words or more (keys, as ``loose_key``)."""
        return KeySet(self._first_pairs, self.world.has_pair if self.world else None)

    @functools.cached_property
    def _first_tokens(self) -> frozenset[str]:
        return frozenset(key.split()[0] for key, found in self.by_key.items() if key and found)

    @functools.cached_property
    def _first_pairs(self) -> frozenset[str]:
        keys = [*(k for k, found in self.by_key.items() if found), *self.by_short_key]
        return frozenset(" ".join(words[:2]) for k in keys if len(words := k.split()) >= 2)

    @functools.cached_property
    def full_names(self) -> dict[str, list[tuple[Entry, str, int]]]:
        """Curated names of two words or more of people and bodies (not places), by the sound
        of their surname: (entry, name, words of the surname). The surname is the last word,
        or the last two after a particle ("Le Drian", "von der Leyen": both are indexed)."""
        found: dict[str, list[tuple[Entry, str, int]]] = defaultdict(list)
        for entry in self.entries.values():
            if entry.is_place or not entry.source.startswith("Wikipedia"):
                continue
            for name in (entry.canonical, *entry.variants):
                words = core_tokens(name)
                if len(words) >= 2:
                    found[phonemes(words[-1])].append((entry, name, 1))
                if len(words) >= 3 and words[-2] in PARTICLES:
                    found[phonemes("".join(words[-2:]))].append((entry, name, 2))
        return dict(found)

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
        cached = self._exacts.get((key, self.world))
        if cached is None:
            found = list(self.by_key.get(key) or self.by_short_key.get(key, ()))
            if self.world is not None and key:
                found += [e for e in self.world.exact(key) if not _shadowed(e, found)]
            if len(self._exacts) >= SEARCH_CACHE_SIZE:
                self._exacts.clear()  # bounded memory on endless feeds
            cached = self._exacts[key, self.world] = tuple(found)
        return list(cached)

    def search(self, text: str, limit: int = 10, world: bool = True) -> list[Candidate]:
        """The gazetteer names closest to ``text`` in sound, best first, one per entity
        (``world=False``: the in-memory tier only: curated names and the larger places).

        Retrieval takes the nearest consonant skeletons (g read both as j and as q) and the
        nearest sound strings of similar length; the weighted distance then ranks them.
        """
        sound = phonemes(text)
        if not sound:
            return []
        cached = self._searches.get((sound, limit, world))
        if cached is None:
            if len(self._searches) >= SEARCH_CACHE_SIZE:
                self._searches.clear()  # bounded memory on endless feeds
            cached = self._searches[sound, limit, world] = self._search(sound, limit, world)
        return list(cached)

    def _search(self, sound: str, limit: int, world: bool = True) -> list[Candidate]:
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
        size, starts = len(sound), index.starts
        low, high = max(1, size * 2 // 3), size * 3 // 2 + 2  # lengths low .. high - 1
        similar = index.by_length[
            starts[min(low, len(starts) - 1)] : starts[min(high, len(starts) - 1)]
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
        if world and self.world is not None:
            self._search_world(sound, best)
        ranked = sorted(best.values(), key=_rank_key)
        return ranked[:limit]

    def _search_world(self, sound: str, best: dict[int, Candidate]) -> None:
        """Add the world tier's nearest names to ``best`` (places the in-memory tier lacks)."""
        keys = {skeleton_of_sound(sound), skeleton_of_sound(sound.replace("g", "q"))}
        memory = [c.entry for c in best.values()]
        for other, rows in self.world.nearest(sound, keys).items():
            gap = symbol_distance(sound, other)
            for number, name in rows:
                entry = self.world.entry(number)
                if entry is None or _shadowed(entry, memory):
                    continue
                kept = best.get(id(entry))
                if kept is None or gap.cost < kept.distance.cost:
                    best[id(entry)] = Candidate(entry, name, gap)


def _rank_key(candidate: Candidate) -> tuple[float, int]:
    """Closest first; a world-tier town must be closer by ``WORLD_MARGIN`` to outrank an
    in-memory entry (curated names and the region's larger places are the likelier reading
    of a garble: among 235,000 small places some village is nearly always a little nearer
    by chance). Exact sounds and cities of a million compete as they are."""
    similarity = candidate.similarity
    if candidate.entry.world_tier and similarity < 1.0 and candidate.entry.population < CITY:
        similarity -= WORLD_MARGIN
    return (-similarity, -candidate.entry.population)


@dataclass(frozen=True, slots=True)
class _SoundIndex:
    """Names by sound; sounds by skeleton and by length (the search's retrieval keys):
    ``by_length`` is every sound, shortest first, and ``starts[n]`` the index of the first
    sound of length ``n`` or more."""

    by_sound: dict[str, list[tuple[Entry, str]]]
    by_skeleton: dict[str, list[str]]
    skeletons: list[str]
    by_length: list[str]
    starts: list[int]


def _shadowed(entry: Entry, others: Iterable[Entry]) -> bool:
    """Whether a world-tier place is one of ``others`` (the in-memory tier's places of the
    same name): same name key, and within SAME_PLACE_KM or, without coordinates, in the
    same country."""
    key = loose_key(entry.canonical)
    for other in others:
        if not other.is_place or not any(loose_key(n) == key for n in other.names):
            continue
        km = other.km_to(entry)
        near = km < SAME_PLACE_KM if km is not None else other.country == entry.country
        if near:
            return True
    return False


def _merge(base: Entry, extra: Entry) -> Entry:
    """``base`` with the names and facts of ``extra``; a house-style entry sets the canonical."""
    names = [base.canonical, *base.variants, extra.canonical, *extra.variants]
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
        foreign=tuple(dict.fromkeys(n for n in (*base.foreign, *extra.foreign) if n != canonical)),
    )


def _builtin_gazetteer() -> Gazetteer:
    """The built-in gazetteer with its search indexes, from the disk cache when it is fresh,
    with the world tier behind it."""
    from toolkit.names.world import world_path
    from toolkit.names.world_index import WorldIndex

    code = [
        Path(__file__).with_name(f"{m}.py")
        for m in ("entry", "gazetteer", "normalize", "spans", "words")
    ]
    sources = [*curated_files(), corpus_path("names", "places.tsv.gz"), *exonym_files(), *code]
    gazetteer = cached(CACHE_NAME, sources, _build_builtin)
    path = world_path()
    if path is not None:
        skip = frozenset(e.source for e in gazetteer.entries.values() if e.is_world)
        gazetteer.world = WorldIndex(path, skip)
    return gazetteer


def exonym_files() -> list[Path]:
    """Other languages' names of countries and cities, as (canonical, variants) rows."""
    return [corpus_path("consistency", "country_names.tsv"), corpus_path("names", "exonyms.tsv")]


def _add_exonyms(gazetteer: Gazetteer) -> None:
    """Merge the exonym files' forms into the in-memory country or place of that canonical
    name as foreign forms (NM102: "Ouganda", "Beyrouth"). Left out: forms of three letters
    or fewer (an acronym in capitals: "FAS"), the name with accents ("Yémen": a matter of
    letters, not of another name), and names no in-memory entry carries."""
    for path in exonym_files():
        for row in iter_tsv(path):
            canonical = row["canonical"]
            key = loose_key(canonical)
            forms = tuple(
                f for f in row["variants"].split("|") if len(f) > 3 and loose_key(f) != key
            )
            places = [
                e for e in gazetteer.by_key.get(key, ()) if e.is_place and e.canonical == canonical
            ]  # the country, else the largest place of that name ("China" is also a village)
            if places and forms:
                place = max(places, key=lambda e: (e.type == "country", e.population))
                foreign = tuple(dict.fromkeys((*place.foreign, *forms)))
                gazetteer.replace(place, replace(place, foreign=foreign))


def _build_builtin() -> Gazetteer:
    gazetteer = Gazetteer(builtin_entries())
    _add_exonyms(gazetteer)
    curated = [e for p in curated_files() for e in read_file(p)]
    gazetteer.accepted = accepted_keys(curated)
    gazetteer.accepted_forms = accepted_forms(curated)
    gazetteer.build_indexes()
    return gazetteer


def accepted_keys(entries: Iterable[Entry]) -> frozenset[str]:
    """Keys of the canonical names and variants (not the foreign forms) of ``entries``."""
    return frozenset(loose_key(n) for e in entries for n in (e.canonical, *e.variants))


def accepted_forms(entries: Iterable[Entry]) -> frozenset[str]:
    """The canonical names and variants of ``entries`` as folded words, article kept."""
    return frozenset(" ".join(tokens(n)) for e in entries for n in (e.canonical, *e.variants))


def curated_files() -> list[Path]:
    """corpora/names/curated*.tsv: people, groups, agencies, operations, bases, places."""
    return sorted(corpus_path("names").glob("curated*.tsv"))


@functools.cache
def builtin_entries() -> tuple[Entry, ...]:
    """Curated entries first (they win merges), then GeoNames places, then ISO countries."""
    curated = [e for path in curated_files() for e in read_file(path)]
    places = read_file(corpus_path("names", "places.tsv.gz"))
    known = {e.country for e in curated if e.type == "country"}
    return (*curated, *places, *(e for e in _countries() if e.country not in known))


def _countries() -> list[Entry]:
    """ISO 3166-1 countries (pycountry), by common name, with official names as variants."""
    import pycountry

    entries = []
    for country in pycountry.countries:
        names = [getattr(country, "common_name", ""), country.name]
        names += [getattr(country, "official_name", "")]
        names = [n for n in dict.fromkeys(names) if n and "," not in n]
        if names:
            source = f"ISO 3166-1 {country.alpha_2}"
            entries.append(
                Entry(names[0], tuple(names[1:]), type="country", country=country.alpha_2,
                      source=source)
            )  # fmt: skip
    return entries


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
        entries = read_file(Path(path), ANY_TYPE)
        gazetteer.accepted |= accepted_keys(entries)
        gazetteer.accepted_forms |= accepted_forms(entries)
        for entry in entries:
            gazetteer.add(replace(entry, house_style=True))
    if house_style is not None:
        if not Path(house_style).is_file():
            raise InputError(f"house style file not found: {house_style}")
        for entry in read_house_style(Path(house_style)):
            gazetteer.add(entry)
    return gazetteer
