"""Pronouns that carry the source language's grammatical gender.

Arabic, Persian, Turkish and Chinese MT leaves "she" for countries, bases and ministries
(Arabic nouns are feminine) and he/she slips where the source has one pronoun. A cheap
lexical pass finds sentences with a gendered pronoun; with ``--deep`` only those and the two
before them are parsed with spaCy, and by default a model-free resolver
(lexical.py) judges them from the same data, more cautiously. Each pronoun is
matched against the noun phrases around it, whose animacy and gender come from data:
corpora/animacy/ and, if present, corpora/names/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from toolkit.checks.base import Check
from toolkit.checks.pronouns.forms import FORMS, GENDER, GENDERED, in_speech
from toolkit.checks.pronouns.lexicon import AnimacyLexicon, Referent
from toolkit.checks.pronouns.mentions import Mention
from toolkit.checks.pronouns.rules import (
    GENDER_MISMATCH,
    HONORIFIC_PLURAL,
    NONHUMAN_ANTECEDENT,
    RESUMPTIVE,
    RESUMPTIVE_RELATIVE,
)
from toolkit.document import Document
from toolkit.english import same_case
from toolkit.findings import Finding

__all__ = [
    "GENDER_MISMATCH",
    "HONORIFIC_PLURAL",
    "NONHUMAN_ANTECEDENT",
    "RESUMPTIVE",
    "RESUMPTIVE_RELATIVE",
    "AnimacyLexicon",
    "PronounCheck",
    "Referent",
]

_WINDOW = 2  # previous sentences searched for an antecedent
_NAMED_THINGS = ("building", "event", "document", "economy", "product")  # nouns_broad.tsv
_SUBJECT = ("nsubj", "nsubjpass")


class PronounCheck(Check):
    """Gendered pronouns whose antecedent is not a person, or is a person of the other gender."""

    name = "pronouns"
    rules = (
        NONHUMAN_ANTECEDENT,
        GENDER_MISMATCH,
        HONORIFIC_PLURAL,
        RESUMPTIVE,
        RESUMPTIVE_RELATIVE,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        from toolkit.checks.pronouns.dislocation import dislocation_findings
        from toolkit.checks.pronouns.honorific import honorific_findings
        from toolkit.checks.pronouns.lexical import lexical_findings
        from toolkit.checks.pronouns.relative import relative_findings
        from toolkit.checks.pronouns.works import work_findings

        lexicon = AnimacyLexicon.load()
        resumed = list(dislocation_findings(doc, lexicon))
        parsed = () if self.settings.fast else list(self._parsed(doc))
        subjects = {
            f.start + len(f.text) - len(f.text.lstrip(" ,")): head.end for f, head in resumed
        }
        yield from lexical_findings(doc, lexicon, parsed, subjects)
        yield from (f for f, _ in resumed)
        yield from honorific_findings(doc, lexicon)
        yield from relative_findings(doc)
        yield from work_findings(doc, lexicon)

    def _parsed(self, doc: Document) -> Iterator[Finding]:
        """Findings from a spaCy parse of the sentences around each gendered pronoun."""
        sentences = doc.sentences
        targets = [i for i, s in enumerate(sentences) if GENDERED.search(doc.text, s.start, s.end)]
        if not targets:
            return
        from toolkit.nlp import parse_spans

        lexicon = AnimacyLexicon.load()
        needed = sorted({j for i in targets for j in range(max(0, i - _WINDOW), i + 1)})
        parsed = parse_spans(doc, [sentences[j] for j in needed])
        mentions: dict[int, list[Mention]] = {}
        tokens: dict[int, Any] = {}
        for j, spacy_doc in zip(needed, parsed, strict=True):
            tokens[j] = spacy_doc
            mentions[j] = _mentions(spacy_doc, sentences[j].start, lexicon)
        for i in targets:
            before = [m for j in range(max(0, i - _WINDOW), i) for m in mentions[j]]
            for token in tokens[i]:
                if token.lower_ in GENDER and token.tag_ in ("PRP", "PRP$"):
                    offset = sentences[i].start + token.idx
                    found = self._judge(doc, token, offset, before, mentions[i], lexicon)
                    if found:
                        yield found

    def _judge(
        self,
        doc: Document,
        pronoun: Any,
        offset: int,
        before: list[Mention],
        here: list[Mention],
        lexicon: AnimacyLexicon,
    ) -> Finding | None:
        if in_speech(doc, offset):
            return None  # quoted speech, or the speaker of a quote: named anywhere
        gender = GENDER[pronoun.lower_]
        if any(GENDER.get(t.lower_) == gender for t in _tokens_before(pronoun, before)):
            return None  # a chain of pronouns: its person was named further back
        bound = {t.i for t in pronoun.head.subtree} if pronoun.dep_ in ("nsubj", "poss") else set()
        people = [
            m
            for m in (*before, *here)
            if not m.plural
            and m.referent.animacy in ("human", "maybe")
            and not (m in here and m.head.i in bound and m.start > offset)
            and not m.start <= offset < m.end  # "his brother" is not the antecedent of "his"
        ]
        if any(m.referent.gender in (None, gender) for m in people):
            return None
        antecedent, rewrite = _antecedent(pronoun, offset, before, here)
        if antecedent is None:
            return None
        forms = FORMS[(pronoun.lower_, pronoun.tag_ == "PRP$")]
        end = offset + len(pronoun.text)
        if people and antecedent.referent.animacy == "human" and not antecedent.plural:
            return GENDER_MISMATCH.at(
                doc,
                offset,
                end,
                f"'{pronoun.text}' seems to refer to {antecedent.text!r}, whose gender the text "
                "gives as the other one.",
                [same_case(forms[2], pronoun.text)],
                confidence=0.6,
            )
        if people or antecedent.referent.animacy == "unknown":
            return None
        if antecedent.referent.animacy != "nonhuman":
            return None  # a plural group of people: the referent may be further back
        confidence = lexicon.class_confidence.get(antecedent.referent.cls, 0.7)
        start = offset
        if rewrite is not None:
            verb = pronoun.head
            end = offset + (verb.idx + len(verb.text) - pronoun.idx)
            suggestions = [f"{verb.text} by"]
            relativizer = pronoun.nbor(-1) if pronoun.i > 0 else None
            if relativizer is not None and relativizer.lower_ in ("that", "which"):
                start = offset - (pronoun.idx - relativizer.idx)  # "that she issued" -> "issued by"
        else:
            suggestions = [same_case(forms[1] if antecedent.plural else forms[0], pronoun.text)]
        return NONHUMAN_ANTECEDENT.at(
            doc,
            start,
            end,
            f"'{pronoun.text}' refers to {antecedent.text!r}, which is not a person: the "
            "source language's grammatical gender leaked into English.",
            suggestions,
            confidence=confidence,
        )


def _antecedent(
    pronoun: Any, offset: int, before: list[Mention], here: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """The most salient antecedent of a pronoun and, for "the attacks she suffered U.S.
    bases" (a verb-subject order copied from Arabic), the real subject after the verb."""
    verb = pronoun.head
    if pronoun.dep_ == "nsubj" and verb.dep_ == "relcl":
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        for mention in here:
            if objects and mention.head == objects[0] and mention.referent.animacy != "unknown":
                return mention, mention
    earlier = [m for m in here if m.end <= offset]
    subjects = [m for m in earlier if m.subject]
    if subjects:
        return subjects[-1], None
    later_subjects = [m for m in here if m.start > offset and m.subject]
    if later_subjects and later_subjects[0].head.head.dep_ == "ROOT":
        return later_subjects[0], None  # "In her statement, the ministry said ..."
    previous = [m for m in before if m.subject]
    if previous:
        return previous[-1], None
    if earlier and earlier[-1].referent.cls not in _NAMED_THINGS:
        return earlier[-1], None  # a body or a place; not "we went to a festival and he"
    return None, None


