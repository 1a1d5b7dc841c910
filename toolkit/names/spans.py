"""Where names are in a text: word tokens, runs of name-like tokens, and the cues around them.

A run is a maximal stretch of capitalised tokens joined by name connectors ("Jurf
al-Sakhar", "Islamic Resistance Movement of Iraq"), or a lower-case stretch that only a
cue makes a name ("Operation al aqsa floods", "al aqsa floods").
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.cache import cached
from toolkit.document import Document
from toolkit.names.normalize import ARTICLES, LINKS, fold
from toolkit.resources import corpus_path, iter_tsv, read_lines

_TOKEN = re.compile(r"[^\W\d_](?:[\w’'‘ʿʾ]|-(?=\w))*", re.UNICODE)
# Lower-case words that may sit inside a name ("Islamic State of Iraq and the Levant").
CONNECTORS = frozenset({"of", "the", "for", "in", "de", "la", "du", "des"}) | LINKS | ARTICLES


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
class Token:
    start: int
    end: int
    text: str
    first: bool  # first word of its sentence
    lower: str
    capitalised: bool

    @classmethod
    def make(cls, start: int, text: str, first: bool) -> Token:
        return cls(start, start + len(text), text, first, text.lower(), text[:1].isupper())

    @property
    def name_cased(self) -> bool:
        """Capitalised, or an article joined to a capitalised word ("al-Sakhar", "ez-Zor")."""
        if self.capitalised:
            return True
        head, _, rest = self.text.partition("-")
        return rest[:1].isupper() and fold(head) in ARTICLES


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


_TABLE_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is (wordfreq Zipf scale, 0 = unseen).

    Lower-case words, with inner apostrophes or hyphens, are looked up in wordfreq's table,
    cached on disk (importing wordfreq and reading its list takes about 0.4 s); a hyphenated
    word combines its parts as wordfreq does (1/f = sum of 1/f_i). Other strings go through
    wordfreq itself.
    """
    parts = word.replace("’", "'").split("-")
    if all(_TABLE_WORD.fullmatch(part) for part in parts):
        table = _zipf_table()
        if not all(part in table for part in parts):
            return 0.0
        if len(parts) == 1:
            return table[parts[0]]
        frequency = 1 / sum(10 ** (9 - table[part]) for part in parts)
        return round(math.log10(frequency) + 9, 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@functools.cache
def _zipf_table() -> dict[str, float]:
    import importlib.util

    folder = Path(importlib.util.find_spec("wordfreq").origin).parent
    return cached("zipf-en", [folder / "data" / "large_en.msgpack.gz"], _build_zipf_table)


def _build_zipf_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table = {}
    for word, frequency in get_frequency_dict("en").items():
        if _TABLE_WORD.fullmatch(word):
            rounded = round(frequency, math.floor(-math.log10(frequency)) + 3)  # as wordfreq
            table[word] = round(math.log10(rounded) + 9, 2)
    return table


def sentence_tokens(doc: Document) -> list[list[Token]]:
    """Word tokens per sentence; a possessive 's is left out of its word."""
    out = []
    for sentence in doc.sentences:
        toks = []
        for i, match in enumerate(_TOKEN.finditer(doc.text, sentence.start, sentence.end)):
            text = match.group()
            if text.endswith(("'s", "’s")):
                text = text[:-2]
            toks.append(Token.make(match.start(), text, i == 0))
        out.append(toks)
    return out


def is_connector(token: Token) -> bool:
    return token.lower in CONNECTORS


def _name_like(token: Token) -> bool:
    if not token.capitalised:
        return False
    # A sentence-initial common word ("The", "Yesterday") is capitalised by position only.
    return not (token.first and zipf(token.lower) >= 3.0)


def runs(doc: Document, tokens: list[Token], taken: set[int]) -> list[Run]:
    """Candidate name runs in one sentence; tokens whose start is in ``taken`` are skipped."""
    found: list[Run] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.start in taken:
            i += 1
            continue
        cue = "" if tok.capitalised else _cue_before(tokens, i)
        if cue == "operation" or _lower_article_name(tokens, i) or _lower_unknown(tok, cue):
            j = i
            while (
                j < len(tokens)
                and j - i < 4
                and tokens[j].start not in taken
                and (tokens[j].lower not in _stopwords() or _inner_connector(tokens, i, j, cue))
                and not _gap(doc, tokens[j - 1] if j > i else None, tokens[j])
                and (
                    cue == "operation"
                    or j == i
                    or tokens[j].name_cased
                    or zipf(tokens[j].lower) < 3
                )
            ):
                j += 1
            if j > i:
                found.append(_make(doc, tokens, i, j, cue))
                i = j
                continue
        if not _name_like(tok):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].start not in taken:
            if _gap(doc, tokens[j - 1], tokens[j]):
                break
            joins = is_connector(tokens[j]) and j + 1 < len(tokens) and tokens[j + 1].name_cased
            if tokens[j].name_cased or joins:
                j += 1
            else:
                break
        while j > i and is_connector(tokens[j - 1]):
            j -= 1
        if j > i:
            found.append(_make(doc, tokens, i, j, _cue_before(tokens, i)))
        i = max(j, i + 1)
    return found


def _gap(doc: Document, left: Token | None, right: Token) -> bool:
    """True when punctuation other than a space or hyphen separates two tokens."""
    if left is None:
        return False
    between = doc.text[left.end : right.start]
    return bool(between.strip(" -\u00a0")) or "\n" in between


def _lower_article_name(tokens: list[Token], i: int) -> bool:
    """ "al aqsa", "al-aqsa": a lower-case Arabic article before a rare word."""
    tok = tokens[i]
    head = tok.lower.split("-")[0]
    if head not in {"al", "el"}:
        return False
    if "-" in tok.text:
        return zipf(tok.lower.split("-", 1)[1]) < 3.5
    return i + 1 < len(tokens) and zipf(tokens[i + 1].lower) < 3.5


def _inner_connector(tokens: list[Token], i: int, j: int, cue: str) -> bool:
    """ "of"/"the" inside an operation name ("swords of iron") before a content word."""
    return (
        cue == "operation"
        and j > i
        and tokens[j].lower in {"of", "the"}
        and j + 1 < len(tokens)
        and tokens[j + 1].lower not in _stopwords()
    )


def _lower_unknown(token: Token, cue: str) -> bool:
    """A lower-case word English does not know, where a place name is expected ("in dhiqar")."""
    return (
        cue == "place"
        and token.text[:1].islower()
        and len(token.text) >= 4
        and zipf(token.lower) < 2.5
    )


def _cue_before(tokens: list[Token], i: int) -> str:
    before = _cues()["before"]
    if not any(k >= 0 and tokens[k].lower in before for k in (i - 1, i - 2)):
        return ""
    for k in (i - 1, i - 2):
        cue = _cues()["before"].get(tokens[k].lower, "") if k >= 0 else ""
        if cue and (cue != "place" or k == i - 1 or tokens[k + 1].lower in {"of", "the"}):
            return cue
    return ""


def _make(doc: Document, tokens: list[Token], i: int, j: int, cue: str) -> Run:
    if j < len(tokens) and (after := _cues()["after"].get(tokens[j].lower)):
        cue = cue if cue == "operation" else after
    tail = doc.text[tokens[j - 1].end : tokens[j - 1].end + 80]
    direction = None
    if match := _DIRECTION.match(tail):
        direction = (match.group(1).replace("-", ""), match.group(2))
        cue = cue or "place"
    return Run(tuple(tokens[i:j]), cue, direction)
