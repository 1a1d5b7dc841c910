"""Extractive summarizers: lengths, offsets, scripts, boilerplate, redundancy."""

from __future__ import annotations

import pytest

from toolkit.document import Document, Span
from toolkit.errors import UsageError
from toolkit.summarize import SUMMARIZERS, Length, summarize, summarizer
from toolkit.summarize.base import candidates, title_of
from toolkit.summarize.tokens import detect_lang, terms, tokens

EXTRACTIVE = ["mmr", "lead", "textrank", "lexrank"]

NEWS = (
    "Flood waters rise in the northern city\n\n"
    "Flood waters rose across the northern city of Mosul on Monday after heavy rain.\n\n"
    "Officials said the river reached its highest level in twenty years.\n\n"
    "The football club announced a new coach for the coming season.\n\n"
    "Rescue teams moved families from flooded homes near the river in Mosul.\n\n"
    "Heavy rain is expected to continue, and the river may rise further, officials said.\n\n"
    "Source link\n\n"
    "Related Articles\n"
)
ARABIC = (
    "ارتفعت مياه الفيضانات في مدينة الموصل يوم الاثنين بعد أمطار غزيرة. "
    "قال المسؤولون إن مستوى النهر هو الأعلى منذ عشرين عاما. "
    "أعلن النادي عن مدرب جديد للموسم المقبل. "
    "نقلت فرق الإنقاذ العائلات من المنازل التي غمرتها المياه قرب النهر في الموصل؟ "
    "من المتوقع أن تستمر الأمطار الغزيرة وأن يرتفع النهر أكثر."
)
CHINESE = (
    "周一暴雨过后，摩苏尔市洪水上涨。官员说，河水达到二十年来的最高水位。"
    "足球俱乐部宣布了新赛季的新教练。救援队把洪水中的家庭从河边转移。"
    "预计暴雨将持续，河水可能继续上涨。"
)


def test_length_parse() -> None:
    assert Length.parse("3") == Length(sentences=3)
    assert Length.parse("20%") == Length(ratio=0.2)
    assert Length.parse("0.5") == Length(ratio=0.5)
    assert Length.parse("120w") == Length(words=120)
    assert Length.parse("40 words") == Length(words=40)
    assert Length.of() == Length(sentences=3)
    for bad in ("x", "0", "150%", "-2"):
        with pytest.raises(UsageError):
            Length.parse(bad)
    with pytest.raises(UsageError):
        Length.of(sentences=2, words=10)


@pytest.mark.parametrize("method", EXTRACTIVE)
def test_empty_and_one_sentence(method: str) -> None:
    assert summarize("   \n", method=method).text == ""
    one = summarize("Only one sentence is here.", method=method)
    assert one.text == "Only one sentence is here."
    assert [(s.start, s.end) for s in one.sentences] == [(0, 26)]


@pytest.mark.parametrize("method", EXTRACTIVE)
def test_sentences_are_offsets_into_the_input_in_order(method: str) -> None:
    result = summarize(NEWS, 2, method=method)
    assert len(result.sentences) == 2
    starts = [s.start for s in result.sentences]
    assert starts == sorted(starts)
    for s in result.sentences:
        assert NEWS[s.start : s.end] == s.text
    assert "Source link" not in result.text and "Flood waters rise in the" not in result.text


def test_default_method_keeps_the_topic_and_leaves_the_outlier() -> None:
    result = summarize(NEWS, 3)
    assert result.method == "mmr"
    assert "football" not in result.text
    assert "Mosul" in result.text


def test_word_and_ratio_lengths() -> None:
    short = summarize(NEWS, Length(words=16))
    assert len(short.sentences) == 1  # the first pick is kept even over the budget
    assert sum(len(tokens(s.text, ngram=1)) for s in summarize(NEWS, "30w").sentences) <= 30
    assert len(summarize(NEWS, "40%").sentences) == 2  # 40% of 5 body sentences


def test_duplicate_sentences_are_not_repeated() -> None:
    text = (
        "The minister met the delegation in Baghdad on Tuesday to discuss the security deal. "
        "The minister met the delegation in Baghdad on Tuesday to discuss the security deal! "
        "Talks on the security deal will continue next week in Baghdad, the minister said. "
        "Weather was mild."
    )
    result = summarize(text, 2)
    assert len({s.text.rstrip(".!") for s in result.sentences}) == 2


def test_skip_spans_are_never_used() -> None:
    doc = Document(NEWS)
    first = doc.sentences[1]
    result = summarize(doc, 5, skip=[Span(first.start, first.end)])
    assert all(s.start != first.start for s in result.sentences)


def test_seed_summary_has_no_boilerplate_or_headline(seed_text: str) -> None:
    result = summarize(seed_text, 3)
    assert len(result.sentences) == 3
    for junk in ("What we know so far", "Source link", "Leave a Reply", "email address"):
        assert junk not in result.text
    assert not result.text.startswith("The United States launches raids")


