"""Forms of a known name that an English news text should not print: another language's
spelling of a listed entity (Lizbon, Tombouctou, Khudzhand, CEDEAO), Turkish letters
(İmamoğlu), and the words that are never names to replace (demonyms: Yemenis, Syrian's).
"""

from __future__ import annotations

import functools

from toolkit.names.frequency import zipf
from toolkit.names.gazetteer import Entry
from toolkit.names.normalize import core_tokens, fold, loose_key
from toolkit.names.words import demonyms
from toolkit.names.world import ascii_name

# Letters only Turkish (and Azerbaijani) writing uses; an English text spells them out.
TURKISH_LETTERS = frozenset("ıİşŞğĞ")
ATTESTED = 1.0  # Zipf at which a spelling is English usage (wordfreq's list starts here)
PINYIN_COUNTRIES = frozenset({"CN", "TW", "HK", "MO"})
FAMOUS = 100_000  # a place this large is known by its English name anywhere
# Smaller places have local spellings and other names among their GeoNames alternates, no
# exonyms ("Zinan", a village of 500 in Iran, is no foreign form of its name Patek).
EXONYM_POPULATION = 15_000


def turkish_letters(word: str) -> bool:
    return not TURKISH_LETTERS.isdisjoint(word)


@functools.lru_cache(maxsize=16384)
def is_demonym(word: str) -> bool:
    """A country adjective or its plural or possessive ("Yemenis", "Syrian's", "Iraqi")."""
    lower = fold(word).removesuffix("'s").removesuffix("’s")
    table = demonyms()
    return lower in table or (lower.endswith("s") and lower[:-1] in table)


def name_zipf(name: str) -> float:
    """English frequency of a name: its word's, or its rarest core word's."""
    words = core_tokens(name)  # (not loose keys: "Missouri" is no "misouri")
    return min((zipf(w) for w in words), default=0.0)


def foreign_form(text: str, entry: Entry, countries: set[str], accepted: frozenset[str]) -> str:
    """Why ``text`` (a listed name of ``entry``) is another language's form of it, where
    English writes ``entry.canonical``, or "" when it is not: "listed", a curated foreign
    form (Benfika, CEDEAO); "letters", a non-ASCII spelling of an ASCII name (Kamışlı,
    Al-Qaïda); "exonym", for a place, a spelling English does not use (Lizbon, Tombouctou:
    unattested in English, the canonical attested), of a large place or of one in a country
    the text names. Spellings a curated or user file lists (``accepted``) are English usage."""
    key = loose_key(text)
    if any(loose_key(f) == key for f in entry.foreign):
        return "listed"
    if not text.isascii():
        if entry.type == "country":
            return ""  # a country's own name is official usage (Türkiye)
        english = {loose_key(n) for n in (entry.canonical, *entry.variants)}
        if loose_key(ascii_name(text)) in english:  # the English name with its accents
            return "letters" if turkish_letters(text) or "ï" in text else ""
        return "letters" if entry.canonical.isascii() else ""  # Kamışlı for Qamishli
    if key == loose_key(entry.canonical):
        return ""
    if key in accepted or not entry.is_place or name_zipf(entry.canonical) < ATTESTED:
        return ""
    if entry.population < EXONYM_POPULATION or (text.isupper() and len(text) > 1):
        return ""  # a small place, or a brand or acronym in capitals ("OPPEIN", not Oppein)
    if entry.country in PINYIN_COUNTRIES:
        return ""  # GeoNames' pinyin alternates are romanizations, not exonyms (Damei)
    known_here = entry.population >= FAMOUS or entry.country in countries
    # A spelling English also uses (Halep, Northeast, Manatee) is left alone.
    return "exonym" if known_here and name_zipf(text) < ATTESTED else ""
