"""English word classes from corpora/english: function words and a verb lexicon, loaded once."""

from __future__ import annotations

import bisect
import functools
import re

from toolkit.document import abbreviations as listed_abbreviations
from toolkit.resources import corpus_path, iter_tsv, read_lines

# Inflection rules of the WordNet verb lemmatizer: (suffix of the form, suffix of the lemma).
_VERB_SUFFIXES = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""))
_VERB_SUFFIXES += (("ing", "e"), ("ing", ""))


@functools.cache
def function_words() -> dict[str, str]:
    """Lower-case closed-class word -> class (article, preposition, conjunction, auxiliary...)."""
    return {
        row["word"]: row["class"] for row in iter_tsv(corpus_path("english", "function_words.tsv"))
    }


@functools.cache
def _verb_lemmas() -> frozenset[str]:
    return frozenset(read_lines("english", "verb_lemmas.txt"))


def is_verb_lemma(word: str) -> bool:
    """True when a lower-case word is a verb's base form ("assure", "carry")."""
    return word in _verb_lemmas()


@functools.cache
def irregular_verb_forms() -> frozenset[str]:
    """Irregular inflected verb forms ("went", "taken", "said"), lower-case."""
    return frozenset(irregular_verb_lemmas())


@functools.cache
def irregular_verb_lemmas() -> dict[str, str]:
    """Irregular inflected verb form -> its lemma ("went" -> "go"), lower-case."""
    rows = iter_tsv(corpus_path("english", "verb_irregular.tsv"))
    return {row["form"]: row["lemma"] for row in rows}


@functools.cache
def adjectives() -> frozenset[str]:
    """English adjectives (corpora/agreement/adjectives.txt), lower-case."""
    return frozenset(read_lines("agreement", "adjectives.txt"))


@functools.cache
def reporting_verb_rows() -> tuple[dict[str, str], ...]:
    """Rows of corpora/english/reporting_verbs.tsv: a reporting verb's forms and whether
    "quoted X as <participle>." ends a cut quotation (``quoted_as``)."""
    return tuple(iter_tsv(corpus_path("english", "reporting_verbs.tsv")))


@functools.cache
def reporting_verbs(form: str) -> frozenset[str]:
    """One form ("lemma", "past", "present", "participle") of the reporting verbs."""
    return frozenset(row[form] for row in reporting_verb_rows())


@functools.cache
def can_be_verb(word: str) -> bool:
    """True when a lower-case word can be a verb form (lemma, inflection, irregular form)."""
    word = word.lower().replace("’", "'")
    if function_words().get(word) == "auxiliary":
        return True
    lemmas = _verb_lemmas()
    if word in lemmas or word in irregular_verb_forms():
        return True
    for suffix, replacement in _VERB_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in lemmas:
            return True
    # Doubled final consonant: "stopped", "planning".
    return any(
        word.endswith(suffix)
        and len(word) > len(suffix) + 2
        and word[-len(suffix) - 1] == word[-len(suffix) - 2]
        and word[: -len(suffix) - 1] in lemmas
        for suffix in ("ed", "ing")
    )


_ADDRESS_MARK = re.compile(
    r"www\.|https?:|ftp:|mailto:|@\w|\.(?:com|org|net|gov|edu|int|io|co|uk|info|me|tv)\b"
)
_MARKUP = re.compile(r"<[^<>\n]{1,200}>|&#?\w{2,8};")
_SPACE = re.compile(r"\s")
_TRAILING_PUNCTUATION = frozenset(".,;:!?)]}\"'”’»")
_LEADING_PUNCTUATION = frozenset("([{\"'“‘«")


def not_prose_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses, domains, markup tags and HTML entities in ``text``."""
    spans = [m.span() for m in _MARKUP.finditer(text)]
    end = 0
    for match in _ADDRESS_MARK.finditer(text):
        if match.start() < end:
            continue
        reach = max(0, match.start() - 2000)
        start = max(text.rfind(c, reach, match.start()) for c in " \t\n\r\xa0") + 1
        start = max(start, reach)
        while start < match.start() and text[start] in _LEADING_PUNCTUATION:
            start += 1
        space = _SPACE.search(text, match.end())
        end = space.start() if space else len(text)
        while end > match.end() and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1  # "(Weibo @handle).": brackets, quotes and stop belong to the sentence
        spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, stop in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return merged


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``offset`` falls in one of the sorted, non-overlapping ``spans``."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


@functools.cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that take a full stop (case-sensitive, plus lower-cased forms)."""
    words = listed_abbreviations()
    return (
        words | {w.lower() for w in words} | set(read_lines("english", "abbreviations_lower.txt"))
    )


_FINAL_MARK = re.compile(r"[.!?…:;。！？؟][\"'”’»)\]]*$")
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (optionally inside a quote or bracket)."""
    return bool(_FINAL_MARK.search(text.rstrip()))


def is_title_case(text: str) -> bool:
    """True when most longer words after the first are capitalised, as in a headline or title."""
    # several checks ask it of each sentence: remembered for the sentences of usual length
    return _title_case(text) if len(text) <= _REMEMBERED else _title_case.__wrapped__(text)


_REMEMBERED = 2000


@functools.lru_cache(maxsize=4096)
def _title_case(text: str) -> bool:
    words = [w for w in _WORDS.findall(text)[1:] if len(w) > 3]
    if len(words) < 2:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    if ends_like_sentence(text):
        return len(words) >= 4 and capitalised >= 0.8 * len(words)
    return capitalised >= 0.6 * len(words)


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(read_lines("english", "common_words.txt"))


def is_common_word(word: str) -> bool:
    """True when ``word`` (any case) is among the 10,000 most frequent English words."""
    return word.lower() in _common_words()


def same_case(word: str, original: str) -> str:
    """``word`` capitalised when ``original`` is (a replacement that keeps its place's case)."""
    return word.capitalize() if original[:1].isupper() else word
