"""Open-slot grammar templates over word classes stored in corpora/syntax/.

Each template is a shape of English a source language's MT gets wrong, with its slots filled
from word lists, not from phrases seen in articles:

- a singular count noun with no determiner after a preposition, a light verb or a copula and
  adjective ("in statement", "held meeting", "is important step"), and "few" for "a few"
  ("few days later"): the languages without articles (fa, tr, ur, zh, ru) drop them;
- the present perfect with a finished time ("has announced on Monday"): French passé
  composé, and the Russian and Turkish past, rendered with "has";
- a verb with the source language's preposition ("demanded for", "visited to",
  "participated to"), the verb inflected from its lemma.

Only sentences of running prose are read (a full stop at the end, not a title-case line):
headlines and captions drop articles by style.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.cache import tsv_rows
from toolkit.document import Document, Span
from toolkit.english import (
    adjectives,
    ends_like_sentence,
    function_words,
    irregular_verb_forms,
    is_title_case,
    reporting_verb_rows,
)
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv, read_lines

MISSING_ARTICLE = Rule(
    code="GR110",
    slug="missing-article",
    kind="grammar",
    category="fluency/grammar",
    severity="minor",
    summary="A singular count noun of news prose with no article after a preposition, a "
    "light verb or a copula and adjective ('in statement', 'at press conference', 'held "
    "meeting with', 'is important step'), or 'few' for 'a few' ('few days later').",
    why="Persian, Turkish, Urdu, Chinese and Russian have no articles and Arabic and French "
    "other rules; MT leaves the English article out.",
    example="The ministry said in statement that it held meeting with the envoy.",
    fixed="The ministry said in a statement that it held a meeting with the envoy.",
    false_positives="Only nouns listed in corpora/syntax/count_nouns.tsv (no role nouns: "
    "'became president' is English; nouns with a mass sense only after a light verb) and "
    "only before a word that ends the noun phrase; idioms ('without warning', 'by "
    "accident', 'under attack') are listed as exceptions. A gerund after 'after', 'before' "
    "or 'by' ('after meeting the envoy') is a verb. Headlines and captions without a full "
    "stop are skipped.",
    source="Nouns, light verbs and idioms: corpora/syntax/.",
)
PERFECT_PAST = Rule(
    code="GR111",
    slug="perfect-with-finished-time",
    kind="grammar",
    category="fluency/grammar",
    severity="minor",
    summary="The present perfect with a finished time in its clause ('has announced on "
    "Monday', 'have been killed last week', 'has resigned yesterday').",
    why="French (a annoncé lundi) uses its perfect for past events, and MT from Russian and "
    "Turkish past forms often renders them with 'has'; English needs the simple past.",
    example="The Kremlin has announced on Monday that the summit was postponed.",
    fixed="The Kremlin announced on Monday that the summit was postponed.",
    false_positives="A time after 'since', 'from', 'until', 'between' or 'than' ('has "
    "fallen since last year', 'has risen from 5% in 2019') is not a finished time; a clause "
    "break (comma, 'that', 'and', a relative) between the verb and the time ends the search.",
    source="Times: corpora/syntax/finished_time.txt.",
)

DISTRIBUTIVE = Rule(
    code="GR112",
    slug="one-of-plural-verb",
    kind="grammar",
    category="fluency/grammar",
    severity="minor",
    summary="A plural verb after 'one of the ...' or 'each of the ...' ('One of the soldiers "
    "were killed', 'Each of the parties have').",
    why="The verb agrees with the nearest noun, as MT from Persian, Urdu, Arabic and Turkish "
    "often has it; the subject is 'one' or 'each', singular.",
    example="One of the soldiers were killed and each of the parties have filed a complaint.",
    fixed="One of the soldiers was killed and each of the parties has filed a complaint.",
    false_positives="Only a verb right after the plural noun counts: in 'one of the soldiers "
    "who were killed' the verb belongs to the relative clause and agrees with 'soldiers'.",
)

COORDINATED = Rule(
    code="GR113",
    slug="coordinated-subject-number",
    kind="grammar",
    category="fluency/grammar",
    severity="minor",
    summary="A singular verb after two subjects joined by 'and', the second with its own "
    "determiner ('The president and his ministers was received', 'The army and the police "
    "has').",
    why="MT from languages whose verb agrees with the nearest or first conjunct (Arabic, "
    "Persian, Urdu, Turkish) leaves the verb singular.",
    example="The president and his ministers was received at the airport.",
    fixed="The president and his ministers were received at the airport.",
    false_positives="Only a subject at a sentence's start whose second part has its own "
    "determiner or possessive counts: 'the head of state and commander-in-chief was' (one "
    "person) and 'bread and butter is' (one dish) are left alone.",
)

_ADJECTIVE_EXTRA = frozenset({"joint", "televised", "separate", "brief", "emergency"})
_NOT_ADJECTIVES = frozenset({"no", "any", "some", "such", "other", "many", "several", "each"})
_NOT_ADJECTIVES |= {"every", "another", "certain", "more", "most", "much", "few", "own", "same"}
_DETERMINED = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|of|no|any)\s+$", re.I
)
_MODAL_HAVE = re.compile(r"\b(?:should|would|could|might|must|may|will|shall|to)\s+$", re.I)
_TIME_GAP = frozenset({"after", "before", "following", "of", "during", "when", "amid", "as"})
MAX_TIME_GAP = 4
SUBJECT_SLOT = 3
_NOUN_PLURALS = frozenset({"reports", "claims", "notes", "comments", "remarks", "answers"})
_NOUN_PLURALS |= {"replies", "statements", "warnings", "denials", "confirmations"}
_PROGRESSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|after|before|by|while|for|without)\s+$", re.IGNORECASE
)
_PRESENT_REPORT = re.compile(r"\b(?P<v>[a-z]+s)\b(?P<gap>\s+(?:(?:also|again|officially)\s+)?)")
_YEAR = re.compile(r"in\s+\d{4}$", re.IGNORECASE)
_GERUND_PREPOSITIONS = frozenset({"after", "before", "without", "by", "for", "from", "in", "on"})
_PREPOSITIONS = (
    "in|at|during|after|before|following|amid|with|from|via|into|on|for|by|under|without"
)
_COPULAS = "is|was|are|were|be|been|being|become|became|becomes|remains|remained|as"
_SUBJECT_VERBS = "was|is|will|has|had|would|could|can|must|should|said|says|stated|announced"
_SUBJECT_VERBS += "|added|noted|told|called|urged|warned|confirmed|denied|claimed"
_END = (
    r"(?=\s*[,.;:!?]|\s+(?:with|on|in|at|by|to|that|of|for|from|and|about|against|over|after|"
    r"before|which|where|when|between|near|during|held|the|he|she|they|it)\b)"
)
_NOT_TIME = {"since", "from", "until", "till", "between", "than", "by", "before", "after"}
_BREAK = re.compile(r"\b(?:that|and|but|which|who|when|where|while|because|since|if)\b|[,;:]")
_PERFECT = re.compile(
    r"\b(?P<have>has|have)\s+(?:(?:also|already|officially|reportedly|now)\s+)?"
    r"(?P<been>been\s+)?(?P<pp>[a-z]+)\b",
)
_PLURAL_SUBJECT = re.compile(r"\bhave\b")
_OF_AFTER = re.compile(r"\s+of\b")
_FEW = re.compile(
    r"(?<![\w-])(?P<few>[Ff]ew)\s+(?:minutes|hours|days|weeks|months|years|moments|seconds)\b"
)
_FEW_AFTER = re.compile(r"\s+(?:later|ago|earlier|before|after)\b")
_FEW_PREPOSITION = re.compile(r"\b(?:in|within|for|after|over|during|only|just|about)\s+$", re.I)
_FEW_DETERMINED = re.compile(
    r"\b(?:a|the|very|last|next|past|first|these|those|its|their)\s+$", re.IGNORECASE
)


@functools.cache
def _count_nouns() -> dict[str, bool]:
    """Count noun -> whether it also has a mass sense (then only a light verb's object)."""
    rows = iter_tsv(corpus_path("syntax", "count_nouns.tsv"))
    return {row["noun"]: row["mass"] == "yes" for row in rows}


@functools.cache
def _adjectives() -> frozenset[str]:
    listed = adjectives() | _ADJECTIVE_EXTRA
    return listed - _NOT_ADJECTIVES


@functools.cache
def _exceptions() -> frozenset[str]:
    return frozenset(read_lines("syntax", "article_exceptions.txt"))


@functools.cache
def _subject_nouns() -> frozenset[str]:
    """Count nouns judged as a clause's subject: the listed ones and the role nouns."""
    return frozenset(
        r"\s+".join(noun.split()) for noun, mass in _count_nouns().items() if not mass
    ) | frozenset(read_lines("syntax", "role_nouns.txt"))


def inflections(lemma: str) -> set[str]:
    """The verb's forms: base, -s, -ed, -ing (with a doubled consonant and irregular pasts
    where English has them)."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    stem = head[:-1] if head.endswith("e") else head
    forms = {head, head + "s", stem + "ed", stem + "ing"}
    if head.endswith("y") and head[-2] not in "aeiou":
        forms |= {head[:-1] + "ies", head[:-1] + "ied"}
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", head) or head.endswith(("fer", "cur")):
        forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    if head.endswith(("s", "sh", "ch", "x")):
        forms.add(head + "es")
    irregular = {"make": "made", "give": "gave|given", "send": "sent", "pay": "paid"}
    irregular |= {"hold": "held", "take": "took|taken", "carry": "carried", "file": "filed"}
    irregular |= {"tell": "told", "go": "went|gone", "come": "came", "seek": "sought"}
    forms.update(irregular.get(head, "").split("|"))
    return {f + tail for f in forms if f}


@functools.cache
def _article_patterns() -> tuple[re.Pattern[str], ...]:
    nouns = "|".join(r"\s+".join(n.split()) for n in sorted(_count_nouns(), key=len, reverse=True))
    verbs = sorted(
        {form for lemma in read_lines("syntax", "light_verbs.txt") for form in inflections(lemma)},
        key=len,
        reverse=True,
    )
    verb_alternation = "|".join(r"\s+".join(v.split()) for v in verbs)
    subjects = "|".join(sorted(_subject_nouns(), key=len, reverse=True))
    adjectives = r"(?P<a>(?:[a-z][a-z-]+\s+){0,2})"
    return (
        re.compile(rf"(?<![\w-])(?P<p>{_PREPOSITIONS})\s+{adjectives}(?P<n>{nouns}){_END}"),
        re.compile(rf"(?<![\w-])(?P<v>{verb_alternation})\s+{adjectives}(?P<n>{nouns}){_END}"),
        re.compile(
            rf"(?<![\w-])(?P<c>{_COPULAS})\s+(?P<a>(?:[a-z][a-z-]+\s+){{1,2}})(?P<n>{nouns}){_END}"
        ),
        re.compile(
            rf"(?:(?<![\w-])(?P<k>when|because|while|after|before)\s+|(?P<s>(?=[A-Z])))"
            rf"(?P<a>(?:[a-z][a-z-]+\s+){{0,2}})(?P<n>(?i:{subjects}))"
            rf"(?=(?:\s+(?:of|for|from|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
            rf"\s+(?:{_SUBJECT_VERBS})\b)",
        ),
    )


@functools.cache
def _reporting_present() -> dict[str, str]:
    """Present (third person) reporting verb -> its past, without forms that are mostly
    nouns ("reports", "claims")."""
    rows = reporting_verb_rows()
    return {row["present"]: row["past"] for row in rows if row["present"] not in _NOUN_PLURALS}


@functools.cache
def _finished_time() -> re.Pattern[str]:
    times = "|".join(f"(?:{line})" for line in read_lines("syntax", "finished_time.txt"))
    return re.compile(rf"\b(?:{times})\b", re.IGNORECASE)


def prose_sentences(doc: Document) -> Iterator[Span]:
    """Sentences of running prose: ending like a sentence, not a title-case heading."""
    for sentence in doc.sentences:
        text = doc[sentence]
        if ends_like_sentence(text) and not is_title_case(text) and not text.isupper():
            yield sentence


def missing_articles(doc: Document, sentence: Span) -> Iterator[Finding]:
    """Bare count nouns in the preposition, light-verb and copula slots, and bare 'few'."""
    text = doc.text
    mass = _count_nouns()
    for slot, pattern in enumerate(_article_patterns()):
        for match in _slot_matches(slot, pattern, text, sentence):
            noun = " ".join(match.group("n").split()).lower()
            words = match.group("a").split()
            if not all(w in _adjectives() for w in words):
                continue  # a noun modifier or another phrase: "in Gaza statement"
            head = match.group(1)
            if slot == 1 and _nominal(text, sentence.start, match.start(), head):
                continue  # "the opening ceremony", "Olympics opening ceremony": a noun
            if slot != 1 and mass.get(noun, False):
                continue  # "for free speech", "in high resolution"
            if slot == 0 and _idiom(head.lower(), noun, words):
                continue  # "without warning"; "after meeting the envoy"
            first = words[0] if words else noun.split()[0]
            article = "an" if first[0].lower() in "aeio" else "a"
            if _OF_AFTER.match(text, match.end("n")):
                article = "the"  # "in capital of the province": the one of it
            start = match.start("a") if words else match.start("n")
            phrase = text[start : match.end("n")]
            if slot == SUBJECT_SLOT and match.group("s") is not None:
                article, phrase = "The", phrase[0].lower() + phrase[1:]
            yield MISSING_ARTICLE.at(
                doc,
                start,
                match.end("n"),
                f"'{noun}' is a count noun: it needs an article here.",
                [f"{article} {phrase}"],
                confidence=0.7,
            )
    for match in _FEW.finditer(text, sentence.start, sentence.end):
        before = text[max(sentence.start, match.start() - 10) : match.start()]
        if _FEW_DETERMINED.search(before):
            continue
        if not _FEW_PREPOSITION.search(before) and not _FEW_AFTER.match(text, match.end()):
            continue
        few = match.group("few")
        yield MISSING_ARTICLE.at(
            doc,
            match.start("few"),
            match.end("few"),
            "'few' alone means 'not many'; 'a few' is 'some'.",
            [f"{'A' if few[0] == 'F' else 'a'} few"],
            confidence=0.7,
        )


def _slot_matches(
    slot: int, pattern: re.Pattern[str], text: str, sentence: Span
) -> Iterator[re.Match[str]]:
    """The slot's matches in the sentence; the subject slot at its start or after a
    subordinator."""
    if slot != SUBJECT_SLOT:
        yield from pattern.finditer(text, sentence.start, sentence.end)
        return
    first = pattern.match(text, sentence.start, sentence.end)
    if first and first.group("s") is not None:
        yield first
    for match in pattern.finditer(text, sentence.start, sentence.end):
        if match.group("k"):
            yield match


def _nominal(text: str, start: int, end: int, verb: str) -> bool:
    """Whether a light verb's form before a noun is itself a noun or modifier ("the opening
    ceremony", "Olympics opening ceremony"): after a determiner, or an -ing form not after
    an auxiliary or a preposition."""
    if _DETERMINED.search(text, start, end):
        return True
    return verb.endswith("ing") and not _PROGRESSIVE.search(text, start, end)


def _idiom(preposition: str, noun: str, adjectives: list[str]) -> bool:
    """A preposition and a bare noun English uses ("without warning"), or a gerund
    ("after meeting the envoy")."""
    if f"{preposition} {noun}" in _exceptions():
        return True
    return noun.endswith("ing") and preposition in _GERUND_PREPOSITIONS and not adjectives


def present_with_past(doc: Document, sentence: Span) -> Iterator[Finding]:
    """'The ministry announces yesterday': a present reporting verb with a finished time."""
    text = doc.text
    for match in _PRESENT_REPORT.finditer(text, sentence.start, sentence.end):
        verb = match.group("v")
        past = _reporting_present().get(verb.lower())
        if past is None or _DETERMINED.search(text, sentence.start, match.start()):
            continue  # "the reports last week": a noun
        time = _finished_time().match(text, match.end("gap"))
        if not time or _YEAR.match(time.group()):
            continue
        yield PERFECT_PAST.at(
            doc,
            match.start("v"),
            match.end("v"),
            f"'{time.group()}' is a finished time: the reporting verb needs the past tense.",
            [past],
            confidence=0.7,
        )


_DISTRIBUTIVE = re.compile(
    r"\b(?:[Oo]ne|[Ee]ach)\s+of\s+(?:the|these|those|its|their|his|her|our)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?P<n>[a-z]+s)\s+(?:(?:also|still|now|reportedly)\s+)?"
    r"(?P<v>were|are|have)\b"
)
_SINGULAR = {"were": "was", "are": "is", "have": "has"}
_PLURAL = {value: key for key, value in _SINGULAR.items()}
_COORDINATED = re.compile(
    r"(?:The|the|Its|Their|His|Her)\s+(?:[a-z-]+\s+){0,2}?[a-z]+\s+and\s+"
    r"(?:the|his|her|its|their|other|several|some|many)\s+(?:[a-z-]+\s+){0,2}?[a-z]+\s+"
    r"(?:(?:also|still|reportedly|now)\s+)?(?P<v>was|is|has)\b"
)
_DURATION = (
    r"(?P<d>(?:\d+|a\s+few|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|few)\s+(?:minutes|hours|days|weeks|months|years|decades|minute|hour|day|week|"
    r"month|year|decade))"
)
_DURATION_END = r"(?=\s*[,.;:]|\s+(?:in|at|on|when|while|because)\b)"
_BEFORE_DURATION = re.compile(rf"\b(?P<p>[Bb]efore)\s+{_DURATION}{_DURATION_END}")
_FROM_DURATION = re.compile(rf"\b(?P<p>from)\s+{_DURATION}(?=\s*[,.;:])")
_STATE = re.compile(r"\b(?:has|have|had|been|is|are|was|were)\b")


@functools.cache
def _plurals() -> frozenset[str]:
    return frozenset(row["plural"] for row in tsv_rows("agreement", "nouns.tsv"))


def distributive(doc: Document, sentence: Span) -> Iterator[Finding]:
    """'One of the soldiers were killed': the verb agrees with 'one', not 'soldiers'."""
    for match in _DISTRIBUTIVE.finditer(doc.text, sentence.start, sentence.end):
        if match.group("n") not in _plurals():
            continue
        verb = match.group("v")
        yield DISTRIBUTIVE.at(
            doc,
            match.start("v"),
            match.end("v"),
            "The subject is 'one' or 'each': the verb is singular.",
            [_SINGULAR[verb]],
            confidence=0.8,
        )


def coordinated(doc: Document, sentence: Span) -> Iterator[Finding]:
    """'The president and his ministers was': two subjects, a singular verb."""
    match = _COORDINATED.match(doc.text, sentence.start, sentence.end)
    if match and not any(_verb_form(w) for w in match.group().split()[1:-1]):
        verb = match.group("v")
        yield COORDINATED.at(
            doc,
            match.start("v"),
            match.end("v"),
            "Two subjects joined by 'and' take a plural verb.",
            [_PLURAL[verb]],
            confidence=0.75,
        )


def _verb_form(word: str) -> bool:
    """An auxiliary or a past form that is no adjective: the phrase is a clause, not a
    subject ("The makeup was delicate and the service was good")."""
    if function_words().get(word) == "auxiliary":
        return True
    return word.endswith("ed") and word not in _adjectives()


def durations(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'before two days' (two days ago), 'closed from two years' (for two years)."""
    text = doc.text
    for match in _BEFORE_DURATION.finditer(text, sentence.start, sentence.end):
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            "A time counted back from now is 'N days ago', not 'before N days'.",
            [f"{match.group('d')} ago"],
            confidence=0.75,
        )
    for match in _FROM_DURATION.finditer(text, sentence.start, sentence.end):
        if not _STATE.search(text, max(sentence.start, match.start() - 40), match.start()):
            continue
        yield rule.at(
            doc,
            match.start(),
            match.end(),
            "A state that lasts a length of time takes 'for': 'closed for two years'.",
            [f"for {match.group('d')}"],
            confidence=0.7,
        )


