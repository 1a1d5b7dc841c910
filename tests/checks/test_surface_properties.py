"""Properties of the surface checks on arbitrary text: no crash, exact spans, real suggestions."""

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks import load_checks
from toolkit.document import Document
from toolkit.settings import Settings

SURFACE = ["punctuation", "capitalisation", "fragments", "repetition", "encoding"]
CHECKS = load_checks(Settings(), SURFACE)
PIECES = [
    "Syria And Iraq",
    "said, On the",
    ". against",
    "as saying.",
    "Gaza Strip.",
    "the the",
    "“",
    "”",
    '"',
    "(",
    ")",
    "..",
    ",,",
    " ,",
    "،",
    "，",
    "丨",
    "\u200b",
    "\u200d",
    "\ufeff",
    "Ã©",
    "â€™",
    "\ufffd",
    "كتائب",
    "٢٥",
    "Sаudi",
    "&amp;",
    "\\n",
    "U.S.",
    "2.5",
    "👨‍👩‍👧",
    "e\u0301",
    "\r\n",
    "\n\n",
    " ",
    "He said:",
    "in the region in the region",
    "www.x.com",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_are_exact_and_suggestions_change_the_text(text):
    doc = Document(text)
    for check in CHECKS:
        for f in check.run(doc):
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start : f.end] == f.text
            assert all(s != f.text for s in f.suggestions)
