"""The doubled word/phrase prefilter finds exactly what the regexes alone would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks.repetition import _DOUBLED, _DOUBLED_PHRASE, _matches_at, _repeat_starts

WORDS = ["the", "The", "THE", "in", "region", "Region", "ſo", "so", "İn", "in", "it's",
         "it", "co-op", "op", "3in", "_in", "Duran", "duran", "\u212aelvin", "kelvin"]  # fmt: skip
GAPS = [" ", "  ", "\t", "\n", " \n ", "\r\n", ", ", ". ", "-", "’"]


def spans(matches):
    return [match.regs for match in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=16))
def test_prefiltered_matches_equal_a_full_scan(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in parts)
    words, phrases = _repeat_starts(text)
    assert spans(_matches_at(_DOUBLED, text, words)) == spans(_DOUBLED.finditer(text))
    assert spans(_matches_at(_DOUBLED_PHRASE, text, phrases)) == spans(
        _DOUBLED_PHRASE.finditer(text)
    )


def test_non_ascii_letters_that_re_folds_differently_still_match() -> None:
    text = "İn in the region, ſo so and in the region in the Region."
    words, phrases = _repeat_starts(text)
    assert [m.group() for m in _matches_at(_DOUBLED, text, words)] == ["İn in"]
    assert [m.group(2) for m in _matches_at(_DOUBLED_PHRASE, text, phrases)] == ["in the Region"]


def test_text_without_repeats_needs_no_regex() -> None:
    assert _repeat_starts("A quiet sentence with no word twice.") == ([], [])
