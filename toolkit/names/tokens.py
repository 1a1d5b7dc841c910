"""The words of each sentence, for the name analysis.

A document has tens of thousands of words and the analysis looks at few of them one by one
(capitalised words, words after a cue, Arabic articles), so a sentence's words are parallel
lists built by C-level string operations, and a ``Token`` is made only for a word that is
looked at.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable
from typing import NamedTuple

from toolkit.document import Document
from toolkit.names.normalize import ARTICLES, fold

_WORD = r"[^\W\d_][\w’'‘ʿʾ]*(?:-\w[\w’'‘ʿʾ]*)*"  # a letter first; inner hyphens and marks
_WORD_SPLIT = re.compile(f"({_WORD})")
_POSSESSIVE_END = operator.methodcaller("endswith", ("'s", "’s"))
_FIRST_LETTER = operator.itemgetter(0)
# A word whose head (before any hyphen) is the Arabic article al/el ("al", "el-Sisi").
_ARTICLE_HEAD = re.compile(r"[ae]l(?:-|$)")
_STARTS_AL_EL = operator.methodcaller("startswith", ("al", "el"))
_HAS_HYPHEN = operator.methodcaller("__contains__", "-")
_PLAIN = re.compile("[a-z0-9]+").fullmatch


class Token(NamedTuple):
    """A word of a sentence (a tuple: cheap to make)."""

    start: int
    end: int
    text: str
    first: bool  # first word of its sentence
    lower: str
    capitalised: bool

    @property
    def name_cased(self) -> bool:
        """Capitalised, or an article joined to a capitalised word ("al-Sakhar", "ez-Zor")."""
        if self.capitalised:
            return True
        head, _, rest = self.text.partition("-")
        return rest[:1].isupper() and fold(head) in ARTICLES


def _split_compounds(pieces: list[str]) -> list[str]:
    """``pieces`` (separator, word, separator, ...) with each compound of capitalised names
    ("Kirkuk-Ceyhan", "Israel-Hamas") made separate words joined by a hyphen; a word headed
    by an Arabic article ("Al-Sharaa") stays whole."""
    out = [pieces[0]]
    for k in range(1, len(pieces), 2):
        word, after = pieces[k], pieces[k + 1]
        parts = word.split("-")
        if (
            len(parts) > 1
            and all(p[:1].isupper() for p in parts)
            and fold(parts[0]) not in ARTICLES
        ):
            for part in parts[:-1]:
                out += [part, "-"]
            out += [parts[-1], after]
        else:
            out += [word, after]
    return out


class Words:
    """The words of one sentence: ``texts``, ``starts``, ``lowers``, ``caps`` (capitalised)
    as parallel lists; ``words[i]`` is the ``Token``. A possessive 's is left out of its word.
    """

    __slots__ = (
        "_articles",
        "_capitalised",
        "_hyphens",
        "_plain",
        "_seps",
        "_tokens",
        "caps",
        "lowers",
        "starts",
        "texts",
    )

    def __init__(self, text: str, start: int, end: int) -> None:
        chunk = text[start:end]
        pieces = _WORD_SPLIT.split(chunk)  # separator, word, separator, ..., separator
        if "'s" in chunk or "’s" in chunk:
            for k in list(itertools.compress(range(len(pieces)), map(_POSSESSIVE_END, pieces))):
                pieces[k], pieces[k + 1] = pieces[k][:-2], pieces[k][-2:] + pieces[k + 1]
        if "-" in chunk:
            pieces = _split_compounds(pieces)
        offsets = list(itertools.accumulate(map(len, pieces), initial=start))
        self.texts: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[1 : len(pieces) : 2]
        self.lowers: list[str] = list(map(str.lower, self.texts))
        self.caps: list[bool] = list(map(str.isupper, map(_FIRST_LETTER, self.texts)))
        self._seps = pieces[2::2]  # what follows each word
        self._tokens: list[Token | None] = [None] * len(self.texts)
        self._capitalised: list[int] | None = None
        self._articles: list[int] | None = None
        self._hyphens = "-" in chunk
        self._plain = chunk.isascii() and not self._hyphens and "'" not in chunk

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Token:
        token = self._tokens[i]
        if token is None:
            text, start = self.texts[i], self.starts[i]
            token = Token(start, start + len(text), text, i == 0, self.lowers[i], self.caps[i])
            self._tokens[i] = token
        return token

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.texts[i])

    def gap_after(self, i: int) -> bool:
        """True when punctuation other than a space or hyphen (or a line break) separates
        word ``i`` from the next."""
        between = self._seps[i]
        return bool(between.strip(" -\u00a0")) or "\n" in between

    def name_cased(self, i: int) -> bool:
        """``words[i].name_cased``, without making the token for most words."""
        return self.caps[i] or ("-" in self.texts[i] and self[i].name_cased)

    def where(self, flags: Iterable[object]) -> list[int]:
        """Indexes of the words whose flag (an iterable of truth values) is true."""
        return list(itertools.compress(range(len(self.texts)), flags))

    def capitalised(self) -> list[int]:
        if self._capitalised is None:
            self._capitalised = self.where(self.caps)
        return self._capitalised

    def articles(self) -> list[int]:
        """Words headed by a lower- or upper-case al/el ("al", "Al", "el-Sisi")."""
        if self._articles is None:
            lowers = self.lowers
            if not (self._hyphens or "al" in lowers or "el" in lowers):
                self._articles = []
                return self._articles
            maybe = self.where(map(_STARTS_AL_EL, lowers))
            self._articles = [k for k in maybe if _ARTICLE_HEAD.match(self.lowers[k])]
        return self._articles

    def unplain(self) -> list[int]:
        """Words that are not plain ASCII letters and digits once lower-cased (hyphens, marks,
        accents)."""
        if self._plain:
            return []
        return self.where(map(operator.not_, map(_PLAIN, self.lowers)))

    def name_heads(self) -> list[int]:
        """Words that may start a listed name: capitalised, hyphenated, or al/el."""
        lower = self.where(map(_HAS_HYPHEN, self.lowers)) if self._hyphens else []
        lower += self.articles()
        return sorted({*self.capitalised(), *lower}) if lower else self.capitalised()


def sentence_words(doc: Document) -> list[Words]:
    """The words of each sentence of ``doc``."""
    return [Words(doc.text, s.start, s.end) for s in doc.sentences]
