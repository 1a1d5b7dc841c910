"""Names English always capitalises, found written lower-case (`the persian gulf`, `in istanbul`).

Lexicons: corpora/english/proper_nouns.tsv (by hand) and proper_nouns_generated.tsv (places and
people, tools/build_proper_nouns.py). A name is matched case-insensitively from its first word;
it is wrong when every word it capitalises is lower-case, or a distinctive word is (`the Paris
olympics` is right about Paris and wrong about the Games; `south Sudan`, a region, is no slip).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.resources import corpus_path, iter_tsv, read_lines

_WORD = re.compile(r"[A-Za-z][\w'’]*")
_TOKEN = re.compile(r"[\w'’]+")
# A name takes no indefinite article: `an islamic state`, `a red sea` are common nouns.
_INDEFINITE = re.compile(r"(?<![\w'’])an?[ \t]+\Z", re.IGNORECASE)

# Articles a name may start with that prose writes lower-case (`the Netherlands`, `al-Qaeda`).
_ARTICLES = frozenset({"the", "al", "el"})


@dataclass(frozen=True, slots=True)
class Name:
    """A name as written (its canonical case), its lower-case words, and the following words
    after which its lower case is usual (`brussels sprouts`)."""

    canonical: str
    words: tuple[str, ...]
    except_before: frozenset[str]

    @property
    def pattern(self) -> re.Pattern[str]:
        """The name's words, case-insensitive, joined by blanks or a hyphen (compiled on first
        use: a text meets few of the names)."""
        return _pattern(self.words)


@functools.cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?:[ \t]+|-)".join(re.escape(w) for w in words) + r"(?![\w'’@/-])", re.IGNORECASE
    )


@functools.cache
def names_by_first_word() -> dict[str, tuple[Name, ...]]:
    """Lower-case first word -> names starting with it, longest first."""
    index: dict[str, list[Name]] = {}
    for file in ("proper_nouns.tsv", "proper_nouns_generated.tsv"):
        for row in iter_tsv(corpus_path("english", file)):
            canonical = row["name"]
            words = tuple(w.lower() for w in _TOKEN.findall(canonical))
            exceptions = frozenset(filter(None, row["except_before"].lower().split("|")))
            index.setdefault(words[0], []).append(Name(canonical, words, exceptions))
    return {w: tuple(sorted(ns, key=lambda n: -len(n.words))) for w, ns in index.items()}


@functools.cache
def _prefixes() -> frozenset[str]:
    """Words a name capitalises that may stay lower-case anywhere (`south Sudan`, `al-Qaeda`)."""
    return frozenset(read_lines("english", "name_lower_prefixes.txt"))


@functools.cache
def _weak() -> frozenset[str]:
    """Words a name capitalises that alone make no slip when lower-case: the prefixes, and
    generic words after the distinctive ones (`the Red sea`)."""
    return _prefixes() | frozenset(read_lines("english", "name_weak_words.txt"))


def lower_case_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, corrected) for each name in ``text`` written with a lower-case word where
    English capitalises it."""
    index = names_by_first_word()
    end = len(text)
    position = 0  # where the next word may start: after a name found, its end
    for match in _WORD.finditer(text):
        if match.start() < position:
            continue
        names = index.get(match.group().lower())
        if not names or (match.start() and text[match.start() - 1] in "#@/._-'’"):
            continue
        for name in names:
            found = name.pattern.match(text, match.start(), end)
            if not found:
                continue
            corrected = _corrected(found.group(), name)
            if (
                corrected
                and not _excepted(text, found.end(), name)
                and not (
                    len(name.words) > 1
                    and _INDEFINITE.search(text, max(0, found.start() - 4), found.start())
                )
            ):
                yield found.start(), found.end(), corrected
                position = found.end()
            break


def _corrected(written: str, name: Name) -> str | None:
    """The written name with its lower-case words capitalised as the name is, or None when
    the case is right or only weak words are lower-case."""
    canonical = _TOKEN.findall(name.canonical)
    pieces = list(_TOKEN.finditer(written))
    wrong = [
        c[0].isupper() and w.group()[0].islower() and c.lower() not in _ARTICLES
        for c, w in zip(canonical, pieces, strict=True)
    ]
    capitalised = [c[0].isupper() and c.lower() not in _ARTICLES for c in canonical]
    strong = any(bad and c.lower() not in _weak() for bad, c in zip(wrong, canonical, strict=True))
    # a generic word left lower-case before capitalised words of the name (`the gulf
    # Cooperation Council`) is a slip; after them (`the Red sea`) it is a style
    strong = strong or any(
        bad
        and c.lower() not in _prefixes()
        and any(w.group()[0].isupper() for w in pieces[i + 1 :])
        for i, (bad, c) in enumerate(zip(wrong, canonical, strict=True))
    )
    if not any(wrong) or not (strong or wrong == capitalised):
        return None
    out, last = [], 0
    for bad, c, w in zip(wrong, canonical, pieces, strict=True):
        out.append(written[last : w.start()])
        out.append(c if bad else w.group())
        last = w.end()
    return "".join(out) + written[last:]


def _excepted(text: str, end: int, name: Name) -> bool:
    if not name.except_before:
        return False
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return bool(following) and following.group().lower() in name.except_before
