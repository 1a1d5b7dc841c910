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
from toolkit.resources import corpus_path, iter_tsv

MIN_SCORE = 0.75


@functools.cache
def demonyms() -> dict[str, str]:
    """Country adjective (lower case) -> ISO country code ("iraqi" -> "IQ")."""
    return {
        row["demonym"].lower(): row["country"]
        for row in iter_tsv(corpus_path("names", "demonyms.tsv"))
    }


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
        total = max(len(self.names), 1)
        self.postings = dict(postings)
        self.weight = {w: math.log(1 + total / len(p)) for w, p in postings.items()}

    def words(self, text: str) -> frozenset[str]:
        """Content words of a name, stemmed; country names and adjectives become country
        codes."""
        return frozenset(
            self.countries.get(tok) or stem(tok)
            for tok in core_tokens(text)
            if tok not in CONNECTORS and tok not in ARTICLES
        )

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
