"""Gendered pronouns, the forms that replace them, and whether one stands in quoted speech."""

from __future__ import annotations

import bisect
import re
import weakref

from toolkit.document import Document

GENDERED = re.compile(r"\b(?:she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)
GENDER = {w: "f" for w in ("she", "her", "hers", "herself")} | {
    w: "m" for w in ("he", "him", "his", "himself")
}
# (pronoun, is a determiner) -> (singular neuter, plural, other gender)
FORMS = {
    ("she", False): ("it", "they", "he"),
    ("he", False): ("it", "they", "she"),
    ("her", True): ("its", "their", "his"),
    ("her", False): ("it", "them", "him"),
    ("hers", False): ("its", "theirs", "his"),
    ("herself", False): ("itself", "themselves", "himself"),
    ("him", False): ("it", "them", "her"),
    ("his", True): ("its", "their", "her"),
    ("his", False): ("its", "theirs", "hers"),
    ("himself", False): ("itself", "themselves", "herself"),
}
_AFTER_QUOTE = re.compile(r"(?:[,.!?…]['’]|[\"”»])$")


def in_speech(doc: Document, offset: int) -> bool:
    """Whether a pronoun is inside a quotation (counted from its paragraph's start), right
    after one ("...," she said), or in a sentence that opens with one."""
    paragraph = doc.paragraph_at(offset)
    start = paragraph.start if paragraph else 0
    quotes = _quotes(doc)
    opened = sum(quotes.count(mark, start, offset) * sign for mark, sign in _PAIRED.items())
    sentence = doc.sentence_at(offset)
    opener = sentence is not None and doc.text[sentence.start] in "\"“«'‘"
    tail = doc.text[max(start, offset - 40) : offset].rstrip()[-2:]
    after_quote = _AFTER_QUOTE.search(tail)  # the tail only: linear
    return opened > 0 or quotes.count('"', start, offset) % 2 == 1 or opener or bool(after_quote)


_PAIRED = {"“": 1, "«": 1, "”": -1, "»": -1}


class _Quotes:
    """Where a document's quotation marks are, to count them before an offset by bisection
    (counting a long paragraph's text for each pronoun is quadratic)."""

    def __init__(self, text: str) -> None:
        self.marks = {mark: [m.start() for m in re.finditer(mark, text)] for mark in '“«”»"'}

    def count(self, mark: str, start: int, end: int) -> int:
        positions = self.marks[mark]
        return bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)


_QUOTES: weakref.WeakKeyDictionary[Document, _Quotes] = weakref.WeakKeyDictionary()


def _quotes(doc: Document) -> _Quotes:
    found = _QUOTES.get(doc)
    if found is None:
        found = _QUOTES[doc] = _Quotes(doc.text)
    return found
