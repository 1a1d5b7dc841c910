"""Restatements: a sentence or clause that says again, in other words, what an earlier one said.

Two stretches of text are compared by their content words (stop words dropped, case and
punctuation ignored, a plural -s folded), not by their characters, so a re-phrased repeat
("The committee is going to meet again on Sunday in order to ...") matches its original.
Names and figures must agree: two sentences that differ in a date, a number or a name report
two facts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.resources import read_lines

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Words that carry no content of their own in a restatement ("going to", "in order to").
_FILLER = frozenset({"going", "order", "also", "said", "says", "added", "country", "reported"})
MIN_CONTENT = 5  # a sentence restates another only with this many content words
MIN_CLAUSE_CONTENT = 3
CONTAINED = 0.85  # share of the shorter one's content words found in the longer one
OVERLAP = 0.6  # Jaccard overlap of the two sets
WINDOW = 60  # earlier sentences compared


@dataclass(frozen=True, slots=True)
class Content:
    """The content words of a stretch of text, and its facts (names and figures)."""

    words: frozenset[str]
    facts: frozenset[str]


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords", "en.txt")) | _FILLER


def content(text: str, numbers: frozenset[str] = frozenset()) -> Content:
    """The content words and facts (figures, ``numbers`` words, names) of ``text``."""
    tokens = _WORD.findall(text)
    words, facts = set(), set()
    for index, token in enumerate(tokens):
        lower = token.lower()
        if lower in numbers:
            facts.add(lower)
        if lower in _stopwords():
            continue
        stem = lower[:-1] if len(lower) > 3 and lower.endswith("s") else lower
        words.add(stem)
        if token[0].isdigit() or (index and token[0].isupper()):
            facts.add(stem)
    return Content(frozenset(words), frozenset(facts))


def restates(later: Content, earlier: Content, minimum: int = MIN_CONTENT) -> bool:
    """Whether ``later`` says what ``earlier`` said: nearly the same content words, and no
    name or figure of its own."""
    small, large = sorted((later.words, earlier.words), key=len)
    if len(small) < minimum:
        return False
    shared = len(small & large)
    if shared < CONTAINED * len(small) or shared < OVERLAP * len(small | large):
        return False
    return later.facts <= earlier.facts or earlier.facts <= later.facts


def shortened_copy(later: Content, earlier: Content) -> bool:
    """Whether ``later`` repeats part of the sentence right before it and adds nothing: all
    its content words (at least three) and facts are the earlier one's ("... was withdrawn
    from consideration. The agreement about investments was withdrawn.")."""
    return (
        len(later.words) >= MIN_CLAUSE_CONTENT
        and later.words <= earlier.words
        and later.facts <= earlier.facts
    )


def restated_index(contents: list[Content | None]) -> Iterator[tuple[int, int]]:
    """(later, earlier) index pairs of restated sentences, each later one once."""
    for index, later in enumerate(contents):
        if later is None:
            continue
        previous = contents[index - 1] if index else None
        if previous is not None and shortened_copy(later, previous):
            yield index, index - 1
            continue
        for back in range(index - 1, max(-1, index - WINDOW - 1), -1):
            earlier = contents[back]
            if earlier is not None and restates(later, earlier):
                yield index, back
                break


_JOINERS = re.compile(r",?\s+and\s+")


def restated_clause(sentence: str, numbers: frozenset[str]) -> tuple[int, int] | None:
    """The offsets (in ``sentence``) of a clause that restates an earlier clause of the same
    sentence, with the joiner before it ("..., and three workers were injured"), or None."""
    body = sentence.rstrip().rstrip(".!?")
    cuts = list(_JOINERS.finditer(body))
    for number, cut in enumerate(cuts):
        end = cuts[number + 1].start() if number + 1 < len(cuts) else len(body)
        words = body[cut.end() : end].split()
        if len(words) < 4 or words[-1].lower() not in body[: cut.start()].lower():
            continue  # short, or its last word is new: no restatement
        part = content(body[cut.end() : end], numbers)
        for earlier_start in (0, *(c.end() for c in cuts[:number])):
            earlier = content(body[earlier_start : cut.start()], numbers)
            if part.words <= earlier.words and restates(part, earlier, MIN_CLAUSE_CONTENT):
                return cut.start(), end
    return None
