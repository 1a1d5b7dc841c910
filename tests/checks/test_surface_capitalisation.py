import pytest

from toolkit.checks.capitalisation import CapitalisationCheck
from toolkit.document import Document


def found(text: str):
    doc = Document(text)
    return [(f.rule, f.text, f.suggestions) for f in CapitalisationCheck().run(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Strikes hit bases in Syria And Iraq last week.", ("CA101", "And", ("and",))),
        ("Talks between Ankara Or Tehran failed, he said.", ("CA101", "Or", ("or",))),
        ("The missiles struck bases On the border overnight.", ("CA101", " On", (" on", ". On"))),
        ("to coalesce The third is the advantage.", ("CA101", " The", (". The", " the"))),
        ("Troops moved into The region on Monday.", ("CA101", "The", ("the",))),
        ("He met the Ministry Of Defense spokesman.", ("CA101", "Of", ("of",))),
        ("He left the city. against the advice of aides.", ("CA102", ".", ("",))),
        ("an attack in Syria.against armed factions", ("CA102", ".", (" ",))),
        ("an attack in Syria.\nagainst armed factions", ("CA102", ".", ("",))),
        ("Thank you. thank you all.", ("CA102", ".", ("",))),
        (
            "the first time the U.S. has directed an attack in Syria.\n\nagainst armed factions.",
            ("CA103", ".\n\n", (" ",)),
        ),
        (
            "widgets give publishers an\n\neffective way to recirculate content.",
            ("CA103", "\n\n", (" ",)),
        ),
        ("Beijing said on Monday. in a statement it objected.", ("CA102", ".", ("",))),
        ("It struck 20 km away. the quake was felt widely.", ("CA102", "the", ("The",))),
        ("They agreed a new deal. which covers gas.", ("CA102", ". which", (", which",))),
    ],
)
def test_artifact_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States Launches Raids On Two Installations",
        "Iraq And Syria: What We Know So Far",
        "He met the Islamic Resistance in Iraq and the Lord of the Rings cast.",
        "She flew to The Hague, then to Trinidad and Tobago.",
        "Activists waved Tories Against Brexit banners.",
        "He read Gone With The Wind and One Flew Over the Cuckoo's Nest.",
        "It starred in the film In The Name Of The Father last year.",
        "She starred in Six Feet Under, the series.",
        "He quoted “And Then There Were None” at length.",
        "It rose approx. two percent, et al. found, at 10 a.m. on Monday.",
        "Sales of the iPhone rose. eBay shares fell.",
        "He paused... and went on. Visit example.com. now",
        "Officials said: And that was the end.",
        "Read it on bbc.co.uk or news.sky.com today.",
        "Add 1 tsp. olive oil and 2 Tbsp. soy sauce.",
        "VW says it will do that with all ID. models soon.",
        "on. meth. dot. com.",
        "The firm praised the deal. my6sense shares rose.",
        "This could occur:\n\nif the charity grows fast enough",
        "Arrowhead bottled water\n\nbaby carrier for sale now",
        "He bought a new phone.\n\niPhone sales rose fast.",
        "Tickets are on sale now.\n\nwww.example.com has the details.",
    ],
)
def test_not_flagged(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, word, fixed",
    [
        ("The ethiopian side rejected the plan.", "ethiopian", "Ethiopian"),
        ("Shares fell as the turkish lira slid.", "turkish", "Turkish"),
        ("The 41-year-old moroccan coach signed on Monday.", "moroccan", "Moroccan"),
        ("Police said two palestinians were hurt.", "palestinians", "Palestinians"),
        ("The court heard that the malian had fled.", "malian", "Malian"),
        ("Talks were held in kurdish and arabic.", "kurdish", "Kurdish"),
        ("Thousands of kurds fled the town.", "kurds", "Kurds"),
        ("The vote split the pro-european camp.", "european", "European"),
        ("The islamist party won.", "islamist", "Islamist"),
        ("The afghan Red Crescent sent aid.", "afghan", "Afghan"),
    ],
)
def test_lower_case_proper_adjective(text, word, fixed):
    assert ("CA104", word, (fixed,)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He ordered french fries and a swiss roll.",
        "The Roman numerals and arabic numerals differ.",
        "She will polish the silver; he may welsh on the deal.",
        "see www.example.com/turkish-news and #syrian today",
        "all lower case here with no capitals about the syrian war",
        "The Swiss-made watch was sold in a co-iranian district.",
        "She bought an afghan blanket.",
    ],
)
def test_lower_case_common_word_not_flagged(text):
    assert [f for f in found(text) if f[0] == "CA104"] == []


def test_capitalised_of_after_a_lower_case_word():
    assert ("CA101", "Of", ("of",)) in found("It was the first administration Of Donald Trump.")


def test_title_of_a_work_is_not_flagged():
    assert found("Works shown include Thinking at the Edge and On the Spirit of Arts.") == []
