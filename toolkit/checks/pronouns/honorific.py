"""A plural 'They' for one person: Persian and Urdu speak of a respected person in the
plural (ishan, unhon ne), and MT keeps it ("Chief Minister X visited the hospital. They said
that ..."). Said only where the sentences before name one person, of a known gender, as a
subject, and nothing plural that 'they' could mean: no other person, no plural noun or
pronoun, no body (British English makes bodies 'they'), no capitalised plural."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.pronouns.forms import in_speech
from toolkit.checks.pronouns.lexicon import AnimacyLexicon
from toolkit.checks.pronouns.mentions import Mention, Text, mentions
from toolkit.checks.pronouns.rules import HONORIFIC_PLURAL
from toolkit.document import Document
from toolkit.findings import Finding
from toolkit.resources import corpus_path, iter_tsv, read_lines

_THEY = re.compile(r"(?:^|(?<=[.!?])[\"”’]?\s+)They\s+(?:also\s+)?([a-z]+)", re.MULTILINE)
# "In the press conference they said", "Speaking to reporters, they said": an opening phrase
_OPENED = re.compile(
    r"(?:^|(?<=[.!?])[\"”’]?\s+)(?:In|At|During|Speaking|Addressing|Later)\s[^.!?,;:\"“”]{1,50}?"
    r",?\s(they)\s+(?:also\s+)?([a-z]+)",
    re.MULTILINE,
)
# "Governor X opened the ward and they said that": a second clause of one subject
_JOINED = re.compile(r"\s(?:and|,)\s+(they)\s+(?:also\s+)?([a-z]+)\s+that\b")
_PLURAL_WORDS = frozenset(
    ["they", "them", "their", "theirs", "themselves", "we", "us", "our", "both", "all"]
)
_BODIES = frozenset(["government", "organisation", "company", "military", "group"])
_REACH = 2  # sentences read back


def honorific_findings(doc: Document, lexicon: AnimacyLexicon) -> Iterator[Finding]:
    """PR103 findings: a sentence-initial 'They' + a past reporting verb for one person."""
    past = _past_reporting()
    starts = [m.start() + m.group().index("They") for m in _THEY.finditer(doc.text)]
    starts = [
        s for s, m in zip(starts, _THEY.finditer(doc.text), strict=True) if m.group(1) in past
    ]
    later = [
        (m.start(1), shape)
        for shape, pattern in (("opened", _OPENED), ("joined", _JOINED))
        for m in pattern.finditer(doc.text)
        if m.group(2) in past
    ]
    if not starts and not later:
        return
    text = Text(doc)
    found = mentions(text, lexicon, text.index_at(max([*starts, *(s for s, _ in later)])))
    for start, shape in sorted([*((s, "first") for s in starts), *later]):
        k = text.index_at(start)
        s = text.sentence_of[k]
        if (s == 0 and shape != "joined") or in_speech(doc, start):
            continue
        if shape == "first" and text.sentence_first[s] != k:
            continue
        person = _only_person(text, found, s, lexicon) if shape == "first" else None
        if person is None:
            person = _one_speaker(text, found, k, shape, lexicon)
        if person is None:
            continue
        word = "He" if person.referent.gender == "m" else "She"
        if shape != "first":
            word = word.lower()
        yield HONORIFIC_PLURAL.at(
            doc,
            start,
            start + 4,
            f"'{doc.text[start : start + 4]}' seems to mean {person.text!r}, the one person "
            "named before: the source's honorific plural was kept.",
            [word],
            confidence=0.5,
        )


def _only_person(
    text: Text, found: list[Mention], s: int, lexicon: AnimacyLexicon
) -> Mention | None:
    """The one person the sentences before sentence s name, as a subject and with a gender,
    if nothing there is plural or a body."""
    first = s
    while first > max(0, s - _REACH) and text.paragraph_of[s] - text.paragraph_of[first - 1] <= 1:
        first -= 1
    lo, hi = text.sentence_first[first], text.sentence_first[s]
    window = [m for m in found if lo <= m.first and m.last <= hi]
    inside = {j for m in window if m.person for j in range(m.first, m.last)}
    for j in range(lo, hi):
        word = text.lower(j)
        if word in _PLURAL_WORDS or (j not in inside and _plural(text, j, lexicon)):
            return None
    people: list[Mention] = []
    for m in window:
        if m.plural or (m.referent.animacy == "nonhuman" and m.referent.cls in _BODIES):
            return None
        if m.person and m.same_as < 0 and not (m.oblique and m.referent.animacy == "maybe"):
            people.append(m)  # "in Multan" is a place
    if len({p.text.split()[-1] for p in people}) != 1:
        return None  # no one, or two people: "X met Y. They discussed ..."
    subjects = [p for p in people if p.subject and p.referent.animacy == "human"]
    if not subjects or not subjects[0].titled or subjects[0].referent.gender is None:
        return None
    return subjects[0]


def _one_speaker(
    text: Text, found: list[Mention], k: int, shape: str, lexicon: AnimacyLexicon
) -> Mention | None:
    """The person 'they' at word k takes up by the clause it continues: the titled subject
    of its own sentence before 'and they said that' (``joined``), or of the sentence before,
    as the one who reported something ("X told reporters that ..."); only the reported
    clause may name other people, bodies or plural things, and 'they' must open its sentence or
    follow its opening phrase. Reporters, the addressees of a statement, are no rival."""
    s = text.sentence_of[k]
    if shape == "joined":
        lo, hi, reported = text.sentence_first[s], k, k
    else:
        if text.paragraph_of[s] - text.paragraph_of[s - 1] > 1:
            return None
        lo, hi = text.sentence_first[s - 1], text.sentence_first[s]
        opening = _in(found, hi, k)
        if any(m.person or m.plural for m in opening) or _has_plural(text, hi, k, lexicon):
            return None  # "In the talks with the rebels they said"
        reported = next((j for j in range(lo, hi) if text.lower(j) == "that"), hi)
    words = range(lo, hi)
    if any(text.lower(j) in ("they", "them", "their", "themselves") for j in words):
        return None
    if any(m.plural and m.person for m in _in(found, reported, hi)):
        return None  # "X said that his players were tired. They said": the players
    outside = [m for m in _in(found, lo, reported) if m.same_as < 0]
    people = [
        m
        for m in outside
        if m.person
        and m.referent.cls != "press"
        and not (m.oblique and m.referent.animacy == "maybe")  # "in Quetta"
    ]
    if len(people) != 1 or _has_plural(text, lo, reported, lexicon, people[0]):
        return None
    person = people[0]
    if not (person.subject and person.titled and person.referent.gender) or person.plural:
        return None
    if shape != "joined" and not person.speaker:
        return None
    others = [m for m in outside if m is not person and not m.oblique]
    if any(m.plural and m.referent.cls != "press" for m in others):
        return None
    if any(m.referent.animacy == "nonhuman" and m.referent.cls in _BODIES for m in others):
        return None
    return person


def _in(found: list[Mention], lo: int, hi: int) -> list[Mention]:
    return [m for m in found if lo <= m.first and m.last <= hi]


def _has_plural(
    text: Text, lo: int, hi: int, lexicon: AnimacyLexicon, person: Mention | None = None
) -> bool:
    """Whether words [lo, hi) hold a plural noun other than the press, outside ``person``."""
    for j in range(lo, hi):
        if person is not None and person.first <= j < person.last:
            continue
        noun = lexicon.noun(text.lower(j))
        if _plural(text, j, lexicon) and not (noun is not None and noun[0].cls == "press"):
            return True
    return False


def _plural(text: Text, j: int, lexicon: AnimacyLexicon) -> bool:
    """Whether word j is a plural noun ("talks", "officials", "Iranians"): a word in -s whose
    singular is a count noun or a lexicon noun, or a capitalised word in -s (a people, a
    team); not a modifier before a noun ("the burns ward")."""
    word = text.texts[j]
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    if j + 1 < len(text.words) and not text.gap(j + 1) and text.lower(j + 1) in lexicon.count_nouns:
        return False
    if word[0].isupper():
        return word[1:].islower()
    singulars = (word[:-1], word[:-2], word[:-3] + "y")
    return word not in lexicon.count_nouns and any(
        w in lexicon.count_nouns or w in lexicon.nouns for w in singulars
    )


@functools.cache
def _past_reporting() -> frozenset[str]:
    """Past forms of reporting verbs ("said", "stressed") and of a leader's orders
    ("directed", corpora/animacy/honorific_verbs.txt)."""
    rows = iter_tsv(corpus_path("english", "reporting_verbs.tsv"))
    extra = [w for w in read_lines("animacy", "reporting_verbs.txt") if w.endswith("ed")]
    orders = read_lines("animacy", "honorific_verbs.txt")
    return frozenset([*(row["past"] for row in rows), *extra, *orders])
