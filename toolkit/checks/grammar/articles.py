"""'The' where English has none: an abstract or mass noun in its general sense ("the
inflation reached 40%", "the supply of the natural gas") and a weekday or month named alone
("late on the evening of the Friday", "talks resume in the March").

Arabic (al-), French (le/la) and Persian izafe MT give every such noun the article, and
Russian MT adds one. The nouns are a class (corpora/syntax/generic_nouns.txt); the article is
flagged only where the noun has no complement or modifier after it: before a finite verb,
or after a preposition and before a clause's end or another preposition ("the inflation
rate", "the poverty that followed" and "the Friday prayers" are English).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.grammar.order import finite
from toolkit.document import Document, Span
from toolkit.english import adjectives, function_words
from toolkit.findings import Finding, Rule
from toolkit.resources import read_lines

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|"
_MONTHS += "December"
_AFTER = re.compile(r"\s*(?P<p>[,.;:)])|\s+(?P<w>[a-z]+)\b(?![-'’])")
_PREPOSITIONS_AFTER = frozenset({"to", "in", "at", "from", "for", "during", "since", "across"})
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|against|on|about|with|for|from|to|in|by|into|over|under)\s+$", re.IGNORECASE
)
_DAY = re.compile(
    rf"(?<![\w-])(?:of|since|until|till|from)\s+(?P<the>the)\s+(?P<d>{_WEEKDAYS})\b"
    r"(?=\s*[,.;:]|\s+(?P<w>[a-z]+)\b)"
)
_REPORTED = frozenset({"says", "warns", "denies", "plans", "wants", "remains"})
_AFTER_DAY = frozenset({"the", "a", "an", "some", "several", "many", "he", "she", "they", "we"})
_MONTH = re.compile(
    rf"(?<![\w-])(?:in|since|until|till|from|during)\s+(?P<the>the)\s+(?P<d>{_MONTHS})\b"
    r"(?=\s*[,.;:]|\s+(?:the|a|an|he|she|they|it|we|and|but|when)\b)"
)


_BEFORE_NAME = re.compile(
    r"(?:^|[\s(“\"])(?:in|to|from|with|of|for|by|at|against|and|or|between|"
    r"on|into|across|toward|towards|said|visited|urged|accused|warned|[Ii]n|[Ww]ith|[Ff]rom|[Bb]ut)"
    r"\s+$|^\s*$"
)
_AFTER_NAME = re.compile(r"\s*[.,;:)]|\s+(?:also\s+|has\s+|have\s+)?(?P<v>[a-z]+)\b(?![-'’])")


@functools.cache
def _the_names() -> re.Pattern[str]:
    names = sorted(read_lines("syntax", "the_names.txt"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(n.split()) for n in names)
    return re.compile(rf"(?<![\w-])(?P<n>{alternation})\b(?![-'’])")


@functools.cache
def _generic() -> re.Pattern[str]:
    nouns = sorted(read_lines("syntax", "generic_nouns.txt"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(n.split()) for n in nouns)
    return re.compile(
        rf"(?<![\w-])(?P<the>[Tt]he)\s+(?P<a>[a-z]+\s+)?(?P<n>{alternation})\b(?![-'’])"
    )


def _bare(match: re.Match[str], text: str, start: int) -> bool:
    """Whether the noun stands alone in its general sense: a finite verb after it, or a
    preposition before it and the clause's end or another preposition after it."""
    after = _AFTER.match(text, match.end())
    if after is None:
        return False
    word = after.group("w")
    auxiliary = function_words().get(word or "") == "auxiliary"
    if word is not None and finite(word) and (auxiliary or not word.endswith("s")):
        return True
    if not _PREPOSITION_BEFORE.search(text, max(start, match.start() - 12), match.start()):
        return False
    if after.group("p"):
        return True
    return word in _PREPOSITIONS_AFTER


def generic_nouns(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'the inflation reached', 'of the natural gas.': 'the' before a generic noun."""
    text = doc.text
    for match in _generic().finditer(text, sentence.start, sentence.end):
        adjective = match.group("a")
        if adjective and adjective.strip() not in adjectives():
            continue
        if not _bare(match, text, sentence.start):
            continue
        phrase = text[match.end("the") : match.end()].lstrip()
        if match.group("the") == "The":
            phrase = phrase[0].upper() + phrase[1:]
        noun = " ".join(match.group("n").split())
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            f"'{noun}' in its general sense takes no article in English.",
            [phrase],
            confidence=0.7,
        )


def bare_names(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'Japan and Philippines issued', 'in Netherlands.': a name English writes with 'the'
    left bare after a preposition or a conjunction, before a verb or a clause's end."""
    text = doc.text
    for match in _the_names().finditer(text, sentence.start, sentence.end):
        if not _BEFORE_NAME.search(text, sentence.start, match.start()):
            continue
        after = _AFTER_NAME.match(text, match.end())
        if after is None:
            continue
        verb = after.group("v")
        if verb is not None and not (finite(verb) or verb in _REPORTED):
            continue  # "Philippines coast guard": a modifier
        name = match.group("n")
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            f"English writes this name with 'the': 'the {name}'.",
            [f"the {name}"],
            confidence=0.75,
        )


def dates(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'the evening of the Friday', 'in the March': 'the' before a weekday or month named
    alone."""
    text = doc.text
    for pattern in (_DAY, _MONTH):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            word = match.groupdict().get("w")
            if word and word not in _AFTER_DAY and word not in adjectives():
                continue  # "of the Friday prayers"
            yield rule.at(
                doc,
                match.start("the"),
                match.end("d"),
                f"A day or month named alone takes no article: '{match.group('d')}'.",
                [match.group("d")],
                confidence=0.7,
            )
