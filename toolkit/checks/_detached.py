"""Clauses and adjuncts split off their sentence by a full stop ("... system. Which would").

A sentence is detached when it opens like a subordinate clause or adjunct (a relative
pronoun, a subordinating conjunction, a complex preposition, a verb's -ing form, "Up 9
percent", "As it was noted") and has no main clause of its own: no finite verb outside
the opening phrase and its relative clauses, and no clause after a comma. The repair
joins it to the sentence it belongs to, with a comma where the clause takes one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.cache import tsv_rows
from toolkit.english import (
    adjectives,
    can_be_verb,
    function_words,
    irregular_verb_forms,
    irregular_verb_lemmas,
    reporting_verbs,
)
from toolkit.resources import corpus_path, iter_tsv, read_lines


@dataclass(frozen=True, slots=True)
class Opener:
    """How a clause opener behaves: its class, where it joins, and whether with a comma."""

    words: str
    kind: str
    forward: bool
    comma: bool


@dataclass(frozen=True, slots=True)
class Detached:
    """A detached sentence: its opener, and the offsets (in the sentence) of the opener."""

    opener: Opener
    end: int


_CONTRACTION = re.compile(
    r"(?:it|he|she|that|there|here|what|who|where|you|we|they|i)['’](?:s|re|ve|ll|d|m)"
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_COMMA = re.compile(r",(?!\d)|[;:—]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*%?")
_NUMBER = re.compile(
    r"\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|more\s+than|over|roughly)\s+)?"
    r"[\d.,]+\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|points?\b)"
)
# Words after which no finite verb of the main clause can come: they open a clause of their own.
_CLAUSE_MARKERS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "while"})
_CLAUSE_MARKERS |= {"what", "than", "if", "whether", "because", "since", "so", "until", "unless"}
_COORDINATORS = frozenset({"and", "or", "but", "nor", "yet", "then", "as", "plus"})
_GROUP_WORDS = frozenset({"not", "been", "being", "be", "having"})
_CLAUSES = frozenset({"relative", "subordinator"})
_NOUN_MARKERS = frozenset({"article", "preposition", "determiner"})
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your", "this", "these"})
_POSSESSIVES |= {"those", "each", "every", "no", "some", "any", "many", "several", "all"}
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "shall", "should"})
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "there"})


@functools.cache
def openers() -> dict[str, Opener]:
    """Lower-case opener (one or more words) -> its behaviour, from the lexicon."""
    return {
        row["opener"]: Opener(
            row["opener"], row["class"], row["join"] == "forward", row["comma"] == "yes"
        )
        for row in iter_tsv(corpus_path("english", "clause_openers.tsv"))
    }


@functools.cache
def _opener_pattern() -> re.Pattern[str]:
    phrases = sorted(openers(), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?:{alternation})(?![\w-])", re.IGNORECASE)


@functools.cache
def _reported() -> re.Pattern[str]:
    """ "As (it was) noted/reported/stated ...": the attribution clause of a reporting verb."""
    past = "|".join(sorted(reporting_verbs("past"), key=len, reverse=True))
    return re.compile(
        rf"\s+(?:(?:it|has|had|have|was|is|been|were|already|earlier|previously)\s+)*"
        rf"(?:{past}|reported|mentioned|expected|known)\b",
        re.IGNORECASE,
    )


@functools.cache
def proper_names() -> frozenset[str]:
    """Names that are also common words (Turkey, Chad, Jordan): countries and capitals."""
    return frozenset(read_lines("animacy", "nonhuman_names.txt"))


@functools.cache
def stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords", "en.txt"))


def detached(sentence: str) -> Detached | None:
    """The opener of ``sentence`` when the sentence is a detached clause or adjunct."""
    stripped = sentence.rstrip()
    if not stripped.endswith(".") or stripped.endswith(".."):
        return None
    match = _opener_pattern().match(sentence)
    opener = openers()[" ".join(match.group().lower().split())] if match else None
    end = match.end() if match else 0
    if opener is None and (shell := _shell_noun(sentence)):
        opener, end = shell
    elif opener is None:
        first = _WORD.match(sentence)
        if not first or not (_participle(first.group()) or _past_participle(sentence, first)):
            return None
        opener, end = Opener(first.group().lower(), "participle", False, True), first.end()
    elif not match.group()[0].isupper():
        return None
    if opener.words.split()[0] in _SHELL_DETERMINERS and _finite_verbs(sentence[end:]) >= 2:
        return None  # "A move that angered Ankara was announced": a main verb follows
    if opener.kind == "change":
        number = _NUMBER.match(sentence, end)
        if not number:
            return None
        end = number.end()
    elif opener.kind == "infinitive":
        verb = _WORD.match(sentence, end + 1)
        if not verb or not verb.group().islower() or not _base_verb(verb.group()):
            return None
        end = verb.end()
    elif opener.kind == "attribution":
        reported = _reported().match(sentence, end)
        if not reported:
            return None
        end = reported.end()
    elif (
        opener.kind != "relative"
        and opener.words.endswith(" that")
        and not _clause_subject(sentence, end)
    ):
        return None  # "And that is why ...": a demonstrative, the sentence's subject
    rest = sentence[end:]
    head = _COMMA.split(rest)[0]
    clause = opener.kind in ("relative", "subordinator")
    if _main_clause_after_comma(rest, own_verb=not clause or finite_verb(head, lenient=True)):
        return None
    if opener.kind == "relative" and len(_WORD.findall(head)) < 3:
        return None  # "Who knows.", "Which one?"
    if opener.kind == "preposition" and len(_WORD.findall(rest)) < 2:
        return None  # "For now.", "In short."
    if len(_WORD.findall(head)) <= 2 and head != rest and _any_verb(rest[len(head) :]):
        return None  # a short adverbial, then the clause: "In general, when ... you will use"
    if opener.words in ("which", "who") and not _verb_next(head):
        return None  # "Which versions play ... will decide": "which" determines a noun
    if opener.kind == "subordinator" and _finite_verbs(head) >= 2:
        return None  # "Even though he isn't ... he still loves": the main clause follows
    if opener.kind in ("participle", "infinitive") and (
        not _WORD.search(head) or _finite_verbs(head, "the")
    ):
        return None  # "Amazing.", or a gerund subject: "Making the move requires ..."
    if opener.kind in ("preposition", "change", "attribution") and finite_verb(
        head, in_phrase=opener.kind == "preposition"
    ):
        return None
    if opener.kind == "preposition" and _fronted_adjunct(head):
        return None  # "In the cities of the south the police intervened to ...": a clause
    return Detached(opener, end)


def _fronted_adjunct(text: str) -> bool:
    """Whether a prepositional phrase is followed, without a comma, by a clause: an article
    right after a noun of the phrase opens that clause's subject, and a verb form follows it
    ("In the cities of the south the police intervened to the protests")."""
    words = _WORD.findall(text)
    classes = function_words()
    for index in range(2, len(words)):
        if classes.get(words[index].lower()) != "article" or not _content(words[index - 1].lower()):
            continue
        if next(_verb_positions(words[index:], lenient=True), None) is not None:
            return True
    return False


_SHELL_DETERMINERS = frozenset({"a", "an", "something"})
_SHELL = re.compile(r"(?:A|An)\s+(?:(?P<adj>[a-z-]+)\s+)?(?P<noun>[a-z]+)\s+(?:that|which)\s")


@functools.cache
def _count_nouns() -> frozenset[str]:
    return frozenset(row["singular"] for row in tsv_rows("agreement", "nouns.tsv"))


def _shell_noun(sentence: str) -> tuple[Opener, int] | None:
    """ "A move that angered Ankara.": a noun phrase resuming the sentence before, then its
    relative clause, as an opener of the relative kind (``detached`` checks that no main
    verb follows)."""
    match = _SHELL.match(sentence)
    if not match or match.group("noun") not in _count_nouns():
        return None
    if match.group("adj") and match.group("adj") not in adjectives():
        return None
    words = " ".join(sentence[: match.end()].split()).lower()
    return Opener(words, "relative", False, True), match.end() - 1


@functools.cache
def _adverbs() -> frozenset[str]:
    return frozenset(read_lines("agreement", "adverbs.txt")) | {"again", "further", "in", "even"}


def _base_verb(word: str) -> bool:
    """A verb's base form ("ensure", "protect"), not a noun after "to" ("to Paris")."""
    return can_be_verb(word) and not word.endswith(("ed", "ing")) and word not in function_words()


