"""Name mentions of a document: runs of capitalised words, titles left out, as offsets.

"Foreign Minister Asaad al-Shaibani" is the mention "Asaad al-Shaibani" with the name tokens
Asaad and Shaibani (the Arabic article is part of the text, not a token); a hyphenated word
gives one token per part ("Kyrgyz-Tajik"). A capitalised word that opens a sentence is a name
only when the article capitalises it elsewhere too, or it is no common English word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from toolkit.document import Document
from toolkit.english import function_words
from toolkit.names.frequency import zipf
from toolkit.names.normalize import ARTICLES, LINKS, phonemes
from toolkit.resources import read_lines

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`-][^\W\d_]+)*")
_PART = re.compile(r"[^\W\d_]+(?:['’ʼ‘`][^\W\d_]+)*")
_LOWER = re.compile(r"\b[a-z]+\b")
_POSSESSIVE = re.compile(r"['’]s?$")
_MARKS = re.compile(r"['’ʼ‘`ʿʾ]")
# Lower-case particles inside a name ("Mohammed bin Salman", "Charles de Gaulle").
_PARTICLES = ARTICLES | LINKS | {"de", "del", "da", "di", "du", "van", "von", "der", "ould"}
_DOTLESS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae"})
# Romanization digraphs of Russian and German that English writes with one letter.
# Russian initial Е is e or ye, and a glide after a vowel is written or not; i and y before a
# are one sound (Armenian -ian, -yan); French spellings add a silent final e after a vowel and a
# consonant ("Bourhane", "Tebboune"; not "Pokrovske", a village beside Pokrovsk).
_DIGRAPHS = (
    (re.compile(r"^ye(?=[^aeiou])"), "e"),  # Russian Е: "Yevgeny", "Evgeny"
    (re.compile(r"(?<=[aeiou])y(?=e)"), ""),  # a glide written or not: "Tokayev", "Tokaev"
    (re.compile(r"(?<=[bcdfgklmnprstvz])i(?=a)"), "y"),  # "Pashinian", "Pashinyan"; "Daria"
    # Arabic 'abd al- before a name: Abdul, Abdel, Abdur (sun letter), written apart or not
    (re.compile(r"^abd(?:u[lrsnzdt]|e[lrsn]|a[lrsn]|ol)(?=[a-z]|$)"), "abdul"),
    (re.compile(r"dzh|dsch"), "j"),
    (re.compile(r"shch|sch"), "sh"),
    (re.compile(r"(?<=[a-z]{2}[aeiou][bcdfghjklmnpqrstvz])e$"), ""),
)
GLUE_LEFT = 4.0  # Zipf of a common word after which a rare name word starts a new name
HEADLINE = 200  # characters of a first line that may be a headline
COMMON = 3.5  # Zipf frequency from which a capitalised sentence opener is an English word


class Token(NamedTuple):
    """A name word (or one part of a hyphenated word)."""

    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        """The spelling: case, a possessive and a plural s do not count ("Houthis", "Houthi")."""
        return spelling_key(self.text)

    @property
    def is_acronym(self) -> bool:
        return 2 <= len(self.text) <= 5 and self.text.isupper()


class Mention(NamedTuple):
    """A run of name words, titles before it left out."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]  # the tokens' spellings (``Token.key``)
    headline: bool = False  # in the article's first line


