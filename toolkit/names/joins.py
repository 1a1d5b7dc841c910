"""Names MT cut in the wrong place or left in another romanization, found by their shape.

* A listed one-word name split in two ("Naro Wal" for Narowal, "Ghali Baf" for Ghalibaf).
* Pinyin: a person's two-syllable given name split ("Wang Ling Jun" for Wang Lingjun) or
  joined to the surname ("Zhangguo Qing" for Zhang Guoqing); a place's syllables split
  before its type word ("Ding Ri County" for Dingri County).
* A Russian given name in passport or scholarly romanization ("Dmitriy", "Vasiliy"), where
  English news writes Dmitry, Vasily (corpora/names/given_names.tsv).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.document import Document
from toolkit.names.context import Context
from toolkit.names.forms import is_demonym
from toolkit.names.frequency import zipf
from toolkit.names.gazetteer import Entry, Gazetteer
from toolkit.names.normalize import loose_key
from toolkit.names.tokens import Words
from toolkit.names.words import facility_nouns
from toolkit.resources import corpus_path, iter_tsv

# Type words after a Chinese place or facility name ("Dingri County", "Wenchang Space
# Launch Site").
PLACE_WORDS = frozenset(
    {
        "County",
        "City",
        "Township",
        "Town",
        "Village",
        "District",
        "Prefecture",
        "Province",
        "Mountain",
        "Lake",
        "River",
        "Peak",
        "Autonomous",
        "Region",
        "Banner",
        "Space",
        "Satellite",
        "Port",
        "Airport",
        "Station",
        "Bridge",
        "Dam",
        "Reservoir",
        "Island",
        "Bay",
        "Gorge",
        "Plateau",
        "Basin",
        "Desert",
        "Canal",
        "Temple",
        "Palace",
        "Square",
        "Road",
        "Street",
        "Avenue",
        "Park",
        "Zone",
    }
)  # fmt: skip  (not University, Hospital: an institution keeps its own romanization)
DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
CHINESE_CONTEXT = re.compile(r"\b(?:China|Chinese|Beijing|Xinhua|Tibet|Xinjiang|CPC)\b")
SPLIT_COMMON = 4.0  # Zipf at which a word of a two-word run is an English word
SPLIT_RARE = 2.5  # ... and one of the two words must be rarer than this
TITLE = 3.0  # a capitalised word this common beside a name is a title ("Vice Premier")
JOINED_POPULATION = 50_000  # a GeoNames place this large can be the joined name


@functools.cache
def _pinyin() -> dict[str, frozenset[str]]:
    return {
        row["kind"]: frozenset(row["values"].split())
        for row in iter_tsv(corpus_path("names", "pinyin.tsv"))
    }


@functools.cache
def given_names() -> dict[str, str]:
    """Given name in another romanization -> the English news form."""
    return {
        row["form"]: row["english"] for row in iter_tsv(corpus_path("names", "given_names.tsv"))
    }


def syllable(word: str) -> bool:
    return word.lower() in _pinyin()["syllable"]


def surname(word: str) -> bool:
    """A common Chinese surname in pinyin ("Zhang", "Cai")."""
    return word.lower() in _pinyin()["surname"]


@functools.lru_cache(maxsize=16384)
def pinyin_word(word: str) -> bool:
    """Whether ``word`` is one to three pinyin syllables ("Cong", "Lingdong")."""
    lower = word.lower()
    if syllable(lower):
        return True
    return any(
        syllable(lower[:cut]) and len(lower) - cut <= 12 and pinyin_word(lower[cut:])
        for cut in range(1, min(len(lower), 7))
    )


@functools.lru_cache(maxsize=16384)
def surname_split(word: str) -> tuple[str, str] | None:
    """ "Zhangguo" -> ("Zhang", "guo"): a common surname glued to one more syllable (not a
    word that is one syllable itself: "Jiang" is no "Ji" + "ang")."""
    lower = word.lower()
    table = _pinyin()
    if lower in table["syllable"]:
        return None
    for cut in range(1, len(lower)):
        head, tail = lower[:cut], lower[cut:]
        if head in table["surname"] and tail in table["syllable"]:
            return word[:cut], tail
    return None


def _capitalised(words: Words, i: int) -> bool:
    return 0 <= i < len(words) and words.caps[i] and words.texts[i].isalpha()


def _name_word(words: Words, i: int) -> bool:
    """A capitalised word that is no title or common word ("Premier", "Minister")."""
    return _capitalised(words, i) and zipf(words.lowers[i]) < TITLE


def _spaced(words: Words, i: int, j: int) -> bool:
    """Words i..j are separated by single spaces only."""
    return all(words._seps[k] == " " for k in range(i, j))


class Joins:
    """The shape rules over one document; ``found`` yields (start, end, text, entry)."""

    def __init__(self, doc: Document, sentences: list[Words], gaz: Gazetteer, context: Context):
        self.doc = doc
        self.sentences = sentences
        self.gaz = gaz
        self.context = context
        self.chinese = bool(CHINESE_CONTEXT.search(doc.text))

    def found(self) -> Iterator[tuple[int, int, str, Entry, str, str]]:
        """(start, end, text, entry, reason, basis) per name to rewrite: reason "split"
        (basis "joined" or "pinyin") or "foreign" (basis "given")."""
        for words in self.sentences:
            yield from self._given(words)
            if self.chinese:
                yield from self._pinyin(words)
            yield from self._split(words)

    def _given(self, words: Words) -> Iterator[tuple]:
        table = given_names()
        for i, text in enumerate(words.texts):
            english = table.get(text)
            if english and english != text and _capitalised(words, i + 1):
                entry = Entry(english, type="person", source="corpora/names/given_names.tsv")
                yield words.starts[i], words.end(i), text, entry, "foreign", "given"

    def _pinyin(self, words: Words) -> Iterator[tuple]:
        i = 0
        while i < len(words):
            found = self._pinyin_at(words, i)
            if found is None:
                i += 1
                continue
            j, name, kind = found
            start, end = words.starts[i], words.end(j)
            yield start, end, self.doc.text[start:end], Entry(name, type=kind), "split", "pinyin"
            i = j + 1

    def _pinyin_at(self, words: Words, i: int) -> tuple[int, str, str] | None:
        """The last word and the rejoined name of a pinyin name starting at word ``i``."""
        if not _capitalised(words, i) or _name_word(words, i - 1):
            return None
        texts = words.texts
        # A place: single syllables before a type word ("Ding Ri County").
        j = i
        while _capitalised(words, j) and syllable(texts[j]) and _spaced(words, i, j):
            j += 1
        if (
            j - i >= 2
            and _capitalised(words, j)
            and texts[j] in PLACE_WORDS
            and _spaced(words, i, j)
        ):
            name = texts[i] + "".join(t.lower() for t in texts[i + 1 : j])
            return j - 1, name, "place"
        if i > 0 and words.lowers[i - 1] in DETERMINERS:
            return None  # "the Tian An Men": no person's name
        if _capitalised(words, i + 2) and not _name_word(words, i + 3):
            # A person: surname and a given name split in two ("Wang Ling Jun").
            three = texts[i : i + 3]
            if (
                three[0].lower() in _pinyin()["surname"]
                and all(syllable(t) for t in three)
                and _spaced(words, i, i + 2)
            ):
                return i + 2, f"{three[0]} {three[1]}{three[2].lower()}", "person"
        if _capitalised(words, i + 1) and not _name_word(words, i + 2):
            # ... or the given name's first syllable glued to the surname ("Zhangguo Qing").
            split = surname_split(texts[i])
            last = texts[i + 1]
            if (
                split is not None
                and syllable(last)
                and last.lower() not in _pinyin()["surname"]
                and _spaced(words, i, i + 1)
            ):
                return i + 1, f"{split[0]} {split[1].capitalize()}{last.lower()}", "person"
        return None

    def _split(self, words: Words) -> Iterator[tuple]:
        """Two capitalised words whose join is a listed one-word name of this text's region."""
        texts = words.texts
        for i in range(len(words) - 1):
            a, b = texts[i], texts[i + 1]
            if not (_capitalised(words, i) and _capitalised(words, i + 1)):
                continue
            beside = (_name_word(words, i - 1) and _spaced(words, i - 1, i)) or (
                _name_word(words, i + 2) and _spaced(words, i + 1, i + 2)
            )  # part of a longer name, not a list ("Muzaffar Abad, Mirpur")
            if beside or not _spaced(words, i, i + 1) or is_demonym(a):
                continue
            if i + 2 < len(words) and words.lowers[i + 2] in facility_nouns():
                continue  # an institution's own romanization ("Shanghai Jiao Tong University")
            rarity = [zipf(a.lower()), zipf(b.lower())]
            if max(rarity) >= SPLIT_COMMON or min(rarity) >= SPLIT_RARE:
                continue
            if self.gaz.exact(f"{a} {b}"):
                continue  # a listed two-word name ("Abu Dhabi")
            entry = self._joined(a + b.lower())
            if entry is not None:
                name = next(n for n in entry.names if loose_key(n) == loose_key(a + b))
                start, end = words.starts[i], words.end(i + 1)
                joined = Entry(
                    name, type=entry.type, country=entry.country, original=entry.original
                )
                yield start, end, self.doc.text[start:end], joined, "split", "joined"

    def _joined(self, text: str) -> Entry | None:
        """The listed entity a joined name denotes, where the text's region agrees."""
        for entry in self.gaz.exact(text):
            if not entry.world_tier and entry.source.startswith("Wikipedia"):
                return entry
            near = entry.country in self.context.countries or self.context.in_region([entry])
            if entry.population >= JOINED_POPULATION and near:
                return entry
        return None
