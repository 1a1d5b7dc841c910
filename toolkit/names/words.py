"""Translated names: curated multi-word names indexed by their content words.

"Islamic Resistance Movement of Iraq" shares islamic, resistance and Iraq with "Islamic
Resistance in Iraq"; words are weighted by rarity among names, and a country the text
names (Iraq, Iraqi) must be the entity's country.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Iterable

from toolkit.names.entry import Entry
from toolkit.names.normalize import ARTICLES, core_tokens, fold, token_set
from toolkit.names.spans import CONNECTORS
from toolkit.resources import corpus_path, iter_tsv, read_lines

MIN_SCORE = 0.75
# Kinds of body whose English name has one word order ("Party of Justice and Development" is
# no English name); a country's ministries are named in several.
REWORDED = frozenset({"organization", "agency", "party", "group", "court"})


@functools.cache
def demonyms() -> dict[str, str]:
    """Country adjective (lower case) -> ISO country code ("iraqi" -> "IQ")."""
    return {
        row["demonym"].lower(): row["country"]
        for row in iter_tsv(corpus_path("names", "demonyms.tsv"))
    }


@functools.cache
def facility_nouns() -> frozenset[str]:
    """Nouns of buildings, sites and institutions with names of their own, which keep their
    own spelling ("the Tinmel Mosque", "Shanghai Jiao Tong University")."""
    return frozenset(read_lines("names", "facility_nouns.txt"))


@functools.cache
def translated_words() -> dict[str, tuple[str, str]]:
    """A name's word as a literal translation renders it -> (the English name's word, kind):
    ("crescent", "translation") for "moon", ("", "added") for "organization"."""
    return {
        row["word"]: (row["means"], row["kind"])
        for row in iter_tsv(corpus_path("names", "translated_words.tsv"))
    }


@functools.cache
def _added() -> frozenset[str]:
    """Stems of the head nouns a literal translation adds before a body's name."""
    return frozenset(stem(w) for w, (_, kind) in translated_words().items() if kind == "added")


def _translates(text: str) -> bool:
    """Whether ``text`` has a word a literal translation puts for a name's word ("Moon")."""
    literal = translated_words()
    return any(literal.get(tok, ("", ""))[1] == "translation" for tok in core_tokens(text))


STEM = 6  # letters kept: "economy" and "economic", "finance" and "financial" share a stem


def stem(word: str) -> str:
    """A crude stem that the words of a translated name share with the English name's
    (a literal translation changes the part of speech: "Ministry of the Economy" for
    Ministry of Economic Affairs): the plural -s dropped, then the first STEM letters."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM]


class Vocabulary:
    """Words whose stem (or country) is indexed: ``word in vocabulary``."""

    __slots__ = ("countries", "stems")

    def __init__(self, stems: frozenset[str], countries: frozenset[str]) -> None:
        self.stems = stems
        self.countries = countries

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.countries or stem(word) in self.stems)


class WordIndex:
    """Curated multi-word names (groups, parties, agencies...) by their content words."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self.countries = {
            fold(e.canonical): e.country for e in entries if e.type == "country" and e.country
        }
        self.countries.update(demonyms())
        self.names: list[tuple[Entry, frozenset[str]]] = []
        self.spelled: list[str] = []  # the name each row of ``names`` indexes
        postings: dict[str, list[int]] = defaultdict(list)
        for entry in entries:
            if entry.type in {"place", "country", "region"} or not entry.source.startswith("Wiki"):
                continue
            if entry.type == "ministry" and not entry.country:
                continue  # a kind of body ("Ministry of Defense"), not one entity
            for name in entry.names:
                words = self.words(name)
                if len(words) >= 2:
                    for w in words:
                        postings[w].append(len(self.names))
                    self.names.append((entry, words))
                    self.spelled.append(name)
        total = max(len(self.names), 1)
        self.postings = dict(postings)
        self.weight = {w: math.log(1 + total / len(p)) for w, p in postings.items()}

    def words(self, text: str) -> frozenset[str]:
        """Content words of a name, stemmed; country names and adjectives become country
        codes, a literal translation's words the English name's (``translated_words``)."""
        return frozenset(self._sequence(text))

    def _sequence(self, text: str) -> tuple[str, ...]:
        literal = translated_words()
        return tuple(
            self.countries.get(tok) or stem(literal.get(tok, ("",))[0] or tok)
            for tok in core_tokens(text)
            if tok not in CONNECTORS and tok not in ARTICLES
        )

    def reworded(self, text: str) -> tuple[Entry, str] | None:
        """The curated name ``text`` renders word for word: the same content words in another
        order or translated literally, or with a head noun added ("Party of Justice and
        Development", "the International Amnesty Organization"), for names that name no
        country (a body's name with its country has several English orders: "Central Bank
        of Iran", "Iranian Central Bank")."""
        sequence = self._sequence(text)
        words = frozenset(sequence) - _added()
        if len(words) < 2 or any(w.isupper() for w in words):
            return None
        for i in sorted({i for w in words for i in self.postings.get(w, ())}):
            entry, other = self.names[i]
            if entry.type not in REWORDED or other - _added() != words:
                continue
            name = self.spelled[i]
            if self._sequence(name) != sequence or _translates(text):
                return entry, name  # not merely another spelling of the name
        return None

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        """The folded words that ``words`` maps onto an indexed word (``in`` only)."""
        mapped = {w for w, code in self.countries.items() if code in self.postings}
        return Vocabulary(frozenset(self.postings), frozenset(mapped))

    def may_name(self, text: str) -> bool:
        """Whether ``text`` (a sentence) has the two indexed words ``best`` needs."""
        return sum(word in self.vocabulary for word in token_set(text)) >= 2

    def best(self, text: str) -> tuple[Entry, float] | None:
        """The entity whose name ``text`` most nearly translates: most words shared, at most
        one word too many, and not merely a short form of the name."""
        words = self.words(text)
        seen = sorted({i for w in words for i in self.postings.get(w, ())})
        best: tuple[Entry, float] | None = None
        countries = {w for w in words if w.isupper()}
        for i in seen:
            entry, other = self.names[i]
            shared = words & other
            if len(shared) < 2 or len(words - shared) > 1 or words <= other:
                continue
            w = self.weight
            score = (
                2
                * sum(w.get(x, 1.0) for x in shared)
                / (sum(w.get(x, 1.0) for x in words) + sum(w.get(x, 1.0) for x in other))
            )
            if countries and entry.country and entry.country not in countries:
                score *= 0.8
            if best is None or score > best[1]:
                best = (entry, round(score, 3))
        return best if best and best[1] >= MIN_SCORE else None
