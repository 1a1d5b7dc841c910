"""Names translated word for word from Chinese: a company, app or building named in common
English words ("the company Deep Seeking", "the Sky King Star Building") in a text whose
other names are pinyin, where English news writes the pinyin or the brand's own name
(DeepSeek, Maoyan). Only reported, never replaced: the English name cannot be inferred.
Words are data: corpora/names/translated_name_parts.tsv."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from toolkit.english import is_common_word
from toolkit.findings import Rule
from toolkit.names.joins import pinyin_word
from toolkit.resources import corpus_path, iter_tsv

MIN_PINYIN = 2  # distinct capitalised pinyin names that make a text a Chinese story

TRANSLATED_NAME = Rule(
    code="NM107",
    slug="name-translated-word-for-word",
    kind="name",
    category="accuracy/mistranslation",
    severity="minor",
    summary="A company's, app's or building's name in common English words ('the company "
    "Deep Seeking', 'the Sky King Star Building') in a story whose other names are in "
    "pinyin: MT translated the name's characters one by one.",
    why="Chinese names are built from ordinary words (深度求索 'deep seek', 猫眼 'cat eye'); "
    "MT translates them, and the reader cannot find the company or place under that name.",
    example="Hangzhou start-up Deep Seeking, founded by Liang Wenfeng in Zhejiang, "
    "released a new model.",
    fixed="(check the name: English news writes DeepSeek)",
    false_positives="Companies whose English names are English on purpose ('Great Wall "
    "Motors', 'China Mobile') are left alone through their corporate words, as are names "
    "of places the gazetteer lists; some literal names are English usage ('Little Red "
    "Book'). Reported only, with low confidence.",
    source="corpora/names/translated_name_parts.tsv",
)

_PINYIN = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}"


@functools.cache
def _parts() -> dict[str, str]:
    return {
        r["word"]: r["role"] for r in iter_tsv(corpus_path("names", "translated_name_parts.tsv"))
    }


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    parts = _parts()
    slots = "|".join(re.escape(w) for w, r in parts.items() if r == "slot")
    facilities = "|".join(w.capitalize() for w, r in parts.items() if r == "facility")
    after_slot = re.compile(rf"\b(?:{slots})\s+[\"“]?(?P<name>{_NAME})(?![\w'’-]|\s+[A-Z])")
    facility = re.compile(
        rf"(?<![\w'’-])(?<![A-Z][a-z] )(?P<name>(?:[A-Z][a-z]+\s+){{2,4}}(?:{facilities}))"
        r"\b(?!\s*\d)"
    )
    return after_slot, facility


def chinese_story(text: str) -> bool:
    """Whether ``text`` names at least MIN_PINYIN different people or places in pinyin."""
    names = {w for w in _PINYIN.findall(text) if not is_common_word(w) and pinyin_word(w)}
    return len(names) >= MIN_PINYIN


def translated_names(text: str, named: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of each name in common English words after a company or app noun, or
    ending with a building noun, in a Chinese story; ``named`` tells a listed name (a place,
    a company: "Beijing", "Great Wall"), which the name must neither be nor contain."""
    if not chinese_story(text):
        return
    parts = _parts()
    seen: set[int] = set()
    for pattern in _patterns():
        for match in pattern.finditer(text):
            name = match.group("name")
            words = name.lower().split()
            body = words[:-1] if parts.get(words[-1]) == "facility" else words
            if match.start("name") in seen or named(name):
                continue
            if any(parts.get(w) == "corporate" for w in words):
                continue  # "Great Wall Motors": an English name on purpose
            if all(is_common_word(w) for w in body) and not any(named(w) for w in name.split()):
                seen.add(match.start("name"))
                yield match.start("name"), match.end("name")
