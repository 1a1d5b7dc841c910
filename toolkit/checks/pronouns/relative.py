"""Relative clauses with no gap: a pronoun fills the place the relative word should leave
empty ("the republic, which Russia recognized her independence"; "the elections, which the
voters went to them"; "a video which he said that it shows"; "Abkhazia, whose economy she
depends on tourists"). Arabic (allati ... -ha), Persian (ke ... -ash), Turkish and Russian
relative clauses keep a resumptive pronoun, and MT copies it. Each shape is judged from
the verb's valency: an intransitive verb leaves no object gap, a transitive one followed by
its object leaves none unless a preposition is stranded at the end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks._detached import intransitive
from toolkit.checks.pronouns.forms import in_speech
from toolkit.checks.pronouns.mentions import Text, reporting_verbs
from toolkit.checks.pronouns.rules import RESUMPTIVE_RELATIVE
from toolkit.document import Document
from toolkit.english import can_be_verb, function_words
from toolkit.findings import Finding

_RELATIVE = re.compile(r"\b(?:which|whom|whose)\b", re.IGNORECASE)
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "you"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "these"])
_POSSESSIVES = frozenset(["her", "his", "its", "their"])
_OBJECTS = frozenset(["it", "them", "him"])
_RESUMED = frozenset(["she", "he", "it", "they"])
_FILLERS = frozenset(["not", "also", "never", "still", "already"])
# verbs whose object may be followed by a complement or a second object: "which he called
# his home", "which she gave her son", "which they consider their right"
_TWO_OBJECTS = frozenset(
    [
        "call",
        "called",
        "name",
        "named",
        "consider",
        "considered",
        "make",
        "made",
        "declare",
        "declared",
        "deem",
        "deemed",
        "label",
        "labelled",
        "dub",
        "dubbed",
        "elect",
        "elected",
        "appoint",
        "appointed",
        "find",
        "found",
        "give",
        "gave",
        "given",
        "send",
        "sent",
        "show",
        "showed",
        "shown",
        "offer",
        "offered",
        "tell",
        "told",
        "promise",
        "promised",
        "hand",
        "handed",
        "lend",
        "lent",
        "sell",
        "sold",
        "award",
        "awarded",
        "grant",
        "granted",
        "pay",
        "paid",
        "teach",
        "taught",
        "bring",
        "brought",
        "owe",
        "owed",
        "leave",
        "left",
        "cost",
    ]
)
_WORDS = 4  # words of a subject noun phrase or name


def relative_findings(doc: Document) -> Iterator[Finding]:
    """PR105 findings on the relative clauses of a document that have a resumptive pronoun."""
    if not _RELATIVE.search(doc.text):
        return
    text = Text(doc)
    for w, word in enumerate(text.lowers):
        if word not in ("which", "whom", "whose") or w == 0:
            continue
        if function_words().get(text.lower(w - 1)) == "preposition":
            continue  # "in which they live": the gap is the preposition's
        if in_speech(doc, text.words[w].start):
            continue
        found = _whose(text, w) if word == "whose" else _which(text, w)
        if found is not None:
            yield found


def _which(text: Text, w: int) -> Finding | None:
    """'which SUBJECT VERB ...' whose verb has its object: 'said that it', 'went to them',
    'recognized her independence'."""
    v = _verb(text, _subject_end(text, w + 1))
    if v is None:
        return None
    verb, after = text.lower(v), text.lower(v + 1)
    doc = text.doc
    if verb in reporting_verbs() and after == "that" and text.lower(v + 2) == "it":
        if not _human_subject(text, w + 1) or not can_be_verb(text.lower(v + 3)):
            return None
        return RESUMPTIVE_RELATIVE.at(
            doc,
            text.words[v].end,
            text.words[v + 2].end,
            f"'that it' repeats the relative word: 'which ... {verb} that it' has no gap.",
            [""],
            confidence=0.6,
        )
    if intransitive(verb) and function_words().get(after) == "preposition":
        k = v + 2
        if text.lower(k) not in _OBJECTS or not _gap_free(text, v + 1, k + 1):
            return None
        return RESUMPTIVE_RELATIVE.at(
            doc,
            text.words[k - 1].end,
            text.words[k].end,
            f"'{text.texts[k]}' repeats the relative word: '{verb} {after}' already has its "
            "object in 'which'.",
            [""],
            confidence=0.6,
        )
    if after in _POSSESSIVES and verb not in _TWO_OBJECTS and verb not in reporting_verbs():
        return _possessive(text, w, v) if text.lower(w) == "which" else None
    return None


def _possessive(text: Text, w: int, v: int) -> Finding | None:
    """'which Russia recognized her independence (in 2008)': the verb's object is the
    relative word's, so 'whose independence Russia recognized'."""
    if intransitive(text.lower(v)):
        return None
    noun_end = v + 2
    while noun_end < min(v + 5, len(text.words)) and not text.gap(noun_end):
        if function_words().get(text.lower(noun_end)) is not None:
            break
        noun_end += 1
    if noun_end == v + 2 or _stranded(text, noun_end):
        return None
    doc = text.doc
    subject = doc.text[text.words[w + 1].start : text.words[v].end]
    noun = doc.text[text.words[v + 2].start : text.words[noun_end - 1].end]
    return RESUMPTIVE_RELATIVE.at(
        doc,
        text.words[w].start,
        text.words[noun_end - 1].end,
        f"'{text.texts[v + 1]}' repeats the relative word: the clause has no gap.",
        [f"whose {noun} {subject}"],
        confidence=0.5,
    )


