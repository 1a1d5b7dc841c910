"""Verb-final clauses: the object, or a phrase, before the verb, as Turkish, Persian and
Urdu (subject-object-verb languages) and Chinese put it, and MT keeps it.

"The minister to the farmers a new subsidy announced." A clause ends in a verb whose subject
in news is an agent and which needs an object (corpora/syntax/agentive_verbs.txt); right
before the verb stands a determined noun phrase whose head is not an agent ("a new
subsidy"), and before that phrase the clause has other words and no verb. English ends a
clause in such a verb only in a relative clause, whose subject is an agent ("the deal the
cabinet approved", "which the court rejected") or a pronoun, or in an absolute phrase after
a preposition ("with the title secured"); those are left alone.

"The in Kabul held ceremony": a participle phrase placed before its noun, after the
article, as Turkish, Persian and Chinese relative clauses stand; English never puts a
preposition right after 'the'.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.grammar.templates import inflections
from toolkit.document import Document, Span
from toolkit.english import can_be_verb, function_words, irregular_verb_lemmas
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv, read_lines

VERB_FINAL = Rule(
    code="GR114",
    slug="verb-final-clause",
    kind="grammar",
    category="fluency/grammar",
    severity="major",
    summary="A clause that ends in its verb after its object ('the team with 90 points the "
    "title secured', 'to the farmers a new subsidy announced'), a participle phrase "
    "between 'the' and its noun ('the in Kabul held ceremony'), 'after' placed after its "
    "noun ('launched the model after, ...') and a date counted in unit words ('1985 year "
    "born', 'as of 17 day 20 o'clock').",
    why="Turkish, Persian and Urdu put the verb last (subject-object-verb) and their "
    "relative clauses before the noun, as Chinese does, which also puts 'after' (以后) after "
    "its noun and counts dates in year, month and day words; MT keeps the order.",
    example="The minister to the farmers a new subsidy announced.",
    fixed="The minister announced a new subsidy for the farmers.",
    false_positives="Only verbs whose subject is an agent and which need an object count "
    "(announce, give, secure, sign: corpora/syntax/agentive_verbs.txt); a relative clause "
    "whose subject is a person, a body or a pronoun ('the deal the cabinet approved', "
    "'the offer they rejected'), a clause opened by 'which', 'that', 'as' or 'what', a "
    "clause with an earlier verb and an absolute phrase after a preposition ('with the "
    "title secured') are English. 'After' at a clause's end is English after a word of time "
    "or a verb ('shortly after', 'the day after', 'looked after'); a year before 'year on "
    "year' or a noun is left alone.",
    source="Verbs: corpora/syntax/agentive_verbs.txt; agents: corpora/animacy/nouns.tsv and "
    "corpora/syntax/agent_nouns.txt.",
)

MAX_OBJECT = 4  # words of the noun phrase before the verb, after its determiner
MAX_COMPLEMENT = 9  # words of the complement before 'became' ("the second coach")
_TOKEN = re.compile(r"[\w][\w'’.-]*[\w]|[\w]|[^\s\w]")
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "these"})
_DETERMINERS |= {"those", "our", "another"}
_ADVERBS = frozenset({"also", "therefore", "finally", "officially", "jointly", "then"})
_ADVERBS |= {"already", "again", "successfully", "formally", "eventually", "thus", "later"}
_CLAUSE_END = frozenset(".,;:!?)")
_BOUNDARY = frozenset(",;:()—–")
_COORDINATORS = frozenset({"and", "but", "or"})
_SUBORDINATORS = frozenset({"which", "that", "who", "whom", "whose", "what", "where", "when"})
_SUBORDINATORS |= {"while", "because", "as", "than", "if", "whether", "how", "why", "once"}
_SUBORDINATORS |= {"although", "though", "unless", "whatever", "whichever", "so", "where"}
_QUOTES = frozenset("\"“”‘’'«»")
_COPULAS = frozenset({"became", "become"})
_AGENT_CLASSES = frozenset({"government", "organisation", "company", "military", "press"})
_AGENT_CLASSES |= {"country", "place"}
_PREPOSED = re.compile(
    r"(?<![\w-])(?P<the>[Tt]he)\s+(?P<p>in|at|by|from|on|to|with|during|under|among|into|"
    r"inside|within|near|between)\s+(?P<rest>(?:[\w'’-]+\s+){0,6}?)"
    r"(?P<pp>[a-z]+ed|held|made|given|taken|built|won|sent|written|shot|seen)\s+"
    r"(?P<n>[a-z]{3,})\b(?![-'’])"
)
_NOT_NOUNS = frozenset({"it", "them", "him", "her", "us", "me", "you", "this", "that", "soon"})
_POSTPOSITION = re.compile(r"(?<![\w-])(?P<w>[\w’'-]+)\s+(?P<p>after)\s*,")
_UNIT_DATE = re.compile(
    r"(?<![\w-])(?:(?:1[89]|20)\d\d\s+year(?=\s+(?:born|old|in|at|when)\b|\s*[,.;])"
    r"|\d{1,2}\s+(?:month\s+\d{1,2}\s+day|day\s+\d{1,2}\s+(?:o['’]clock|hours?|points?))\b)"
)


@functools.cache
def _time_words() -> frozenset[str]:
    return frozenset(read_lines("syntax", "time_words.txt"))


@functools.cache
def _agentive_forms() -> frozenset[str]:
    """Past and participle forms of the agentive verbs ("announced", "gave", "given")."""
    lemmas = set(read_lines("syntax", "agentive_verbs.txt"))
    forms = {f for lemma in lemmas for f in inflections(lemma) if f.endswith("ed")}
    irregular = irregular_verb_lemmas()
    forms |= {f for f, lemma in irregular.items() if lemma in lemmas and not f.endswith("ing")}
    return frozenset(f for f in forms if not f.endswith("s"))


@functools.cache
def _agents() -> frozenset[str]:
    """Nouns of people and bodies that act as a verb's subject, singular and plural."""
    rows = iter_tsv(corpus_path("animacy", "nouns.tsv"))
    nouns = {r["word"] for r in rows if r["animacy"] == "human" or r["class"] in _AGENT_CLASSES}
    nouns |= set(read_lines("syntax", "agent_nouns.txt"))
    plurals = {n[:-1] + "ies" if n.endswith("y") else n + "s" for n in nouns}
    return frozenset(nouns | plurals | {n + "es" for n in nouns})


