"""The ``--deep`` pass of the agreement check: subject and verb from spaCy's parse.

The lexical pass only judges a subject directly followed by its verb. With a parse, the verb
(is/are, was/were, has/have, does/do, says/say) is matched with its ``nsubj``/``nsubjpass``
wherever it stands ("the attacks on the base was"). Only sentences with such a verb are
parsed. The subject's number must be the same by the tagger (NN/NNS) and by the noun
lexicon, so a tagging error alone never makes a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.checks.agreement.rules import SUBJECT_VERB
from toolkit.document import Document
from toolkit.findings import Finding

_SUBJECTS = ("nsubj", "nsubjpass")
_FINITE = ("VBZ", "VBP", "VBD")
_SUBJUNCTIVE_MARKERS = frozenset(("if", "though", "wish"))


def parsed_findings(doc: Document) -> Iterator[Finding]:
    """AG103 findings from a dependency parse of the sentences with an agreeing verb."""
    lexicon = AgreementLexicon.load()
    sentences = [
        s
        for s in doc.sentences
        if any(doc.text[w.start : w.end].lower() in lexicon.verbs for w in doc.words_in(s))
    ]
    if not sentences:
        return
    from toolkit.nlp import parse_spans

    parsed = parse_spans(doc, sentences)
    for sentence, spacy_doc in zip(sentences, parsed, strict=True):
        for token in spacy_doc:
            if token.lower_ in lexicon.verbs and token.text.islower():
                found = _judge(doc, sentence.start, token, lexicon)
                if found:
                    yield found


def _judge(doc: Document, base: int, verb: Any, lexicon: AgreementLexicon) -> Finding | None:
    if verb.tag_ not in _FINITE:
        return None  # "may have been": an infinitive agrees with nothing
    clause = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS and c.i < verb.i]
    if len(subjects) != 1 or _subjunctive(verb, clause):
        return None
    subject = subjects[0]
    words = [*subject.subtree, *verb.doc[subject.i + 1 : verb.i]]
    coordinated = any(c.dep_ == "conj" for c in subject.children)
    if not coordinated and any(t.lower_ in ("and", "or", "nor") for t in words):
        return None  # a list may hold the real subject
    if not _opens_clause(subject.left_edge, lexicon):
        return None  # "friends who know the woman have arrived": the parse may be wrong
    if any(c.dep_ == "appos" for c in subject.children) or any(
        t.lower_ == "etc" or t.is_quote or (t.dep_ == "compound" and t.pos_ == "PROPN")
        for t in subject.subtree
    ):
        return None  # lists, titles in quotes, names ("Yang Xing sprouts")
    if subject.left_edge.i > 0 and subject.left_edge.nbor(-1).is_quote:
        return None
    form, plural_verb = lexicon.verbs[verb.lower_]
    number = _number(subject, lexicon)
    if number is None or (number == "plural") == plural_verb:
        return None
    edge = subject.left_edge
    if number == "singular" and edge.i > 0 and edge.nbor(-1).lower_ in ("and", "or"):
        return None  # "the duration of heating and the seasoning were": a list
    start = base + verb.idx
    if coordinated:
        words = verb.doc[subject.left_edge.i : subject.conjuncts[-1].i + 1].text
    else:
        words = _phrase(subject)
    return SUBJECT_VERB.at(
        doc,
        start,
        start + len(verb.text),
        f"'{verb.text}' does not agree with its {number} subject '{words}'.",
        [form],
        confidence=0.75 if number == "plural" else 0.65,
    )


def _number(subject: Any, lexicon: AgreementLexicon) -> str | None:
    """'plural' or 'singular' when tagger and lexicon agree and no exception applies."""
    word = subject.lower_
    children = {c.dep_: c for c in subject.children}
    if "conj" in children:
        return _coordinated(subject, lexicon)
    if not subject.text.islower() or subject.tag_ not in ("NN", "NNS"):
        return None  # names, titles, pronouns
    rare_plural = (
        subject.tag_ == "NNS"
        and not lexicon.is_noun(word)
        and word.endswith("s")
        and subject.lemma_.lower() != word
    )
    if rare_plural:
        return "plural"  # a noun the lexicon does not know, plural by tag and lemma
    if subject.tag_ == "NNS" and word in lexicon.plurals and word not in lexicon.singulars:
        singular = lexicon.plurals[word].singular
        if singular in lexicon.measure:
            return None  # "three miles is a long way"
        if singular in lexicon.collective and "prep" in children:
            return None  # "two-thirds of the population is"
        return "plural"
    noun = lexicon.singulars.get(word)
    if subject.tag_ != "NN" or noun is None or lexicon.takes_plural_verb(word):
        return None
    if noun.adjective and not noun.plural_common:
        return None  # "the rich are"
    if word in lexicon.scale_words or word in lexicon.invariant_units or "nummod" in children:
        return None  # "a dozen were", "75 per cent were"
    if any(c.lower_ in ("these", "those", "both", "several", "many") for c in subject.children):
        return None  # a plural determiner: AG101's business
    return "singular"


def _coordinated(subject: Any, lexicon: AgreementLexicon) -> str | None:
    """'plural' for two countries ("Iran and Iraq") or two common nouns with their own
    determiners ("the army and the police") joined by 'and'."""
    conjuncts = [subject, *subject.conjuncts]
    after = subject.nbor(1) if subject.i + 1 < len(subject.doc) else None
    if after is None or after.lower_ != "and" or len(conjuncts) != 2:
        return None  # "and" right after the first noun, or the parse may be wrong
    names = [_phrase(c, with_determiner=False).lower().replace(".", "") for c in conjuncts]
    if all(name in lexicon.countries for name in names):
        whole = f"{names[0]} and {names[1]}"
        return None if whole in lexicon.countries else "plural"
    if all(c.tag_ in ("NN", "NNS") and c.text.islower() for c in conjuncts) and all(
        any(d.dep_ in ("det", "poss") for d in c.children) for c in conjuncts
    ):
        return "plural"
    return None


def _opens_clause(token: Any, lexicon: AgreementLexicon) -> bool:
    """The first word of a subject starts its sentence or follows punctuation, a clause
    opener ("that", "when", "said") or a conjunction."""
    if token.i == 0:
        return True
    before = token.nbor(-1)
    return before.is_punct or before.lower_ in lexicon.openers or before.lower_ in ("and", "but")


def _phrase(token: Any, with_determiner: bool = True) -> str:
    """The words of a noun phrase up to its head ("the United States")."""
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.i != start - 1 or child.dep_ not in ("compound", "amod", "det", "nummod"):
            break
        if child.dep_ == "det" and not with_determiner:
            break
        start = child.i
    return token.doc[start : token.i + 1].text


def _subjunctive(verb: Any, clause: Any) -> bool:
    """'if the soldier were', 'were he to', 'insisted that the minister have'."""
    if verb.lower_ == "were" and any(
        c.dep_ == "mark" and c.lower_ in _SUBJUNCTIVE_MARKERS for c in clause.children
    ):
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.lower_ == "were" and nxt is not None and nxt.lower_ == "to":
        return True
    return verb.lower_ in ("have", "do") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    ) and clause.head.lemma_ in ("demand", "insist", "require", "recommend", "request", "urge",
                                  "propose", "suggest", "ask")  # fmt: skip
