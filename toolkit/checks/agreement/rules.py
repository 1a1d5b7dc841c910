"""The rules of the agreement check (AG101-AG105)."""

from __future__ import annotations

from toolkit.findings import Rule

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
SET_PHRASE = Rule(
    code="AG104",
    slug="set-phrase-number",
    kind="grammar",
    category="fluency/grammar",
    severity="minor",
    summary="A set phrase whose inner noun stays singular, put in the plural: 'heads of "
    "states', 'prisoners of wars', 'points of views'.",
    why="Russian, Arabic and French put both nouns in the plural (glavy gosudarstv, ru'asa' "
    "al-duwal, points de vue); English keeps the second singular: 'heads of state'.",
    example="The heads of governments met in Brussels.",
    fixed="The heads of government met in Brussels.",
    fix_safe=True,
    false_positives="Only the listed phrases (corpora/agreement/fixed_phrases.tsv) are judged.",
    source="corpora/agreement/fixed_phrases.tsv",
)
VERB_AFTER_MODAL = Rule(
    code="AG105",
    slug="finite-verb-after-modal",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A verb that agrees with a subject after a modal or 'did not', where English "
    "wants the base form: 'would has been', 'did not has', 'can helps'.",
    why="MT agrees the verb with the subject and forgets the modal in front of it; Arabic, "
    "Persian and Turkish mark the modal meaning on the verb itself.",
    example="The deal would has been signed if the talks had not collapsed.",
    fixed="The deal would have been signed if the talks had not collapsed.",
    false_positives="'will' and 'can' are also nouns ('a tin can is', 'free will is'): after "
    "them only a pronoun or a plural noun opens the check.",
)
