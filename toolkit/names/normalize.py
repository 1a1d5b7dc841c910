"""Spelling-independent forms of a romanized name: folded tokens, keys and sound symbols.

Romanizations of one Arabic, Persian or Turkish name differ in vowels, doubled letters,
digraphs (kh, sh, dh), the article (al-, el-, as-, ash-), apostrophes for ʿayn and hamza,
and word splits. ``phonemes`` maps a name onto one symbol per sound so that the weighted
edit distance in ``similarity`` compares sounds, not letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters that fold badly with NFKD alone (Turkish, Kurdish, ligatures).
_FOLD = str.maketrans(
    {
        "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "g", "Ğ": "G", "ı": "i", "İ": "I",
        "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ḩ": "h", "Ḩ": "H",
    }
)  # fmt: skip
_MARKS = re.compile(r"['’‘`ʿʾʼ′´]")
_SPLIT = re.compile(r"[^a-z0-9]+")

# Arabic article forms, including sun-letter assimilation (as-Sakhr, ad-Din, ez-Zor).
ARTICLES = frozenset(
    {
        "al", "el", "ul", "il", "l", "as", "ash", "ad", "adh", "ar", "at", "ath", "az", "an",
        "ez", "es", "ed", "er", "et", "en", "ud", "us", "ut", "ur", "uz", "un",
    }
)  # fmt: skip
# Tokens that join the parts of one name ("Abu Ghraib", "bin Salman", "Umm Qasr").
LINKS = frozenset({"bin", "ibn", "bint", "abu", "abi", "umm", "um", "bani", "beni"})

_DIGRAPHS = (
    ("tch", "C"), ("sch", "S"), ("dj", "j"), ("kh", "x"), ("gh", "G"), ("sh", "S"),
    ("ch", "C"), ("th", "T"), ("dh", "D"), ("zh", "Z"), ("ph", "f"), ("ck", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ei", "e"), ("ai", "e"),
    ("ay", "e"), ("ey", "e"), ("aa", "a"), ("uu", "u"), ("ii", "i"), ("qu", "k"),
)  # fmt: skip
VOWELS = frozenset("aeiou")


_DIGRAPH_MAP = dict(_DIGRAPHS)
_DIGRAPH = re.compile("|".join(pair for pair, _ in _DIGRAPHS))
_SOFT_C = re.compile(r"c(?=[eiy])")
_GLIDE_Y = re.compile(r"y(?![aeiou])")
_TA_MARBUTA = re.compile(r"(?<=\w\w[aeiou])h\b")
_DOUBLE = re.compile(r"(.)\1+")


def fold_text(text: str) -> str:
    """Lower-case ASCII: diacritics and ʿayn/hamza marks removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _MARKS.sub("", text).lower()


fold = functools.lru_cache(maxsize=65536)(fold_text)  # for words and names, which recur


def tokens(text: str) -> list[str]:
    """Folded word tokens; hyphens and spaces both separate."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=32768)  # names and words recur
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _SPLIT.split(fold(text)) if t)


def token_set(text: str) -> set[str]:
    """The folded word tokens of a longer text (a sentence), as a set; may include ""."""
    return set(_SPLIT.split(fold_text(text)))


def core_tokens(text: str) -> list[str]:
    """Tokens without the Arabic article (kept when it is the whole name)."""
    return list(_core_tokens(text))


@functools.lru_cache(maxsize=32768)
def _core_tokens(text: str) -> tuple[str, ...]:
    toks = _tokens(text)
    kept = tuple(t for i, t in enumerate(toks) if not (t in ARTICLES and i + 1 < len(toks)))
    return kept or toks


@functools.lru_cache(maxsize=65536)
def loose_key(text: str) -> str:
    """A key equal for trivially different spellings: case, marks, article, doubled letters.

    "Ain al-Assad", "Ain Al Asad" and "Ain as-Asad" share one key.
    """
    return _DOUBLE.sub(r"\1", " ".join(_core_tokens(text)))


@functools.lru_cache(maxsize=65536)
def phonemes(text: str) -> str:
    """One symbol per sound: digraphs joined, doubled letters and final -h dropped.

    Upper-case symbols stand for digraphs (x = kh, S = sh, T = th, D = dh, G = gh, C = ch).
    y is a consonant before a vowel (Yemen), else a vowel; a final -h after a vowel goes
    (ta marbuta: Hamah = Hama). Word boundaries disappear, so split and merged words
    compare equal.
    """
    joined = " ".join(_core_tokens(text))
    joined = _DIGRAPH.sub(lambda m: _DIGRAPH_MAP[m.group()], joined)
    joined = _SOFT_C.sub("s", joined).replace("c", "k")
    joined = _TA_MARBUTA.sub("", _GLIDE_Y.sub("i", joined))
    return _DOUBLE.sub(r"\1", joined.replace(" ", ""))


# Coarse classes for retrieval: letters Arabic script or romanizers confuse share a class.
_COARSE = str.maketrans(
    {
        "j": "J", "y": "J", "g": "J", "G": "K", "k": "K", "q": "K", "x": "K", "C": "S",
        "s": "S", "z": "S", "S": "S", "Z": "S", "T": "S", "D": "T", "t": "T", "d": "T",
        "b": "B", "p": "B", "f": "F", "v": "F", "w": "W", "r": "R", "l": "R", "m": "M",
        "n": "N", "h": None, "a": None, "e": None, "i": None, "o": None, "u": None,
    }
)  # fmt: skip


def skeleton(text: str) -> str:
    """Consonant classes only: the retrieval key ("Youlf Saqr" and "Jurf al-Sakhar": JRFSKR)."""
    return skeleton_of_sound(phonemes(text))


@functools.lru_cache(maxsize=65536)
def skeleton_of_sound(sound: str) -> str:
    """The skeleton of a ``phonemes`` string."""
    return _DOUBLE.sub(r"\1", sound.translate(_COARSE))


# Countries whose Latin alphabet gives c the sound j and ç the sound ch (Turkish, Azerbaijani).
TURKISH_ALPHABET = frozenset({"TR", "AZ"})
_TURKISH_SOUNDS = str.maketrans(
    {"c": "j", "C": "J", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh", "ğ": "", "ı": "i", "İ": "I"}
)


def turkish_read(name: str) -> str:
    """``name`` respelled as Turkish reads it, in English letters ("Ceyhan" -> "Jeyhan")."""
    return name.translate(_TURKISH_SOUNDS)
