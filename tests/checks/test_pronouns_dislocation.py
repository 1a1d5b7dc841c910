"""PR104: a subject noun phrase resumed by a pronoun after a comma (left dislocation)."""

import pytest

from toolkit.checks.pronouns import PronounCheck
from toolkit.document import Document
from toolkit.settings import Settings


def findings(text: str):
    return [f for f in PronounCheck(Settings(fast=True)).run(Document(text)) if f.rule == "PR104"]


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        (
            "The national squad, she lost two friendlies in June.",
            "The national squad, she",
            "The national squad lost two friendlies in June.",
        ),
        (
            "The Egyptian federation, it announced on Monday that the coach was dismissed.",
            "The Egyptian federation, it",
            "The Egyptian federation announced on Monday that the coach was dismissed.",
        ),
        (
            "The prosecutors, he said that they would appeal the verdict.",
            "The prosecutors, he",
            "The prosecutors said that they would appeal the verdict.",
        ),
        (
            "Turkey, she rejected the accusations made by the Greek side on Tuesday.",
            "Turkey, she",
            "Turkey rejected the accusations made by the Greek side on Tuesday.",
        ),
        (
            "On Sunday, the Supreme Electoral Council, it declared the results.",
            "the Supreme Electoral Council, it",
            "On Sunday, the Supreme Electoral Council declared the results.",
        ),
        (
            "The Iranian Red Crescent Society, she sent 20 trucks of aid to Herat.",
            "The Iranian Red Crescent Society, she",
            "The Iranian Red Crescent Society sent 20 trucks of aid to Herat.",
        ),
        (
            "The union, which represents 40,000 nurses, it announced a strike on Monday.",
            "it",
            "The union, which represents 40,000 nurses, announced a strike on Monday.",
        ),
        (
            "The small island states, which had left the room in protest, they declared that"
            " the offer was insulting.",
            "they",
            "The small island states, which had left the room in protest, declared that"
            " the offer was insulting.",
        ),
        (
            "The Asian Football Confederation, she salued the Iraqi fans.",
            "The Asian Football Confederation, she",
            "The Asian Football Confederation salued the Iraqi fans.",
        ),
    ],
)
def test_resumed_subject_is_found_and_deleted(text, span, fixed):
    (finding,) = findings(text)
    assert text[: finding.end].rstrip().endswith(span)
    assert finding.text.strip(" ,") == span.split()[-1]
    assert finding.safe
    assert text[: finding.start] + finding.suggestions[0] + text[finding.end :] == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Narendra Modi, he said that the plan would go ahead.",
        "Ayşe Kaya, he told the court that she was innocent.",
        "The opposition parties, she calls for a boycott of the vote.",
        "Nadia Karimi, the head of the Afghan Olympic Committee, they congratulated the team.",
    ],
)
def test_people_and_agreeing_verbs_are_found_but_not_fixed_by_default(text):
    (finding,) = findings(text)
    assert not finding.safe


@pytest.mark.parametrize(
    "text",
    [
        "A former teacher, she joined the party in 1990.",
        "The son of a miner, he grew up in Donetsk.",
        "The first woman to lead the bank, she took office in May.",
        "Last week, she said the talks had failed.",
        "The plan, he said, would cost 2 billion dollars.",
        "The company, it said in a statement on Monday, would cut 300 jobs.",
        "Britain, it was reported, had refused the request.",
        "When the manufacturers set the price, they know the risk.",
        "In Brazil, it rained for a week.",
        "Germany, France and Italy, they all voted against.",
        "Her husband, he said, had never been to Tehran.",
        '"The ministry, she never answers our letters," said the farmer.',
        "The hospital, she recalled, was full of children.",
        "The ministry, she said.",
        "The company, which was founded in 1990, said it would cut 300 jobs.",
        "In 2019, the year the war began, it rained for a month.",
        "Smith, the former champion, said he would retire.",
    ],
)
def test_descriptions_parentheticals_and_speech_are_left_alone(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "The Supreme Leader in his message they said that the attackers would face justice.",
            "The Supreme Leader in his message said that the attackers would face justice.",
        ),
        (
            "The foreign ministry in a statement she said that the embassy would remain open.",
            "The foreign ministry in a statement said that the embassy would remain open.",
        ),
        (
            "The Chinese side at the meeting it stressed that the talks were constructive.",
            "The Chinese side at the meeting stressed that the talks were constructive.",
        ),
        (
            "President Erdoğan in his speech he said: “We will not retreat.”",
            "President Erdoğan in his speech said: “We will not retreat.”",
        ),
    ],
)
def test_resumed_subject_without_a_comma_before_a_reporting_verb(text, fixed):
    (finding,) = findings(text)
    assert text[: finding.start] + finding.suggestions[0] + text[finding.end :] == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The people in the town they visited were friendly.",
        "The report that they said was leaked has been withdrawn.",
        "The officials at the meeting he chaired said that talks would resume.",
        "Mr Sharif in Lahore, they said, met the army chief.",
    ],
)
def test_relative_clauses_without_a_comma_are_left_alone(text):
    assert findings(text) == []
