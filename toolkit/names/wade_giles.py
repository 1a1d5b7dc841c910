"""Hanyu Pinyin to the Wade-Giles romanization Taiwan's names use in English news, without
apostrophes or umlauts ("Cai Yingwen" -> "Tsai Ying-wen", "Lai Qingde" -> "Lai Ching-te").

Rules from the two systems' published tables (general knowledge). Many Taiwanese spell
their names irregularly (Lee for Li, Hsiao Bi-khim), so the result is a likely form, never
a safe fix.
"""

from __future__ import annotations

import functools
import re

from toolkit.names.joins import syllable

_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(.*)$")
_INITIALS = {
    "zh": "ch", "ch": "ch", "sh": "sh", "b": "p", "p": "p", "d": "t", "t": "t", "g": "k",
    "k": "k", "j": "ch", "q": "ch", "x": "hs", "r": "j", "z": "ts", "c": "ts",
}  # fmt: skip
_WHOLE = {"yi": "i", "you": "yu", "yan": "yen", "ye": "yeh", "yue": "yueh", "yong": "yung",
          "er": "erh", "zi": "tzu", "ci": "tzu", "si": "ssu"}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def syllable_wg(pinyin: str) -> str:
    """One toneless pinyin syllable in Wade-Giles, lower-case."""
    pinyin = pinyin.lower()
    if pinyin in _WHOLE:
        return _WHOLE[pinyin]
    initial, final = _INITIAL.match(pinyin).groups()
    initial = initial or ""
    if initial in {"zh", "ch", "sh", "r"} and final == "i":
        final = "ih"
    elif (final, initial in {"g", "k", "h"}) == ("e", True) or (
        final == "uo" and initial not in {"g", "k", "h", "sh"}
    ):
        final = "o"  # ge -> ko; duo -> to, but guo -> kuo
    elif final == "ui" and initial in {"g", "k"}:
        final = "uei"
    else:
        for old, new in (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"),
                         ("ue", "ueh")):  # fmt: skip
            if final.endswith(old):
                final = final[: -len(old)] + new
                break
    return _INITIALS.get(initial, initial) + final


def split_given(given: str) -> tuple[str, ...] | None:
    """A joined pinyin given name as its syllables ("Qingde" -> qing, de; "Hong'an")."""
    parts = re.split(r"['’]", given.lower())
    if len(parts) == 2:
        return tuple(parts) if all(syllable(p) for p in parts) else None
    word = parts[0]
    cuts = [c for c in range(1, len(word)) if syllable(word[:c]) and syllable(word[c:])]
    if not cuts:
        return None
    # "Xian" could be xi + an: a second syllable that starts with a consonant is likelier
    consonant = [c for c in cuts if word[c] not in "aeiou"]
    cut = (consonant or cuts)[-1]
    return word[:cut], word[cut:]


def name_wg(surname: str, syllables: tuple[str, ...]) -> str:
    """'Lai', ('qing', 'de') -> 'Lai Ching-te'."""
    given = "-".join(syllable_wg(s) for s in syllables)
    return f"{syllable_wg(surname).capitalize()} {given.capitalize()}"
