"""Number agreement: singular nouns after numerals, plural nouns after "a"/"each", and verbs
that disagree with their subject.

Chinese marks no number, Turkish and Persian keep the noun singular after a numeral ("üç
asker", "پنج نفر": "three soldier", "five person") and Arabic plural agreement differs from
English (non-human plurals take feminine singular verbs), so MT into English slips in
number. The default pass is lexical (_agreement_lexical.py): a noun lexicon with both forms
(corpora/agreement/nouns.tsv) and word lists for quantifiers, collective and measure nouns.
It looks only where the noun phrase is unambiguous: a subject at the start of a clause with
its verb right after it, a numeral right before its noun. Collective nouns ("the government
have") and measure phrases ("three miles is") are never flagged. With ``--deep`` the subject
of each agreeing verb is also found in spaCy's parse (_agreement_parsed.py), wherever it
stands ("the attacks on the base was").
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.findings import Finding, Rule

SINGULAR_AFTER_NUMERAL = Rule(
    code="AG101",
    slug="singular-noun-after-numeral",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A singular count noun after a numeral above one or a plural quantifier "
    "('three soldier', 'several member', 'these country', 'two of the soldier').",
    why="Turkish and Persian keep the noun singular after a numeral (üç asker, پنج نفر) and "
    "Chinese marks no number at all; MT copies the singular.",
    example="Three soldier were killed in the attack.",
    fixed="Three soldiers were killed in the attack.",
    fix_safe=True,
    false_positives="A singular noun that modifies a following word the lexicon does not "
    "know as a noun ('two state solution' is left alone, 'two state-run' is not). Only a "
    "numeral with a plain noun is fix-safe; after quantifiers and 'these' the fix needs review.",
)
PLURAL_AFTER_SINGULAR = Rule(
    code="AG102",
    slug="plural-noun-after-singular-determiner",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A plural noun after a singular determiner ('a soldiers', 'each countries', "
    "'this attacks', 'another reasons').",
    why="Arabic and Persian determiners do not mark number as English ones do, and Arabic "
    "broken plurals are easily mistranslated as singular or plural.",
    example="Each countries will send a delegation.",
    fixed="Each country will send a delegation.",
    false_positives="A plural used as a modifier before a noun the lexicon does not know "
    "('an arms-control deal' is left alone; 'a sports' + rare noun may be flagged).",
)
SUBJECT_VERB = Rule(
    code="AG103",
    slug="subject-verb-number",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A verb (is/are, was/were, has/have, does/do, says/say) that disagrees in number "
    "with the noun heading its subject ('the attacks was', 'the soldier were', "
    "'Iran and Iraq has', 'there is many reasons').",
    why="Arabic gives non-human plurals singular agreement and Chinese has none, so MT picks "
    "the verb's number from the wrong word.",
    example="The attacks on the base was carried out by drones.",
    fixed="The attacks on the base were carried out by drones.",
    false_positives="By default only a subject that starts a clause and is directly followed "
    "by its verb is checked; --deep also matches a verb with its subject in spaCy's parse "
    "('the attacks on the base was'), and a wrong parse can then mislead it. 'The number of "
    "victims have' is never judged (prescriptive). Collective nouns "
    "(government, ministry, team, police) may take either number in British English and "
    "are not flagged, nor amounts ('three miles is a long way') or titles.",
)


class AgreementCheck(Check):
    """Number agreement between numerals, determiners, nouns and verbs."""

    name = "agreement"
    rules = (SINGULAR_AFTER_NUMERAL, PLURAL_AFTER_SINGULAR, SUBJECT_VERB)

    def check(self, doc: Document) -> Iterator[Finding]:
        from toolkit.checks._agreement_lexical import lexical_findings

        yield from lexical_findings(doc)
        if not self.settings.fast:
            from toolkit.checks._agreement_parsed import parsed_findings

            yield from parsed_findings(doc)
