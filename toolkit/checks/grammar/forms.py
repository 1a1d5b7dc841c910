"""Verb forms the source language builds its own way, by word class rather than phrase:

- a negation with no auxiliary ("the company not responded", "he not attended"): Chinese
  没/不 and Urdu/Turkish negative verbs put 'not' straight before the verb;
- a stative verb in the progressive ("the virus is still existing", "it is belonging to"):
  Urdu, Persian and Indian English extend the progressive to states;
- 'it is necessary' with a noun phrase ("it is necessary a new law to..."): French 'il faut',
  Turkish 'gerek', Persian 'لازم است';
- 'others' before a plural noun ("others countries"): French 'autres' agrees with its noun;
- 'recommended' with a person as passive subject ("residents are recommended to stay"):
  Russian рекомендуется, Turkish önerilir; English says 'advised'.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.grammar.order import finite
from toolkit.document import Document, Span
from toolkit.english import can_be_verb, function_words, is_verb_lemma
from toolkit.findings import Finding, Rule
from toolkit.resources import read_lines

VERB_FORM = Rule(
    code="GR115",
    slug="verb-form-calque",
    kind="grammar",
    category="fluency/grammar",
    severity="minor",
    summary="A verb form built the source language's way: 'not' with no auxiliary ('the "
    "company not responded', 'he not attended'), a stative verb in the progressive ('is "
    "still existing'), 'it is necessary' before a noun ('it is necessary a new law to...'), "
    "a person as the subject of passive 'recommended to' ('drivers are recommended to avoid').",
    why="Chinese, Urdu and Turkish negate the verb itself; Urdu and Persian put states in the "
    "progressive; French (il faut), Turkish (gerek) and Persian (لازم است) say 'it is "
    "necessary' with a noun; Russian (рекомендуется) and Turkish (önerilir) make "
    "'recommend' impersonal.",
    example="The ministry not responded, and drivers are recommended to avoid the road.",
    fixed="The ministry did not respond, and drivers are advised to avoid the road.",
    false_positives="'Not' before a past participle after a noun is English when the "
    "participle is passive ('taxes not included'): after a noun only a verb that takes no "
    "object, or one that ends the clause, is judged. 'Existing' before a noun is an "
    "adjective; 'it is recommended to' (no person) is left alone.",
    source="Intransitive verbs: corpora/english/intransitive_verbs.txt.",
)

_PRONOUN_NOT = re.compile(
    r"(?<![\w-])(?P<s>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\s+(?P<not>not)\s+(?P<v>[a-z]+)\b"
)
_NOUN_NOT = re.compile(
    r"[\"“]?(?P<s>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,2}"
    r"[a-z]+)\s+(?P<not>not)\s+(?P<v>[a-z]+ed)\b(?P<end>\s*[.,;])?"
)
_STATIVE = re.compile(
    r"(?<![\w-])(?:is|are|was|were)\s+(?:still\s+|also\s+|not\s+)?(?P<v>existing|belonging|"
    r"consisting|containing|possessing|resembling|owning)\b(?!\s+on\b)(?!\s+(?:the|a|an)?\s*(?:[a-z]+\s+)?"
    r"(?:law|laws|rules?|system|order|stock|infrastructure|building|contract|agreement|"
    r"facilities|arrangements?|regime|members?|residents|homes|roads?|network))"
)
_NECESSARY = re.compile(
    r"(?<![\w-])[Ii]t\s+(?:is|was|will\s+be|would\s+be)\s+(?:absolutely\s+|urgently\s+)?"
    r"(?P<a>necessary|needed|required|essential)\s+(?P<np>an?\s+[a-z]+)"
)
_RECOMMENDED = re.compile(
    r"(?<![\w-])(?P<s>[A-Z]?[a-z]+)\s+(?P<be>are|were|is|was)\s+(?:also\s+|strongly\s+)?"
    r"(?P<v>recommended)\s+to\s+(?P<vb>[a-z]+)\b"
)
_OTHERS = re.compile(r"(?<![\w-])(?P<o>[Oo]thers)\s+(?P<n>[a-z]{3,}s)\b(?![-'’])")
_PEOPLE = frozenset({"residents", "citizens", "drivers", "people", "tourists", "travellers"})
_PEOPLE |= {"travelers", "motorists", "parents", "students", "patients", "visitors", "he"}
_PEOPLE |= {"she", "they", "we", "passengers", "farmers", "workers", "fans"}


@functools.cache
def _intransitive() -> frozenset[str]:
    return frozenset(read_lines("english", "intransitive_verbs.txt"))


def _bare_negation(match: re.Match[str]) -> bool:
    """'The ministry not responded': a past form after 'not' that is no passive participle
    (it ends the clause or takes no object) and no auxiliary in the subject's slot ("The
    phone was not answered")."""
    if not _past(match["v"]) or not (match["end"] or _lemma_intransitive(match["v"])):
        return False
    return not any(word in function_words() for word in match["s"].split()[1:])


def _past(word: str) -> bool:
    """A past form that is not an auxiliary ("responded", "attended", "went")."""
    return finite(word) and word not in function_words() and not word.endswith("s")


def _lemma_intransitive(past: str) -> bool:
    stems = {past[:-2], past[:-1], past[:-3] + "y" if past.endswith("ied") else past[:-2]}
    return any(stem in _intransitive() for stem in stems)


def verb_forms(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """Negation without 'do', stative progressives, 'it is necessary a', 'are recommended
    to' with a person."""
    text = doc.text
    start, end = sentence.start, sentence.end
    for match in _PRONOUN_NOT.finditer(text, start, end):
        before = text[max(start, match.start() - 12) : match.start()].split()
        if before and function_words().get(before[-1].lower()) == "auxiliary":
            continue  # "Was he not informed?"
        if _past(match["v"]):
            yield _at(
                doc, rule, match, "not", "v", "'Not' needs an auxiliary: 'did not', 'has not'."
            )
    match = _NOUN_NOT.match(text, start, end)  # the subject opens the sentence
    if match and _bare_negation(match):
        yield _at(doc, rule, match, "not", "v", "'Not' needs an auxiliary: 'did not'.")
    for match in _STATIVE.finditer(text, start, end):
        yield _at(doc, rule, match, 0, "v", "A verb of state takes no progressive in English.")
    for match in _NECESSARY.finditer(text, start, end):
        yield _at(
            doc, rule, match, 0, "np", "'It is necessary' takes a clause or 'to', not a noun."
        )
    for match in _RECOMMENDED.finditer(text, start, end):
        if match["s"].lower() in _PEOPLE and is_verb_lemma(match["vb"]):
            yield _at(doc, rule, match, "be", "v", "A person is 'advised to' do something.")


def _at(
    doc: Document, rule: Rule, match: re.Match[str], first: str | int, last: str, message: str
) -> Finding:
    return rule.at(doc, match.start(first), match.end(last), message, [], confidence=0.7)


def plural_others(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'Others countries have promised agents': 'other' made plural before its noun, as
    French (autres) and Spanish make the adjective agree."""
    text = doc.text
    for match in _OTHERS.finditer(text, sentence.start, sentence.end):
        noun = match["n"]
        if can_be_verb(noun) or noun in function_words():
            continue  # "others say", "others including"
        others = match["o"]
        yield rule.at(
            doc,
            match.start("o"),
            match.end("o"),
            "'Other' before a noun takes no plural 's' in English.",
            [others[:-1]],
            confidence=0.8,
        )
