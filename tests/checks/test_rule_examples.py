"""Every rule fires on the example its documentation gives (docs/rules.md), as linters test theirs.

A ``⏎`` in an example is a paragraph break and a ``↵`` a line break (bilingual input aligned
line by line); an example that starts with "…" shows the end of an
article and gets a body first. Bilingual examples run with their ``example_source``. Rules of
checks that need a model are tested with tiny models in their own test files.
"""

from pathlib import Path

import pytest

from toolkit.checks import CHECKS, check_class
from toolkit.document import Document
from toolkit.pipeline import Selection, run_checks
from toolkit.settings import Settings

BODY = (
    "The strikes hit two weapons depots and a command post near the border overnight, "
    "the defence ministry said in a statement on Tuesday morning.\n\n"
    "Officials said the operation was a response to repeated attacks on troops in the "
    "region, which have killed three soldiers since the start of the year.\n\n"
    "The toll was put at "
)
# Rules that only fire under a user's configuration: the setting their example assumes.
HOUSE_STYLE = {"NM103": "Deir al-Zour\tDeir ez-Zor\n"}

RULES = [
    rule for name in CHECKS if not check_class(name).needs_model for rule in check_class(name).rules
]


def _breaks(example: str) -> str:
    return example.replace(" ⏎ ", "\n\n").replace(" ↵ ", "\n")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_example_fires(rule, tmp_path: Path):
    text = _breaks(rule.example)
    if text.startswith("…"):
        text = BODY + text[1:]
    settings = Settings()
    if rule.code in HOUSE_STYLE:
        (tmp_path / "house.tsv").write_text(HOUSE_STYLE[rule.code], encoding="utf-8")
        settings = Settings(house_style=tmp_path / "house.tsv")
    doc = Document(text, source=_breaks(rule.example_source) or None)
    findings = run_checks(doc, settings, Selection((rule.code,), (), 0.0))
    assert rule.code in {f.rule for f in findings}


def test_only_bilingual_rules_have_a_source_text():
    with_source = {r.code for r in RULES if r.example_source}
    assert with_source and all(code.startswith("BI") for code in with_source)
