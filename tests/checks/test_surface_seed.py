"""The surface checks on the seed article and on clean human news."""

import pytest

from toolkit import check
from toolkit.checks import load_checks
from toolkit.document import Document
from toolkit.settings import Settings

SURFACE = ["punctuation", "capitalisation", "fragments", "repetition", "encoding"]


def surface(text: str):
    findings = check(text, rules=SURFACE)
    for f in findings:
        assert text[f.start : f.end] == f.text
    return findings


def test_seed_surface_artifacts_are_found_with_real_corrections(seed_text):
    found = {(f.rule, f.text): f.suggestions for f in surface(seed_text)}
    assert found == {
        ("PU101", ".”"): (".” ",),
        ("CA101", "And"): ("and",),
        ("FR102", ". He said"): ("",),
        ("CA102", "."): ("",),
        ("FR101", "Gaza Strip."): (),
    }


def test_seed_corrections_read_right(seed_text):
    text = seed_text
    for f in sorted(surface(seed_text), key=lambda f: -f.start):
        if f.suggestions:
            text = text[: f.start] + f.suggestions[0] + text[f.end :]
    assert "militants.” in response" in text
    assert "throughout Syria and Iraq" in text
    assert "official as saying the strike by fighter jets" in text
    assert "attack in Syria against armed factions" in text


def test_seed_correct_sentences_are_not_flagged(seed_text):
    doc = Document(seed_text)
    flagged = {doc.sentence_at(f.start) for f in surface(seed_text)}
    flagged |= {doc.sentence_at(f.end - 1) for f in surface(seed_text)}
    clean = [s for s in doc.sentences if s not in flagged]
    assert len(clean) >= 18
    for sentence in clean:
        assert surface(doc[sentence]) == [], doc[sentence]


@pytest.mark.parametrize("name", ["clean_news_bbc.txt", "clean_news_ntrex.txt"])
def test_clean_human_news_has_no_surface_findings(data_dir, name):
    text = (data_dir / name).read_text(encoding="utf-8")
    assert len(Document(text).sentences) >= 40
    assert surface(text) == []


def test_offsets_exact_with_emoji_combining_marks_and_crlf():
    text = "😀 Cafe\u0301 in Syria And Iraq.\r\nThe the attack in Syria. against factions.\r\n"
    found = {(f.rule, f.text) for f in surface(text)}
    assert {("CA101", "And"), ("RE101", " the"), ("CA102", ".")} <= found


def test_english_only_checks_stay_quiet_on_other_languages():
    doc = Document("Syria And Iraq. Gaza Strip. in Syria. against", lang="de")
    for detector in load_checks(Settings(), ["capitalisation", "fragments"]):
        assert detector.run(doc) == []
