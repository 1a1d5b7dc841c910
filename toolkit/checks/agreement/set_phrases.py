"""AG104: set phrases whose inner noun stays singular ("heads of states" -> "heads of
state"), from corpora/agreement/fixed_phrases.tsv."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.checks.agreement.rules import SET_PHRASE
from toolkit.checks.numbers.values import folded
from toolkit.document import Document
from toolkit.english import same_case
from toolkit.findings import Finding


@functools.cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = (r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", p))) for p in phrases)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


def set_phrase_findings(doc: Document) -> Iterator[Finding]:
    """AG104 findings of ``doc``."""
    phrases = AgreementLexicon.load().set_phrases
    lower = folded(doc.text)  # a case-sensitive scan of the lower-case text is 7 times faster
    for match in _pattern(tuple(sorted(phrases, key=len, reverse=True))).finditer(lower):
        found = doc.text[match.start() : match.end()]
        key = " ".join(match.group().split())
        right = phrases.get(key) or phrases.get(key.replace(" ", "-"))
        if right is None:
            continue
        fixed = _cased(right, found)
        yield SET_PHRASE.at(
            doc,
            match.start(),
            match.end(),
            f"'{found}' is a set phrase with a singular inner noun: '{fixed}'.",
            [fixed],
            confidence=0.9,
        )


def _cased(right: str, found: str) -> str:
    """``right`` with the capitals of ``found``, word by word ("Heads of Government")."""
    words, originals = re.split(r"([\s-]+)", right), re.split(r"([\s-]+)", found)
    if len(words) != len(originals):
        return same_case(right, found)
    return "".join(
        same_case(w, o) if w.strip(" -") else o for w, o in zip(words, originals, strict=True)
    )
