"""Titles before names in the wrong case: `met king Abdullah`, `the Prime minister Ali Zaidi`.

English capitalises a formal title directly before a name and writes it lower-case without one;
French, Russian and Turkish capitalise only a title's first word, and scripts without case
(Arabic, Persian, Urdu, Chinese) leave MT to guess. Titles: corpora/english/titles.tsv.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.english import function_words, irregular_verb_forms, reporting_verbs
from toolkit.resources import corpus_path, iter_tsv

_PREVIOUS = re.compile(r"([\w'’]+|,)[ \t]*\Z")
_WORD_BEFORE = re.compile(r"\w")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])the[ \t]+\Z", re.IGNORECASE)
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_LEAD_IN = frozenset({"preposition", "conjunction", "auxiliary"})


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a lower-case one-word title before a capitalised word, a compound title whose first
    word is capitalised and its head not). A lower-case compound (`economy minister X`) is a
    house style (the BBC's)."""
    roles: dict[str, set[str]] = {}
    for row in iter_tsv(corpus_path("english", "titles.tsv")):
        roles.setdefault(row["role"], set()).add(row["word"])
    titles, modifiers = sorted(roles["title"]), sorted(roles["modifier"])
    heads = sorted(roles["title"] | roles["head"])
    alternation = "|".join
    lower = re.compile(
        rf"(?<![\w'’-])(?:{alternation(titles)})"
        r"(?=[ \t]+[A-Z][a-z])"
    )
    capitalised = alternation(w.capitalize() for w in modifiers)
    mixed = re.compile(
        rf"(?<![\w'’-])(?:{capitalised})(?:[ -](?:{capitalised}))*[ -](?:{alternation(heads)})"
        r"(?![\w'’-])"
    )
    return lower, mixed


@functools.cache
def _lead_ins() -> frozenset[str]:
    """Words after which a title and name start a noun phrase of their own (`met king X`)."""
    verbs = frozenset().union(*(reporting_verbs(f) for f in ("lemma", "past", "present")))
    return verbs | {w for w, c in function_words().items() if c in _LEAD_IN}


def _lead_in(word: str) -> bool:
    """A function word, reporting verb or irregular verb form before the title (`with
    president X`, `met king X`), not a determiner or an adjective (`the Turkish president X`,
    `former president X`, `ousted president X`)."""
    return word in _lead_ins() or word in irregular_verb_forms()


def title_case_slips(text: str, start: int, end: int) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, suggestions) for each title in text[start:end] (one sentence) written in
    the wrong case."""
    lower, mixed = _patterns()
    for match in lower.finditer(text, start, end):
        previous = _PREVIOUS.search(text, start, match.start())
        word = previous.group(1).lower() if previous else ""
        if word != "," and previous and _determined(text, start, previous.start()):
            continue  # "its state president X": a noun ("state"), not a verb, before the title
        if word == "," or (_lead_in(word) and not (word == "in" and "general" in match.group())):
            yield match.start(), match.end(), [_title(match.group())]
    for match in mixed.finditer(text, start, end):
        if not _WORD_BEFORE.search(text, start, match.start()):
            continue  # a sentence starts with it: `Prime minister X said` may be sentence case
        if _NAME_AFTER.match(text, match.end()):
            article = _ARTICLE_BEFORE.search(text, start, match.start())
            first = article.start() if article else match.start()
            yield first, match.end(), [_title(match.group())]
        else:
            yield match.start(), match.end(), [match.group().lower(), _title(match.group())]


def _determined(text: str, start: int, end: int) -> bool:
    """Whether the word ending at ``end`` follows a determiner or possessive (`its state`,
    `the party's`), so it is a noun or adjective, not a verb or preposition."""
    before = _PREVIOUS.search(text, start, end)
    word = before.group(1).lower() if before else ""
    return word in _DETERMINERS or word.endswith(("'s", "’s"))


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


def _title(words: str) -> str:
    return re.sub(r"(?<![\w'’])[a-z]", lambda m: m.group().upper(), words)