def _verb_next(text: str) -> bool:
    """Whether the word after "which" or "who" is a verb or an adverb, as in a relative
    clause (not "Which versions ...", "Who else")."""
    word = _WORD.search(text)
    lower = word.group().lower() if word else ""
    if not lower.isalpha() or lower != word.group():
        return False
    if lower in _adverbs() or lower.endswith("ly") or lower in _MODALS:
        return True
    if function_words().get(lower) == "article" or lower in _PRONOUNS or lower in _POSSESSIVES:
        return True  # an object relative: "Which the opposition described as a coup."
    if function_words().get(lower) == "auxiliary":
        return True
    return can_be_verb(lower) and (_past_form(lower) or lower.endswith("s"))


def _participle(word: str) -> bool:
    """A capitalised -ing form of a verb ("Including", "Noting", "Killing")."""
    return (
        word[0].isupper()
        and word[1:].islower()
        and word.endswith("ing")
        and len(word) > 5
        and can_be_verb(word)
    )


def _past_participle(sentence: str, first: re.Match[str]) -> bool:
    """A capitalised past participle before a preposition ("Driven by", "Based on")."""
    word = first.group()
    after = _WORD.match(sentence, first.end() + 1)
    return (
        word[0].isupper()
        and word[1:].islower()
        and _past_form(word.lower())
        and can_be_verb(word)
        and after is not None
        and function_words().get(after.group()) == "preposition"
    )


