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
    leading_literals,
    may_match,
    occurrences,
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


def test_leading_literals_are_the_strings_a_match_starts_with() -> None:
    assert leading_literals(r"(?<![\w-])(?:it\s+is\s+worth)") == {"it"}
    assert leading_literals(r"(?:the\s+)?actions?\s+of") == {"the", "action", "actions"}
    assert leading_literals(r"(?:with|in)\s+the") == {"with", "in"}
    assert leading_literals(r"(?-i:RF)\b|Ab") == {"rf", "ab"}
    assert leading_literals(r"(?=\s)M(?:me|lle)") == {"mme", "mlle"}


def test_a_match_that_may_start_anywhere_has_no_leading_literals() -> None:
    assert leading_literals(r"\d+\s+ab") is None
    assert leading_literals(r"(?:ab)?\w") is None  # may start with any word character
    assert leading_literals(r"é\w+") is None  # only ASCII: re folds some letters unlike lower()


def test_occurrences_are_sorted_and_may_overlap() -> None:
    assert occurrences("aaa the then", frozenset({"aa", "the"}), 0, 12) == [0, 1, 4, 8]
    assert occurrences("aaa the then", frozenset({"then"}), 0, 11) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", "\n"]))
def test_every_match_starts_with_a_leading_literal(words: list[str], gap: str) -> None:
    text = gap.join(words)
    lowered = folded(text)
    for pattern in load_patterns():
        if pattern.leading is None or lowered is None:
            continue
        for match in pattern.regex.finditer(text):
            assert lowered.startswith(tuple(pattern.leading), match.start()), (pattern.id, text)


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
