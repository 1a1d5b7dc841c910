"""Every surface and boilerplate rule fires on the example its documentation gives."""

import pytest

from toolkit.checks.boilerplate import BoilerplateCheck
from toolkit.checks.capitalisation import CapitalisationCheck
from toolkit.checks.encoding import EncodingCheck
from toolkit.checks.fragments import FragmentCheck
from toolkit.checks.punctuation import PunctuationCheck
from toolkit.checks.repetition import RepetitionCheck
from toolkit.document import Document

CHECKS = (
    PunctuationCheck,
    CapitalisationCheck,
    FragmentCheck,
    RepetitionCheck,
    EncodingCheck,
    BoilerplateCheck,
)
# Boilerplate examples show the end of an article ("…about 900 in Syria."): give them a body.
BODY = (
    "The strikes hit two weapons depots and a command post near the border overnight, "
    "the defence ministry said in a statement on Tuesday morning.\n\n"
    "Officials said the operation was a response to repeated attacks on troops in the "
    "region, which have killed three soldiers since the start of the year.\n\n"
)
RULES = [(check, rule) for check in CHECKS for rule in check.rules]


@pytest.mark.parametrize("check, rule", RULES, ids=[rule.code for _, rule in RULES])
def test_rule_example_fires(check, rule):
    text = rule.example.replace(" ⏎ ", "\n\n")
    if text.startswith("…"):
        text = BODY + "The toll was put at " + text[1:]
    assert rule.code in {f.rule for f in check().run(Document(text))}
