import pytest

from toolkit.checks.repetition import RepetitionCheck
from toolkit.document import Document


def found(text: str):
    doc = Document(text)
    findings = RepetitionCheck().run(doc)
    for f in findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.rule, f.text, f.suggestions) for f in findings]


def test_doubled_word_is_deleted_with_its_space():
    assert found("the attack on the the base") == [("RE101", " the", ("",))]
    assert found("The The attack began.") == [("RE101", " The", ("",))]
    assert found("it was\nwas over") == [("RE101", "\nwas", ("",))]


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough; he said that that was all.",
        "Duran Duran played. He visited Bora Bora and Walla Walla.",
        "President Moon Jae-in in the capital met Kim.",
        "It was a very very long day, bye bye.",
        "the 10 10 rule",
    ],
)
def test_legit_doublings_are_not_flagged(text):
    assert found(text) == []


def test_repeated_sentence_exact_and_near():
    text = (
        "The talks resumed on Monday in Doha after a pause. Then more came.\n\n"
        "The talks resumed on Monday in Doha, after a pause. Officials said the strike "
        "targeted two facilities near the Syrian border on Tuesday night. Officials said "
        "the strike targeted two facilities near the Syrian border on Tuesday evening."
    )
    hits = found(text)
    assert ("RE102", "The talks resumed on Monday in Doha, after a pause.", ("",)) in hits
    assert any(h[1].endswith("Tuesday evening.") for h in hits if h[0] == "RE102")
    assert len(hits) == 2


def test_repeated_paragraph_is_one_finding():
    paragraph = "A long paragraph that is repeated here. It has two sentences in it."
    text = f"{paragraph}\n\nSomething else entirely happens now.\n\n{paragraph}"
    assert found(text) == [("RE103", paragraph, ("",))]


def test_short_repeats_are_ignored():
    assert found("No comment. He left. No comment.") == []


def test_doubled_phrase_is_deleted():
    text = "attacks on U.S. forces in the region in the region since October"
    assert found(text) == [("RE104", " in the region", ("",))]


def test_phrases_repeated_with_punctuation_are_not_flagged():
    assert found("Go, go, go. It was very, very good. Step by step, day by day.") == []
    assert found("He won best performer for Measure for Measure at the National.") == []
    assert found("It got faster and faster and louder, and more and more people came.") == []


def test_repeated_list_lines_are_not_flagged():
    line = "Eat 60 to 90 minutes before your morning workout"
    assert found(f"Plan A\n\n{line}\n\nPlan B\n\n{line}") == []


def test_repeated_spec_lines_are_not_flagged():
    line = "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp."
    assert found(f"Meal 1\n\n{line}\n\nMeal 2\n\n{line}") == []


def test_lead_in_restating_a_title_is_no_repeat():
    text = (
        "How to brew green tea at home?\nTea needs care.\nHow to brew green tea at home:\nBoil it."
    )
    assert [f for f in RepetitionCheck().run(Document(text)) if f.rule == "RE102"] == []


def test_near_repeat_with_other_figures_is_no_repeat():
    text = (
        "This is the comet photographed by Anna Berg, an amateur astronomer of Oslo, in 2018.\n"
        "This is the comet photographed by Ole Dahl, an amateur astronomer of Bergen, in 2020.\n"
        "1. Fresh apples from the orchard in the valley, crisp and sweet, four kilos in a box.\n"
        "2. Fresh apples from the orchard in the valley, crisp and sweet, six kilos in a box."
    )
    assert [f for f in RepetitionCheck().run(Document(text)) if f.rule == "RE102"] == []


def test_phrase_repeated_after_a_comma():
    text = "They agreed to revive the trade deal, to revive the trade deal signed in 2015."
    found = [(f.rule, f.text) for f in RepetitionCheck().run(Document(text))]
    assert ("RE104", ", to revive the trade deal") in found


