"""Numbers written in the source language's way: scale words and counting units ("230
thousand", "4.65 ten thousand", "14 lakh"), number phrases ("several hundreds of"), digit
formats ("2,5", "2,20,000"), date and time formats ("00h30", "le 3 mars") and casualty
counts on 'caused'.

Machine translation renders Arabic alf, Persian hezar and Russian tys. as the word
"thousand", keeps Chinese wan/yi and South Asian lakh/crore as units, and copies decimal
commas and digit grouping. Each finding suggests the figure as English news writes it, in
digits, with the noun after it made plural where the source kept it singular. One regular
expression pass per family over the text; data in corpora/numbers/.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.checks.numbers.dates import date_findings
from toolkit.checks.numbers.formats import format_findings
from toolkit.checks.numbers.phrases import phrase_findings
from toolkit.checks.numbers.rules import RULES
from toolkit.checks.numbers.scales import scale_findings
from toolkit.checks.numbers.values import folded
from toolkit.document import Document
from toolkit.findings import Finding


class NumberCheck(Check):
    """Number calques and source-language number formats."""

    name = "numbers"
    rules = RULES

    def check(self, doc: Document) -> Iterator[Finding]:
        lower = folded(doc.text)
        found = [
            *scale_findings(doc, lower),
            *phrase_findings(doc, lower),
            *format_findings(doc, lower),
            *date_findings(doc, lower),
        ]
        kept: list[Finding] = []
        for finding in sorted(found, key=lambda f: (f.start, -f.end)):
            if not any(f.start < finding.end and finding.start < f.end for f in kept[-3:]):
                kept.append(finding)  # the widest finding of a span wins
        yield from kept
