"""Is one written name a re-transliteration of another? Token tests and mention alignment.

Two spellings of one name differ only where romanization conventions differ: diacritics
("Şimşek" / "Simsek"), a vowel that stands for the same Arabic, Persian or Russian vowel
(a/e: "Darna" / "Derna"; e/i: "Hebatollah" / "Hibatullah"; o/u: "Akhond" / "Akhund"),
a consonant written two ways (sh/ch, kh/h, q/k, gh/q, j/zh, dzh/j, p/b, v/w), doubled letters
("Asad" / "Assad"), a short vowel unwritten between consonants ("Amzmiz" / "Amizmiz"), the
Arabic article written on ("Albusaidi" / "Bousaidi"), a word split in two ("Naro Wal" /
"Narowal"), or a letter read back as a word ("Eternity C" / "Eternity Sea"). Different names
differ elsewhere: another vowel ("Gaza" / "Giza", "Hamid" / "Hamad", "Oman" / "Amman"), a
sound more or less at a word's end ("Iraq" / "Iraqi", "Clark" / "Clarke").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from toolkit.cache import tsv_rows
from toolkit.names.frequency import zipf
from toolkit.names.joins import pinyin_word
from toolkit.names.mentions import Mention, Token, plain, sound
from toolkit.resources import corpus_path, iter_tsv

SAME, VARIANT = "same", "variant"
NOUN_PLURAL = 1.5  # Zipf of a noun's plural from which it is a common noun, not a name
MIN_SOUND = 4  # shorter names ("Li", "Lu", "Wang"/"Wong") are too short to tell apart
ENGLISH_WORD = 3.0  # Zipf of a word that is English, not a bare name ("Bright")
MIN_DROPPED = 5  # sounds a name keeps without its unwritten vowel ("Bishr" is too short)
_VOWELS = frozenset("aeiou")
_VOWEL_PAIRS = frozenset({("a", "e"), ("e", "i"), ("o", "u")})
# Symbols of ``normalize.phonemes``: x = kh, S = sh, C = ch, Z = zh, G = gh, D = dh, T = th.
_CONSONANT_PAIRS = frozenset(
    {("q", "k"), ("x", "h"), ("S", "C"), ("j", "Z"), ("j", "g"), ("w", "v"), ("G", "g"),
     ("b", "p"), ("f", "v"), ("q", "g"), ("G", "q"), ("D", "z"), ("D", "d"), ("T", "t"),
     ("T", "s")}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pair:
    """Tokens of two mentions aligned: ``left`` tokens of one against ``right`` of the other."""

    left: tuple[Token, ...]
    right: tuple[Token, ...]
    kind: str  # SAME, or the kind of variant: diacritics, spelling, split, letter


def token_relation(a: Token, b: Token) -> str | None:
    """SAME, a variant kind, or None for two different names."""
    if a.key == b.key:
        return SAME
    if a.is_acronym or b.is_acronym:
        return None
    if plain(a.text) == plain(b.text):
        return "diacritics"
    noun = is_noun(a.text) or is_noun(b.text)  # not "Councillor" / "Councilor"
    if not noun and (
        spelled_alike(a.text, b.text)
        or vowel_unwritten(a.text, b.text)
        or vowel_cluster(a.text, b.text)
    ):
        return "spelling"
    if not noun and (article_glued(a.text, b.text) or article_glued(b.text, a.text)):
        return "spelling"
    if letter_spoken(a.text, b.text) or letter_spoken(b.text, a.text):
        return "letter"
    return None


@functools.lru_cache(maxsize=65536)
def vowel_unwritten(a: str, b: str) -> bool:
    """One spelling writes a short vowel between two consonants that the other leaves out,
    as Arabic, Persian and Urdu script do ("Amzmiz" / "Amizmiz", "Sarfraz" / "Sarfaraz");
    not at either end of the word ("Clark" / "Clarke" are two names)."""
    x, y = sorted((sound(a), sound(b)), key=len)
    if len(y) != len(x) + 1 or len(x) < MIN_DROPPED:
        return False
    for k in range(1, len(y) - 1):
        if y[k] in _VOWELS and y[:k] + y[k + 1 :] == x:
            return y[k - 1] not in _VOWELS and y[k + 1] not in _VOWELS
    return False


@functools.lru_cache(maxsize=65536)
def vowel_cluster(a: str, b: str) -> bool:
    """Two romanizations of one name that write a vowel cluster with more or fewer letters,
    as they render a hamza, a long vowel or a glide ("Raisi" / "Raeisi" / "Raeesi",
    "Maaita" / "Ma'aita"): the same consonants in the same order, and each vowel run of one
    a run of the other with letters added (or e for i, once doubled letters are single);
    never for English words or common names ("Dean" / "Dan"), nor for two pinyin words, whose
    vowels tell syllables apart ("Kaixin" / "Kaixian")."""
    x, y = _runs(plain(a)), _runs(plain(b))
    if x == y or len(x) != len(y) or max(zipf(a.lower()), zipf(b.lower())) >= ENGLISH_WORD:
        return False
    if pinyin_word(a) and pinyin_word(b):
        return False
    clustered = False
    for p, q in zip(x, y, strict=True):
        if p == q:
            continue
        if p[0] not in _VOWELS or q[0] not in _VOWELS:
            if _single(p) != _single(q):  # consonants: only doubling may differ
                return False
            continue
        short, long = sorted((_single(p), _single(q)), key=len)
        if not (_subsequence(short, long) or short.replace("e", "i") == long.replace("e", "i")):
            return False
        clustered = clustered or len(long) >= 2
    return clustered


def _runs(word: str) -> tuple[str, ...]:
    """``word`` cut into runs of vowels and of other letters ("raeisi": r, aei, s, i)."""
    runs: list[str] = []
    for c in word:
        if not c.isalpha():
            continue
        if runs and (runs[-1][0] in _VOWELS) == (c in _VOWELS):
            runs[-1] += c
        else:
            runs.append(c)
    return tuple(runs)


def _single(run: str) -> str:
    """``run`` with doubled letters written once ("ee" -> "e", "ss" -> "s")."""
    return "".join(c for k, c in enumerate(run) if k == 0 or run[k - 1] != c)


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def short_vowel_changed(a: str, b: str) -> bool:
    """One spelling writes another short vowel between two consonants, which Arabic, Persian
    and Urdu script leave unwritten ("Khaniwal" / "Khanewal"); not in the first or last
    syllable's edge ("Mosul" / "Mosel" differ at the end)."""
    x, y = sound(a), sound(b)
    if len(x) != len(y) or len(x) < MIN_DROPPED + 1:
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    if len(diff) != 1 or not 1 < diff[0] < len(x) - 2:
        return False
    k = diff[0]
    return (
        x[k] in _VOWELS and y[k] in _VOWELS and x[k - 1] not in _VOWELS and x[k + 1] not in _VOWELS
    )