def _clause_subject(sentence: str, end: int) -> bool:
    """Whether the word after a clause's "that" opens its subject (an article, a pronoun,
    a name), not a verb ("And that is why")."""
    word = _WORD.match(sentence, end + 1)
    if word is None:
        return False
    lower = word.group().lower()
    kind = function_words().get(lower)
    return (
        kind in _NOUN_MARKERS
        or lower in _PRONOUNS
        or lower in _POSSESSIVES
        or (word.group()[0].isupper() and kind is None)
    )


def _main_clause_after_comma(rest: str, own_verb: bool = True) -> bool:
    """Whether a comma in ``rest`` is followed by a clause that can be the main one.

    A clause that still lacks its verb (``own_verb`` false: "When the leader of the party,
    Devlet Bahceli, suggested ...") takes the first part that opens with a verb as its own.
    """
    for part in _COMMA.split(rest)[1:]:
        words = _WORD.findall(part)
        first = openers().get(words[0].lower()) if words else None
        if not words or words[0].lower() in _COORDINATORS or (first and first.kind in _CLAUSES):
            continue  # "..., and his reservoir can", "..., which ...": no main clause
        if _participle(words[0].capitalize()) and words[0].islower():
            continue
        if words[0].lower() == "that":
            words = ["it", *words[1:]]  # "..., that seems plausible": a pronoun subject
        verbs = list(_verb_positions(words, lenient=True))
        if not verbs:
            continue
        if not own_verb and verbs[0] == 0:
            own_verb = True
            continue
        return True
    return False


def finite_verb(text: str, in_phrase: bool = False, lenient: bool = False) -> bool:
    """Whether ``text`` holds a word that is probably a finite verb of its own clause."""
    return next(_verb_positions(_WORD.findall(text), in_phrase, lenient), None) is not None


def _any_verb(text: str) -> bool:
    """Whether ``text`` has a verb anywhere, subordinate clauses included."""
    skipped = _CLAUSE_MARKERS | openers().keys()
    words = [w for w in _WORD.findall(text) if w.lower() not in skipped]
    return next(_verb_positions(words, lenient=True), None) is not None


def _finite_verbs(text: str, previous: str = "") -> int:
    """How many verb groups ("he isn't ... he still loves": two) ``text`` has, leniently."""
    words = _WORD.findall(text)
    groups, last = 0, None
    for index in _verb_positions(words, lenient=True, previous=previous, noun_phrases=True):
        between = words[last + 1 : index] if last is not None else ["(start)"]
        if not all(w.lower() in _adverbs() or w.lower() in _GROUP_WORDS for w in between):
            groups += 1  # "had been confirmed" is one group
        last = index
    return groups