@functools.lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Lower-case, diacritics and apostrophes removed (Turkish ş is s here, not sh)."""
    text = _MARKS.sub("", text.translate(_DOTLESS))
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return text.lower()


@functools.lru_cache(maxsize=65536)
def spelling_key(text: str) -> str:
    key = _POSSESSIVE.sub("", text.replace("’", "'")).casefold()
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith("ss") else key


@functools.lru_cache(maxsize=65536)
def sound(text: str) -> str:
    """``normalize.phonemes`` after Russian and German digraphs (dzh, shch) are folded and a
    French silent final e is dropped."""
    folded = plain(text)
    for pattern, letter in _DIGRAPHS:
        folded = pattern.sub(letter, folded)
    return phonemes(folded)


@functools.cache
def titles() -> frozenset[str]:
    return frozenset(read_lines("consistency", "titles.txt"))


@functools.cache
def _openers() -> frozenset[str]:
    """Words that open a run of capitals without being a name: articles, prepositions,
    conjunctions, pronouns ("The Houthis"), sentence adverbs ("Later al-Sharaa said")."""
    closed = {word for word, kind in function_words().items() if kind != "auxiliary"}
    return frozenset(
        closed | {w.lower() for w in read_lines("segmentation", "sentence_starters_en.txt")}
    )


@functools.cache
def _run_pattern() -> re.Pattern:
    """Runs of capitalised words (or article-prefixed ones: "al-Sharaa") joined by spaces and
    lower-case particles ("bin", "de")."""
    upper = re.escape("".join(c for c in map(chr, range(0x2000)) if c.isupper()))
    articles = "|".join(sorted(ARTICLES, key=len, reverse=True))
    word = rf"(?:(?:{articles})-)?[{upper}][^\W_]*(?:['’ʼ‘`-][^\W\d_]+)*"
    particle = "|".join(sorted(_PARTICLES, key=len, reverse=True))
    gap = r"[ \t\xa0]+"
    return re.compile(rf"(?<![\w'’@#-]){word}(?:{gap}(?:(?:{particle}){gap})*{word})*")


def mentions(doc: Document) -> list[Mention]:
    """The name mentions of ``doc`` in text order."""
    text = doc.text
    openers = {m.start() for s in doc.sentences if (m := _WORD.search(text, s.start, s.end))}
    headline_end = headline(text)
    runs = [(r.start(), r.group()) for r in _run_pattern().finditer(text)]
    heads = [(start, _WORD.match(run).group()) for start, run in runs]
    capitalised = Counter(head for _, head in heads)
    opening = Counter(head for start, head in heads if start in openers)
    lowered: set[str] | None = None
    found: list[Mention] = []
    for (start, run), (_, head) in zip(runs, heads, strict=True):
        if start in openers and capitalised[head] == opening[head]:
            lower = _POSSESSIVE.sub("", head.lower())  # capitalised only where it opens a sentence
            english = lower in _openers()  # "The Houthis", "After Derna"
            if not english and len(head) == len(run):  # a word alone: "Economists", "Asad"
                lowered = lowered if lowered is not None else set(_LOWER.findall(text))
                english = zipf(lower) >= COMMON or lower in lowered
            if english:
                second = _WORD.search(run, len(head))
                if second is None:
                    continue
                start, run = start + second.start(), run[second.start() :]
        found += _mentions_of(run, start, headline_end)
    return found


def headline(text: str) -> int:
    """Where the article's headline ends: its first line when short and without a full stop;
    0 when it has none."""
    end = text.find("\n")
    line = text[:end].strip()
    return end if 0 < len(line) <= HEADLINE and not line.endswith(".") else 0


def mention_at(text: str, start: int, end: int) -> Mention | None:
    """The mention of the words in ``text[start:end]`` (a name found by other means); after
    a title, the name the title is given to."""
    found = _mentions_of(text[start:end], start, headline(text))
    return found[-1] if found else None


def _mentions_of(run: str, start: int, headline_end: int) -> list[Mention]:
    return [
        Mention(start + begin, start + end, run[begin:end], tuple(
            Token(start + a, start + b, name) for a, b, name in parts
        ), keys, start + begin < headline_end)
        for (begin, end), parts, keys in _templates(run)
    ]  # fmt: skip


Template = tuple[tuple[int, int], tuple[tuple[int, int, str], ...], tuple[str, ...]]


@functools.lru_cache(maxsize=16384)
def _templates(run: str) -> tuple[Template, ...]:
    """Where the names of a run of words lie, and their tokens (offsets into the run): a
    title, a capitalised function word inside the run or a possessive ends a name and starts
    the next ("Istanbul Mayor Ekrem Imamoglu": Istanbul, Ekrem Imamoglu; "Syria And Iraq";
    "Iran's Revolutionary Guards")."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(run)]
    known, closed = titles(), _openers()
    segments: list[list[tuple[int, int, str]]] = [[]]
    for i, word in enumerate(words):
        lower = word[2].lower()
        if lower in known or (i and lower in closed):
            segments.append([])
        else:
            segments[-1].append(word)
            if _POSSESSIVE.search(word[2]) and not word[2].endswith(("s'", "s’")):
                segments.append([])  # "Iran's Revolutionary Guards": two names
    return tuple(found for words in segments if (found := _template(words)))


def _template(words: list[tuple[int, int, str]]) -> Template | None:
    while words and words[-1][2] in _PARTICLES:
        words = words[:-1]
    cut = max(
        (i for i in range(1, len(words) - 1) if _glued(words[i - 1][2], words[i][2])), default=0
    )
    words = words[cut:]
    while words and (words[0][2] in _PARTICLES or words[0][2].lower() in _openers()):
        words = words[1:]  # "al", "The", "Later" before a name
    parts = tuple(
        (start + part.start(), start + part.start() + len(name), name)
        for start, _, word in words
        for part in _PART.finditer(word)
        if (name := _POSSESSIVE.sub("", part.group()))
        and name[0].isupper()  # not "backed" in "Iran-backed"
        and name.lower() not in _PARTICLES
    )
    if not parts or all(len(name) == 1 for *_, name in parts):
        return None  # no name, or only letters of an abbreviation ("U.S.")
    return (words[0][0], parts[-1][1]), parts, tuple(spelling_key(name) for *_, name in parts)


def _glued(before: str, word: str) -> bool:
    """A rare name word after a common one starts a new name: MT dropped the comma between
    a place and a person ("the transitional period of Syria Ahmed al-Sharaa")."""
    return zipf(_POSSESSIVE.sub("", before).lower()) >= GLUE_LEFT and zipf(word.lower()) < COMMON
