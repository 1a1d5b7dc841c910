"""Where names are in a sentence: runs of name-like words, and the cues around them.

A run is a maximal stretch of capitalised tokens joined by name connectors ("Jurf
al-Sakhar", "Islamic Resistance Movement of Iraq"), or a lower-case stretch that only a
cue makes a name ("Operation al aqsa floods", "al aqsa floods").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from dataclasses import dataclass

from toolkit.document import Document
from toolkit.names.frequency import zipf
from toolkit.names.normalize import ARTICLES, LINKS
from toolkit.names.tokens import Token, Words
from toolkit.resources import corpus_path, iter_tsv, read_lines

_RARE = 3.5  # Zipf below which a lower-case word may belong to a name
_ARTICLE_HEADS = ("al", "el")  # Arabic articles that start a lower-case name
# Lower-case words that may sit inside a name ("Islamic State of Iraq and the Levant").
# "ben": the French and Maghreb form of bin ("Mohammed ben Salmane").
CONNECTORS = (
    frozenset({"of", "the", "for", "in", "de", "la", "du", "des", "ben"}) | LINKS | ARTICLES
)


@functools.cache
def _cues() -> dict[str, dict[str, str]]:
    """side ("before", "after", "stop") -> word -> entity type, from corpora/names/cues.tsv."""
    table: dict[str, dict[str, str]] = {"before": {}, "after": {}, "stop": {}}
    for row in iter_tsv(corpus_path("names", "cues.tsv")):
        table[row["side"]][row["word"]] = row["type"]
    return table


@functools.cache
def suffix_words() -> frozenset[str]:
    """Type words that may follow a place or base name ("base", "Air Base", "Corridor")."""
    return frozenset(w for w, t in _cues()["after"].items() if t in {"base", "place"})


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords", "en.txt")) | frozenset(_cues()["stop"])


_DIRECTION = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}?(north|south|east|west|north-east|north-west|south-east|south-west|"
    r"northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
TYPE_FAMILIES = {
    "place": {"place", "base", "region", "country"},
    "base": {"base", "place"},
    "group": {"group", "party", "organization"},
    "party": {"party", "group", "organization"},
    "operation": {"operation"},
    "person": {"person"},
}


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of tokens that may be one name, with what its context implies."""

    tokens: tuple[Token, ...]
    cue: str = ""  # entity type the context implies, or ""
    direction: tuple[str, str] | None = None  # ("south", "Baghdad") from "..., south of Baghdad"

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


def is_connector(token: Token) -> bool:
    return token.lower in CONNECTORS


def runs(
    doc: Document,
    words: Words,
    taken: set[int],
    shortest: int = 1,
    joining: frozenset[str] = CONNECTORS,
) -> list[Run]:
    """Candidate name runs in one sentence; words whose start is in ``taken`` are skipped, and
    runs of fewer than ``shortest`` words other than connectors are left out. ``joining``:
    the lower-case words that join capitalised ones (one or two of them in a row: "of the")."""
    found: list[Run] = []
    lowers, starts = words.lowers, words.starts
    before = _cues()["before"]
    cued = words.where(map(before.__contains__, lowers))
    # Only capitalised words, Arabic articles and the two words after a cue start a run.
    heads = {*words.capitalised(), *words.articles(), *(k + 1 for k in cued)}
    heads.update(k + 2 for k in cued)
    i = 0
    for at in sorted(heads):
        if at < i or at >= len(words):
            continue
        i = at
        if starts[i] in taken:
            i += 1
            continue
        cue = "" if words.caps[i] else cue_before(lowers, i)
        if (
            cue == "operation"
            or _lower_article_name(lowers, i)
            or _lower_unknown(words[i], cue)
            or (cue == "place" and _lower_pair(words, i))
        ):
            j = i
            while (
                j < len(words)
                and j - i < 4
                and starts[j] not in taken
                and (lowers[j] not in _stopwords() or _inner_connector(lowers, i, j, cue))
                and not (j > i and words.gap_after(j - 1))
                and (cue == "operation" or j == i or words.name_cased(j) or zipf(lowers[j]) < 3)
            ):
                j += 1
            if j > i:
                if _content(lowers, i, j) >= shortest:
                    found.append(_make(doc, words, i, j, cue))
                i = j
                continue
        # A sentence-initial common word ("The", "Yesterday") is capitalised by position only.
        if not words.caps[i] or (i == 0 and zipf(lowers[i]) >= 3.0):
            i += 1
            continue
        j = i + 1
        while j < len(words) and starts[j] not in taken and not words.gap_after(j - 1):
            if not (words.name_cased(j) or _joins(words, j, joining)):
                break
            j += 1
        while j > i and lowers[j - 1] in joining:
            j -= 1
        if j > i and _content(lowers, i, j) >= shortest:
            found.append(_make(doc, words, i, j, cue_before(lowers, i)))
        i = max(j, i + 1)
    return found


