"""Names romanized by another language's convention, found from their shape alone.

The gazetteer knows the English form of listed names (Dmitriy -> Dmitry). A surname or
place it does not list still shows the convention: Russian -ий/-ый as -iy or -yy
(passport and scholarly romanization: "Sobolevskiy", "Severniy", "Krasnyy"), where English
news writes -y ("Sobolevsky", "Severny", "Krasny"). A word that ends a name (not a given name
before a surname: Ukrainian Serhiy, Andriy are English usage) and that no curated entry
spells so (Zelenskyy) is reported with the English ending.

A Taiwanese or Hong Kong person's name in joined mainland pinyin ("Cai Yingwen" for Tsai
Ing-wen) is the other convention slip: English news writes Taiwanese names in Wade-Giles
and Hong Kong names in Cantonese romanization, hyphenated. Where the sentence or the whole
article is about Taiwan or Hong Kong (corpora/names/chinese_regions.tsv) and not about the
mainland, an unlisted surname + joined two-syllable pinyin given name is reported, with the
likely Wade-Giles form for Taiwan.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from toolkit.names.gazetteer import Gazetteer
from toolkit.names.joins import surname
from toolkit.names.wade_giles import name_wg, split_given
from toolkit.resources import corpus_path, iter_tsv

# A capitalised word whose -iy/-yy follows a consonant ("Vostochniy", "Navalnyy"); it ends
# a name: no capitalised word follows it.
_RUSSIAN_ENDING = re.compile(
    r"(?<![\w’'])([A-Z][a-z]{2,}[b-df-hj-np-tv-z])(?:iy|yy)\b(?![’'-]?\s*[A-Z]|-\w)"
)


_PINYIN_NAME = re.compile(
    r"(?<![\w’'-])(?=([A-Z][a-z]{0,5}) ([A-Z][a-z]+(?:['’][a-z]+)?)(?![\w’'-]))"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
REGION_MENTIONS = 2  # mentions of Taiwan or Hong Kong that make an article about it
MAINLAND_RATIO = 3  # ... and how many times more often than it mentions the mainland


class Romanized(NamedTuple):
    start: int
    end: int
    text: str
    english: str
    convention: str


def russian_endings(text: str, gazetteer: Gazetteer) -> Iterator[Romanized]:
    """Words of ``text`` ending in Russian -iy/-yy that no curated name spells so."""
    for match in _RUSSIAN_ENDING.finditer(text):
        word = match.group()
        if _curated(word, gazetteer):
            continue
        yield Romanized(match.start(), match.end(), word, match.group(1) + "y", "Russian -iy/-yy")


def _curated(word: str, gazetteer: Gazetteer) -> bool:
    """Whether a curated entry writes ``word`` so in one of its accepted names."""
    return any(
        word in name.split()
        for entry in gazetteer.exact(word)
        if not entry.is_world
        for name in (entry.canonical, *entry.variants)
    )


@functools.cache
def _regions() -> dict[str, re.Pattern]:
    return {
        # not a word of a longer name ("Taiwan Semiconductor Manufacturing Company")
        row["region"]: re.compile(rf"\b(?:{row['words']})\b(?! [A-Z])")
        for row in iter_tsv(corpus_path("names", "chinese_regions.tsv"))
    }


def pinyin_names(text: str, gazetteer: Gazetteer) -> Iterator[Romanized]:
    """Unlisted Taiwanese and Hong Kong names written in joined mainland pinyin."""
    regions = _regions()
    counts = {region: len(pattern.findall(text)) for region, pattern in regions.items()}
    if counts["taiwan"] + counts["hongkong"] < REGION_MENTIONS:
        return
    whole = [
        region
        for region in ("taiwan", "hongkong")
        if counts[region] >= max(REGION_MENTIONS, MAINLAND_RATIO * counts["mainland"])
    ]
    for match in _PINYIN_NAME.finditer(text):
        family, given = match.groups()
        syllables = split_given(given)
        if not (surname(family) and syllables):
            continue
        name = f"{family} {given}"
        start = match.start()
        end = start + len(name)
        sentence = text[_sentence_start(text, start) : _sentence_end(text, end)]
        if regions["mainland"].search(sentence):
            continue
        here = [r for r in ("taiwan", "hongkong") if regions[r].search(sentence)] or whole
        if len(here) != 1 or any(not e.is_world for e in gazetteer.exact(name)):
            continue
        if here[0] == "taiwan":
            yield Romanized(start, end, name, name_wg(family, syllables), "Taiwan Wade-Giles")
        else:
            yield Romanized(start, end, name, "", "Hong Kong Cantonese")


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in ".!?\n") + 1


def _sentence_end(text: str, at: int) -> int:
    found = _SENTENCE_END.search(text, at)
    return found.start() if found else len(text)
