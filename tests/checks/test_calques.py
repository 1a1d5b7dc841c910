import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import check
from toolkit.checks.calques import CalqueCheck, load_patterns
from toolkit.document import Document
from toolkit.settings import Settings


def calques(text: str, source_lang: str | None = None):
    return CalqueCheck(Settings(source_lang=source_lang)).run(Document(text))


def apply(text: str, finding, index: int = 0) -> str:
    return text[: finding.start] + finding.suggestions[index] + text[finding.end :]


def test_seed_calques_found_with_suggestions(seed_text):
    found = {f.text: f for f in check(seed_text, rules=["calques"])}
    assert found["Yesterday, on Tuesday"].suggestions == ("On Tuesday",)
    assert found["last night (Tuesday)"].suggestions == ("on Tuesday night",)
    assert found["close-range"].suggestions == ("short-range",)
    assert found["close-range"].rule == "CQ103"
    assert "As part of" in found["In the context of"].suggestions
    same = next(f for f in found.values() if f.text.startswith("In the same context"))
    assert apply(seed_text, same).count("Meanwhile, two U.S. officials said") == 1
    assert apply(seed_text, same, 2).count("\nTwo U.S. officials said that Ain") == 1


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Yesterday, on Tuesday, officials said.", "On Tuesday, officials said."),
        ("They met the day before yesterday, Monday, in Ankara.", "They met on Monday, in Ankara."),
        ("The strike yesterday (Sunday) killed two.", "The strike on Sunday killed two."),
        ("Today, Wednesday, talks resume.", "On Wednesday, talks resume."),
        ("This morning (Friday) the army said.", "On Friday morning the army said."),
        ("Tonight, Thursday, a vote is due.", "On Thursday night, a vote is due."),
        ("Yesterday evening, on Monday, police said.", "On Monday evening, police said."),
    ],
)
def test_relative_date_rule_generalizes(text, fixed):
    (finding,) = calques(text)
    assert finding.rule == "CQ102"
    assert apply(text, finding) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The rally is scheduled for 7 p.m. ET tonight, Saturday, September 29, 2018.",
        "Talks continue today and on Tuesday.",
        "Yesterday was Tuesday.",
        "In this context the letter w is a vowel.",
        "He spoke at close range to the crowd.",
        "And he said that there was one figure from his past.",
        "She returned the next Tuesday with her lawyer.",
        "The past few weeks were hard.",
        "The ministry said the relevant figure was 12%.",
    ],
)
def test_native_english_is_not_flagged(text):
    assert calques(text) == []


def test_deletion_mid_sentence_removes_the_space_before():
    text = "Officials said it is worth mentioning that talks stalled."
    (finding,) = calques(text)
    assert finding.text == " it is worth mentioning that"
    assert apply(text, finding) == "Officials said talks stalled."


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # an apposition is open before the blessing: its closing comma stays
        (
            "Prince Ali, the defence minister, may God protect him, met the envoy.",
            "Prince Ali, the defence minister, met the envoy.",
        ),
        ("The King, may God protect him, met the envoy.", "The King met the envoy."),
        ("The late emir, may God have mercy on him.", "The late emir."),
        ("The King (may God protect him) met the envoy.", "The King met the envoy."),
    ],
)
def test_deleting_an_inserted_phrase_keeps_the_commas_balanced(text, fixed):
    (finding,) = calques(text)
    assert finding.rule == "CQ104" and finding.safe
    assert apply(text, finding) == fixed


def test_deletion_at_sentence_start_capitalises_the_next_word():
    text = "It is worth mentioning that the base hosts 2,500 troops."
    (finding,) = calques(text)
    assert apply(text, finding) == "The base hosts 2,500 troops."


def test_sentence_start_patterns_ignore_mid_sentence_use():
    assert calques("Prices rose in the same context as wages.") == []
    assert calques("“In the same context, the army said.”")[0].text.startswith("In the same")


def test_source_lang_narrows_patterns():
    text = "Within the scope of the investigation, the relevant departments met at the first time."
    turkish = {"Within the scope of", "the relevant departments"}
    assert {f.text for f in calques(text, "tr")} == turkish
    assert calques(text, "ur") == []
    assert {f.text for f in calques(text, "zh")} == {
        "Within the scope of",
        "the relevant departments",
        "at the first time",
    }
    assert len(calques(text)) == 3


def test_messages_name_the_source_form_of_the_source_language():
    text = "Yesterday, Sunday, police said they had found the car in a close-range missile strike."
    for finding in calques(text, "zh"):
        assert "Arabic" not in finding.message and "Chinese" in finding.message
    assert all("Arabic" in f.message for f in calques(text, "ar"))
    assert "Persian" in calques(text)[0].message  # no source language: every form


