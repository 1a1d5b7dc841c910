"""The agreement check never fails on odd input, and its findings fit the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks.agreement import AgreementCheck
from toolkit.document import Document

_VOCABULARY = (
    "the a an each every this these those two three 12 13,000 1.5 $5 one of at least many "
    "several both soldier soldiers attack attacks people person year years was were is are "
    "has have does do says say and or , . ; : ( ) - \" “ ” ' ’s if that said Iran Iraq "
    "government police fish side agreed ago 737 Max https://t.co/x etc. who which"
)
WORDS = _VOCABULARY.split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_any_word_sequence_is_checked_without_error(words: list[str]) -> None:
    text = " ".join(words)
    for finding in AgreementCheck().run(Document(text)):
        assert text[finding.start : finding.end] == finding.text
        assert finding.text.strip() == finding.text and finding.text
        assert all(suggestion != finding.text for suggestion in finding.suggestions)
