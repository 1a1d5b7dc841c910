"""Left dislocation: a subject noun phrase, a comma and a pronoun that takes it up again
("The federation, it announced ...", "The team, she did not concede ..."). French (la
FIFA, elle a salué), Arabic, Chinese and Turkish put the topic first and resume it with a
pronoun; English does so only in speech. Said only where the words before the comma are a
short definite noun phrase or a name whose head the animacy lexicon knows, the pronoun is
followed by its verb, and the pronoun is not a parenthetical ("The plan, he said, would
...") or a description ("A former teacher, she ...", "The son of a miner, he ...")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.pronouns.forms import in_speech
from toolkit.checks.pronouns.lexicon import AnimacyLexicon
from toolkit.checks.pronouns.mentions import Mention, Text, mentions, reporting_verbs
from toolkit.checks.pronouns.rules import RESUMPTIVE
from toolkit.document import Document
from toolkit.english import can_be_verb, function_words, irregular_verb_forms
from toolkit.findings import Finding

_RESUMED = re.compile(r"(?:,|\w)\s+(?:he|she|it|they)\s")
_PRONOUNS = {"he": "m", "she": "f", "it": "n", "they": "p"}
_DEFINITE = frozenset(["the", "this", "that", "these", "those"])
_INSIDE = frozenset(["of", "for", "and", "'s", "’s"])
_DESCRIPTIVE = frozenset(
    ["first", "second", "third", "last", "only", "former", "sole", "same", "next", "other"]
)
_FILLERS = frozenset(["also", "not", "then", "later", "still", "already", "again", "never"])
_NO_AGREEMENT = frozenset(["did", "will", "would", "can", "could", "may", "might", "must"])
_NO_AGREEMENT |= frozenset(["should", "shall", "had"])
_OPENER = 8  # words of a phrase before the subject ("In the second half,")
_PHRASE = 8  # words of the noun phrase
_PREPOSITIONAL = 5  # words of "in a message" between a subject and its resumed pronoun
_POSSESSIVE = frozenset(["his", "her", "its", "their"])
_ASIDE_WORDS = 25  # words of an aside between a subject and its resumed pronoun
_ASIDE_OPENERS = frozenset(["which", "who", "whose", "the", "a", "an"])
_ASIDE = 8  # words after a reporting verb in which a comma makes it a parenthetical


def dislocation_findings(
    doc: Document, lexicon: AnimacyLexicon
) -> Iterator[tuple[Finding, Mention]]:
    """PR104 findings, each with the subject its pronoun takes up: 'NP, pronoun verb' at the
    start of a sentence or after its opener, and 'NP [in a statement] pronoun said that'
    without the comma."""
    if not _RESUMED.search(doc.text):
        return
    text = Text(doc)
    candidates = [k for k, word in enumerate(text.lowers) if word in _PRONOUNS]
    candidates = [k for k in candidates if text.gap(k) in (",", "") and text.texts[k].islower()]
    if not candidates:
        return
    found = mentions(text, lexicon, candidates[-1])
    by_last = {m.last: m for m in found}
    by_first = {m.first: m for m in found}
    for k in candidates:
        if in_speech(doc, text.words[k].start):
            continue
        if text.gap(k) and _verb_follows(text, k):
            ends = (k, _before_aside(text, k))  # "X, the head of Y, they"
            heads = [(end, _phrase_start(text, end)) for end in ends]
            heads = [
                (e, s, _head(text, s, e, by_last, by_first)) for e, s in heads if s is not None
            ]
        elif not text.gap(k) and _reports(text, k):
            start = _phrase_start(text, k)
            heads = (
                []
                if start is None
                else [(k, start, _subject_before_phrase(text, start, k, by_first))]
            )
        else:
            continue
        found_head = next(((e, s, h) for e, s, h in heads if h is not None), None)
        if found_head is None:
            continue
        end, start, head = found_head
        confidence = _confidence(text, start, end, k, head)
        if confidence is None:
            continue
        np_end = text.words[k - 1].end
        cut = (np_end, text.words[k].end)  # ", she" -> ""
        if end != k and k + 1 < len(text.words):
            cut = (text.words[k].start, text.words[k + 1].start)  # "nurses, it announced"
        phrase = doc.text[text.words[start].start : text.words[end - 1].end]
        finding = RESUMPTIVE.at(
            doc,
            *cut,
            f"'{text.texts[k]}' takes up {phrase!r} again: the source's topic-first order "
            "was kept; English says the subject once.",
            [""],
            confidence=confidence,
            safe=_safe(text, k, head),
        )
        yield finding, head


def _subject_before_phrase(
    text: Text, start: int, k: int, by_first: dict[int, Mention]
) -> Mention | None:
    """The subject of 'NP [of NAME] [PREP det noun] pronoun': a mention that opens the
    sentence, then at most an 'of' name and a prepositional phrase ("in a message")."""
    first = start + (text.lower(start) in _DEFINITE)
    while first < k and first not in by_first and function_words().get(text.lower(first)) is None:
        first += 1  # "The foreign ministry", "The Chinese side"
    head = by_first.get(first)
    if head is None or any(text.gap(i) for i in range(start + 1, head.last)):
        return None
    j = head.last
    if text.lower(j) == "of":
        j += 1 + (text.lower(j + 1) in _DEFINITE)
        while j < k and text.texts[j][:1].isupper():
            j += 1
    if j == k:
        return head
    if function_words().get(text.lower(j)) != "preposition" or k - j > _PREPOSITIONAL:
        return None
    inside = [text.lower(i) for i in range(j + 1, k)]
    if any(text.gap(i) for i in range(j + 1, k + 1)) or not inside:
        return None
    if any(
        function_words().get(w) not in (None, "article") for w in inside if w not in _POSSESSIVE
    ):
        return None  # "in the town (that) they visited" has no reporting verb; "which", "he"
    return head


def _reports(text: Text, k: int) -> bool:
    """Whether the pronoun at word k is followed by a reporting verb and its 'that' or quote
    ("they said that", "she stressed:"), as a main clause and not a relative one."""
    q = k + 1 + (text.lower(k + 1) == "also")
    if text.lower(q) not in reporting_verbs() or text.gap(q):
        return False
    return text.lower(q + 1) == "that" or text.gap(q + 1)[:1] in (":", '"', "“", "«")


def _before_aside(text: Text, k: int) -> int:
    """Word k, or the first word of an aside set off by commas that ends before it: a
    relative clause or an apposition ("The states, which had left the room, they declared";
    "Mirwais Ashraf, the head of the board, they congratulated")."""
    first = text.sentence_first[text.sentence_of[k]]
    for j in range(k - 1, max(first, k - _ASIDE_WORDS), -1):
        if not text.gap(j):
            continue
        if text.gap(j) != "," or text.lower(j) not in _ASIDE_OPENERS:
            return k
        return j if j - first > 0 else k
    return k


def _phrase_start(text: Text, k: int) -> int | None:
    """The first word of the noun phrase before the comma at word k: the sentence's first
    word, or the first after an opening phrase set off by a comma ("On Monday, the ...")."""
    first = text.sentence_first[text.sentence_of[k]]
    commas = [j for j in range(first + 1, k) if text.gap(j)]
    if not commas:
        start = first
    elif len(commas) == 1 and text.gap(commas[0]) == "," and commas[0] - first <= _OPENER:
        if function_words().get(text.lower(first)) not in ("preposition", "conjunction"):
            return None
        start = commas[0]
    else:
        return None
    return start if 0 < k - start <= _PHRASE else None


def _head(
    text: Text, start: int, k: int, by_last: dict[int, Mention], firsts: dict[int, Mention]
) -> Mention | None:
    """The head of the noun phrase [start, k): a definite phrase or one that opens with a
    name (``firsts``: first words of mentions), with no verb, number or description in it,
    whose head noun (before 'of') is a known mention."""
    words = text.lowers[start:k]
    if words[0] not in _DEFINITE and start not in firsts:
        return None  # "Her husband", "When the makers set the price, they"
    for j, word in enumerate(words[1:], start + 1):
        if word in _DESCRIPTIVE or word.endswith("est") or any(c.isdigit() for c in word):
            return None  # "The first woman to ..., she": a description
        if function_words().get(word) is not None and word not in _INSIDE | _DEFINITE:
            return None
        if text.texts[j].islower() and word.endswith("ed") and can_be_verb(word):
            return None  # "The ministry denied, it ..."
    stop = next((j for j in range(start, k) if text.lower(j) in ("of", "for")), k)
    return by_last.get(stop)


def _verb_follows(text: Text, k: int) -> bool:
    """Whether a finite verb follows the pronoun at word k, not a parenthetical ("he said,")."""
    q = k + 1
    while q < len(text.words) and text.lower(q) in _FILLERS and not text.gap(q):
        q += 1
    if q >= len(text.words) or text.gap(q) or text.sentence_of[q] != text.sentence_of[k]:
        return False
    verb = text.lower(q)
    if not (can_be_verb(verb) or (verb.endswith("ed") and verb.isalpha())) or verb.endswith("ing"):
        return False  # "salued": a French verb MT left half-translated
    after = q + 1
    if after >= len(text.words) or text.sentence_of[after] != text.sentence_of[k]:
        return False  # "..., she said."
    reach = _ASIDE if verb in reporting_verbs() else 3  # "it said in a statement on Monday,"
    for j in range(after, min(after + reach, len(text.words))):
        if text.lower(j) == "that" or text.sentence_of[j] != text.sentence_of[k]:
            return True
        if text.gap(j):
            return False  # "The plan, he said, would cost ..."
    return True


def _confidence(text: Text, start: int, end: int, k: int, head: Mention) -> float | None:
    """How sure the dislocation is: a gender or number the head cannot have is a second
    sign; a person by a common noun ("The coach, he") is judged only in short phrases."""
    pronoun = _PRONOUNS[text.lower(k)]
    referent = head.referent
    if referent.animacy == "nonhuman":
        if head.plural:
            return 0.6 if pronoun == "p" else 0.8
        return {"m": 0.8, "f": 0.8, "n": 0.6, "p": 0.5}[pronoun]
    if referent.animacy != "human":
        return None
    if head.plural:
        return 0.5 if pronoun == "p" else 0.8
    name = all(text.texts[j][:1].isupper() for j in range(head.first, head.last))
    if pronoun == "p" and name:
        return 0.6  # "The Supreme Leader in his message they said": an honorific plural
    if pronoun in ("n", "p"):
        return None
    if name:
        return 0.8 if referent.gender not in (None, pronoun) else 0.6
    return 0.5 if end - start <= 3 and head.last == end == k else None


def _safe(text: Text, k: int, head: Mention) -> bool:
    """Deleting ', pronoun' is safe for a body, a thing or a plural, when the verb after it
    shows no number ("did", "will", a past form): nothing else needs to change."""
    if head.referent.animacy != "nonhuman" and not head.plural:
        return False
    q = k + 1
    while text.lower(q) in _FILLERS:
        q += 1
    verb = text.lower(q)
    if verb in ("was", "were"):
        return False
    return verb in _NO_AGREEMENT or verb.endswith("ed") or verb in _past_forms()


@functools.cache
def _past_forms() -> frozenset[str]:
    """Irregular past forms that are no present forms ("said", "went", not "put")."""
    forms = irregular_verb_forms() - {"am", "are"}
    return frozenset(w for w in forms if not w.endswith(("s", "ing")))