def test_weak_patterns_need_a_stronger_calque_in_the_text():
    weak = "It is worth noting that the bridge opened in 1998."
    assert calques(weak) == []
    strong = weak + " Talks stalled in the framework of the agreement."
    assert {f.rule for f in calques(strong)} == {"CQ101"} and len(calques(strong)) == 2


def test_lexicon_rows_are_well_formed():
    patterns = load_patterns()
    assert len(patterns) >= 20
    assert len({p.id for p in patterns}) == len(patterns)
    for pattern in patterns:
        assert pattern.langs <= {"any", "ar", "fa", "tr", "ur", "zh", "ru", "fr"}
        assert 0 < pattern.confidence <= 1
        assert pattern.explanation


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("He stressed on the importance of dialogue.", "He stressed the importance of dialogue."),
        ("They discussed the means of enhancing ties.", "They discussed ways of enhancing ties."),
        ("The governor gave the following information: two died.", "The governor said: two died."),
        ("Police made an evaluation about the riots.", "Police commented on the riots."),
        ("In a related context, the army said.", "Separately, the army said."),
        (
            "Police launched an arrest campaign in Izmir.",
            "Police launched a wave of arrests in Izmir.",
        ),
        ("The arrest campaign continued.", "The wave of arrests continued."),
        ("Talks began the past Tuesday in Doha.", "Talks began last Tuesday in Doha."),
        ("The vote is due the coming Sunday.", "The vote is due next Sunday."),
        ("It is pertinent to mention that the minister left.", "The minister left."),
        ("Yesterday Saturday, the market closed early.", "On Saturday, the market closed early."),
        ("Talks held since yesterday (Monday) ended.", "Talks held since Monday ended."),
        ("Governor Ali Khan sahib opened the road.", "Governor Ali Khan opened the road."),
        ("The raid led to the martyrdom of two men.", "The raid killed two men."),
        ("Schools are shut until new order.", "Schools are shut until further notice."),
        ("Medics arrived at the first time.", "Medics arrived immediately."),
    ],
)
def test_lexicon_rewrites(text, fixed):
    (finding,) = calques(text)
    assert apply(text, finding) == fixed


def test_relative_date_fix_is_safe_and_applied_by_fix(seed_text):
    from toolkit.fix import fix

    fixed = fix(seed_text).text
    assert "\nOn Tuesday, U.S. officials said" in fixed
    assert "the attack on Tuesday night, which targeted" in fixed


_PIECES = [
    "Yesterday",
    ", on ",
    "Tuesday",
    " (",
    ")",
    "In the same context",
    ", ",
    "the",
    " ",
    "\n\n",
    ". ",
    "It is worth noting that",
    "last night",
    "close-range missile",
    "“",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=20))
@settings(max_examples=150, deadline=None)
def test_spans_and_suggestions_stay_consistent(pieces):
    text = "".join(pieces)
    for finding in calques(text):
        assert text[finding.start : finding.end] == finding.text
        assert finding.text == finding.text.strip() or finding.text[0] == " "
        for suggestion in finding.suggestions:
            assert "<delete>" not in suggestion and "\\g<" not in suggestion


def test_deletion_never_crosses_a_line_break():
    (finding,) = calques("Intro.\n\nIn the same context")
    assert finding.text == "In the same context"
    assert finding.suggestions == ("Meanwhile", "Separately")
    (finding,) = calques("Officials said\nit is worth mentioning that prices rose.")
    assert "\n" not in finding.text and finding.suggestions == ()


@pytest.mark.parametrize(
    "text",
    [
        "Xinhua News Agency, Taipei, February 11 (Reporter Chen) -- Shares rose.",
        "The council met on the 11th. (Kota Kinabalu News on the 11th)",
        "Today, Monday and Tuesday are holidays.",
        "Tomorrow, Friday, is the deadline.",
        "Shaibani, for his part, said the talks went well.",
        "For his part, the coach praised the fans.",
        "The rally drew the masses to the square.",
        "She was the actual winner of the race.",
        "Pilgrims visited Gurdwara Darbar Sahib Kartarpur.",
        "The board met on Tuesday to approve the accounts.",
        "Hurricane Rosa's remnants moved over Arizona while Greece voted.",
    ],
)
def test_native_and_wire_style_is_left_alone(text):
    assert calques(text) == []
    assert check(text, rules=["terminology"]) == []
