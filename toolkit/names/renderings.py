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
from collections import Counter
from dataclasses import dataclass

from toolkit.english import function_words
from toolkit.names.mentions import plain
from toolkit.resources import corpus_path, iter_tsv

# Capitalised words, with lower-case joiners inside: "Independent Authority for Elections".
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|for|the|on)[ \t]+)*[A-Z][\w'’-]*)+")
# Where a name (or "the" before one) may start: a lookahead that spares a long alternation the
# lower-case letters of the text.
CAPITAL = r"(?=[A-ZÀ-ÞĀ-ſt])"
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


# A name, transliterated or English: capitalised words joined by spaces or hyphens, with Arabic,
# Persian and Urdu particles or English joiners between them ("Tehreek-e-Taliban Pakistan",
# "Hayat Tahrir al-Sham", "Army of Justice").
_PARTICLES = ("al", "el", "ul", "ut", "ud", "e", "i", "ad", "as", "ash", "at", "az", "ar", "an")
_GLUE = frozenset((*_PARTICLES, "of", "for", "the", "on", "and", "in"))
_PHRASE = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’]*(?:(?:[ \t]+|-)(?:(?:"
    + "|".join(sorted(_GLUE, key=lambda w: (-len(w), w)))
    + r")(?:[ \t]+|-))*[A-Z][\w'’]*)*"
)
_WORDS = re.compile(r"[\w'’]+")
_ALONGSIDE = re.compile(
    r"\s*(?:[,(\[:;–—-]\s*)*(?:(?:or|meaning|which means|literally|i\.e\.|known as|also known as|"
    r"translated as|also called|called)\s+)?[\"“‘'(]?\s*(?:the\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A name in the text and its words (lower-case, particles and joiners left out)."""

    start: int
    end: int
    text: str
    words: tuple[str, ...]


@functools.cache
def _glosses() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Transliterated name words -> the English words each translation of it uses."""
    glosses: dict[str, list[tuple[str, ...]]] = {}
    for row in iter_tsv(corpus_path("consistency", "name_words.tsv")):
        alternatives = glosses.setdefault(row["word"], [])
        alternatives += [tuple(a.split()) for a in row["english"].split("|")]
    return {word: tuple(alternatives) for word, alternatives in glosses.items()}


@functools.cache
def _gloss_words() -> re.Pattern:
    """Any transliterated name word of ``_glosses``, in any case (Turkish letters folded
    by the caller: "Dağı", dagi)."""
    from toolkit.regex_trie import trie

    return re.compile(rf"(?<![\w'’])(?:{trie(_glosses())})(?![\w])", re.IGNORECASE)


def _phrases(text: str) -> list[Phrase]:
    """Each name of ``text`` and each part of it that stands alone: a part starts after a
    joiner, a possessive or a function word ("Later the Army of Justice": "Army of Justice";
    not "Armed Forces" of "Turkish Armed Forces") and ends before a joiner ("Cudi Dağı on
    Monday": "Cudi Dağı")."""
    closed = function_words()
    found = []
    for match in _PHRASE.finditer(text):
        tokens = [(w.start(), w.end(), w.group()) for w in _WORDS.finditer(match.group())]
        words = [plain(t.removesuffix("'s").removesuffix("’s")) for *_, t in tokens]
        content = [i for i, w in enumerate(words) if w not in _GLUE]
        for a, i in enumerate(content):
            before = tokens[i - 1][2] if i else ""
            if (
                a
                and i - 1 == content[a - 1]
                and not (before.lower() in closed or before.endswith(("'s", "’s")))
            ):
                continue  # inside a name: "Turkish Armed Forces"
            for b in range(a, len(content)):
                k = content[b]
                if k + 1 < len(words) and k + 1 in content:
                    continue  # not before a joiner or the end
                start, end = match.start() + tokens[i][0], match.start() + tokens[k][1]
                chosen = tuple(words[c] for c in content[a : b + 1])
                found.append(Phrase(start, end, text[start:end], chosen))
    return found


def _translates(source: tuple[str, ...], english: tuple[str, ...]) -> bool:
    """Whether ``english`` translates every word of ``source`` that is not kept as it is, and
    has no word more; at least one word is translated."""
    glosses = _glosses()

    def cover(i: int, left: tuple[str, ...], translated: bool) -> bool:
        if i == len(source):
            return translated and not left
        word = source[i]
        options = [((word,), False), *((alt, True) for alt in glosses.get(word, ()))]
        for words, is_translation in options:
            rest = list(left)
            for part in words:
                k = next((k for k, e in enumerate(rest) if _alike(_stem(part), _stem(e))), None)
                if k is None:
                    break
                rest.pop(k)
            else:
                if cover(i + 1, tuple(rest), translated or is_translation):
                    return True
        return False

    return cover(0, english, False)


def translations(text: str) -> list[tuple[Phrase, Phrase]]:
    """Names given both transliterated and translated ("Jaish al-Adl", then "the Army of
    Justice"): (the form to flag, the article's form), the article's the one used more, then
    the first. A translation given
    beside the name as a gloss ("Hezbollah (Party of God)") is left alone."""
    glosses = _glosses()
    if not _gloss_words().search(text if text.isascii() else plain(text)):
        return []
    phrases = _phrases(text)
    sources = [
        p
        for p in phrases
        if any(w in glosses for w in p.words)
        and (len(p.words) >= 2 or any(len(a) >= 2 for a in glosses.get(p.words[0], ())))
    ]
    if not sources:
        return []
    matched: list[tuple[Phrase, Phrase]] = []
    glossed: set[frozenset[tuple[str, ...]]] = set()
    for source in sources:
        for english in phrases:
            if english.end > source.start and source.end > english.start:
                continue  # overlapping
            if english.words == source.words or not _translates(source.words, english.words):
                continue
            earlier, later = sorted((source, english), key=lambda p: p.start)
            matched.append((later, earlier))
            if _ALONGSIDE.fullmatch(text, earlier.end, later.start):
                glossed.add(frozenset((source.words, english.words)))
    uses = Counter(p.words for p in phrases)
    pairs: dict[tuple[int, int], tuple[Phrase, Phrase]] = {}
    for later, earlier in matched:
        if frozenset((later.words, earlier.words)) in glossed:
            continue
        if uses[later.words] > uses[earlier.words]:
            later, earlier = earlier, later  # the form used more is the article's
        key = (later.start, later.end)
        if key not in pairs or earlier.start < pairs[key][1].start:
            pairs[key] = (later, earlier)
    # the longest form of each name: "Army of Justice", not "Justice" inside it
    chosen = sorted(pairs.values(), key=lambda p: (p[0].end, p[0].start))
    return [
        pair
        for pair in chosen
        if not any(
            o is not pair and o[0].end == pair[0].end and o[0].start < pair[0].start for o in chosen
        )
    ]