def perfect_with_past(doc: Document, sentence: Span) -> Iterator[Finding]:
    """'has announced on Monday': the present perfect with a finished time in its clause."""
    text = doc.text
    for match in _PERFECT.finditer(text, sentence.start, sentence.end):
        participle = match.group("pp")
        if not match.group("been") and not (
            participle.endswith("ed") or participle in irregular_verb_forms()
        ):
            continue
        if participle in ("been", "had", "got") or _MODAL_HAVE.search(
            text, max(sentence.start, match.start() - 10), match.start()
        ):
            continue  # "should have joined in 2014": a past the sentence did not see
        window = text[match.end() : min(sentence.end, match.end() + 70)]
        cut = _BREAK.search(window)
        scope = window[: cut.start()] if cut else window
        time = _finished_time().search(scope)
        if not time or (_YEAR.match(time.group()) and not match.group("been")):
            continue  # "this has continued in 2018": the year may not be over
        before = scope[: time.start()].lower().split()
        if before and before[-1] in _NOT_TIME:
            continue
        if len(before) > MAX_TIME_GAP or _TIME_GAP.intersection(before):
            continue  # the time belongs to a later phrase: "after a quake hit ... on Friday"
        yield PERFECT_PAST.at(
            doc,
            match.start(),
            match.end(),
            f"'{time.group()}' is a finished time: English uses the simple past, not the "
            "present perfect.",
            _simple_past(match),
            confidence=0.7,
        )


