"""Names romanized by another language's convention, found from their shape alone.

The gazetteer knows the English form of listed names (Dmitriy -> Dmitry). A surname or
place it does not list still shows the convention: Russian -ий/-ый as -iy or -yy
(passport and scholarly romanization: "Sobolevskiy", "Severniy", "Krasnyy"), where English
news writes -y ("Sobolevsky", "Severny", "Krasny"). A word that ends a name (not a given name
before a surname: Ukrainian Serhiy, Andriy are English usage) and that no curated entry
spells so (Zelenskyy) is reported with the English ending.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from toolkit.names.gazetteer import Gazetteer

# A capitalised word whose -iy/-yy follows a consonant ("Vostochniy", "Navalnyy"); it ends
# a name: no capitalised word follows it.
_RUSSIAN_ENDING = re.compile(
    r"(?<![\w’'])([A-Z][a-z]{2,}[b-df-hj-np-tv-z])(?:iy|yy)\b(?![’'-]?\s*[A-Z]|-\w)"
)


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
