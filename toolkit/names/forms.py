"""Forms of a known name that an English news text should not print: another language's
spelling of a listed entity (Lizbon, Tombouctou, Khudzhand, CEDEAO), Turkish letters
(İmamoğlu), the Arabic article as pronounced (ash-Sharaa), a Turkish name read with Turkish
letter values (Jihan for Ceyhan), and the words that are never names to replace (demonyms:
Yemenis, Syrian's).
"""

from __future__ import annotations

import functools
import re

from toolkit.names.entry import Entry
from toolkit.names.frequency import zipf
from toolkit.names.normalize import core_tokens, fold, loose_key, tokens, turkish_read
from toolkit.names.similarity import distance
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
# A place name this frequent in English is an English word with its own spelling (Istanbul),
# where a less known place of Turkey keeps its Turkish letters in English news (İzmir).
ENGLISH_WORD = 3.5
# Countries whose official place names are French: English news keeps their letters (Ouaddaï).
FRENCH_NAMED = frozenset(
    {"BF", "BI", "BJ", "CD", "CF", "CG", "CI", "CM", "DJ", "GA", "GN", "KM", "MG", "ML", "NE",
     "RW", "SN", "TD", "TG"}
)  # fmt: skip
# Places of the Maghreb are officially romanized the French way (Béjaïa, Sétif, Kénitra).
MAGHREB = frozenset({"DZ", "MA", "TN"})


# The Arabic article assimilated to a following "sun letter" (as-Sakhr, ash-Sharaa, ad-Din)
# or written with e (es-, ez-): how it sounds, where English news mostly writes al-.
ASSIMILATED = frozenset(
    {"as", "ash", "ad", "adh", "ar", "at", "ath", "az", "an", "ez", "es", "ed", "er", "et", "en"}
)
_EZAFE = re.compile(r"\w-(?:e|ye)[\s-]\w")
_HYPHENED_ARTICLE = re.compile(r"\b([A-Za-z]{2,3})-(?=[A-Za-z])")


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


def foreign_form(
    text: str,
    entry: Entry,
    countries: set[str],
    accepted: frozenset[str],
    dateline: bool = False,
) -> str:
    """Why ``text`` (a listed name of ``entry``) is another language's form of it, where
    English writes ``entry.canonical``, or "" when it is not: "listed", a curated foreign
    form (Benfika, CEDEAO); "letters", a non-ASCII spelling of an ASCII name (Kamışlı,
    Al-Qaïda); "exonym", for a place, a spelling English does not use (Lizbon, Tombouctou:
    unattested in English, the canonical attested), of a large place or of one in a country
    the text names. Spellings a curated or user file lists (``accepted``) are English usage.
    A Turkish person or place keeps the letters of the name (Erdoğan, İzmir; not İstanbul,
    an English word), and so do a person or place of a French-named country (Goïta, Ouaddaï)
    and a place of the Maghreb (Béjaïa); ``dateline``:
    the text is a dateline in capitals (KISHINEV), where capitals are no sign of a brand."""
    key = loose_key(text)
    if any(loose_key(f) == key for f in entry.foreign):
        return "listed"
    if not text.isascii():
        if entry.type == "country":
            return ""  # a country's own name is official usage (Türkiye)
        if entry.type == "person" and entry.country == "TR" and turkish_letters(text):
            return ""  # Erdoğan, İmamoğlu: the person's own letters, kept by many outlets
        if entry.is_place and entry.country == "TR" and turkish_letters(text):
            return "letters" if name_zipf(entry.canonical) >= ENGLISH_WORD else ""
        if entry.country in FRENCH_NAMED and (entry.is_place or entry.type == "person"):
            return ""  # Ouaddaï, Ségou, Assimi Goïta: the official French spelling
        if entry.is_place and entry.country in MAGHREB:
            return ""  # Béjaïa, Sétif, Kénitra: the official French-based romanization
        english = {loose_key(n) for n in (entry.canonical, *entry.variants)}
        if loose_key(ascii_name(text)) in english:  # the English name with its accents
            return "letters" if turkish_letters(text) or "ï" in text else ""
        return "letters" if entry.canonical.isascii() else ""  # Kamışlı for Qamishli
    if key == loose_key(entry.canonical):
        return ""
    if key in accepted or not entry.is_place or name_zipf(entry.canonical) < ATTESTED:
        return ""
    if entry.population < EXONYM_POPULATION or (text.isupper() and len(text) > 1 and not dateline):
        return ""  # a small place, or a brand or acronym in capitals ("OPPEIN", not Oppein)
    if entry.country in PINYIN_COUNTRIES:
        return ""  # GeoNames' pinyin alternates are romanizations, not exonyms (Damei)
    softened = text.count("y") < entry.canonical.count("y")
    if softened and _glide_free(text) == _glide_free(entry.canonical):
        return ""  # i for a soft vowel's y: the English romanization (Zaporizhzhia; not Vilnyus)
    known_here = entry.population >= FAMOUS or entry.country in countries
    # A spelling English also uses (Halep, Northeast, Manatee) is left alone.
    return "exonym" if known_here and name_zipf(text) < ATTESTED else ""