def _simple_past(match: re.Match[str]) -> list[str]:
    """'has announced' -> 'announced'; 'have been killed' -> 'were killed'."""
    participle = match.group("pp")
    if match.group("been"):
        be = "were" if match.group("have").lower() == "have" else "was"
        return [f"{be} {participle}"]
    return [participle] if participle.endswith("ed") else []


@functools.cache
def _verb_preposition_pattern() -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    nouns = {row["singular"] for row in tsv_rows("agreement", "nouns.tsv")}
    table: dict[str, dict[str, str]] = {}
    alternatives = []
    for row in iter_tsv(corpus_path("syntax", "verb_prepositions.tsv")):
        lemma = row["lemma"]
        forms = inflections(lemma)
        if lemma in nouns or row["forms"] == "past":
            forms = {f for f in forms if f.endswith(("ed", "ing")) or f in irregular_verb_forms()}
        for form in forms:
            table[f"{form} {row['wrong']}"] = row
            alternatives.append(rf"{form}\s+{row['wrong']}")
    alternation = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"\b(?P<vp>{alternation})\s+(?P<next>\S+(?:\s+\S+){{0,2}})"), table


_BE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|get|got|gets|am)|['’](?:m|re|s))\s+"
    r"(?:(?:\w+ly|not|also)\s+)?$"
)
_TIME_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
_NEXT = {
    "np": re.compile(
        r"(?:the|a|an|his|her|its|their|our|this|these|those|all|some|several|many|dozens|"
        r"hundreds|thousands|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"\d|(?-i:[A-Z]))",
        re.IGNORECASE,
    ),
    "place": re.compile(
        r"(?:the\s+)?(?:[a-z-]+\s+)?(?:city|town|village|capital|country|building|house|area|"
        r"territory|camp|compound|stadium|region|province|district|neighbou?rhood|square|"
        r"palace|embassy|prison|airport|port|mosque|church|school|hospital|settlement|"
        r"parliament|courtyard|base|border|strip)\b"
    ),
    "event": re.compile(
        r"(?:the|a|an|his|her|its|their|this)\s+(?:[a-z-]+\s+)?(?:meeting|funeral|ceremony|"
        r"conference|summit|session|event|celebration|wedding|talks|forum|rally|match|game|"
        r"festival|exhibition|parade|inauguration|opening)\b"
    ),
    "question": re.compile(r"(?:\S+\s+){0,2}questions?\b"),
    "home": re.compile(r"home\b(?!\s+(?:of|to|for|in)\b)(?!-)"),
}


def verb_prepositions(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'demanded for the release', 'visited to the camps': a verb with the source's preposition."""
    pattern, table = _verb_preposition_pattern()
    text = doc.text
    for match in pattern.finditer(text, sentence.start, sentence.end):
        key = " ".join(match.group("vp").lower().split())
        row = table.get(key)
        if row is None or not match.group("vp")[0].islower():
            continue
        following = match.group("next")
        if not _NEXT[row["next"]].match(following) or _TIME_WORD.match(following):
            continue
        verb = match.group("vp").split()[0]
        if not verb.endswith("ing") and _BE.search(
            text, max(sentence.start, match.start() - 25), match.start()
        ):
            continue  # a passive or adjective: "was joined to", "is comprised of"
        fixes = [part.strip().replace("{v}", verb) for part in row["fix"].split("|")]
        yield rule.at(
            doc,
            match.start("vp"),
            match.end("vp"),
            f"'{row['lemma']}' does not take '{row['wrong']}' here.",
            fixes,
            confidence=0.7,
        )
