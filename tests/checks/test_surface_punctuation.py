import pytest

from toolkit.checks.punctuation import PunctuationCheck
from toolkit.document import Document


def found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = Document(text)
    findings = PunctuationCheck().run(doc)
    for f in findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.rule, f.text, f.suggestions) for f in findings]


def test_seed_glued_quote_is_found_with_space_suggestion(seed_text):
    hits = found(seed_text)
    assert ("PU101", ".”", (".” ",)) in hits
    assert [h for h in hits if h[0] != "PU101"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He left.The talks ended.", ("PU101", ".", (". ",))),
        ("said,and then", ("PU101", ",", (", ",))),
        ("the two sides agreed , officials said", ("PU102", " ,", (",",))),
        ("officials said .", ("PU102", " .", (".",))),
        ("a ( rare ) case", ("PU102", " ", ("",))),
        ("calling it “ Iran-backed militants” today", ("PU102", " ", ("",))),
        ("“We can wash our hands clean! ”", ("PU102", " ", ("",))),
        ("the ministry said,, adding", ("PU103", ",,", (",",))),
        ("talks would resume.. Then", ("PU103", "..", (".", "..."))),
        ("the team., and I", ("PU103", ".,", (",",))),
        ("yes , , no", ("PU103", ", ,", (",",))),
        ("He called it “a direct response.", ("PU104", "“", ())),
        ("He called it a response.” Then", ("PU104", "”", ())),
        ("the attack (Tuesday, which targeted", ("PU105", "(", ())),
        ('called it “Iran-backed militants" and left', ("PU106", '"', ("”",))),
        ('under the "Rules (2015)”, it said', ("PU106", '"', ("“",))),
        ("The ministry said، in a statement", ("PU107", "،", (",",))),
        ("in a statement，that talks", ("PU107", "，", (", ",))),
        ("talks would resume。", ("PU107", "。", (".",))),
        ("Xinhua All Media丨Beijing league", ("PU107", "丨", (" | ",))),
        ("He said «we will win» today.", ("PU107", "«", ("“",))),
        ("two\u3000words", ("PU107", "\u3000", (" ",))),
        ("Abu·Bakr al-Baghdadi", ("PU107", "·", (" ",))),
        ("Iran 's guards", ("PU102", " 's", ("'s",))),
        ("crimes in Gaza ,stressing that", ("PU102", " ,", (", ",))),
        ("they do n’t know", ("PU102", " n’t", ("n’t",))),
        ("in 1990——the end", ("PU103", "——", ("—",))),
        ("and so on……", ("PU103", "……", ("…",))),
    ],
)
def test_artifact_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Iran’s “hope” is fading, it said.",
        "It cost 2.5 million in the U.S., officials said.",
        "See https://www.bbc.co.uk/news?id=3 or write to press@example.com.",
        "Visit example.com.",
        "He paused... and went on.",
        "“Really?!” he asked.",
        "The war — and the peace — ended, etc., and more.",
        "He said: “We will win.”\n\n“We will rebuild,” he added.",
        "He said: “We will win.\n\n“We will rebuild.”",
        "Options: 1) stay 2) go; a smiley :) too.",
        "He is 5'11\" tall.",
        "Baton Rouge, La., announced it (on Saturday).",
        "Ministers (from the [ruling] party) met.",
        '“Iran” and “Iraq” and "Syria" in a tweet: "yes".',
        "He said: “We will win.\n\nWe will rebuild.”",
        "It was “helpful attention,’ ” Hege said.",
        "Tickets\n\nVIP : 60,000 won\nR : 50,000 won",
        "The U.S. and the U.K. met at 10 a.m. on Jan. 5.",
        "Meanwhile — in Gaza — talks (again) stalled; no deal?",
        "😀 Emoji: 👨‍👩‍👧 fine. e\u0301t\u00e9 too.\r\nNext line.",
        "News · Sport · Weather; the Smiths' album; rock 'n' roll.",
    ],
)
def test_clean_text_is_not_flagged(text):
    assert found(text) == []


def test_offsets_hold_with_emoji_combining_marks_and_crlf():
    text = "👨‍👩‍👧 Cafe\u0301 said.”in\r\nthe two sides agreed , ok"
    hits = found(text)
    assert ("PU101", ".”", (".” ",)) in hits and ("PU102", " ,", (",",)) in hits


