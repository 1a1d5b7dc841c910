"""The literal prefilter of the calque check: it only skips patterns that cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks.calques import load_patterns
from toolkit.checks.literals import (
    Scanner,
    folded,
    holds,
    may_match,
    required_literals,
    scanner_source,
)


def test_required_literals_of_a_sequence_and_alternatives() -> None:
    literals = required_literals(r"this\s+(?:comes|came)\s+at\s+a\s+time\s+(?:when|in\s+which)")
    assert frozenset({"this"}) in literals
    assert frozenset({"comes", "came"}) in literals  # the parser factors out the "c"
    assert frozenset({"when", "which"}) in required_literals(r"a\s+time\s+(?:when|in\s+which)")


def test_lookahead_words_are_required_but_negative_lookarounds_are_not() -> None:
    assert required_literals(r"close[-\s]range(?=\s+missiles?)")[0] == {"missile"}
    assert all("masses" not in s for s in required_literals(r"the\s+(?!masses)\w+"))


def test_optional_parts_are_not_required() -> None:
    assert required_literals(r"(?:the\s+)?means\s+of") == (frozenset({"means"}),)


def test_unknown_or_short_literals_give_nothing_and_never_skip() -> None:
    assert required_literals(r"\w+\s+on") == ()
    assert may_match((), "anything")


def test_letters_re_folds_differently_disable_the_test() -> None:
    assert folded("The ſcope") is None  # long s matches 's' case-insensitively in re
    assert folded("KELVIN \u212a") is None
    assert folded("Ürün “quoted”") == "ürün “quoted”"


WORDS = ["In", "this", "context", ",", "the", "Same", "yesterday", "Tuesday", "(", ")",
         "within", "framework", "of", "ſcope", "İt", "is", "worth", "mentioning", "that",
         "\n", "close-range", "missiles", "campaign", "arrests", "an", "arrest"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", "\n"]))
def test_prefilter_never_skips_a_pattern_that_matches(words: list[str], gap: str) -> None:
    text = gap.join(words)
    for pattern in load_patterns():
        if pattern.regex.search(text):
            assert may_match(pattern.literals, folded(text)), (pattern.id, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcmo. -", max_size=40))
def test_scanner_finds_every_word_a_substring_test_finds(text: str) -> None:
    words = ["ab", "abc", "bc", "c", "m.", "o.m", "a b", "cab", "abcab", "mo"]
    scanner = Scanner(re.compile(scanner_source(words)), frozenset(words))
    assert scanner.present(text) == {w for w in words if w in text}
    literals = (frozenset({"abc", "m."}), frozenset({"bc"}))
    assert holds(literals, scanner.present(text)) == may_match(literals, text)
    assert holds(literals, None)


def test_every_lexicon_pattern_has_a_literal_to_test() -> None:
    without = [pattern.id for pattern in load_patterns() if not pattern.literals]
    assert without == []
    assert re.IGNORECASE & load_patterns()[0].regex.flags