@pytest.mark.parametrize(("text", "lang"), [(ARABIC, "ar"), (CHINESE, "zh")])
@pytest.mark.parametrize("method", EXTRACTIVE)
def test_non_latin_scripts(text: str, lang: str, method: str) -> None:
    result = summarize(text, 2, method=method)
    assert result.lang == lang
    assert len(result.sentences) == 2
    for s in result.sentences:
        assert text[s.start : s.end] == s.text


def test_arabic_and_chinese_summaries_prefer_the_flood() -> None:
    assert "النادي" not in summarize(ARABIC, 3).text
    assert "足球" not in summarize(CHINESE, 3).text


def test_tokens_and_terms_any_script() -> None:
    assert tokens("美国空袭") == ["美国", "国空", "空袭"]
    assert tokens("美国空袭", ngram=1) == ["美", "国", "空", "袭"]
    assert tokens("الْعِرَاق Jurf al-Sakhar") == ["العراق", "jurf", "al-sakhar"]
    assert "the" not in terms("the strikes in Iraq", "en")
    assert terms("strikes", "en") == terms("strike", "en")
    assert terms("العراق", "ar") == terms("عراق", "ar")


def test_detect_lang() -> None:
    assert detect_lang(ARABIC) == "ar"
    assert detect_lang(CHINESE) == "zh"
    assert detect_lang("این یک خبر کوتاه درباره گزارش است که پیش از این منتشر شد") == "fa"
    assert detect_lang(NEWS) == "en"
    assert (
        detect_lang("Les eaux de la crue ont monté dans la ville et les habitants sont partis.")
        == "fr"
    )


def test_candidates_and_title() -> None:
    doc = Document(NEWS)
    texts = [u.text for u in candidates(doc, "en")]
    assert "Source link" not in texts and "Flood waters rise in the northern city" not in texts
    assert title_of(doc) == "Flood waters rise in the northern city"
    # a text without any punctuated sentence still has candidates
    assert candidates(Document("just a few words here"), "en")


def test_registry_and_bad_method() -> None:
    assert {"mmr", "lead", "textrank", "lexrank", "embed", "abstractive"} <= set(SUMMARIZERS)
    with pytest.raises(UsageError):
        summarizer("nope")
    with pytest.raises(UsageError):
        summarizer("lead", model="/some/path")


def test_json_form(seed_text: str) -> None:
    data = summarize(seed_text, 2).to_dict()
    assert data["method"] == "mmr" and len(data["sentences"]) == 2
    assert set(data["sentences"][0]) == {"start", "end", "text", "score"}


def test_language_codes() -> None:
    assert summarize(NEWS, 1, lang="fr").lang == "fr"
    assert summarize(NEWS, 1, lang="sw").sentences  # no stop words for it: still works
    for bad in ("../names/curated", "EN", "english", "xx"):
        with pytest.raises(UsageError):
            summarize(NEWS, 1, lang=bad)


QUOTED = (
    "Officials met in the capital on Monday to discuss the flood response.\n\n"
    "“The river is rising fast. We have moved two hundred families,” the mayor said on Monday.\n\n"
    "The minister said: “Help is coming. Nobody will be left behind.” He gave no date.\n\n"
    "An unclosed “quote opens here. And this sentence goes on. So does this one. "
    "And this one too. The last one ends it.\n"
)


def test_a_quote_cut_by_the_sentence_splitter_stays_one_candidate() -> None:
    doc = Document(QUOTED)
    texts = [u.text for u in candidates(doc, "en")]
    assert (
        "“The river is rising fast. We have moved two hundred families,” the mayor said on Monday."
        in texts
    )
    assert "The minister said: “Help is coming. Nobody will be left behind.”" in texts
    # an unclosed quote does not swallow the paragraph: the sentences stay as they are
    assert "And this sentence goes on." in texts and "The last one ends it." in texts


@pytest.mark.parametrize("method", EXTRACTIVE)
def test_every_summary_sentence_has_balanced_quotes(method: str) -> None:
    for length in (1, 2, 3):
        for sentence in summarize(QUOTED, length, method).sentences:
            if "unclosed" not in sentence.text:
                assert sentence.text.count("“") == sentence.text.count("”")


@pytest.mark.parametrize("method", EXTRACTIVE)
def test_avoided_sentences_only_when_the_others_run_out(method: str) -> None:
    doc = Document(NEWS)
    first = summarize(doc, 1, method, skip=None)
    flawed = Span(first.sentences[0].start, first.sentences[0].end)
    other = summarize(doc, 1, method, avoid=[flawed])
    assert other.sentences[0].start != flawed.start
    everything = summarize(doc, "100%", method, avoid=[flawed])
    assert flawed.start in [s.start for s in everything.sentences]


def test_candidates_of_a_long_text_are_its_lead() -> None:
    from toolkit.summarize.base import MAX_CANDIDATES

    text = "\n\n".join(f"Report number {i} says the river rose again today." for i in range(900))
    units = candidates(Document(text), "en")
    assert len(units) == MAX_CANDIDATES and units[0].text.startswith("Report number 0 ")
