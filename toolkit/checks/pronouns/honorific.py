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
_PLURAL_WORDS = frozenset(
    ["they", "them", "their", "theirs", "themselves", "we", "us", "our", "both", "all"]
)
_BODIES = frozenset(["government", "organisation", "company", "military", "group"])
_REACH = 2  # sentences read back


def honorific_findings(doc: Document, lexicon: AnimacyLexicon) -> Iterator[Finding]:
    """PR103 findings: a sentence-initial 'They' + a past reporting verb for one person."""
    starts = [
        m.start() + m.group().index("They")
        for m in _THEY.finditer(doc.text)
        if m.group(1) in _past_reporting()
    ]
    if not starts:
        return
    text = Text(doc)
    found = mentions(text, lexicon, text.index_at(starts[-1]))
    for start in starts:
        k = text.index_at(start)
        s = text.sentence_of[k]
        if s == 0 or text.sentence_first[s] != k or in_speech(doc, start):
            continue
        person = _only_person(text, found, s, lexicon)
        if person is None:
            continue
        word = "He" if person.referent.gender == "m" else "She"
        yield HONORIFIC_PLURAL.at(
            doc,
            start,
            start + 4,
            f"'They' seems to mean {person.text!r}, the one person named before: the source's "
            "honorific plural was kept.",
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
