import pytest

from toolkit.checks.fragments import FragmentCheck
from toolkit.document import Document


def found(text: str):
    doc = Document(text)
    findings = FragmentCheck().run(doc)
    for f in findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.rule, f.text, f.suggestions) for f in findings]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rockets were fired overnight. West Bank.", ("FR101", "West Bank.", ())),
        ("Talks resumed on Monday. Doha, Qatar.", ("FR101", "Doha, Qatar.", ())),
        ("Trade rose 2.5% last year. Ankara.", ("FR101", "Ankara.", ())),
        ("Clashes went on. The West Bank.", ("FR101", "The West Bank.", ())),
        (
            "Xinhua quoted a ministry spokesman as saying. He said the talks were useful.",
            ("FR102", ". He said", ("",)),
        ),
        (
            "Tasnim quoted a commander as saying. The drills will last a week.",
            ("FR102", " as saying", ("",)),
        ),
        ("The ministry issued a statement saying. Talks went on.", ("FR102", "saying.", ())),
        (
            "IRNA quoted him as telling reporters. Talks went on.",
            ("FR102", " as telling reporters", ("",)),
        ),
        ("The minister stressed, as warning. Talks went on.", ("FR102", " as warning", ("",))),
        (
            "Tasnim quoted a commander as saying that. Drills go on.",
            ("FR102", " as saying that", ("",)),
        ),
        (
            "Casualties rose sharply, according to. The army denied it.",
            ("FR102", "according to.", ()),
        ),
        (
            "The U.S. struck three sites in Syria. Against the factions in Iraq.",
            ("FR103", "Against the factions in Iraq.", ()),
        ),
    ],
)
def test_artifact_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States launches raids on two installations in Iraq\n\nIt said so.",
        "BAGHDAD (Reuters) - Rockets hit a base. Officials said so.",
        "Rockets hit a base on Jan. 5, 2024. Jan. 5, 2024.",
        "He said so. “Gaza Strip.”",
        "Rockets hit a base. Photo: Reuters.",
        "What did he say? Nothing. Not any more.",
        "He kept saying. That is all he said.",
        "Prices rose. Five weeks away from one of the most important elections.",
        "He won. It Is Very Bad. And Women Need to Wield It.",
        "Fire broke out. Stop.",
        "He left. Tomorrow's a different beast.",
        "It is the seventh model. The VW ID. SPACE VIZZION is new.",
        "The room went dark. Chaos. Then silence. Nothing. Syria.",
        "The talks were seen as continuing. He agreed.",
        "The minister said:\n\n“We will win.”",
        "The minister said:\n\nWe will win, and soon.",
    ],
)
def test_not_flagged(text):
    assert found(text) == []


@pytest.mark.parametrize("text", ["The minister said:\n\nSource link", "It said in a statement:"])
def test_announced_quote_that_never_comes(text):
    assert [h[0] for h in found(text)] == ["FR102"]
