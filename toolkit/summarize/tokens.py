"""Script-agnostic tokens for summarizing and scoring: words where a script spaces them,
character n-grams where it does not (Chinese, Japanese, Thai), stop words from corpora/."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from toolkit.errors import ModelError
from toolkit.resources import corpora_dir, read_lines

# Scripts written without spaces between words.
UNSPACED = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u0e00-\u0e7f\u0e80-\u0eff"  # Thai, Lao
    "\u1000-\u109f\u1780-\u17ff"  # Myanmar, Khmer
)
_TOKEN = re.compile(rf"[{UNSPACED}]+|[^\W_]+(?:['’\-.][^\W_]+)*")
UNSPACED_RUN = re.compile(rf"[{UNSPACED}]+")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ENGLISH_SUFFIX = re.compile(r"(?<=\w{3})(?:ing|ed|ly|(?<![su])s)$")
_ARABIC_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال)(?=\w{3})")

# Script ranges used to guess the language of a text when --lang is auto.
_SCRIPTS = (
    ("ar", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
)
_PERSIAN_LETTERS = re.compile("[پچژگکی]")
_URDU_LETTERS = re.compile("[ٹڈڑںھے]")
_LATIN_LANGS = ("en", "fr", "de", "es", "it", "pt", "tr", "id")


def normalise(text: str) -> str:
    """NFKC, case-folded, without Arabic vowel marks and tatweel."""
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).casefold()


def tokens(text: str, *, ngram: int = 2) -> list[str]:
    """Normalised word tokens; a run of an unspaced script becomes character ``ngram``-grams.

    ``ngram=1`` gives single characters (what ROUGE on Chinese counts).
    """
    out: list[str] = []
    for match in _TOKEN.finditer(normalise(text)):
        token = match.group()
        if UNSPACED_RUN.fullmatch(token):
            if len(token) <= ngram:
                out.append(token)
            else:
                out.extend(token[i : i + ngram] for i in range(len(token) - ngram + 1))
        else:
            out.append(token)
    return out


@functools.cache
def stop_words(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` from corpora/stopwords/ (empty for a language without a list)."""
    if not (corpora_dir() / "stopwords" / f"{lang}.txt").exists():
        return frozenset()
    try:
        return frozenset(normalise(w) for w in read_lines("stopwords", f"{lang}.txt"))
    except ModelError:
        return frozenset()


def stem(token: str, lang: str) -> str:
    """A light, conservative stem: English plural/verb endings, Arabic article prefixes."""
    if lang == "en":
        return _ENGLISH_SUFFIX.sub("", token)
    if lang in ("ar", "fa", "ur"):
        return _ARABIC_PREFIX.sub("", token)
    return token


def terms(text: str, lang: str) -> list[str]:
    """Content terms of ``text``: tokens without stop words, numbers kept, lightly stemmed."""
    stops = stop_words(lang)
    return [stem(t, lang) for t in tokens(text) if t not in stops and (len(t) > 1 or t.isdigit())]


def detect_lang(text: str) -> str:
    """A guess at the language of ``text`` from its script, and stop words for Latin script."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    for lang, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) > letters * 0.3:
            if lang == "ar" and len(_URDU_LETTERS.findall(sample)) > letters * 0.01:
                return "ur"
            if lang == "ar" and len(_PERSIAN_LETTERS.findall(sample)) > letters * 0.02:
                return "fa"
            if lang == "zh" and _SCRIPTS[2][1].search(sample):
                return "ja"
            return lang
    words = Counter(tokens(sample))
    hits = {
        lang: sum(n for w, n in words.items() if w in stop_words(lang)) for lang in _LATIN_LANGS
    }
    return max(_LATIN_LANGS, key=lambda lang: (hits[lang], lang == "en"))