def _verb_positions(
    words: list[str],
    in_phrase: bool = False,
    lenient: bool = False,
    previous: str = "",
    noun_phrases: bool = False,
) -> Iterator[int]:
    """Indices of the words that are probably finite verbs, up to the first word that opens
    a subordinate clause ("that", "which", "than": its verbs are not the main clause's).

    Auxiliaries and modals count. A verb form counts after a pronoun or a noun, but not
    after an article, number or determiner ("the attacks"), not as an -ing form, and not as
    a participle before a preposition ("the information obtained from"). Inside a
    prepositional phrase (``in_phrase`` at the start: the words follow a preposition) only
    a past form after a noun counts ("from security sources" is no clause). ``lenient``
    (for a main clause after a comma) counts any verb form after a noun. ``previous`` is
    the word before the first (an article when the words are a verb's object). After a
    reporting verb the rest is what was reported. ``noun_phrases``: a verb form after a
    determiner and an adjective is their noun ("the broad masses").
    """
    classes = function_words()
    noun_phrase = False  # after a determiner and adjectives: the next word is their noun
    for index, word in enumerate(words):
        lower = word.lower().replace("’", "'")
        kind = classes.get(lower)
        after_adjectives = noun_phrase
        noun_phrase = (kind in _NOUN_MARKERS or lower in _POSSESSIVES or word[0].isdigit()) or (
            noun_phrase and lower in adjectives()
        )
        if _CONTRACTION.fullmatch(lower):
            yield index  # "it's", "you're", "there'll": a subject and its verb
        elif (
            lower == "that" and in_phrase and (index == 0 or classes.get(previous) == "preposition")
        ):
            pass  # a determiner: "in that case", "at that time"
        elif lower == "than" and previous in ("more", "less", "fewer"):
            pass  # "more than three decades": a quantity, not a clause of comparison
        elif lower in _CLAUSE_MARKERS:
            return
        elif word[0].isdigit():
            if not _YEAR.fullmatch(word):
                lower = "the"  # a number determines the noun after it, as an article does
        elif word[0].isupper() and index > 0:
            pass
        elif kind == "auxiliary" or lower in _MODALS or lower.endswith("n't"):
            if lower not in ("to", "being", "having", "been"):
                yield index
        elif kind == "preposition":
            in_phrase = not lenient
        elif previous == "her" and _past_form(lower) and lower not in adjectives():
            yield index  # "a part of her remained": an object pronoun, then the verb
        elif kind in _NOUN_MARKERS or lower in _POSSESSIVES or lower in _COORDINATORS:
            pass
        elif kind is not None or lower in _PRONOUNS:
            in_phrase = False
        elif (
            not lower.endswith("ing")
            and can_be_verb(lower)
            and classes.get(previous) not in _NOUN_MARKERS
            and previous not in _POSSESSIVES
            and previous not in _COORDINATORS
            and not (noun_phrases and after_adjectives and previous in adjectives())
            and not (noun_phrases and _noun_before_of(words, index))
            and (not in_phrase or (_past_form(lower) and _content(previous)))
            and (
                lenient
                or previous in _PRONOUNS
                or not (
                    _past_form(lower)
                    and _next_is_preposition(words, index)
                    and not intransitive(lower)
                )
            )
        ):
            yield index
            if lower in reporting_verbs("past") or lower in reporting_verbs("present"):
                return  # what follows is the reported clause
        previous = lower


def _content(word: str) -> bool:
    """A content word (noun, adjective), not a function word or the start of the text."""
    return bool(word) and word not in function_words() and word not in _POSSESSIVES


def _past_form(word: str) -> bool:
    """A past tense or participle: -ed, or an irregular form ("went", "taken")."""
    return word.endswith("ed") or (word in irregular_verb_forms() and not word.endswith("s"))


@functools.cache
def _intransitive_verbs() -> frozenset[str]:
    return frozenset(read_lines("english", "intransitive_verbs.txt"))


def intransitive(form: str) -> bool:
    """Whether a past form belongs to a verb with no direct object ("intervened", "rose"),
    which has no passive participle: before a preposition it is a finite verb."""
    lemmas = {irregular_verb_lemmas().get(form), form[:-1], form[:-2], form[:-3]}
    return bool(lemmas & _intransitive_verbs())


def _noun_before_of(words: list[str], index: int) -> bool:
    """A plural or base form before "of" is a noun ("imports of", "the rise of")."""
    return index + 1 < len(words) and words[index + 1] == "of" and not _past_form(words[index])


def _next_is_preposition(words: list[str], index: int) -> bool:
    return index + 1 < len(words) and function_words().get(words[index + 1].lower()) == (
        "preposition"
    )