def _tokens_before(pronoun: Any, before: list[Mention]) -> Iterator[Any]:
    """Tokens of the previous sentences (those with mentions) and of this one up to the pronoun."""
    docs = {id(m.head.doc): m.head.doc for m in before}
    for spacy_doc in docs.values():
        yield from spacy_doc
    yield from pronoun.doc[: pronoun.i]


def _mentions(spacy_doc: Any, base: int, lexicon: AnimacyLexicon) -> list[Mention]:
    """Noun phrases of a parsed sentence (pronouns left out), offsets into the document."""
    found = []
    roots = {chunk.root.i for chunk in spacy_doc.noun_chunks}
    extra = [e for e in spacy_doc.ents if e.label_ == "PERSON" and e.root.i not in roots]
    extra += [
        spacy_doc[t.i : t.i + 1]
        for t in spacy_doc
        if t.pos_ == "PROPN" and t.dep_ in ("poss", "conj", "appos") and t.i not in roots
    ]
    extra += [
        _noun_phrase(t)
        for t in spacy_doc
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("ROOT", "appos", "poss") and t.i not in roots
    ]
    for chunk in [*spacy_doc.noun_chunks, *extra]:
        head = chunk.root
        if head.pos_ == "PRON" or _inside_a_name(head):
            continue
        referent = lexicon.classify(chunk)
        if referent.animacy == "none":
            continue
        country = head.ent_type_ in ("GPE", "ORG")
        plural = head.tag_ == "NNS" or (head.tag_ == "NNPS" and not country)
        found.append(
            Mention(
                start=base + chunk.start_char,
                end=base + chunk.end_char,
                text=chunk.text,
                referent=referent,
                plural=plural,
                first=-1,
                last=-1,
                sentence=-1,
                subject=head.dep_ in _SUBJECT,
                head=head,
            )
        )
    return found


def _noun_phrase(head: Any) -> Any:
    """A noun with its determiner and modifiers on the left ("the heroine")."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.i != start - 1 or child.dep_ not in ("det", "amod", "compound", "nummod"):
            break
        start = child.i
    return head.doc[start : head.i + 1]


def _inside_a_name(head: Any) -> bool:
    """A proper noun that completes a longer name: "Health" in "Ministry of Health"."""
    prep = head.head
    return (
        head.pos_ == "PROPN"
        and head.dep_ == "pobj"
        and prep.lower_ in ("of", "for")
        and prep.head.pos_ == "PROPN"
    )
