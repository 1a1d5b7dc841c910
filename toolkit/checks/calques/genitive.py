"""Genitive chains: 'the X of the Y of the Z' copied from a source construct state.

Arabic idafa, Persian and Urdu ezafe, Turkish izafet, French 'de' and Chinese 的 chain nouns
that English joins as a compound or a possessive ('the cabinet meeting', not 'the meeting of
the council of the ministers'). One such chain is native enough; a text thick with 'of the'
is the calque's other mark, so a chain is reported only in a text whose rate of 'of the'
exceeds what clean English news shows (at most 2.9 per 100 words in the BBC, NTREX and WMT22
reference texts of benchmarks/bench_precision.py; word-for-word Arabic and Persian news runs at
3 to 6).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.document import Document
from toolkit.findings import Finding, Rule

_NOUN = r"(?:[a-z][a-z-]+\s+)??[A-Za-z][a-z-]+"  # a noun, after a modifier if need be
CHAIN = re.compile(rf"\b[Tt]he\s+{_NOUN}(?:\s+of\s+the\s+{_NOUN}){{2,}}")
_OF_THE = re.compile(r"\bof\s+the\b")
_WORD = re.compile(r"\S+")
RATE = 3.0  # 'of the' per 100 words: clean news stays below, calqued news above
MIN_WORDS = 60  # a shorter text is judged as if it had this many words


def dense(text: str) -> bool:
    """Whether 'of the' occurs in ``text`` at the rate of calqued genitives."""
    if "of the" not in text:
        return False
    words = max(MIN_WORDS, sum(1 for _ in _WORD.finditer(text)))
    return 100 * len(_OF_THE.findall(text)) / words >= RATE


def genitive_chains(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``rule`` findings: each chain of three or more 'the N of the N' in a dense text."""
    if not dense(doc.text):
        return
    for match in CHAIN.finditer(doc.text):
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            "A chain of 'the X of the Y of the Z' copies the source language's genitive "
            "construct (Arabic idafa, Persian ezafe, Turkish izafet, French de, Chinese 的); "
            "English uses a compound or a possessive and drops 'the' before generic nouns.",
            confidence=0.6,
        )