def test_that_that_before_an_article_is_doubled():
    found = [
        (f.rule, f.text)
        for f in RepetitionCheck().run(Document("He said that that the law passed."))
    ]
    assert found == [("RE101", " that")]
    assert RepetitionCheck().run(Document("He said that that was wrong.")) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officials said the flood killed 12 people, officials said.",
            ("RE105", ", officials said", ("",)),
        ),
        (
            "The spokesman said that the government, he said, would not negotiate.",
            ("RE105", ", he said,", ("",)),
        ),
        ('"The talks were useful," the minister said, he said.', ("RE105", ", he said", ("",))),
    ],
)
def test_repeated_attribution(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company said it would cut 400 jobs, the newspaper reported.",
        "Police told her the man had fled, she said.",
        "The army said the strike, which it said targeted a depot, killed five people.",
        '"We are ready," he said, adding that the team would travel on Monday.',
    ],
)
def test_nested_or_single_attribution_is_not_flagged(text):
    assert [f for f in found(text) if f[0] == "RE105"] == []


def test_sentence_restated_inside_the_next_one():
    short = "Protesters gathered outside the parliament building on Monday."
    text = f"{short} {short[:-1]} to demand the resignation of the cabinet."
    assert ("RE102", short, ("",)) in found(text)


def test_caption_and_its_credit_line_are_not_a_restatement():
    text = (
        "Farmers unload grain at the port of Odesa on Friday | Photo: Reuters\n"
        "Farmers unload grain at the port of Odesa on Friday."
    )
    assert found(text) == []


def test_labelled_teaser_restated_by_the_lead_is_the_repeat():
    teaser = "Summary: Heavy rain has flooded three districts of the city since Sunday."
    text = (
        f"{teaser}\n\nLagos, 2 May (Reuters) – Heavy rain has flooded three districts of the "
        "city since Sunday. Schools were closed."
    )
    assert [f[:2] for f in found(text)] == [("RE102", teaser)]
    assert found("Photo: AA A man walks past the ruins of the old bazaar in Hatay. " * 2)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Although the talks lasted nine hours, but no deal was reached.",
            ("RE106", "but ", ("",)),
        ),
        ("Because the bridge was damaged, so the convoy turned back.", ("RE106", "so ", ("",))),
        ("He said that although prices rose, but wages did not.", ("RE106", "but ", ("",))),
        ("But however, the government rejected the plan.", ("RE106", " however,", ("",))),
    ],
)
def test_doubled_conjunction(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Since May, so many people have left the region.",
        "If the talks fail, then the strike will continue.",
        "Although small, the change was welcome, but late.",
        "But however much he tried, the door stayed shut.",
    ],
)
def test_single_conjunctions_pass(text):
    assert [f for f in found(text) if f[0] == "RE106"] == []


@pytest.mark.parametrize(
    "text, copy",
    [
        (
            "Flights resumed at the airport on Sunday after the runway was repaired. "
            "Flights resumed at the airport.",
            "Flights resumed at the airport.",
        ),
        (
            "The court released the journalist on bail pending trial. The journalist was "
            "released by the court.",
            "The journalist was released by the court.",
        ),
        (
            "Rescuers pulled 12 survivors from the rubble overnight. Rescuers pulled out "
            "12 survivors.",
            "Rescuers pulled out 12 survivors.",
        ),
    ],
)
def test_next_sentence_repeating_part_of_the_last_one(text: str, copy: str) -> None:
    assert ("RE102", copy, ("",)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers pulled 12 survivors from the rubble overnight. Rescuers pulled out 14.",
        "The court released the journalist on bail. The court released him in Ankara.",
        "Prices rose sharply in March. Prices rose.",
    ],
)
def test_next_sentence_with_a_fact_of_its_own_is_not_a_copy(text: str) -> None:
    assert [f for f in found(text) if f[0] == "RE102"] == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("Malik and Khan took three, three wickets in the match.", ", three"),
        ("The two ministers received five, five votes each.", ", five"),
    ],
)
def test_number_word_doubled_across_a_comma(text: str, span: str) -> None:
    assert ("RE101", span, ("",)) in found(text)


def test_counting_and_emphasis_are_not_doubled_numbers() -> None:
    assert found("One, two, three: the crowd counted down. It was very, very close.") == []
