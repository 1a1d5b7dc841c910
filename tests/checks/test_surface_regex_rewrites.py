"""Regexes rewritten to open with the character they consume match what the originals did."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks import capitalisation, punctuation

# The original forms (lookbehind first), kept here as the reference.
ORIGINALS = {
    (punctuation, "_GLUED"): r"(?<=[a-z\d%)\"”’])([.!?,;:]+[”\"’»)]*|[”»])(?=[A-Za-z][a-z])",
    (punctuation, "_SWAPPED_SPACE"): (r"(?<=\w)[ \t]+([,;]|[.!?:](?=[A-Z][a-z]))(?=[^\W\d_])"),
    (punctuation, "_SPLIT_CLITIC"): r"(?<=\w)([ \t]+)(['’](?:s|re|ve|ll|d|m)|n['’]t)\b",
    (punctuation, "_STRAIGHT_INCH"): r"(?<=\d)\"|(?<=\d)''",
    (capitalisation, "_RESTART"): r"(?<=[^\W\d_])\.(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=[a-z])",
    (capitalisation, "_GLUED_RESTART"): r"(?<=[^\W\d_]{2})\.([a-z]+)(?=[ \t])",
}
TEXT = st.text(alphabet=list("aZbé1 \t\n\r.!?,;:”\"’»)%'sntdlvrem_"), max_size=40)


@pytest.mark.parametrize("key", ORIGINALS, ids=lambda key: key[1])
@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_same_matches_and_groups(key, text: str) -> None:
    module, name = key
    original, rewritten = re.compile(ORIGINALS[key]), getattr(module, name)
    assert [m.regs for m in rewritten.finditer(text)] == [m.regs for m in original.finditer(text)]