def test_arabic_punctuation_inside_arabic_text_is_left_to_untranslated():
    assert [h for h in found("He said قال، ثم in Arabic.") if h[0] == "PU107"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He called it "a fair deal",and left.', ("PU101", ",", (", ",))),
        ("«We want peace», — said Petrov.", ("PU108", "», — said Petrov", (",” Petrov said",))),
        (
            "„It is over“, - said Ivanova at a briefing.",
            ("PU108", "“, - said Ivanova", (",” Ivanova said",)),
        ),
        (
            "“Enough”, — the minister stressed.",
            ("PU108", "”, — the minister stressed", (",” the minister stressed",)),
        ),
        ("«Enough», - he said.", ("PU108", "», - he said", (",” he said",))),
        ("He said: « Parties are banned », the junta declared.", ("PU107", "« ", ("“",))),
        ("He said: « Parties are banned », the junta declared.", ("PU107", " »,", (",”",))),
        ("She said „yes“ to it.", ("PU107", "„", ("“",))),
        ("She said „yes“ to it.", ("PU107", "“", ("”",))),
        ("It was a tragedy؛ demanding a trial.", ("PU107", "؛", (",",))),
        ("He said. ’’We will stay‘‘, he added.", ("PU107", "’’", ("“",))),
        ("He said. ’’We will stay‘‘, he added.", ("PU107", "‘‘,", (",”",))),
        ("Mali : the junta extends its term", ("PU102", " :", (":",))),
        ("Talks ended.\n\n— We won, — said Petrova at the airport.", ("PU107", "— ", ("“",))),
        (
            "Talks ended.\n\n— We won, — said Petrova at the airport.",
            ("PU108", ", — said Petrova", (",” Petrova said",)),
        ),
    ],
)
def test_source_quotation_style(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Home » News » World",  # a breadcrumb: fixing it gave "Home”" (issue 18)
        "Read more »",
        "“Enough,” the minister stressed — and left.",
        "«Fine», — stressed the minister of defence.",  # the speaker runs on: no reordering
    ],
)
def test_no_quote_rewrite(text):
    assert [h for h in found(text) if h[0] in ("PU104", "PU108") or h[1].strip() == "»"] == []


def test_breadcrumb_is_never_mangled_by_fix():
    from toolkit import fix

    body = "The talks ended on Monday after two days, officials said."
    # the breadcrumb above the body is deleted whole (BP101), never "Home”" (issue 18)
    assert fix("Home » World\n\n" + body).text == body


def test_bracket_around_a_handle_is_balanced():
    assert found("(Weibo @SeaWatchDaily) Three carriers sailed (see www.example.com).") == []


@pytest.mark.parametrize(
    "text",
    [
        "Meta is the largest”advertising alliance”, and many apps work with it.",  # ” opens
        'They put power before public benefits." ” The themes of the day',  # doubled closer
    ],
)
def test_no_fix_that_breaks_a_misused_quote(text):
    assert [h for h in found(text) if h[0] in ("PU101", "PU102", "PU106")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The index fell 2 % on Monday.", ("PU102", " %", ("%",))),
        ("It was published on Tuesday .The ministry rejected it.", ("PU102", " .", (". ",))),
        ('The minister said:"We will rebuild the city."', ("PU101", ':"', (': "',))),
        ('"We won,"he said.', ("PU101", ',"', ('," ',))),
        ("Pupils of school №5 were sent home.", ("PU107", "№", ("No. ",))),
        ("He said ''we will win'' and left.", ("PU107", "''", ("“",))),
    ],
)
def test_spacing_and_source_marks(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    ["The board is 6'' wide.", "Visit www.example.com/news.html today.", "It starts at 10.30 a.m."],
)
def test_inches_urls_and_times_pass(text):
    assert found(text) == []


def test_split_decimal():
    assert ("PU109", " ", ("",)) in found("The deal is worth about 4. 5 billion dollars.")
    assert ("PU109", " ", ("",)) in found("Inflation slowed to 3. 2 percent in May.")
    assert [
        f for f in found("It opened in 2019. 5 million people live nearby.") if f[0] == "PU109"
    ] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister arrived in Delhi। He met the prime minister.", ("PU107", "।", (".",))),
        ("Inflation reached 3٫5 percent in May.", ("PU107", "٫", (".",))),
        ("He wrote 〈a long march〉 in 1990.", ("PU107", "〈", ("“",))),
    ],
)
def test_more_source_script_marks(text, expected):
    assert expected in found(text)


def test_full_stop_after_a_question_mark():
    assert ("PU103", "?.", ("?",)) in found("Why did the talks fail?. Nobody knows.")
    assert found("What next?... We wait.") == []
