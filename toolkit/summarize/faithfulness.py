"""Is a summary faithful to its article? Every number and every name it uses must occur in
the article, after normalising how numbers and transliterated names are written.
Known gap: a frequent word that is also a name ("Washington") escapes at a sentence start."""

from __future__ import annotations

import re
import unicodedata

from toolkit.summarize.tokens import stop_words, terms

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:(?:al|el|ad|as|ash|bin|ibn|de|of|the)[-\s])?[A-Z][\w'’-]*)*"
)
COMMON_ZIPF = 5.0  # wordfreq: about 1 in 10,000 words
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“(]\s*)$")


def name_key(text: str) -> str:
    """A name without diacritics, case, hyphens, apostrophes or the Arabic article: the key
    under which "Jurf al-Sakhar" and "Jurf Al Sakhar" are one name."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
    plain = re.sub(r"\b(?:al|el|ad|as|ash)[-\s]+", "", plain)
    return re.sub(r"[^\w]+|_", "", plain)


def _common_word(word: str, stems: set[str], lang: str) -> bool:
    """A capitalised sentence-initial word that is an ordinary word, not a name: a stop word,
    a word of the source (any case, any ending), or a frequent word of the language."""
    from wordfreq import zipf_frequency

    folded = word.casefold()
    if folded in stop_words(lang) or set(terms(word, lang)) <= stems:
        return True
    return zipf_frequency(folded, lang) >= COMMON_ZIPF


def _numbers(text: str) -> set[str]:
    return {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}


def unsupported(summary: str, source: str, lang: str = "en") -> list[str]:
    """Numbers and names of ``summary`` that ``source`` does not contain, in order."""
    missing = [n for n in _numbers(summary) - _numbers(source)]
    source_keys = name_key(source)
    stems = set(terms(source, lang))
    for match in _NAME.finditer(summary):
        name = match.group()
        if _SENTENCE_START.search(summary[: match.start()]):
            first, _, rest = name.partition(" ")
            if _common_word(first, stems, lang):
                name = rest.strip()
        if name and name_key(name) not in source_keys and not _variant_in(name, source_keys):
            missing.append(name)
    return list(dict.fromkeys(missing))


def _variant_in(name: str, source_keys: str) -> bool:
    """Whether the source names the same gazetteer entity under another spelling
    ("Jurf al-Sakhr" in the summary, "Jurf al-Sakhar" in the article)."""
    from toolkit.names import load_gazetteer

    return any(
        name_key(other) in source_keys
        for entry in load_gazetteer().exact(name)
        for other in entry.names
    )
