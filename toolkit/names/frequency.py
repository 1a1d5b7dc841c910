"""How common an English word is: wordfreq's English table, cached on disk.

The name analysis asks for tens of thousands of words per feed; importing wordfreq and
reading its list takes about 0.5 s, so ``mtkit check`` never imports it once the table is
cached.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from pathlib import Path

from toolkit.cache import cached

# A word of wordfreq's table: letters or digits of any script, inner apostrophes.
_TABLE_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is (wordfreq Zipf scale, 0 = unseen).

    Words are looked up in wordfreq's English table, cached on disk (importing wordfreq and
    reading its list takes about 0.5 s, so the check never imports it). A hyphenated word
    combines its parts as wordfreq does (1/f = sum of 1/f_i); outer apostrophes go
    ("artists'"); a word the table lacks, such as an unlisted code ("A321"), is unseen.
    """
    word = word.replace("’", "'").strip("'")
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    parts = word.split("-")
    table = _zipf_table()
    if not all(part in table for part in parts):
        return 0.0
    if len(parts) == 1:
        return table[parts[0]]
    frequency = 1 / sum(10 ** (9 - table[part]) for part in parts)
    return round(math.log10(frequency) + 9, 2)


@functools.cache
def _zipf_table() -> dict[str, float]:
    import importlib.util

    folder = Path(importlib.util.find_spec("wordfreq").origin).parent
    return cached("zipf-en-words", [folder / "data" / "large_en.msgpack.gz"], _build_zipf_table)


def _build_zipf_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table = {}
    for word, frequency in get_frequency_dict("en").items():
        if _TABLE_WORD.fullmatch(word):
            rounded = round(frequency, math.floor(-math.log10(frequency)) + 3)  # as wordfreq
            table[word] = round(math.log10(rounded) + 9, 2)
    return table
