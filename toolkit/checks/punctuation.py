"""Punctuation and spacing slips that MT and scraping leave behind."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.findings import Finding, Rule

MISSING_SPACE = Rule(
    code="PU101",
    slug="missing-space-after-punctuation",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="A sentence-ending mark or closing quote runs straight into the next word.",
    why="Joined sentences read as one garbled clause; MT output glued to a scraped quote "
    "often loses the space.",
    example="calling it “Iran-backed militants.”in response to the attacks",
    fixed="calling it “Iran-backed militants.” in response to the attacks",
    fix_safe=True,
    false_positives="Abbreviations with inner dots (U.S., e.g.) and decimals are not flagged.",
)

# Closing mark(s) then a letter: ".”in", "said.The", "end,and". Excludes acronyms (U.S.),
# decimals (2.5), URLs and domains (example.com) by requiring a lower-case word before.
_GLUED = re.compile(r"(?<=[a-z\d%)])([.!?,;:]+[”\"’»)]*|[”»])(?=[A-Za-z][a-z])")
_URLISH = re.compile(r"\S*(?:www\.|https?:|\.(?:com|org|net|gov|edu|io|co|uk)\b)\S*")


class PunctuationCheck(Check):
    """Spacing around punctuation."""

    name = "punctuation"
    rules = (MISSING_SPACE,)

    def check(self, doc: Document) -> Iterator[Finding]:
        urls = [m.span() for m in _URLISH.finditer(doc.text)]
        for match in _GLUED.finditer(doc.text):
            start, end = match.span(1)
            if any(s <= start < e for s, e in urls):
                continue
            if match.group(1)[0] == "." and not match.group(1)[1:]:
                continue  # "a.b" without a quote is more often a name or domain than a slip
            yield MISSING_SPACE.at(
                doc,
                start,
                end,
                "No space after the punctuation: two sentences or clauses run together.",
                [match.group(1) + " "],
                confidence=0.9,
            )