def article_glued(glued: str, bare: str) -> bool:
    """``glued`` is ``bare`` with the Arabic article written on ("Albusaidi" / "Bousaidi");
    not an English word with a prefix ("Albright" / "Bright")."""
    key = plain(glued)
    return (
        key[:2] in ("al", "el")
        and zipf(bare.lower()) < ENGLISH_WORD
        and len(key) >= 7
        and key[2] not in _VOWELS
        and (spelled_alike(key[2:], bare) or plain(bare) == key[2:])
    )


@functools.lru_cache(maxsize=65536)
def spelled_alike(a: str, b: str, shortest: int = MIN_SOUND) -> bool:
    """Same sounds position by position, up to romanization conventions."""
    x, y = sound(a), sound(b)
    if len(x) != len(y) or len(x) < shortest:
        return False
    changes = 0
    for p, q in zip(x, y, strict=True):
        if p == q:
            continue
        if (p, q) not in _PAIRS:
            return False
        changes += 1
    return changes <= max(1, len(x) // 3)


_PAIRS = frozenset({pair for a, b in _VOWEL_PAIRS | _CONSONANT_PAIRS for pair in ((a, b), (b, a))})


@functools.cache
def _nouns() -> frozenset[str]:
    """English common nouns whose plural is in use (names have none: "Mohammeds")."""
    rows = tsv_rows("agreement", "nouns.tsv")
    return frozenset(r["singular"] for r in rows if float(r["zipf_plural"]) >= NOUN_PLURAL)


def is_noun(word: str) -> bool:
    """An English common noun, which US and UK spellings may write two ways."""
    return word.lower() in _nouns()


@functools.cache
def _letter_names() -> dict[str, frozenset[str]]:
    names: dict[str, set[str]] = {}
    for row in iter_tsv(corpus_path("consistency", "letter_names.tsv")):
        names.setdefault(row["letter"], set()).update(s.lower() for s in row["spoken"].split("|"))
    return {letter: frozenset(spoken) for letter, spoken in names.items()}


def letter_spoken(letter: str, word: str) -> bool:
    """``word`` is the English name of the letter ``letter`` ("C", "Sea")."""
    return len(letter) == 1 and word.lower() in _letter_names().get(letter.upper(), ())


def align(shorter: Mention, longer: Mention) -> list[Pair] | None:
    """Each token of ``shorter`` matched in order to a token of ``longer`` (whose other tokens,
    given names or a surname, may go unmatched), or two adjacent tokens of either to one of
    the other ("Ding Ri" / "Dingri"); None when a token finds no match. Same tokens are
    preferred over variants."""
    a, b = shorter.tokens, longer.tokens
    return _align(a, b, 0, 0, {})


def _align(a, b, i, j, memo) -> list[Pair] | None:
    if i == len(a):
        return []
    if (i, j) in memo:
        return memo[i, j]
    best: list[Pair] | None = None
    best_score = -1.0
    for k in range(j, len(b)):
        for pair, di, dj in _pairs_at(a, b, i, k):
            rest = _align(a, b, i + di, k + dj, memo)
            if rest is None:
                continue
            candidate = [pair, *rest]
            score = sum(2.0 if p.kind == SAME else 1.0 for p in candidate) - 0.01 * (k - j)
            if score > best_score:
                best, best_score = candidate, score
    memo[i, j] = best
    return best


def _pairs_at(a, b, i, k):
    """Pairs that start at token ``i`` of ``a`` and token ``k`` of ``b``, with their lengths."""
    kind = token_relation(a[i], b[k])
    if kind is not None:
        yield Pair((a[i],), (b[k],), kind), 1, 1
    if k + 1 < len(b) and _joins(a[i], b[k], b[k + 1]):
        yield Pair((a[i],), (b[k], b[k + 1]), "split"), 1, 2
    if i + 1 < len(a) and _joins(b[k], a[i], a[i + 1]):
        yield Pair((a[i], a[i + 1]), (b[k],), "split"), 2, 1


def _joins(whole: Token, first: Token, second: Token) -> bool:
    """``first second`` written as the one word ``whole`` ("Naro Wal", "Narowal"); not a
    handle or brand in camel case ("ArvindKejriwal", "TimeWarner")."""
    if any(c.isupper() for c in whole.text[1:]):
        return False
    joined = plain(first.text) + plain(second.text)
    return len(joined) >= 5 and joined == plain(whole.text).replace("-", "")
