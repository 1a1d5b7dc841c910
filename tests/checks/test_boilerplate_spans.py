"""Deletion spans of the boilerplate check: whole lines, clean spacing once deleted."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks.boilerplate import BoilerplateCheck, deletion_spans
from toolkit.document import Document

PROSE = [
    "The ministry said the new rules would take effect at the start of next month.",
    "Witnesses described long queues outside the bakeries in the early morning hours.",
    "The central bank kept its main interest rate unchanged for a third meeting.",
]
CHROME = ["Source link", "Leave a Reply", "Share this:", "Tags: Iraq, Syria", "Back to top"]
HEADLINE = ["Five things to know about the new budget", "Oil prices fall on demand worries"]


def apply(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text


def lines_of(text: str):
    doc = Document(text)
    return doc, [span for span in doc.lines if doc[span].strip()]


def test_run_keeps_the_wider_break_around_it() -> None:
    text = "A a a.\nB\n\nC c c.\n"
    doc, lines = lines_of(text)
    spans = deletion_spans(doc, lines, [1])
    assert apply(text, spans.values()) == "A a a.\n\nC c c.\n"


def test_run_between_paragraphs_leaves_one_blank_line() -> None:
    text = "A a a.\n\nB\n\nB2\nC c c.\n"
    doc, lines = lines_of(text)
    assert apply(text, deletion_spans(doc, lines, [1, 2]).values()) == "A a a.\n\nC c c.\n"


def test_trailing_run_leaves_only_the_break_before_it() -> None:
    text = "A a a.\r\n\r\nB\r\n\r\nC\r\n"
    doc, lines = lines_of(text)
    assert apply(text, deletion_spans(doc, lines, [1, 2]).values()) == "A a a.\r\n\r\n"


def test_leading_run_starts_the_text_at_the_next_line() -> None:
    text = "B\n\nC\n\nA a a.\n"
    doc, lines = lines_of(text)
    assert apply(text, deletion_spans(doc, lines, [0, 1]).values()) == "A a a.\n"


page = st.lists(
    st.tuples(
        st.sampled_from(PROSE + CHROME + HEADLINE),
        st.sampled_from(["\n", "\n\n", "\n \n", "\r\n"]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(page)
def test_deleting_every_finding_keeps_text_and_spacing(parts) -> None:
    text = "".join(line + sep for line, sep in parts)
    findings = BoilerplateCheck().run(Document(text))
    spans = sorted((f.start, f.end) for f in findings)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    for f in findings:
        assert f.text == text[f.start : f.end] and f.text.strip()
        assert f.column == 1 and f.text.strip() == text.splitlines()[f.line - 1].strip()
    cleaned = apply(text, spans)
    widest = max(sep.count("\n") for _, sep in parts)
    assert "\n" * (widest + 1) not in cleaned.replace(" ", "").replace("\r", "")
    doc = Document(text)
    nonblank = [span for span in doc.lines if doc[span].strip()]
    gone = {span for f in findings for span in nonblank if f.start <= span.start < f.end}
    kept = [line for line in cleaned.splitlines() if line.strip()]
    assert kept == [doc[span] for span in nonblank if span not in gone]
