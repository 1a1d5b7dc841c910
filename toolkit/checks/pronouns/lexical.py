"""The model-free pronoun resolver of the pronoun check (the default, without ``--deep``).

Each he/she/his/her/him is given the antecedent English grammar prefers, found from clause
structure alone (mentions.py gives the candidates and their roles):

- a bound one, where the words leave no choice: "the Syrian side, for her part"; "X
  expressed her concern" (the subject); "strikes on her territory" (a country or body); "the
  Pakistan Army with her boats" (the subject, before its verb);
- else the subject of the pronoun's clause, of an earlier clause of its sentence ("The Central
  Bank announced that she"), the noun before "and her" ("Turkey and her allies"), or the
  subject of the previous sentence (for "She operates ..." after "The airline is based ...").

The finding is made when that antecedent is not a person (PR101) or is a person of the other
gender (PR102), and no person the pronoun could mean is salient nearby: every earlier person
of a compatible gender, and every earlier unflagged pronoun of the same gender, adds salience
by its role and nearness; above ``BLOCK`` the pronoun may well mean them and nothing is said.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from toolkit.checks.pronouns.forms import FORMS, GENDER, GENDERED, in_speech
from toolkit.checks.pronouns.lexicon import AnimacyLexicon, Referent
from toolkit.checks.pronouns.mentions import (
    _DETERMINERS,
    Mention,
    Text,
    mentions,
    reporting_verbs,
    reports,
)
from toolkit.checks.pronouns.rules import GENDER_MISMATCH, NONHUMAN_ANTECEDENT
from toolkit.document import Document
from toolkit.english import can_be_verb, function_words, same_case
from toolkit.findings import Finding
from toolkit.resources import corpus_path, iter_tsv, read_lines

BLOCK = 0.3  # salience of compatible people above which a pronoun may mean one of them
TOPIC = 0.08  # salience a person keeps for each time the text named them
TOPICS = 6  # ... counted up to this many times
RIVAL = 0.3  # for a person antecedent: or above this share of its own salience
REPORTED = 0.7  # for a body that reports "that he/she ...": the subject is a strong antecedent
SPEAKER = 0.2  # ... and people who only reported something count this share
EVIDENCE = 0.5  # confidence of a finding that shows the translation leaks gender ...
LEAK = 2.0  # ... after which people count this many times less
_WINDOW = 6  # sentences searched back for people
_CLAUSE_OPENERS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "while",
        "whereas",
        "but",
        "because",
        "although",
        "though",
        "when",
        "where",
        "whereby",
        "if",
        "unless",
        "since",
        "until",
        "after",
        "before",
        "as",
        "so",
    ]
)
_OPENING_QUOTES = ('"', "“", "«", "„")
_CONDITIONS = ("if", "unless", "whoever", "anyone")
_STATE_CLASSES = ("country", "place", "government", "military", "organisation", "company")
_BODIES = (*_STATE_CLASSES, "group")
_PRE_VERB_PREPOSITIONS = ("with", "through", "via", "using")
_RELATIVIZERS = ("that", "which")
_RELATIVE = ("which", "who", "whom", "whose")
_NOUN_PHRASE_OPENERS = ("the", "a", "an")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_ADJECTIVES_BEFORE_POSSESSION = 3
_AUXILIARY_FILLERS = frozenset(["not", "never", "also", "later", "allegedly"])
_BE = frozenset(["be", "been", "being", "was", "were", "is", "are", "got"])
_SPEAKING = frozenset(["said", "says", "told", "tells", "added", "adds", "argued", "noted"])
_CONTINUING_ADVERBS = frozenset(["now", "then", "also", "later", "still", "thus"])
_REPORT_REACH = 7  # words from a reporting verb to its "that he" ("said in a statement")


_UNCLEAR = Mention(-1, -1, "", Referent("unknown"), False, -1, -1, -1)


@dataclass(frozen=True, slots=True)
class _Antecedent:
    mention: Mention
    bound: bool  # the words leave no other choice
    measured: bool = True  # a bound shape whose safe fix was measured on the dev articles


def lexical_findings(
    doc: Document,
    lexicon: AnimacyLexicon,
    parsed: Iterable[Finding] = (),
    resumed: dict[int, int] | None = None,
) -> Iterator[Finding]:
    """PR101 and PR102 findings, without a parser. ``parsed`` (--deep) are the findings of
    the spaCy resolver: each one is kept where this one judged nothing, unless a person the
    pronoun may mean is salient, a ship is near a "she", or a person opens the next
    sentence.

    A translation that leaks the source's gender does so throughout: once a pronoun of the
    text is flagged with ``EVIDENCE`` confidence, its other pronouns are judged again with
    the people around them counting ``1 / LEAK`` as much, and no person who only stands in
    the sentence before or opens the next one vetoing a body (clean text never gets there).
    ``resumed`` maps the offset of a pronoun that only repeats its clause's subject ("The
    FIFA, she hailed on her site") to the end of that subject: the pronoun is neither
    judged nor a person of the chain, and the phrase is the subject of the verb after it."""
    resumed = resumed or {}
    matches = [m for m in GENDERED.finditer(doc.text) if m.start() not in resumed]
    if not matches:
        return
    text = Text(doc)
    found = mentions(text, lexicon, _words_needed(text, matches[-1].start()))
    subjects = set(resumed.values())
    found = [replace(m, subject=True) if m.end in subjects else m for m in found]
    by_start = {f.start: f for f in parsed}
    first = _resolve(text, matches, found, by_start, lexicon, leak=False)
    rules = {f.rule for f in first.values() if f.confidence >= EVIDENCE}
    if rules:
        again = _resolve(text, matches, found, by_start, lexicon, leak=True)
        for k, finding in again.items():
            if k not in first and finding.rule in rules:
                first[k] = replace(
                    finding, confidence=max(0.3, finding.confidence - 0.1), safe=False
                )
    yield from (first[k] for k in sorted(first))


def _resolve(
    text: Text,
    matches: list[re.Match[str]],
    found: list[Mention],
    by_start: dict[int, Finding],
    lexicon: AnimacyLexicon,
    leak: bool,
) -> dict[int, Finding]:
    """The findings on the gendered pronouns of ``matches``, by word index."""
    findings: dict[int, Finding] = {}
    chain: list[tuple[int, int, str, float]] = []  # earlier unflagged pronouns
    for match in matches:
        k = text.index_at(match.start())
        if k >= len(text.words) or text.words[k].start != match.start():
            continue  # inside a longer word: "co-her"
        if text.words[k].end != match.end():
            continue
        pronoun = match.group().lower()
        finding = _judge(text, k, match.group(), found, chain, lexicon, leak)
        if finding is None:
            finding = _from_parse(text, k, by_start, found, chain)
        if finding is None:
            role = 1.0 if pronoun in ("she", "he") else 0.8
            chain.append((k, text.sentence_of[k], GENDER[pronoun], role))
        else:
            findings[k] = finding
    return findings


def _words_needed(text: Text, last: int) -> int:
    """How many words the resolver reads: up to the end of the sentence after the one of the
    last pronoun (at offset ``last``), which may name the person it means."""
    after = text.sentence_of[min(text.index_at(last), len(text.words) - 1)] + 2
    return text.sentence_first[after] if after < len(text.sentence_first) else len(text.words)


def _from_parse(
    text: Text,
    k: int,
    by_start: dict[int, Finding],
    found: list[Mention],
    chain: list[tuple[int, int, str, float]],
) -> Finding | None:
    """The parsed resolver's finding on the pronoun at word k (it may start at a relativizer
    before it), unless a rival person, a ship or a name in the next sentence vetoes it."""
    finding = by_start.get(text.words[k].start) or by_start.get(text.words[k - 1].start)
    if finding is None or not finding.start <= text.words[k].start < finding.end:
        return None
    gender = GENDER[text.lower(k)]
    if (gender == "f" and _ship_near(text, k, found)) or _named_next(text, k, gender, found):
        return None
    other = "m" if gender == "f" else "f"
    if finding.rule == GENDER_MISMATCH.code and _own_pronoun_follows(text, k, other):
        return None  # "Amina said he had taken her phone"
    return None if _salience(text, k, gender, found, chain, _UNCLEAR) >= BLOCK else finding


def _judge(
    text: Text,
    k: int,
    pronoun: str,
    found: list[Mention],
    chain: list[tuple[int, int, str, float]],
    lexicon: AnimacyLexicon,
    leak: bool = False,
) -> Finding | None:
    doc = text.doc
    scale = LEAK if leak else 1.0
    offset = text.words[k].start
    end = text.words[k].end
    s = text.sentence_of[k]
    sentence_start = text.sentence_first[s]
    if pronoun[0].isupper() and k != sentence_start:
        return None  # "His Majesty"
    quoted_subject = None
    if in_speech(doc, offset):
        quoted_subject = _quoted_predicate(text, k, found)
        if quoted_subject is None:
            return None  # quoted speech: its pronouns are the speaker's
    if _generic(text, k):
        return None  # "if it is serious, he may be jailed": anyone
    if _speaker(doc, offset, end):
        return None
    gender = GENDER[pronoun.lower()]
    possessive = _is_determiner(pronoun, text, k, lexicon)
    forms = FORMS[(pronoun.lower(), possessive)]
    relative = _relative_clause(text, k, found)
    if relative is not None:
        start, stop, verb, subject = relative
        return NONHUMAN_ANTECEDENT.at(
            doc,
            start,
            stop,
            f"'{pronoun}' makes the source's verb-subject order a relative clause: "
            f"{subject.text!r} after '{verb}' is its subject, not a person.",
            [f"{verb} by"],
            confidence=_confidence(subject, lexicon, bound=True),
        )
    group = _plural_subject(text, k, found)
    if group is not None:
        if _rival_near(text, k, gender, found, group) or _named_next(text, k, gender, found):
            return None
        if _salience(text, k, gender, found, chain, group, SPEAKER, topic=False) >= BLOCK:
            return None
        return NONHUMAN_ANTECEDENT.at(
            doc,
            offset,
            end,
            f"'{pronoun}' refers to {group.text!r}, a plural group: Arabic gives plurals "
            "feminine singular agreement, English 'they'.",
            [same_case(forms[1], pronoun)],
            confidence=0.6,
        )
    obj = not possessive and pronoun.lower() not in ("she", "he", "herself", "himself")
    if obj and function_words().get(text.lower(k - 1)) != "preposition":
        return None  # "told her", "summoned him": too often a person named further back
    antecedent = (
        _Antecedent(quoted_subject, False)
        if quoted_subject is not None
        else _bound(text, k, pronoun, possessive, found)
        or _preferred(text, k, found, obj)
        or (_nearest_thing(text, k, found) if obj else None)
    )
    if antecedent is None:
        return None
    nonhuman = antecedent.mention.referent.animacy == "nonhuman"
    if possessive and nonhuman and _possessed(text, k) == "person":
        return None  # "Her daughter": kin only a person has, never a party's or a body's
    role = antecedent.mention
    named = _named_role(text, role, k, found)
    if named is not None:  # the role's subject and speaker flags go to its name
        named = replace(named, subject=role.subject, speaker=role.speaker)
        antecedent = _Antecedent(named, antecedent.bound)
    mention = antecedent.mention
    introduced = range(role.first, mention.first)  # "the head of X, Name,"
    referent = mention.referent
    if not _agrees(mention, GENDER[pronoun.lower()]):
        return None
    people = _salience(text, k, gender, found, chain, mention, skip=introduced)
    # a named person of the other gender is a strong antecedent: rivals must match a share
    rival = RIVAL * _weight(mention) * _nearness(text, mention.sentence, s)
    block = max(BLOCK * scale, rival) if referent.animacy == "human" else BLOCK * scale
    if referent.animacy == "nonhuman":
        if gender == "f" and _ship_near(text, k, found) and not antecedent.bound:
            return None  # ships are "she" in English
        if _person_predicate(text, k, mention):
            return None  # "police said he was arrested": a person
        if _thing_predicate(text, k):
            antecedent = _Antecedent(mention, True, measured=False)  # "she was designed"
        if not antecedent.bound and _strong(text, k, mention, found):
            aside = _aside(text, mention, k)
            previous = not (leak or _continued(text, k, mention, found))
            if _rival_near(text, k, gender, found, mention, aside, previous):
                return None
            people = _salience(
                text, k, gender, found, chain, mention, SPEAKER, topic=False, skip=aside
            )
            block = REPORTED * scale
        if not antecedent.bound and (
            people >= block or (not leak and _named_next(text, k, gender, found))
        ):
            return None
        suggestion = forms[1] if mention.plural else forms[0]
        return NONHUMAN_ANTECEDENT.at(
            doc,
            offset,
            end,
            f"'{pronoun}' refers to {mention.text!r}, which is not a person: the source "
            "language's grammatical gender leaked into English.",
            [same_case(suggestion, pronoun)],
            confidence=_confidence(mention, lexicon, antecedent.bound, people),
            safe=_certain(antecedent),
        )
    other = referent.gender not in (None, gender)
    if referent.animacy == "human" and mention.titled and other and not mention.plural:
        if _own_pronoun_follows(text, k, referent.gender):
            return None  # "Amina said he had taken her phone": two people
        if antecedent.bound:  # "Rosa Otonbayeva expressed his condolences": her own
            # "mocked Senator X over her insistence"; not in an aside: "X, the envoy of Y, ..."
            between = _between(found, _after_aside(text, mention.last, k), k)
            if any(m.person and m.referent.gender in (None, gender) for m in between):
                return None
            people = 0.0
        elif _reported(text, k, mention) or _continued(text, k, mention, found):
            # "Maryam, a teacher, told our reporter that he"; "Maryam was elected and he"
            previous = not _continued(text, k, mention, found)
            if _rival_near(
                text, k, gender, found, mention, introduced, previous=previous and not leak
            ):
                return None
            # "the son of X" after the subject, or its role before it
            aside = introduced if previous else range(introduced.start, k)
            people = _salience(
                text, k, gender, found, chain, mention, SPEAKER, topic=False, skip=aside
            )
            block = max(REPORTED * scale, rival)
        if people >= block:
            return None
        return GENDER_MISMATCH.at(
            doc,
            offset,
            end,
            f"'{pronoun}' refers to {mention.text!r}, whose gender the text gives as the "
            "other one.",
            [same_case(forms[2], pronoun)],
            confidence=0.6 if antecedent.bound else 0.5,
        )
    return None


def _named_role(text: Text, role: Mention, k: int, found: list[Mention]) -> Mention | None:
    """ "The head of the jury, the actress Carmen Ruiz, said that he": the person a role noun
    of no stated gender introduces, named with a gender before the verb of its clause."""
    noun = role.referent.animacy == "maybe" and role.text[:1].islower()  # "adviser"
    if not (role.referent.animacy == "human" or noun) or role.referent.gender or role.plural:
        return None
    named = None
    for m in _between(found, role.last, k):
        if m.sentence != role.sentence or _verb_between(text, role.last, m.first):
            break
        if "and" in text.lowers[role.last : m.first]:
            break  # "Smith and Maria Lopez": two people
        if m.titled and m.referent.gender and m.text[:1].isupper() and not m.oblique:
            named = m
    return named


def _after_aside(text: Text, k: int, stop: int) -> int:
    """The first word after a comma-delimited aside that opens at word k and closes before
    word ``stop`` ("Roza X, the envoy of the secretary general, expressed"), else k."""
    if not text.gap(k).startswith(","):
        return k
    close = next((j for j in range(k + 1, stop) if "," in text.gap(j)), None)
    return k if close is None else close


def _own_pronoun_follows(text: Text, k: int, gender: str | None) -> bool:
    """Whether a pronoun of ``gender`` follows word k in its sentence."""
    s = text.sentence_of[k]
    stop = text.sentence_first[s + 1] if s + 1 < len(text.sentence_first) else len(text.words)
    return any(GENDER.get(text.lower(j)) == gender for j in range(k + 1, stop))


def _strong(text: Text, k: int, mention: Mention, found: list[Mention]) -> bool:
    """Whether English grammar all but fixes a non-person antecedent of he/she: a body that
    reports "that he ..." ("The council announced that he had received no appeal"), or a
    vehicle that is the subject before it ("The capsule will be flown to Beijing, where he
    will be opened")."""
    if mention.referent.cls == "vehicle":
        return text.lower(k) in ("she", "he") and mention.subject
    return mention.referent.cls in _BODIES and (
        _reported(text, k, mention) or _continued(text, k, mention, found)
    )


def _continued(text: Text, k: int, mention: Mention, found: list[Mention]) -> bool:
    """ "The bank kept the peg for years, but she could not stop the slide": he or she opens
    a clause joined by 'and' or 'but' to the one ``mention`` is the subject of, with no person
    named between them outside a prepositional phrase ("the daughter of X"), and not one who
    only speaks ("but she said")."""
    s = text.sentence_of[k]
    if text.lower(k) not in ("she", "he") or mention.sentence != s or not mention.subject:
        return False
    j = k - 1
    if text.lower(j) in _CONTINUING_ADVERBS:
        j -= 1
    if text.lower(j) not in ("and", "but") or j <= mention.last:
        return False
    if text.lower(k + 1) in _SPEAKING:
        return False  # "..., but she said": a speaker the text named before
    between = _between(found, mention.last + 1, k)
    return not any(
        m.referent.animacy in ("human", "maybe")
        and not m.oblique
        and (m.same_as < 0 or found[m.same_as] is not mention)  # "X, the daughter of Y,"
        for m in between
    )


def _plural_subject(text: Text, k: int, found: list[Mention]) -> Mention | None:
    """ "The crowds filled the stands, and she celebrated": a 'she' that opens a clause joined
    to one whose subject is a plural group of people (Arabic plurals take feminine singular
    agreement); not after a report ("Protesters said she had been detained")."""
    if text.lower(k) != "she":
        return None
    s = text.sentence_of[k]
    subjects = [m for m in _between(found, text.sentence_first[s], k) if m.subject]
    if not subjects or not subjects[-1].plural:
        return None
    group = subjects[-1]
    if not (group.person or group.referent.cls == "group"):
        return None
    if _person_predicate(text, k, group):
        return None  # "... and she was arrested": a person
    return group if _continued(text, k, group, found) else None


def _reported(text: Text, k: int, mention: Mention) -> bool:
    """ "The ministry said in a statement that he ...": he or she opens the clause that a
    reporting verb of its antecedent, the subject before it, takes."""
    s = text.sentence_of[k]
    if text.lower(k) not in ("she", "he") or mention.sentence != s or not mention.subject:
        return False
    if mention.first > 0 and (
        text.lower(mention.first - 1) in ("his", "her")
        or text.texts[mention.first - 1].endswith(("'s", "’s"))
    ):
        return False  # "His office said he": the office's owner
    return _reported_by(text, mention, k - 1 if text.lower(k - 1) == "that" else k)


def _reported_by(text: Text, mention: Mention, end: int) -> bool:
    """Whether a reporting verb of the clause whose subject is ``mention`` stands among the
    words before ``end`` ("said in a statement", "announced on Saturday")."""
    verbs = [j for j in range(max(mention.last, end - _REPORT_REACH), end) if reports(text, j, 1)]
    if not verbs:
        return False
    starts = _clause_starts(text, text.sentence_first[mention.sentence], verbs[0])
    return starts[-1] <= mention.first


def _rival_near(
    text: Text,
    k: int,
    gender: str,
    found: list[Mention],
    antecedent: Mention,
    skip: range = range(0),
    previous: bool = True,
) -> bool:
    """A person of a compatible gender named before the pronoun in its sentence outside a
    prepositional phrase ("After questioning Simpson, police said he ..."), or the subject of
    the previous sentence, unless it only reported ("Kowalczyk would appeal. The court said
    he ...") or shares its clause with another ("X and Y were killed"); words in ``skip``
    are left out, and the previous sentence too unless ``previous``."""
    s = text.sentence_of[k]
    lo = text.sentence_first[max(0, s - 1) if previous else s]
    for m in _between(found, lo, k):
        if m is antecedent or m.plural or m.same_as >= 0 or m.referent.gender not in (None, gender):
            continue
        if m.first in skip or _conjoined(text, m):
            continue
        if m.referent.cls == "press" and not m.subject:
            continue  # "told our reporter that he": the teller
        if m.sentence == s and m.referent.animacy == "human" and not m.oblique:
            return True
        if m.sentence < s and m.person and m.subject and not m.speaker and _weight(m) > 0.3:
            return True
    return False


def _aside(text: Text, mention: Mention, k: int) -> range:
    """The words between a reporting body and its reporting verb ("The council, which had
    blocked the decree of President X, said that he ..."): people named there are no rivals."""
    end = k - 1 if text.lower(k - 1) == "that" else k
    verbs = [j for j in range(mention.last, end) if reports(text, j, 1)]
    return range(mention.last, verbs[-1]) if verbs else range(0)


def _conjoined(text: Text, mention: Mention) -> bool:
    """Whether a mention is joined to another by "and" ("Raisi and Amir-Abdollahian were
    killed"): one of a pair is a weak antecedent for a singular pronoun."""
    after = text.lower(mention.last) == "and" and not text.gap(mention.last)
    before = text.lower(mention.first - 1) == "and" and not text.gap(mention.first)
    return after or before


def _person_predicate(text: Text, k: int, antecedent: Mention) -> bool:
    """Whether the verb of a subject he/she is one only people are the subject of ("he was
    arrested", "she had died"), past auxiliaries and adverbs."""
    if antecedent.referent.cls == "vehicle":
        return False  # a rover travels, a plane lands
    word, passive = _predicate(text, k)
    voice = _person_verbs().get(word)
    return voice == "any" or (voice == "passive" and passive)


def _thing_predicate(text: Text, k: int) -> bool:
    """Whether the verb of a subject he/she is a passive only things take ("she was designed
    for 7 metres", "he was built in 1990")."""
    word, passive = _predicate(text, k)
    return passive and word in _thing_verbs()


def _predicate(text: Text, k: int) -> tuple[str, bool]:
    """The main verb after a subject he/she at word k, past auxiliaries and adverbs, and
    whether a form of 'be' stands right before it ('' when none)."""
    if text.lower(k) not in ("she", "he"):
        return "", False
    functional = function_words()
    passive = False
    for j in range(k + 1, min(k + 6, len(text.words))):
        word = text.lower(j)
        if text.gap(j):
            return "", False
        if word in _AUXILIARY_FILLERS:
            continue
        if functional.get(word) == "auxiliary":
            passive = word in _BE
            continue
        return word, passive
    return "", False


@functools.cache
def _thing_verbs() -> frozenset[str]:
    return frozenset(read_lines("animacy", "thing_predicates.txt"))


@functools.cache
def _person_verbs() -> dict[str, str]:
    rows = iter_tsv(corpus_path("animacy", "person_predicates.tsv"))
    return {row["verb"]: row["voice"] for row in rows}


def _named_next(text: Text, k: int, gender: str, found: list[Mention]) -> bool:
    """ "The company said he would step down. John Smith has led ...": a person of the
    pronoun's gender opens the next sentence."""
    s = text.sentence_of[k]
    if s + 1 >= len(text.sentences):
        return False
    after = _between(found, text.sentence_first[s + 1], text.sentence_first[s + 1] + 4)
    return any(
        m.referent.animacy == "human"
        and m.text[:1].isupper()
        and not m.plural
        and m.referent.gender == gender
        and not m.oblique
        for m in after[:1]
    )


def _ship_near(text: Text, k: int, found: list[Mention]) -> bool:
    """Whether a ship is named in the pronoun's sentence or the two before it."""
    s = text.sentence_of[k]
    window = _between(found, text.sentence_first[max(0, s - 2)], k)
    return any(m.referent.cls == "vessel" for m in window)


def _certain(antecedent: _Antecedent) -> bool:
    """Whether the words fix the antecedent and the lexicon or gazetteer says for sure what
    it is (a body, a country, a place, an army, a company): then its/it/their is safe."""
    referent = antecedent.mention.referent
    return (
        antecedent.bound
        and antecedent.measured
        and referent.reliable
        and referent.cls in _STATE_CLASSES
    )


def _confidence(
    mention: Mention, lexicon: AnimacyLexicon, bound: bool, people: float = 0.0
) -> float:
    base = lexicon.class_confidence.get(mention.referent.cls, 0.7)
    if not mention.referent.reliable:
        base -= 0.1
    value = base + 0.05 if bound else base - 0.1 - people
    return round(min(0.95, max(0.3, value)), 2)


# --- the antecedent ---------------------------------------------------------------------


def _candidate(mention: Mention) -> bool:
    """A mention that a gendered pronoun can stand for, in MT output: not a plural of people
    (those are "they"), not a second naming of a person."""
    return mention.same_as < 0 and not (mention.plural and mention.person)


def _agrees(mention: Mention, gender: str) -> bool:
    """A plural thing is "she" only from Arabic, whose plurals of things are feminine."""
    return not mention.plural or gender == "f"


def _opens_with_a_phrase(text: Text, first: int) -> bool:
    """A sentence that opens with a phrase set off by a comma before its subject: a
    preposition, a conjunction or a participle ("According to", "Following")."""
    word = text.lower(first)
    return function_words().get(word) in ("preposition", "conjunction") or word.endswith("ing")


def _usable(mention: Mention | None) -> bool:
    return mention is not None and mention is not _UNCLEAR and _candidate(mention)


def _clause_starts(text: Text, first: int, k: int) -> list[int]:
    """Word indices where the clauses of a sentence begin, up to word k."""
    starts = [first]
    fronted = _opens_with_a_phrase(text, first)
    j = first
    while j < k:
        j += 1
        if fronted and "," in text.gap(j):
            starts.append(j)  # "According to a document X prepared, Ford's will ..."
            fronted = False
            continue
        word = text.lower(j)
        gap = text.gap(j)
        if word in _RELATIVE and "," in gap:
            close = next((m for m in range(j + 1, k + 1) if "," in text.gap(m)), None)
            if close is not None:
                j = close - 1  # "X, which ..., said that": the main clause goes on
                continue
        if (
            word in _CLAUSE_OPENERS
            or any(c in gap for c in ";:")
            or (word in ("and", "but") and ("," in gap or GENDER.get(text.lower(j + 1))))
        ):
            starts.append(j)
    return starts


def _subject(
    text: Text, found: list[Mention], start: int, stop: int, strict: bool = True
) -> Mention | None:
    """The subject of the clause in words [start, stop): its first mention outside a
    prepositional phrase, if no verb comes before it and a verb follows it (``strict``) or
    it opens the clause. ``_UNCLEAR`` when that first mention is no subject ("the company
    that owns her", "Ford's will"): it may still be what the pronoun means."""
    for mention in _between(found, start, stop):
        before = text.lower(mention.first - 1)
        modified = before.endswith(("ed", "ing")) and not text.gap(mention.first)
        if _verb_between(text, start + 1, mention.first - modified):  # "the armed forces"
            return None
        if text.texts[mention.last - 1].endswith(("'s", "’s")):
            continue  # "Iran's national team": the possessor is no subject
        if not mention.oblique and not in_speech(text.doc, mention.start):
            opens = mention.first <= start + 1 + (text.lower(start) in _NOUN_PHRASE_OPENERS)
            named = mention
            while named.same_as >= 0:  # "chief" -> "engineer" -> "Dr. X"
                named = found[named.same_as]
            subject = mention.subject or named.subject
            return named if subject or (opens and not strict) else _UNCLEAR
    return None


def _between(found: list[Mention], start: int, stop: int) -> list[Mention]:
    """The mentions whose words lie in [start, stop)."""
    lo = bisect.bisect_left(found, start, key=lambda m: m.first)
    hi = bisect.bisect_left(found, stop, key=lambda m: m.first)
    return [m for m in found[lo:hi] if m.last <= stop]


def _preferred(text: Text, k: int, found: list[Mention], obj: bool) -> _Antecedent | None:
    """The antecedent salience prefers: the subject of the pronoun's clause (not for an
    object: "the ministry summoned her"), of an earlier clause, the noun before "and her", or
    the subject of a previous sentence."""
    s = text.sentence_of[k]
    first = text.sentence_first[s]
    starts = _clause_starts(text, first, k)
    before_and = _before_and(text, k, found)
    if before_and is not None:
        return _Antecedent(before_and, False)
    stops = [*starts[1:], k]
    clauses = list(zip(starts, stops, strict=True))
    for start, stop in reversed(clauses[:-1] if obj else clauses):
        subject = _subject(text, found, start, stop)
        if subject is _UNCLEAR:
            return None
        if subject is not None and _candidate(subject):
            return _Antecedent(subject, False)
    fronted = _fronted(text, k, found)
    if fronted is not None and fronted.referent.animacy == "nonhuman":
        return _Antecedent(fronted, False)
    for back in (1, 2):
        if s - back < 0 or text.paragraph_of[s - back] < text.paragraph_of[s] - 1:
            break
        start, stop = text.sentence_first[s - back], text.sentence_first[s - back + 1]
        subject = _subject(text, found, start, stop, strict=False)
        if subject is _UNCLEAR:
            return None
        if subject is not None:
            return _Antecedent(subject, False) if _candidate(subject) else None
        if _between(found, start, stop):
            return None  # the previous sentence names things, none as its subject
    return None


def _nearest_thing(text: Text, k: int, found: list[Mention]) -> _Antecedent | None:
    """For an object with no subject to refer to ("a large part of her remained"): the
    nearest singular thing in its sentence or the one before, if no person is nearer."""
    s = text.sentence_of[k]
    for mention in reversed(_between(found, text.sentence_first[max(0, s - 1)], k)):
        if mention.person:
            return None
        if not mention.plural and mention.referent.animacy == "nonhuman":
            return _Antecedent(mention, False)
    return None


def _before_and(text: Text, k: int, found: list[Mention]) -> Mention | None:
    """ "Turkey and her allies": the mention right before "and" a possessive follows."""
    if k < 2 or text.lower(k) not in ("her", "his"):
        return None  # "we went to a festival and he ...": clauses, not noun phrases
    if text.lower(k - 1) != "and" or text.gap(k - 1):
        return None
    before = _between(found, max(0, k - 6), k - 1)
    if before and before[-1].last == k - 1 and _candidate(before[-1]):
        return before[-1]
    return None


def _fronted(text: Text, k: int, found: list[Mention]) -> Mention | None:
    """ "In her statement, the ministry said ...": the subject after a fronted phrase that
    holds the pronoun."""
    s = text.sentence_of[k]
    first = text.sentence_first[s]
    if not _opens_with_a_phrase(text, first):
        return None
    end = text.sentence_first[s + 1] if s + 1 < len(text.sentences) else len(text.words)
    comma = next((j for j in range(k + 1, end) if "," in text.gap(j)), None)
    if comma is None or any("," in text.gap(j) for j in range(first + 1, k + 1)):
        return None
    subject = _subject(text, found, comma, end)
    return subject if _usable(subject) else None


# --- bound antecedents ------------------------------------------------------------------


@functools.cache
def _possessions() -> dict[str, str]:
    """Noun -> how it binds the possessive before it (corpora/animacy/possessions.tsv)."""
    return {
        row["noun"]: row["binds"] for row in iter_tsv(corpus_path("animacy", "possessions.tsv"))
    }


def _possessed(text: Text, k: int) -> str | None:
    """The binding of the noun a possessive at word k determines ("her deep concern")."""
    possessions = _possessions()
    for j in range(k + 1, min(k + 2 + _ADJECTIVES_BEFORE_POSSESSION, len(text.words))):
        if text.gap(j) not in ("", "-"):
            return None
        word = text.lower(j)
        pair = f"{word} {text.lower(j + 1)}"
        if pair in possessions and not text.gap(j + 1):
            return possessions[pair]
        if word in possessions:
            return possessions[word]
        if function_words().get(word) or (can_be_verb(word) and not word.endswith("ed")):
            return None
    return None


def _bound(
    text: Text, k: int, pronoun: str, possessive: bool, found: list[Mention]
) -> _Antecedent | None:
    """An antecedent the words leave no choice about, or None."""
    s = text.sentence_of[k]
    first = text.sentence_first[s]
    lower = pronoun.lower()
    if lower in ("herself", "himself") and not text.gap(k):
        start = _clause_starts(text, first, k)[-1]
        subjects = [m for m in _between(found, start, k) if m.subject and not m.oblique]
        subject = subjects[-1] if subjects else None  # the nearest: "X said Y hurt herself"
        return _Antecedent(subject, True, measured=False) if _usable(subject) else None
    if (
        lower in ("her", "his")
        and text.lower(k + 1) == "part"
        and text.lower(k - 1)
        in (
            "for",
            "on",
        )
    ):
        subject = _subject(text, found, _clause_starts(text, first, k)[-1], k)
        if subject is None and k - 1 == first:
            after = _fronted(text, k, found)  # "For her part, the envoy, Ms X, said"
            return _Antecedent(after, True) if after else _previous_subject(text, s, found)
        return _Antecedent(subject, True) if _usable(subject) else None
    if not possessive:
        return None
    binds = _possessed(text, k)
    clause = _clause_starts(text, first, k)[-1]
    if binds == "state":
        window = _between(found, text.sentence_first[max(0, s - 1)], k)
        states = [
            m
            for m in window
            if m.referent.animacy == "nonhuman" and m.referent.cls in _STATE_CLASSES
        ]
        return _Antecedent(states[-1], True) if states else None
    subject = _subject(text, found, clause, k)
    if binds == "body":
        return _body_owner(text, k, clause, subject, found)
    if not _usable(subject):
        return None
    if binds in ("self", "speech") and _verb_between(text, subject.last, k):
        return _Antecedent(subject, True)
    if (
        text.lower(k - 1) in _PRE_VERB_PREPOSITIONS
        and subject.last == k - 1
        and subject.first == clause + (text.lower(clause) in _NOUN_PHRASE_OPENERS)
    ):
        return _Antecedent(subject, True)  # "The Pakistan Army with her boats is ..."
    return None


def _body_owner(
    text: Text, k: int, clause: int, subject: Mention | None, found: list[Mention]
) -> _Antecedent | None:
    """The body that owns what only a body has ("deploy his units", "her observers", "her
    accession talks"): the subject of the possessive's clause, or for "X said that her
    observers ..." the reporting subject; None when that is a person."""
    if subject is None and text.lower(clause) == "that" and clause == k - 1:
        s = text.sentence_of[k]
        starts = _clause_starts(text, text.sentence_first[s], k - 1)
        subject = _subject(text, found, starts[-1], k - 1)
        if text.lower(k - 2) == "and":  # "X said that ..., and that her observers": X
            subject = _main_subject(text, found, s)
        elif _usable(subject) and not _reported_by(text, subject, k - 1):
            return None
    if not _usable(subject) or subject.referent.animacy != "nonhuman":
        return None
    if subject.referent.cls not in _BODIES or not _verb_between(text, subject.last, k):
        return None
    return _Antecedent(subject, True)


def _main_subject(text: Text, found: list[Mention], s: int) -> Mention | None:
    """The subject of sentence s's first clause, if it is a body that reports."""
    first = text.sentence_first[s]
    starts = _clause_starts(text, first, len(text.words))
    stop = starts[1] if len(starts) > 1 else first + 1
    subject = _subject(text, found, first, stop)
    if not _usable(subject) or not _reported_by(text, subject, stop + 1):
        return None
    return subject


def _previous_subject(text: Text, s: int, found: list[Mention]) -> _Antecedent | None:
    if s == 0:
        return None
    subject = _subject(text, found, text.sentence_first[s - 1], text.sentence_first[s])
    return _Antecedent(subject, True) if _usable(subject) else None


def _verb_between(text: Text, start: int, stop: int) -> bool:
    """Whether a verb stands in words [start, stop): a lower-case verb form not right after
    a determiner ("the leading indicators")."""
    for j in range(start, stop):
        word = text.lower(j)
        if text.texts[j][:1].isupper() or not can_be_verb(word) or word in _DETERMINERS:
            continue
        if text.lower(j - 1) not in _DETERMINERS or text.gap(j):
            return True
    return False


def _quoted_predicate(text: Text, k: int, found: list[Mention]) -> Mention | None:
    """'stressing that Damascus "will extend her hand"': a quotation opened in the
    pronoun's sentence right after the subject and continuing its clause with a verb; the
    subject, outside the quotation, is the antecedent the reporter's sentence offers."""
    s = text.sentence_of[k]
    for j in range(k, text.sentence_first[s], -1):
        gap = text.gap(j)
        if not gap:
            continue
        if gap[-1:] not in _OPENING_QUOTES or not text.texts[j][:1].islower():
            return None
        if not can_be_verb(text.lower(j)) or j == k:
            return None
        before = _between(found, text.sentence_first[s], j)
        subject = before[-1] if before and before[-1].last == j else None
        if subject is None or subject.oblique or not _candidate(subject):
            return None
        return subject if subject.referent.animacy == "nonhuman" else None
    return None


def _generic(text: Text, k: int) -> bool:
    """Whether the pronoun's clause or the one before it is a condition ("if", "unless"),
    where he or she stands for anyone."""
    s = text.sentence_of[k]
    starts = _clause_starts(text, text.sentence_first[s], k)
    return any(text.lower(j) in _CONDITIONS for j in starts[-2:])


# --- people the pronoun may mean -------------------------------------------------------


def _salience(
    text: Text,
    k: int,
    gender: str,
    found: list[Mention],
    chain: list[tuple[int, int, str, float]],
    antecedent: Mention,
    speakers: float = 1.0,
    topic: bool = True,
    skip: range = range(0),
) -> float:
    """How salient, at word k, are people a pronoun of ``gender`` could refer to; a person
    who only reports ("X said") counts ``speakers`` times; people in ``skip`` not at all."""
    s = text.sentence_of[k]
    lo = text.sentence_first[max(0, s - _WINDOW)]
    total = 0.0
    for mention in _between(found, lo, k):
        if (
            mention is antecedent
            or mention.first in skip
            or not mention.person
            or mention.plural
            or mention.same_as >= 0
            or mention.referent.gender not in (None, gender)
        ):
            continue
        weight = _weight(mention) * (speakers if mention.speaker else 1.0)
        if _conjoined(text, mention):
            weight *= 0.5  # "X and Y were killed. The council said he ...": either
        if speakers < 1.0 and mention.referent.cls == "press" and not mention.subject:
            continue  # an addressee: "told reporters"
        total += weight * _nearness(text, mention.sentence, s)
    for j, sentence, pronoun_gender, role in reversed(chain):  # in text order: recent last
        if sentence < s - _WINDOW:
            break
        if pronoun_gender == gender and j < k:
            total += role * _nearness(text, sentence, s)
    return total + (_topic(text, k, gender, found, chain) if topic else 0.0)


def _topic(
    text: Text,
    k: int,
    gender: str,
    found: list[Mention],
    chain: list[tuple[int, int, str, float]],
) -> float:
    """A person the text keeps coming back to stays salient past the window: each earlier
    mention of a person of the pronoun's gender, and each earlier unflagged pronoun of it,
    adds ``TOPIC`` (up to ``TOPICS * TOPIC``)."""
    named = _people_by_gender(text, found).get(gender, [])
    mentions = bisect.bisect_left(named, k)
    pronouns = 0
    for j, _, pronoun_gender, _ in reversed(chain):
        if mentions + pronouns >= TOPICS:
            break
        pronouns += pronoun_gender == gender and j < k
    return TOPIC * min(TOPICS, mentions + pronouns)


def _people_by_gender(text: Text, found: list[Mention]) -> dict[str, list[int]]:
    """The first words of the document's person mentions of each stated gender, in order
    (remembered on the Text)."""
    if text.people is None:
        text.people = {}
        for mention in found:
            if mention.person and mention.referent.gender:
                text.people.setdefault(mention.referent.gender, []).append(mention.first)
    return text.people


def _weight(mention: Mention) -> float:
    """How likely a mention is the antecedent of a pronoun its gender allows: by its role,
    and by how sure it is a person (a stated gender counts double)."""
    role = 1.0 if mention.subject else 0.5 if mention.oblique else 0.7
    referent = mention.referent
    if referent.animacy == "maybe":
        if mention.oblique:
            return 0.0
        return role * (0.3 if referent.cls == "name" else 0.6)
    return role * (2.0 if referent.gender else 1.0)


def _nearness(text: Text, sentence: int, s: int) -> float:
    paragraphs = text.paragraph_of[s] - text.paragraph_of[sentence]
    return 0.5 ** (s - sentence) * 0.7 ** min(paragraphs, 2)


# --- pronoun shapes ---------------------------------------------------------------------


def _speaker(doc: Document, start: int, end: int) -> bool:
    """ "Democrats, he said, are ...": a speaker set off by commas, quoting someone."""
    after = _NEXT_WORD.match(doc.text[end : end + 20])
    if after is None or after.group(1).lower() not in reporting_verbs():
        return False
    before = start - 1
    while before >= 0 and doc.text[before].isspace():
        before -= 1
    return before >= 0 and doc.text[before] == ","


def _is_determiner(pronoun: str, text: Text, k: int, lexicon: AnimacyLexicon) -> bool:
    """ "her statement" (a determiner) against "told her that" and "part of her remained"
    (an object)."""
    lower = pronoun.lower()
    if lower not in ("her", "his"):
        return False
    if k + 1 >= len(text.words) or text.gap(k + 1):
        return False
    nxt = text.texts[k + 1]
    if function_words().get(nxt.lower()):
        return False
    if lower == "her" and nxt.endswith("ed") and can_be_verb(nxt.lower()):
        return not text.gap(k + 2) and text.lower(k + 2) in lexicon.count_nouns  # "her injured leg"
    return lower == "his" or not nxt[0].isupper()


def _relative_clause(
    text: Text, k: int, found: list[Mention]
) -> tuple[int, int, str, Mention] | None:
    """ "the attacks she suffered U.S. bases": a plural noun, she/he, a past form, then a
    non-human noun phrase (the real subject). Returns the span to replace and the verb."""
    if text.lower(k) not in ("she", "he") or k + 2 >= len(text.words):
        return None
    start = text.words[k].start
    noun = k - 1
    if noun >= 0 and text.lower(noun) in _RELATIVIZERS:
        start, noun = text.words[noun].start, noun - 1
    if noun < 1 or text.lower(noun - 1) not in ("the", "these", "those"):
        return None
    head = text.lower(noun)
    if not head.endswith("s") or function_words().get(head):
        return None
    verb = text.texts[k + 1]
    if not (verb.endswith("ed") and can_be_verb(verb)) or text.gap(k + 1) or text.gap(k + 2):
        return None  # punctuation after the verb: not an object
    nxt = text.texts[k + 2]
    if not (nxt.lower() in _NOUN_PHRASE_OPENERS or nxt[0].isupper()):
        return None
    s = text.sentence_of[k]
    subject = [
        m
        for m in _between(found, k + 2, min(k + 6, len(text.words)))
        if m.sentence == s and m.referent.animacy == "nonhuman"
    ]
    return (start, text.words[k + 1].end, verb, subject[0]) if subject else None
