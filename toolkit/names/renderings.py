"""One body's name translated twice in one article: "Turkish Statistical Institute" and later
"the Turkey Statistics Institution"; "Central Bank of Libya" and "the Libyan Central Bank".

MT renders the words of an institution's name anew each time. Two names are taken for one
body when they are of one kind (``corpora/consistency/body_words.tsv``: an authority or a
commission, a current or a movement), name the same country or leave it out, and keep the
same distinctive words up to inflection ("Statistical", "Statistics") once the qualifiers
translations add or drop are left aside (national, state, supreme). A short form ("the
Central Bank") or a name with one distinctive word more ("China Manned Space Agency" beside
"China National Space Administration") is another name, not another rendering.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from toolkit.english import function_words
from toolkit.resources import corpus_path, iter_tsv

# Capitalised words, with lower-case joiners inside: "Independent Authority for Elections".
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|for|the|on)[ \t]+)*[A-Z][\w'’-]*)+")
_OPENERS = frozenset({"the", "a", "an"})
_JOINERS = frozenset({"of", "for", "the", "on"})


@dataclass(frozen=True, slots=True)
class Body:
    """A body's name in the text: span, kind, country and distinctive words."""

    start: int
    end: int
    text: str
    kind: str
    country: str
    words: frozenset[str]  # every word, lower-case (to tell a short form)
    distinct: tuple[str, ...]  # distinctive words, lower-case, plural s dropped


@functools.cache
def _roles() -> dict[str, str]:
    return {
        row["word"]: row["role"] for row in iter_tsv(corpus_path("consistency", "body_words.tsv"))
    }


def bodies(text: str, countries: dict[str, str]) -> list[Body]:
    """Names of bodies, parties and laws in ``text``; ``countries`` maps lower-case country
    names and adjectives to a country code."""
    roles = _roles()
    closed = function_words()
    found = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]
        # "Talks on the Central Bank": a word before a joiner that names no body is no part
        while len(words) > 2 and words[1] in _JOINERS and words[0].lower() not in roles:
            words = words[1:]
            while words and words[0] in _JOINERS:
                words = words[1:]
        if len(words) < 2:
            continue
        start = text.index(words[0], match.start())
        lower = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
        head = _head(lower)
        if head is None:
            continue
        country = {countries[w] for w in lower if w in countries}
        if len(country) > 1:
            continue
        distinct = tuple(
            _stem(w)
            for i, w in enumerate(lower)
            if i != head and w not in closed and w not in countries and _meaning(w) != "generic"
        )
        found.append(
            Body(
                start,
                match.end(),
                text[start : match.end()],
                _roles()[lower[head]][5:],
                next(iter(country), ""),
                frozenset(lower) - closed.keys(),
                distinct,
            )
        )
    return found


def _head(lower: list[str]) -> int | None:
    """Index of the word naming the kind of body: the last head word before "of" or "for"
    ("Hydrocarbon Regulation Administration", "Central Bank of Libya"), or None."""
    end = next((i for i, w in enumerate(lower) if w in _JOINERS), len(lower))
    heads = [i for i in range(end) if _roles().get(lower[i], "").startswith("head:")]
    return heads[-1] if heads else None


def _meaning(word: str) -> str:
    """generic, or the word another translation writes for it, or the word itself."""
    role = _roles().get(word, "")
    if role.startswith("same:"):
        return _meaning(role[5:])
    return "generic" if role == "generic" else word


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _alike(a: str, b: str) -> bool:
    """Two forms of one word ("statistics", "statistical"; "institute", "institution")."""
    if a == b:
        return True
    prefix = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return prefix >= 5 and prefix >= min(len(a), len(b)) - 3


def same_body(a: Body, b: Body) -> bool:
    """Two renderings of one body's name (neither a short form of the other)."""
    if a.kind != b.kind or (a.country and b.country and a.country != b.country):
        return False
    if not a.distinct or len(a.distinct) != len(b.distinct):
        return False
    if a.words <= b.words or b.words <= a.words:
        return False  # "Central Bank", "Central Bank of Libya"; "Interior Ministry"
    unmatched = list(b.distinct)
    for word in a.distinct:
        match = next((w for w in unmatched if _alike(word, w)), None)
        if match is None:
            return False
        unmatched.remove(match)
    return True