def finite(word: str) -> bool:
    """A lower-case word read as a verb: an auxiliary, or a past form."""
    if function_words().get(word) == "auxiliary":
        return True
    if word.endswith("ing"):
        return False
    return (word.endswith("ed") or word in irregular_verb_lemmas()) and can_be_verb(word)


def verb_final(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """Clauses ending in an agentive verb after a non-agent noun phrase, or in 'became'
    after a noun, with no verb before."""
    text = doc.text
    spans = _TOKEN.finditer(text, sentence.start, sentence.end)
    tokens = [(m.group(), m.start(), m.end()) for m in spans]
    forms = _agentive_forms()
    for i, (word, _, end) in enumerate(tokens):
        copula = word in _COPULAS
        if not copula and word not in forms:
            continue
        ends = _CLAUSE_END if copula else _CLAUSE_END | _COORDINATORS
        if i + 1 < len(tokens) and tokens[i + 1][0] not in ends:
            continue
        start = _clause_start(text, tokens, i, copula)
        if start is not None:
            yield rule.at(
                doc,
                tokens[start][1],
                end,
                f"The clause ends in its verb '{word}' after its "
                f"{'complement' if copula else 'object'}: English puts the verb after the "
                f"subject and the {'complement' if copula else 'object'} after the verb.",
                [],
                confidence=0.7,
            )


def _head(tokens: list[tuple[str, int, int]], verb: int, copula: bool) -> int | None:
    """Index of the noun before the verb (past adverbs) when it is not a pronoun, a verb or
    (before an agentive verb) an agent, else None."""
    j = verb - 1
    while j >= 0 and tokens[j][0] in _ADVERBS:
        j -= 1
    head = tokens[j][0] if j >= 0 else ""
    if not head.isalpha() or not head.islower() or (head in _agents() and not copula):
        return None
    if head in function_words() or finite(head):
        return None
    return j


def _phrase_start(tokens: list[tuple[str, int, int]], head: int, copula: bool) -> int | None:
    """Index of the determiner opening the noun phrase that ends at ``head`` (one 'of'
    complement allowed: "a bonus of 2 million lira"), else None."""
    limit = MAX_COMPLEMENT if copula else MAX_OBJECT
    k, of_seen = head, False
    while k >= 0:
        word = tokens[k][0].lower()
        if word in _DETERMINERS:
            if k > 1 and tokens[k - 1][0] == "of" and not of_seen:
                of_seen, k = True, k - 2
                continue
            return k
        if word == "of" and not of_seen and k < head:
            if not copula and tokens[k - 1][0] in _agents():
                return None  # "the team of the minister"
            of_seen, k = True, k - 1
            continue
        if head - k >= limit + 3 * of_seen or not word[0].isalnum() or word in function_words():
            return None
        k -= 1
    return None


def _clause_start(
    text: str, tokens: list[tuple[str, int, int]], verb: int, copula: bool
) -> int | None:
    """Index of the clause's first token when the verb at ``verb`` ends a verb-final clause
    (a non-agent object with its determiner, other words and no verb before it), else None."""
    head = _head(tokens, verb, copula)
    det = None if head is None else _phrase_start(tokens, head, copula)
    if det is None or (det < 1 and not copula):
        return None
    start = det
    if not copula:
        before = tokens[det - 1]
        closing = before[0] in _QUOTES and not text[before[1] - 1 : before[1]].isspace()
        if before[0] in _BOUNDARY or (before[0] in _QUOTES and not closing):
            return None  # the phrase opens the clause: it is the subject
        if before[0].lower() in function_words() or (before[0].islower() and finite(before[0])):
            return None  # "with the title secured"; "rejected the offer made"
    while start > 0:
        word = tokens[start - 1][0]
        lower = word.lower()
        if word in _BOUNDARY or lower in _COORDINATORS:
            break
        if lower in _SUBORDINATORS or (word.islower() and finite(word)):
            return None  # a relative or subordinate clause, or an earlier verb
        start -= 1
    if tokens[start][0] in _QUOTES:
        start += 1
    return start if copula or start < det else None


def preposed_relatives(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'the in Kabul held ceremony': a preposition right after 'the', then a participle and
    its noun."""
    text = doc.text
    for match in _PREPOSED.finditer(text, sentence.start, sentence.end):
        if any(c in _BOUNDARY for c in match["rest"]) or not can_be_verb(match["pp"]):
            continue
        if match["n"] in function_words():
            continue
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            "A participle phrase stands between 'the' and its noun: English puts it after "
            f"the noun ('the {match['n']} {match['pp']} {match['p']} ...').",
            [],
            confidence=0.75,
        )


def postpositions(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'released the model R1 after, ...': 'after' after the noun it governs (Chinese
    以后/之后, Turkish -den sonra placed last), and a year or day
    counted with its unit word ('1985 year born', 'as of 17 day 20 o'clock')."""
    text = doc.text
    for match in _POSTPOSITION.finditer(text, sentence.start, sentence.end):
        word = match["w"]
        lower = word.lower()
        if lower in _time_words() or lower.endswith("ly") or lower in _NOT_NOUNS:
            continue
        if lower in function_words():
            continue  # "shortly after,", "the day after,"
        if word.islower() and can_be_verb(lower):
            continue  # "looked after,"
        yield rule.at(
            doc,
            match.start("w"),
            match.end("p"),
            f"'{match['p']}' stands after its noun: English puts it before ('{match['p']} "
            f"... {word}').",
            [],
            confidence=0.7,
        )
    for match in _UNIT_DATE.finditer(text, sentence.start, sentence.end):
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            "A date counted with the source's unit words: English writes the year or day "
            "as a date ('born in 1985', 'as of 8 p.m. on the 17th').",
            [],
            confidence=0.75,
        )