def _whose(text: Text, w: int) -> Finding | None:
    """'whose economy she depends on tourists': a subject pronoun after 'whose NOUN'
    before an intransitive verb, which leaves the noun nothing to be but the subject."""
    k = w + 1
    while k < min(w + 1 + _WORDS, len(text.words)) and text.lower(k) not in _RESUMED:
        if text.gap(k) or function_words().get(text.lower(k)) is not None:
            return None
        k += 1
    if k == w + 1 or text.lower(k) not in _RESUMED or text.gap(k):
        return None
    v = _verb(text, k + 1)
    if v is None or not intransitive(text.lower(v)) or _stranded(text, v + 1):
        return None
    return RESUMPTIVE_RELATIVE.at(
        text.doc,
        text.words[k - 1].end,
        text.words[k].end,
        f"'{text.texts[k]}' repeats 'whose {text.texts[w + 1]}': it is the subject already.",
        [""],
        confidence=0.6,
    )


def _subject_end(text: Text, j: int) -> int | None:
    """The word after the subject that starts at word j: a pronoun, a determiner and its
    noun, or a capitalised name; None if none starts there."""
    if j >= len(text.words) or text.gap(j) not in ("", ","):
        return None
    word = text.lower(j)
    if word in _SUBJECT_PRONOUNS:
        return j + 1
    if word in _DETERMINERS:
        end = j + 1
        while end < min(j + 1 + _WORDS, len(text.words)) and not text.gap(end):
            word = text.lower(end)
            if function_words().get(word) is not None or (end > j + 1 and can_be_verb(word)):
                break  # "the residents went"
            end += 1
        return end if end > j + 1 else None
    end = j
    while end < min(j + _WORDS, len(text.words)) and text.texts[end][:1].isupper():
        end += 1
        if text.gap(end):
            break
    return end if end > j else None


def _verb(text: Text, j: int | None) -> int | None:
    """The finite verb at word j, past auxiliaries and 'not' ("will not go")."""
    if j is None:
        return None
    for v in range(j, min(j + 4, len(text.words))):
        if text.gap(v) or text.texts[v][:1].isupper():
            return None
        word = text.lower(v)
        if word in _FILLERS or function_words().get(word) == "auxiliary":
            continue
        if not can_be_verb(word) or word.endswith("ing"):
            return None
        return v if v + 1 < len(text.words) and not text.gap(v + 1) else None
    return None


def _human_subject(text: Text, j: int) -> bool:
    """A subject that cannot be what 'it' means: a personal pronoun ("which he said that
    it", not "which the ministry said that it")."""
    return text.lower(j) in _SUBJECT_PRONOUNS


def _stranded(text: Text, k: int) -> bool:
    """Whether the clause from word k ends in a preposition ("... his name on."), which
    leaves the gap there."""
    while k < len(text.words) and not text.gap(k):
        k += 1
    return function_words().get(text.lower(k - 1)) == "preposition"


def _gap_free(text: Text, start: int, stop: int) -> bool:
    return not any(text.gap(j) for j in range(start, stop))
