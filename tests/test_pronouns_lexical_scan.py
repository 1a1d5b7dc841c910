"""The lexical resolver's scan remembers steps across windows without changing any window."""

from __future__ import annotations

from pathlib import Path

from toolkit.checks._pronouns_lexical import _Scan
from toolkit.checks.pronouns import AnimacyLexicon
from toolkit.document import Document, Span

DATA = Path(__file__).parent / "data"
TEXT = (
    "The Ministry of Health said in her statement. President. He said the Minister of "
    "Defense Ahmed Saleh visited the base.\n\nThe Islamic Resistance in Iraq. Said she "
    "would return. For the Kataib Hezbollah and the U.S. the attacks she suffered U.S. bases "
    "continued. Biden said the Pentagon's spokesman, Mrs. Karimi, told reporters he would go."
)


def windows(doc: Document) -> list[Span]:
    sentences = doc.sentences
    spans = [Span(sentences[max(0, i - 2)].start, s.end) for i, s in enumerate(sentences)]
    spans += [Span(s.start, s.end) for s in sentences]
    return spans


def test_remembered_steps_give_what_a_fresh_scan_gives() -> None:
    lexicon = AnimacyLexicon.load()
    for text in (TEXT, (DATA / "clean_news_bbc.txt").read_text(encoding="utf-8")[:6000]):
        doc = Document(text)
        shared = _Scan(doc, lexicon)
        for window in reversed(windows(doc)):  # warm the shared scan in another order
            shared.mentions(*shared.bounds(window))
        for window in windows(doc):
            fresh = _Scan(doc, lexicon)
            lo, hi = fresh.bounds(window)
            assert [w.start for w in doc.words[lo:hi]] == [w.start for w in doc.words_in(window)]
            assert shared.mentions(lo, hi) == fresh.mentions(lo, hi), doc[window]


def test_a_name_cut_by_the_window_end_is_scanned_within_the_window() -> None:
    doc = Document("He met the Minister of Defense yesterday.")
    scan = _Scan(doc, AnimacyLexicon.load())
    whole = scan.mentions(0, len(doc.words))
    cut = scan.mentions(0, 5)  # ends after "of": the name stops at "Minister"
    assert [m.text for m in whole if m.text.startswith("Minister")] == ["Minister of Defense"]
    assert [m.text for m in cut if m.text.startswith("Minister")] == ["Minister"]
