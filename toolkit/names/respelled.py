"""English words of a name spelled back from another script: "Nashnal Kanfrans" for National
Conference, "Parlimant", "Sekretariat".

An Urdu, Persian, Arabic or Russian source writes the English words of a name as it hears
them; MT then transliterates them back instead of recognising them. The respelling keeps
the word's sound: its consonants after English spelling rules (c as k or s, ph as f, -tion as
shn, a silent final e). A capitalised word that is no English word and no listed name, and
sounds like a word English names are made of (corpora/english/name_words.txt), is reported
with that word. Short keys (fewer than four consonants) are left alone: Kamal, Karim and
Khan sound like too many words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from toolkit.names.frequency import zipf
from toolkit.names.gazetteer import Gazetteer
from toolkit.resources import read_lines

MIN_CONSONANTS = 4
NOT_ENGLISH = 2.0  # Zipf below which a word is no English word nor a common name
COMMON = 3.5  # Zipf of an English word that a coined name may end in ("Addaction")
_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z]{4,}(?![\w’'-])")
# English spelling to sound, in order: -tion/-sion and sh/ch as one sound, c before e/i/y
# as s, else k, and a silent final e.
_SPELLING = (
    (re.compile(r"^yu"), "u"),
    (re.compile(r"s?sion|tion|tia|cia"), "Xn"),
    (re.compile(r"tch|ch|sh"), "X"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"gh|wh"), "w"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"qu?|c"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "s"),
    (re.compile(r"dg"), "j"),
    (re.compile(r"(?<=[^aeiou])e$"), ""),
)
_VOWELS = re.compile(r"[aeiouyhw]")
_DOUBLE = re.compile(r"(.)\1+")


class Respelled(NamedTuple):
    start: int
    end: int
    text: str
    english: str


@functools.lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """The consonants of a word as English spelling sounds them, and V for a first vowel
    ("conference" and "Kanfrans": knfrns; "assembly" and "Asembli": Vsmbl)."""
    spelled = word.lower()
    for pattern, sound in _SPELLING:
        spelled = pattern.sub(sound, spelled)
    start = "V" if spelled[:1] in "aeiouy" else ""
    return start + _DOUBLE.sub(r"\1", _VOWELS.sub("", spelled))


@functools.cache
def _name_words() -> dict[str, str]:
    """Sound key -> the one name word with that key (keys two words share are dropped)."""
    found: dict[str, set[str]] = {}
    for word in read_lines("english", "name_words.txt"):
        key = sound_key(word)
        if len(key.lstrip("V")) >= MIN_CONSONANTS:
            found.setdefault(key, set()).add(word)
    return {key: next(iter(words)) for key, words in found.items() if len(words) == 1}


def _compound(word: str) -> bool:
    """A coined name that ends in an English word ("Addaction"), not a respelling."""
    lower = word.lower()
    return any(zipf(lower[i:]) >= COMMON for i in range(2, len(lower) - 4))


def respelled_words(text: str, gazetteer: Gazetteer) -> Iterator[Respelled]:
    """Capitalised words of ``text`` that respell an English name word."""
    words = _name_words()
    for match in _WORD.finditer(text):
        word = match.group()
        english = words.get(sound_key(word))
        if english is None or english == word.lower() or abs(len(english) - len(word)) > 3:
            continue
        if zipf(word.lower()) >= NOT_ENGLISH or _compound(word) or gazetteer.exact(word):
            continue
        yield Respelled(match.start(), match.end(), word, english.capitalize())
