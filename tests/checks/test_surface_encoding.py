import pytest

from toolkit.checks.encoding import EncodingCheck
from toolkit.document import Document


def found(text: str):
    doc = Document(text)
    findings = EncodingCheck().run(doc)
    for f in findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.rule, f.text, f.suggestions, f.severity) for f in findings]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iranâ€™s guards", ("EN101", "Iranâ€™s", ("Iran’s",), "major")),
        ("an Ã©tÃ© day", ("EN101", "Ã©tÃ©", ("été",), "major")),
        ("the Ø§Ù„Ø¹Ø±Ø¨ÙŠØ© channel", ("EN101", "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", ("العربية",), "major")),
        ("lost \ufffd here", ("EN101", "\ufffd", (), "major")),
        ("Kataib\u200b Hezbollah", ("EN102", "\u200b", ("",), "minor")),
        ("the \u200fRLM mark and \x07 bell", ("EN102", "\u200f", ("",), "minor")),
        ("Sаudi Arabia", ("EN103", "Sаudi", ("Saudi",), "major")),
        ("the group كتائب حزب الله claimed it", ("EN104", "كتائب حزب الله", (), "major")),
        ("Kataib Hezbollah (كتائب حزب الله) said", ("EN104", "كتائب حزب الله", (), "minor")),
        ("the 中国外交部 said", ("EN104", "中国外交部", (), "major")),
        ("Mr Путин said", ("EN104", "Путин", (), "major")),
        ("about ٢٥٠٠ troops", ("EN105", "٢٥٠٠", ("2500",), "minor")),
        ("in ۱۴۰۲ they", ("EN105", "۱۴۰۲", ("1402",), "minor")),
        ("AT&amp;T and Iran&#8217;s", ("EN106", "&amp;", ("&",), "minor")),
        ("the strike.\\nThe Pentagon", ("EN107", "\\n", ("\n",), "minor")),
        ("Iran\\u2019s proxies", ("EN107", "\\u2019", ("’",), "minor")),
        ("Erdoğan'ın statement", ("EN108", "'ın", ("'s",), "minor")),
        ("Türkiye’nin role", ("EN108", "’nin", ("’s",), "minor")),
        ("talks in Ankara'da ended", ("EN108", "'da", ("",), "minor")),
    ],
)
def test_artifact_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Erdoğan met Société Générale in Zürich; naïve café façade.",
        "👨‍👩‍👧 family emoji and 👍🏽 thumbs.",
        "α-helix and 5 µm and β-blockers, 20°C, €5, £3, ½.",
        "\ufeffA text with a byte-order mark.",
        "Tabs\tand CRLF\r\nare fine, NBSP\xa0too.",
        "See https://example.com/?a=1&amp;b=2 for more.",
        "Saved in C:\\new\\temp on Monday.",
        "Xinhua All Media+丨Beijing Youth League",
        "Sana'a, Shi'i, Qur'an, O'Neill, rock 'n' roll, Hallowe'en, Ba'ath and Ma'an.",
    ],
)
def test_clean_text_is_not_flagged(text):
    assert found(text) == []


def test_no_untranslated_findings_for_non_english_documents():
    doc = Document("قال المتحدث", lang="ar")
    assert [f for f in EncodingCheck().run(doc) if f.rule == "EN104"] == []


@pytest.mark.parametrize(
    "text, span, fixed",
    [
        ("Talks ended.< /p> New talks", "< /p>", ""),
        ("Talks ended.<br>New talks", "<br>", " "),
        ('He said <span class="q">no</span> twice.', '<span class="q">', ""),
        ("It was \\’a good day\\’ for all.", "\\’", "’"),
        ("It\\'s over.", "\\'", "'"),
    ],
)
def test_markup_and_escaped_quotes(text, span, fixed):
    findings = EncodingCheck().run(Document(text))
    assert (span, (fixed,)) in [(f.text, f.suggestions) for f in findings]


@pytest.mark.parametrize(
    "text", ["If a < b and c > d, stop.", "I <3 this.", "Mail <jo@example.com>."]
)
def test_angle_brackets_that_are_not_tags(text):
    assert [f for f in EncodingCheck().run(Document(text)) if f.rule == "EN109"] == []
