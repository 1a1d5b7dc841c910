from hypothesis import given
from hypothesis import strategies as st

from toolkit.document import Document


def texts(doc: Document, spans) -> list[str]:
    return [doc[s] for s in spans]


def test_abbreviations_do_not_end_sentences():
    doc = Document(
        'The U.S. military said Mr. Smith left at 5 p.m. on Monday. He "agreed." She did not.'
    )
    assert texts(doc, doc.sentences) == [
        "The U.S. military said Mr. Smith left at 5 p.m. on Monday.",
        'He "agreed."',
        "She did not.",
    ]


def test_acronym_then_sentence_starter_splits():
    doc = Document("He moved to the U.S. Then he left.")
    assert texts(doc, doc.sentences) == ["He moved to the U.S.", "Then he left."]


def test_paragraphs_and_lines_are_offsets_into_original():
    text = "Title\r\n\r\nFirst para.\nStill first.\n\n\nSecond.  \n"
    doc = Document(text)
    assert texts(doc, doc.paragraphs) == ["Title", "First para.\nStill first.", "Second."]
    assert texts(doc, doc.lines)[:3] == ["Title", "", "First para."]


def test_hard_wrapped_line_continues_sentence():
    doc = Document("The minister said the talks\nwould resume on Monday.")
    assert len(doc.sentences) == 1


def test_arabic_and_chinese_terminators():
    doc = Document("قال الوزير. ثم غادر؟ 他说。她走了！")
    assert len(doc.sentences) == 4


def test_line_col_is_one_based():
    doc = Document("ab\ncd")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(4) == (2, 2)


def test_empty_document():
    doc = Document("")
    assert doc.sentences == [] and doc.paragraphs == []


@given(st.text())
def test_sentences_are_ordered_non_overlapping_and_trimmed(text):
    doc = Document(text)
    previous = 0
    for span in doc.sentences:
        assert previous <= span.start < span.end <= len(text)
        assert not doc[span][0].isspace() and not doc[span][-1].isspace()
        previous = span.end


def test_paragraph_at():
    doc = Document("One para.\n\nTwo para here.\n")
    first, second = doc.paragraphs
    assert doc.paragraph_at(0) == first and doc.paragraph_at(first.end - 1) == first
    assert doc.paragraph_at(first.end) is None  # the blank line between them
    assert doc.paragraph_at(second.start + 3) == second