def _glide_free(name: str) -> str:
    """``name`` lower-cased with y read as i and a doubled i single ("Mykolayiv": "mikolaiv")."""
    return re.sub("i+", "i", name.lower().replace("y", "i"))


def assimilated_article(text: str, entry: Entry, forms: frozenset[str]) -> bool:
    """Whether ``text`` writes the Arabic article assimilated (a hyphened "ash-", "es-")
    where no accepted name of the entity (``forms``: curated names, article kept) does
    ("Ahmed ash-Sharaa" for Ahmed al-Sharaa; "Deir ez-Zor", listed so, is left alone)."""
    found = {m.group(1).lower() for m in _HYPHENED_ARTICLE.finditer(text)} & ASSIMILATED
    if not found:
        return False
    listed = [tokens(n) for n in entry.names]
    used = {t for words in listed if " ".join(words) in forms for t in words[:-1]}
    return not found <= used


def turkish_reading(text: str, entry: Entry) -> bool:
    """Whether ``text`` spells the entry's name (canonical, or written with Turkish letters)
    as Turkish reads it (c as j, ç as ch, ş as sh) but not as English reads it: "Jihan" for
    Ceyhan, "Jizre" for Cizre."""
    if loose_key(text) == loose_key(entry.canonical):
        return False
    english = (entry.canonical, *(() if entry.is_world else entry.variants))
    if any(distance(text, name).is_spelling_variant for name in english):
        return False
    if entry.is_world and entry.population < EXONYM_POPULATION:
        return False  # a village's alternates are local spellings ("Shara", Kelekli)
    turkish = [entry.canonical, *(n for n in entry.variants if turkish_letters(n) or "ç" in n)]
    read = {r for n in turkish if (r := turkish_read(n)) != n}
    return any(distance(text, name).is_spelling_variant for name in read)


def half_stripped(text: str, entry: Entry) -> str:
    """The listed spelling with its letters when ``text`` writes some words of a name with
    their Turkish letters and others without ("Ozgur Özel" for Özgür Özel), else ""."""
    if text.isascii():
        return ""
    words = text.split()
    for name in entry.names:
        listed = name.split()
        if len(listed) != len(words) or name.isascii():
            continue
        stripped = [w != n and w == ascii_name(n) for w, n in zip(words, listed, strict=True)]
        kept = [w == n and not n.isascii() for w, n in zip(words, listed, strict=True)]
        if any(stripped) and any(kept):
            return name
    return ""


def ezafe(text: str, entry: Entry) -> bool:
    """Whether ``text`` keeps the Persian ezafe ("Bandar-e Abbas") that the English name of
    the place drops (Bandar Abbas; "Qasr-e Shirin", so written in English, is left alone)."""
    if not entry.is_place or not _EZAFE.search(text):
        return False
    return not _EZAFE.search(entry.canonical)
