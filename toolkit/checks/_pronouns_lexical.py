"""The model-free resolver of the pronoun check (used by default, without ``--deep``).

Candidate antecedents are found without a parser: lexicon nouns, gazetteer names and
capitalised sequences in the pronoun's sentence and the two before it. Any possible person
(a human noun, a title, a given name, an unknown capitalised name, an earlier pronoun of the
same gender) blocks a finding, so this resolver flags less than the spaCy one, and with
lower confidence.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.checks.pronouns import (
    _FORMS,
    _GENDER,
    _GENDERED,
    _MAYBE,
    _UNKNOWN,
    _WINDOW,
    GENDER_MISMATCH,
    NONHUMAN_ANTECEDENT,
    AnimacyLexicon,
    Referent,
    _in_speech,
    _same_case,
)
from toolkit.document import Document, Span
from toolkit.english import can_be_verb, function_words, is_common_word
from toolkit.findings import Finding
from toolkit.resources import corpus_path, iter_tsv

_CONNECTORS = ("of", "for")  # inside a name: "Ministry of Health"
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}")
_RELATIVIZERS = ("that", "which")
_NOUN_PHRASE_OPENERS = ("the", "a", "an")
_WORD_CHARS = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_POSSESSIVE = ("'s", "’s")
_may_be_verb = functools.lru_cache(maxsize=1 << 16)(can_be_verb)  # pure: words recur


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    text: str
    referent: Referent
    plural: bool
    titled: bool = False


def lexical_findings(doc: Document, lexicon: AnimacyLexicon) -> Iterator[Finding]:
    """PR101 and (only in trivial cases) PR102 findings, without a parser."""
    sentences = doc.sentences
    scan: _Scan | None = None
    for i, sentence in enumerate(sentences):
        pronouns = list(_GENDERED.finditer(doc.text, sentence.start, sentence.end))
        if not pronouns:
            continue
        scan = scan or _Scan(doc, lexicon)
        lo, hi = scan.bounds(Span(sentences[max(0, i - _WINDOW)].start, sentence.end))
        words = doc.words[lo:hi]
        mentions = scan.mentions(lo, hi)
        for match in pronouns:
            found = _judge(doc, match, sentence, words, mentions, lexicon)
            if found:
                yield found


def _judge(
    doc: Document,
    match: re.Match[str],
    sentence: Span,
    words: list[Span],
    mentions: list[_Mention],
    lexicon: AnimacyLexicon,
) -> Finding | None:
    offset, end = match.span()
    pronoun = match.group()
    if (pronoun[0].isupper() and offset != sentence.start) or _in_speech(doc, offset):
        return None  # "His Majesty"; quoted speech
    if _speaker(doc, offset, end):
        return None
    gender = _GENDER[pronoun.lower()]
    earlier = doc.text[words[0].start : offset] if words else ""
    if any(_GENDER.get(w.lower()) == gender for w in _WORD_CHARS.findall(earlier)):
        return None  # a chain of pronouns: its person was named further back
    index = next((k for k, w in enumerate(words) if w.start == offset), None)
    if index is None:
        return None  # inside a longer word: "co-her"
    following = [doc[w] for w in words[index + 1 : index + 3]]
    possessive = _is_determiner(pronoun, following)
    possessed = words[index + 1].start if possessive and index + 1 < len(words) else -1
    context = [m for m in mentions if m.end <= offset or (m.start >= end and m.start != possessed)]
    context = [m for m in context if m.end <= offset or m.start < sentence.end]
    people = [
        m
        for m in context
        if not m.plural
        and (m.referent.animacy == "human" or (m.referent.animacy == "maybe" and m.end <= offset))
    ]  # after the pronoun, only a known person: "After she arrived, the minister spoke"
    before = [m for m in context if m.end <= offset]
    paragraph = doc.paragraph_at(offset)
    here_from = paragraph.start if paragraph else 0
    groups = [  # a member of a group of people: "two nurses said one lost her job"
        m for m in before if m.referent.animacy == "human" and m.start >= here_from
    ]
    forms = _FORMS[(pronoun.lower(), possessive)]
    if people:
        return _mismatch(doc, offset, end, pronoun, gender, people, forms)
    relative = _relative_clause(doc, words, index, mentions, sentence)
    if relative is not None:
        start, stop, verb, subject = relative
        return NONHUMAN_ANTECEDENT.at(
            doc,
            start,
            stop,
            f"'{pronoun}' makes the source's verb-subject order a relative clause: "
            f"{subject.text!r} after '{verb}' is its subject, not a person.",
            [f"{verb} by"],
            confidence=_confidence(subject, lexicon),
        )
    things = [
        m for m in before if m.referent.animacy == "nonhuman" and not _in_speech(doc, m.start)
    ]
    if groups or not things or any(m.referent.animacy == "unknown" for m in before[-1:]):
        return None  # a plural group of people may be the antecedent
    here = [m for m in things if m.start >= sentence.start]
    if not here:  # the first candidate (most often the subject) of the nearest sentence
        nearest = doc.sentence_at(things[-1].start)
        here = [m for m in things if nearest and m.start >= nearest.start]
    antecedent = here[0]
    return NONHUMAN_ANTECEDENT.at(
        doc,
        offset,
        end,
        f"'{pronoun}' seems to refer to {antecedent.text!r}, which is not a person: the "
        "source language's grammatical gender leaked into English.",
        [_same_case(forms[1] if antecedent.plural else forms[0], pronoun)],
        confidence=_confidence(antecedent, lexicon),
    )


def _confidence(antecedent: _Mention, lexicon: AnimacyLexicon) -> float:
    """The parsed path's confidence for the antecedent's class, less 0.1."""
    return round(lexicon.class_confidence.get(antecedent.referent.cls, 0.7) - 0.1, 2)


def _mismatch(
    doc: Document,
    offset: int,
    end: int,
    pronoun: str,
    gender: str,
    people: list[_Mention],
    forms: tuple[str, str, str],
) -> Finding | None:
    """PR102 only when the one possible person is singular with a stated other gender."""
    if len(people) != 1:
        return None
    (person,) = people
    if (
        person.end > offset
        or person.plural
        or person.referent.gender in (None, gender)
        or not person.titled
    ):
        return None
    return GENDER_MISMATCH.at(
        doc,
        offset,
        end,
        f"'{pronoun}' seems to refer to {person.text!r}, whose gender the text gives as the "
        "other one.",
        [_same_case(forms[2], pronoun)],
        confidence=0.5,
    )


def _speaker(doc: Document, start: int, end: int) -> bool:
    """ "Democrats, he said, are ...": a speaker set off by commas, quoting someone."""
    after = _NEXT_WORD.match(doc.text[end : end + 20])
    if after is None or after.group(1).lower() not in _reporting_verbs():
        return False
    before = start - 1
    while before >= 0 and doc.text[before].isspace():
        before -= 1
    return before >= 0 and doc.text[before] == ","


@functools.cache
def _reporting_verbs() -> frozenset[str]:
    rows = iter_tsv(corpus_path("english", "reporting_verbs.tsv"))
    return frozenset(form for row in rows for form in (row["past"], row["present"]))


def _is_determiner(pronoun: str, following: list[str]) -> bool:
    """ "her statement" (a determiner) against "told her that" (an object)."""
    lower = pronoun.lower()
    if lower not in ("her", "his"):
        return False
    nxt = following[0] if following else ""
    if not nxt or function_words().get(nxt.lower()):
        return False
    return lower == "his" or not nxt[0].isupper()


def _relative_clause(
    doc: Document, words: list[Span], index: int, mentions: list[_Mention], sentence: Span
) -> tuple[int, int, str] | None:
    """ "the attacks she suffered U.S. bases": a plural noun, she/he, a past form, then a
    non-human noun phrase (the real subject). Returns the span to replace and the verb."""
    pronoun = doc[words[index]].lower()
    if pronoun not in ("she", "he") or index + 2 >= len(words):
        return None
    start = words[index].start
    noun = index - 1
    if noun >= 0 and doc[words[noun]].lower() in _RELATIVIZERS:
        start, noun = words[noun].start, noun - 1
    if noun < 1 or doc[words[noun - 1]].lower() not in ("the", "these", "those"):
        return None
    head = doc[words[noun]].lower()
    if not head.endswith("s") or function_words().get(head):
        return None
    verb = words[index + 1]
    verb_text = doc[verb]
    if not (verb_text.endswith("ed") and can_be_verb(verb_text)):
        return None
    if doc.text[verb.end : words[index + 2].start].strip():
        return None  # punctuation after the verb: not an object
    nxt = words[index + 2]
    opener = doc[nxt].lower() in _NOUN_PHRASE_OPENERS or doc[nxt][0].isupper()
    if not opener:
        return None
    limit = words[min(index + 5, len(words) - 1)].end
    subject = [
        m
        for m in mentions
        if nxt.start <= m.start < limit
        and m.end <= sentence.end
        and m.referent.animacy == "nonhuman"
    ]
    return (start, verb.end, verb_text, subject[0]) if subject else None


# A scan step: the mentions one word (or capitalised sequence) starts, the next word to
# look at, and the last word whose presence below the window's end the answer depends on.
_Step = tuple[tuple["_Mention", ...], int, int]


class _Scan:
    """Candidate antecedents of one document: lexicon nouns and capitalised sequences.

    A window (a pronoun's sentence and the two before it) is scanned word by word; a step
    (one word, or one capitalised sequence) is remembered across the overlapping windows
    unless its lookahead reaches the window's end, where it is redone within the window.
    """

    def __init__(self, doc: Document, lexicon: AnimacyLexicon) -> None:
        self.text = doc.text
        self.words = doc.words
        self.texts = [self.text[w.start : w.end] for w in self.words]
        self.word_starts = [w.start for w in self.words]
        self.starts = {s.start for s in doc.sentences}
        self.lexicon = lexicon
        self._steps: dict[int, _Step] = {}  # word index -> its step over the whole text

    def bounds(self, window: Span) -> tuple[int, int]:
        """The indices [lo, hi) of the words inside ``window`` (``Document.words_in``)."""
        lo = bisect.bisect_left(self.word_starts, window.start)
        hi = bisect.bisect_left(self.word_starts, window.end)
        while hi > lo and self.words[hi - 1].end > window.end:
            hi -= 1
        return lo, hi

    def mentions(self, lo: int, hi: int) -> list[_Mention]:
        """The mentions among words [lo, hi), scanned from ``lo``."""
        found: list[_Mention] = []
        k = lo
        while k < hi:
            step = self._steps.get(k)
            if step is None:
                step = self._steps[k] = self._step(k, len(self.words))
            if step[2] >= hi:
                step = self._step(k, hi)
            found.extend(step[0])
            k = step[1]
        return found

    def _step(self, k: int, hi: int) -> _Step:
        """The step at word ``k``, looking no further than word ``hi``."""
        words, texts, lexicon = self.words, self.texts, self.lexicon
        word = _bare(texts[k])
        reach = k
        if word[:1].isupper():
            stop = _name_end(self.text, words, texts, k, hi, lexicon)
            subject = stop < hi and _may_be_verb(texts[stop])
            opens = words[k].start in self.starts
            mention = _name(self.text, words[k:stop], texts[k:stop], lexicon, opens, subject)
            modifier = stop < hi and _is_noun(texts[stop], lexicon)
            possessive = texts[stop - 1].lower().endswith(_POSSESSIVE)
            kept = (mention,) if mention is not None and (possessive or not modifier) else ()
            if mention is not None or not opens:
                return kept, stop, stop + 1
            reach = stop + 1  # no name: a common word opening the sentence
        noun = _common_noun(word.lower(), lexicon)  # a common word (or one opening the sentence)
        span = words[k]
        found = (_Mention(span.start, span.end, texts[k], *noun),) if noun is not None else ()
        return found, k + 1, reach


def _name_end(
    text: str, words: list[Span], texts: list[str], k: int, hi: int, lexicon: AnimacyLexicon
) -> int:
    """The end (at most ``hi``) of the capitalised sequence starting at ``k`` ("Ministry of
    Health")."""
    stop = k + 1
    while stop < hi:
        gap = text[words[stop - 1].end : words[stop].start].strip()
        previous = texts[stop - 1].lower()
        if (gap and not (gap == "." and _is_title(previous, lexicon))) or (
            previous.endswith(_POSSESSIVE)
        ):
            break
        word = texts[stop]
        if word[0].isupper() and word.lower() != "and":
            stop += 1
        elif (
            word in _CONNECTORS
            and stop + 1 < hi
            and texts[stop + 1][0].isupper()
            and not text[words[stop].end : words[stop + 1].start].strip()
        ):
            stop += 2
        else:
            break
    return stop


def _name(
    text: str,
    span: list[Span],
    texts: list[str],
    lexicon: AnimacyLexicon,
    opens_sentence: bool,
    subject: bool,
) -> _Mention | None:
    """The mention a capitalised sequence (``span``, its words ``texts``) makes, or None when
    it is a common word opening a sentence ("The", "Protesters")."""
    parts = [_bare(t) for t in texts]
    functional = function_words()
    while parts and functional.get(parts[0].lower()):
        span, parts = span[1:], parts[1:]  # "The", or "And" in a headline
    if not parts:
        return None
    lower = [p.lower().rstrip(".") for p in parts]
    first, last = span[0].start, span[-1].end
    name = text[first:last]

    def mention(referent: Referent, plural: bool = False, titled: bool = False) -> _Mention:
        return _Mention(first, last, name, referent, plural, titled)

    if named := lexicon.names.get(" ".join(p.lower() for p in parts)):
        return mention(named)
    nouns = lexicon.nouns
    known = [nouns[w] for w in lower if w in nouns]
    titles = [r for r in known if r.cls == "title"]
    given = [lexicon.given_names[w] for w in lower if w in lexicon.given_names]
    human = [r for r in known if r.animacy == "human"]
    gender = next((r.gender for r in (*titles, *human) if r.gender), None)
    gender = gender or (given[0] if given else None)
    if titles or given or human:
        return mention(Referent("human", gender, "person"), titled=bool(titles or given or gender))
    head = lower[lower.index("of") - 1] if "of" in lower[1:] else lower[-1]
    if (noun := _noun(head, lexicon)) is not None:
        return mention(noun[0], noun[1])
    if opens_sentence and len(parts) == 1 and is_common_word(parts[0]) and not subject:
        return None  # a common word opening the sentence, unless a verb follows: "Biden said"
    if all(_ACRONYM.fullmatch(p) for p in parts):
        return mention(_UNKNOWN)
    return mention(_MAYBE)


def _is_noun(word: str, lexicon: AnimacyLexicon) -> bool:
    return not word[:1].isupper() and _noun(word.lower(), lexicon) is not None


@functools.lru_cache(maxsize=1 << 16)
def _noun(word: str, lexicon: AnimacyLexicon) -> tuple[Referent, bool] | None:
    """``lexicon.noun``, remembered: a feed repeats its words."""
    return lexicon.noun(word)


@functools.lru_cache(maxsize=1 << 16)
def _common_noun(word: str, lexicon: AnimacyLexicon) -> tuple[Referent, bool] | None:
    """A lower-case word as a candidate: a lexicon noun, or an unknown one that may name a
    person ("commissioner"); remembered."""
    if (noun := lexicon.noun(word)) is not None:
        return noun
    return (_MAYBE, False) if _may_name_a_person(word, lexicon) else None


def _is_title(word: str, lexicon: AnimacyLexicon) -> bool:
    noun = lexicon.nouns.get(word)
    return noun is not None and noun.cls == "title"


def _may_name_a_person(word: str, lexicon: AnimacyLexicon) -> bool:
    """An unknown noun with a people-naming ending ("commissioner", "novelist")."""
    return (
        len(word) > 5 and word.endswith(lexicon.human_suffixes) and not function_words().get(word)
    )


def _bare(word: str) -> str:
    """A word without its possessive ending."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word
