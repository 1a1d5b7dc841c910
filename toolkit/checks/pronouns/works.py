"""PR101 for 'her' or 'his' before a part of a work (a film's premiere, a book's translation,
an app's users) whose work is named just before, with no person in sight: French, Russian,
Arabic and Urdu give works a gender (la série, книга, al-film is masculine) and Turkish and
Persian none, so MT guesses. Words are data: corpora/animacy/works.tsv."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.pronouns.forms import in_speech
from toolkit.checks.pronouns.lexicon import AnimacyLexicon
from toolkit.checks.pronouns.rules import NONHUMAN_ANTECEDENT
from toolkit.document import Document
from toolkit.english import is_common_word, same_case
from toolkit.findings import Finding
from toolkit.resources import corpus_path, iter_tsv

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_MODIFIERS = 2  # words between the possessive and the part ("her first English translation")
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})


@functools.cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for a definite work ("the new film") and for her/his before a part."""
    rows = list(iter_tsv(corpus_path("animacy", "works.tsv")))
    works = "|".join(r["word"] for r in rows if r["role"] == "work")
    parts = sorted((r["word"] for r in rows if r["role"] == "part"), key=len, reverse=True)
    part = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    work = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){{0,2}}?(?:{works})\b(?!-)")
    owner = re.compile(
        rf"\b(?P<pronoun>her|his|Her|His)\s+(?:[A-Za-z][\w-]*\s+){{0,{_MODIFIERS}}}?(?:{part})\b(?!-)"
    )
    return work, owner


def work_findings(doc: Document, lexicon: AnimacyLexicon) -> Iterator[Finding]:
    """PR101 where a possessive before a part of a work has a work, and no person, in its
    sentence before it or in the sentence before that."""
    work, owner = _words()
    text = doc.text
    sentences = doc.sentences
    for i, sentence in enumerate(sentences):
        for match in owner.finditer(text, sentence.start, sentence.end):
            start = match.start("pronoun")
            pronoun = match.group("pronoun")
            if pronoun[0].isupper() and start != sentence.start:
                continue
            window = sentences[i - 1].start if i else sentence.start
            if not work.search(text, window, start) or in_speech(doc, start):
                continue
            if _person(text, window, start, sentence.start, lexicon):
                continue
            suggestion = same_case("its", pronoun)
            yield NONHUMAN_ANTECEDENT.at(
                doc,
                start,
                start + len(pronoun),
                f"'{pronoun}' stands for the work named before it, which is not a person: the "
                "source language's gender for the noun leaked into English.",
                [suggestion],
                confidence=0.6,
            )


def _person(text: str, start: int, end: int, sentence: int, lexicon: AnimacyLexicon) -> bool:
    """Whether text[start:end] names or implies a person the pronoun may mean: a gendered
    pronoun, a singular person noun (director, actress), or a capitalised word that is a given
    name or no common English word (a surname, or a place, to be safe), other than a
    sentence's first word."""
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        lower = word.lower()
        if lower in _PRONOUNS:
            return True
        noun = lexicon.noun(lower)
        if noun is not None and noun[0].animacy != "nonhuman" and not noun[1]:
            return True
        if word[0].isupper() and match.start() not in (start, sentence):
            if lexicon.given(lower) is not None:
                return True
            if not (lexicon.english_word(lower) or is_common_word(lower)):
                return True  # a surname ("Saturday", "English" are common words)
    return False
