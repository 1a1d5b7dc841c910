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