def _joins(words: Words, j: int, joining: frozenset[str]) -> bool:
    """Whether word ``j`` joins the run to a capitalised word after it, alone or with one
    more joining word ("of Iraq", "of the Economy")."""
    lowers = words.lowers
    if lowers[j] not in joining or j + 1 >= len(words):
        return False
    if words.name_cased(j + 1):
        return True
    return lowers[j + 1] in joining and j + 2 < len(words) and words.name_cased(j + 2)


def name_words(words: Words, vocabulary: Container[str]) -> set[str]:
    """The words of ``vocabulary`` in the sentence that a run may hold: stop words ("and",
    "a") only when capitalised, since runs never take them in lower case."""
    found = {w for w in words.lowers if w in vocabulary}
    common = found.intersection(_stopwords())
    if common:
        found -= common
        found.update(w for k in words.capitalised() if (w := words.lowers[k]) in common)
    return found


def run_words(words: Words, vocabulary: Container[str]) -> list[int]:
    """The words a run may hold, as far as ``vocabulary`` goes: capitalised, hyphenated and
    other than plain lower-case ASCII words, the two words after a cue, rare words of the
    vocabulary; every word of a sentence with an operation cue. A cheap pre-filter."""
    lowers = words.lowers
    before = _cues()["before"]
    if not _operation_words().isdisjoint(lowers):
        return list(range(len(words)))
    cued = words.where(map(before.__contains__, lowers))
    kept = {*words.capitalised(), *(k + 1 for k in cued), *(k + 2 for k in cued)}
    kept.update(words.unplain())
    known = words.where(map(vocabulary.__contains__, lowers))
    kept.update(k for k in known if zipf(lowers[k]) < _RARE)
    return sorted(k for k in kept if k < len(words))


@functools.cache
def _operation_words() -> frozenset[str]:
    return frozenset(w for w, t in _cues()["before"].items() if t == "operation")


def _content(lowers: list[str], i: int, j: int) -> int:
    """How many of words i..j-1 are not connectors."""
    return j - i - sum(w in CONNECTORS for w in lowers[i:j])


def _lower_article_name(lowers: list[str], i: int) -> bool:
    """ "al aqsa", "al-aqsa": a lower-case Arabic article before a rare word."""
    head, hyphen, rest = lowers[i].partition("-")
    if head not in _ARTICLE_HEADS:
        return False
    if hyphen:
        return zipf(rest) < 3.5
    return i + 1 < len(lowers) and zipf(lowers[i + 1]) < 3.5


def _inner_connector(lowers: list[str], i: int, j: int, cue: str) -> bool:
    """ "of"/"the" inside an operation name ("swords of iron") before a content word."""
    return (
        cue == "operation"
        and j > i
        and lowers[j] in {"of", "the"}
        and j + 1 < len(lowers)
        and lowers[j + 1] not in _stopwords()
    )


def _lower_unknown(token: Token, cue: str) -> bool:
    """A lower-case word English does not know, where a place name is expected ("in dhiqar")."""
    return (
        cue == "place"
        and token.text[:1].islower()
        and len(token.text) >= 4
        and zipf(token.lower) < 2.5
    )


def _lower_pair(words: Words, i: int) -> bool:
    """A short lower-case word before an unknown one, where a place name is expected: a
    two-word name MT left in lower case ("in tal aqar", "in bab ezrouar")."""
    word = words.texts[i]
    return (
        word.isalpha()
        and word.islower()
        and words.lowers[i] not in _stopwords()
        and i + 1 < len(words)
        and not words.gap_after(i)
        and _lower_unknown(words[i + 1], "place")
    )


def cue_before(lowers: list[str], i: int) -> str:
    """The entity type a cue word just before word ``i`` implies ("in", "near the", ...)."""
    before = _cues()["before"]
    for k in (i - 1, i - 2):
        cue = before.get(lowers[k], "") if k >= 0 else ""
        # Two words back, a place or operation cue reaches only over "of"/"the": "in the
        # town of", never "operations for days".
        if cue and (cue == "person" or k == i - 1 or lowers[k + 1] in {"of", "the"}):
            return cue
    return ""


def _make(doc: Document, words: Words, i: int, j: int, cue: str) -> Run:
    if j < len(words) and (after := _cues()["after"].get(words.lowers[j])):
        cue = cue if cue == "operation" else after
    end = words.end(j - 1)
    tail = doc.text[end : end + 80]
    direction = None
    if "of" in tail and (match := _DIRECTION.match(tail)):
        direction = (match.group(1).replace("-", ""), match.group(2))
        cue = cue or "place"
    return Run(tuple(words[k] for k in range(i, j)), cue, direction)
