"""Number agreement: singular nouns after numerals, plural nouns after "a"/"each", and verbs
that disagree with their subject.

Chinese marks no number, Turkish and Persian keep the noun singular after a numeral ("üç
asker", "پنج نفر": "three soldier", "five person") and Arabic plural agreement differs from
English (non-human plurals take feminine singular verbs), so MT into English slips in
number. The default pass is lexical (lexical.py): a noun lexicon with both forms
(corpora/agreement/nouns.tsv) and word lists for quantifiers, collective and measure nouns.
It looks only where the noun phrase is unambiguous: a subject at the start of a clause with
its verb right after it, a numeral right before its noun. Collective nouns ("the government
have") and measure phrases ("three miles is") are never flagged. With ``--deep`` the subject
of each agreeing verb is also found in spaCy's parse (parsed.py), wherever it
stands ("the attacks on the base was").
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.agreement.lexical import lexical_findings
from toolkit.checks.agreement.parsed import parsed_findings
from toolkit.checks.agreement.rules import (
    PLURAL_AFTER_SINGULAR,
    SET_PHRASE,
    SINGULAR_AFTER_NUMERAL,
    SUBJECT_VERB,
    VERB_AFTER_MODAL,
)
from toolkit.checks.agreement.set_phrases import set_phrase_findings
from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.findings import Finding


class AgreementCheck(Check):
    """Number agreement between numerals, determiners, nouns and verbs."""

    name = "agreement"
    rules = (
        SINGULAR_AFTER_NUMERAL,
        PLURAL_AFTER_SINGULAR,
        SUBJECT_VERB,
        SET_PHRASE,
        VERB_AFTER_MODAL,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from lexical_findings(doc)
        yield from set_phrase_findings(doc)
        if not self.settings.fast:
            yield from parsed_findings(doc)
