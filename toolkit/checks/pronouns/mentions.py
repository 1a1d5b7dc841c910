"""Candidate antecedents without a parser: the mentions of a document and their roles.

A mention is a lexicon noun ("the ministry", "spokeswoman"), a gazetteer name, or a
capitalised sequence ("Ministry of Health", "Maryam Nawaz Sharif"), with what it names
(animacy, gender, class), its number, and a role guessed from the words around it:
oblique (inside a prepositional phrase) or subject-like (a verb follows). People named
twice ("Rashid Khan, the famous player", "spokesman Yahya Sarie") count once.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from toolkit.checks.pronouns.lexicon import ACRONYM, MAYBE, UNKNOWN, AnimacyLexicon, Referent
from toolkit.document import Document, Span
from toolkit.english import can_be_verb, function_words, is_common_word
from toolkit.english import reporting_verbs as verb_forms
from toolkit.resources import read_lines

# Lower-case words inside a name: "Ministry of Health", "Mohammed bin Salman"
_CONNECTORS = frozenset(
    ["of", "for", "bin", "ibn", "bint", "al", "el", "de", "van", "von", "der", "da", "di", "dos"]
)
_PRONOUNS = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "him",
        "her",
        "his",
        "its",
        "our",
        "their",
        "them",
    ]
)
_ACRONYM = re.compile(ACRONYM.pattern + r"|[A-Z]{2,}[a-z]?")  # ... or a plural: MPs
_POSSESSIVE = ("'s", "’s")
_OF_PHRASE = re.compile(r"\s+(?:of|for|to|at|in)\s[^,.;]{1,80},\s*")  # "adviser to X, Y"
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "some",
        "any",
        "each",
        "every",
    ]
)
_SKIPPED_BEFORE_VERB = frozenset(
    [
        "also",
        "already",
        "still",
        "then",
        "now",
        "later",
        "earlier",
        "previously",
        "officially",
        "finally",
        "reportedly",
        "recently",
        "once",
        "further",
        "again",
        "not",
        "never",
        "first",
    ]
)
_PERSON = Referent("human", None, "person")
_DIGITS = frozenset(f"{a},{b}" for a in "0123456789" for b in "0123456789")
_ASIDE = 40  # words an aside set off by commas may run ("X, which ..., said")
_may_be_verb = functools.lru_cache(maxsize=1 << 16)(can_be_verb)


@dataclass(frozen=True, slots=True)
class Mention:
    """A candidate antecedent: words [first, last) of the document (-1 when it comes from
    a spaCy parse, whose token is ``head``)."""

    start: int
    end: int
    text: str
    referent: Referent
    plural: bool
    first: int
    last: int
    sentence: int
    oblique: bool = False
    subject: bool = False
    titled: bool = False  # gender stated by a title, a given name or a gendered noun
    same_as: int = -1  # index of the mention this one names again (an apposition)
    speaker: bool = False  # a person who is the subject of a reporting verb ("X said")
    head: Any = None  # the spaCy token (the --deep path)

    @property
    def person(self) -> bool:
        return self.referent.animacy in ("human", "maybe")


class Text:
    """The words of a document with their sentence and paragraph numbers."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.words = doc.words
        self.texts = [self.text[w.start : w.end] for w in self.words]
        self.lowers = [t.lower() for t in self.texts]
        self.word_starts = [w.start for w in self.words]
        text = self.text
        pairs = zip(self.words[:-1], self.word_starts[1:], strict=True)
        self.gaps = ["", *(text[w.end : s].strip() for w, s in pairs)]
        for k, gap in enumerate(self.gaps):
            if gap == "," and text[self.word_starts[k] - 2 : self.word_starts[k] + 1] in _DIGITS:
                self.gaps[k] = ""  # "53,93%", "1,200": a number, not a clause break
        self.sentences = doc.sentences
        starts = [s.start for s in self.sentences]
        self.sentence_first = [bisect.bisect_left(self.word_starts, s) for s in starts]
        self.sentence_of = [0] * (self.sentence_first[0] if starts else len(self.words))
        for i, (first, stop) in enumerate(
            zip(self.sentence_first, [*self.sentence_first[1:], len(self.words)], strict=True)
        ):
            self.sentence_of += [i] * (stop - first)
        paragraph_starts = [p.start for p in doc.paragraphs]
        self.paragraph_of = [max(0, bisect.bisect_right(paragraph_starts, s) - 1) for s in starts]
        self.people: dict[str, list[int]] | None = None  # the resolver's index, built once

    def gap(self, k: int) -> str:
        """The characters between word k-1 and word k, stripped."""
        return self.gaps[k] if 0 < k < len(self.gaps) else ""

    def lower(self, k: int) -> str:
        return self.lowers[k] if 0 <= k < len(self.lowers) else ""

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.word_starts, offset)


def mentions(text: Text, lexicon: AnimacyLexicon, stop: int | None = None) -> list[Mention]:
    """Every mention of the document (of its first ``stop`` words), in order, with roles and
    appositions resolved."""
    found: list[Mention] = []
    k, n = 0, len(text.words) if stop is None else min(stop, len(text.words))
    surnames: dict[str, Referent] = {}
    while k < n:
        word = _bare(text.texts[k])
        if word[:1].isupper():
            stop = _joined(text, k, _name_end(text, k, lexicon), lexicon)
            mention = _name(text, k, stop, lexicon, surnames)
            if mention is not None:
                _add(found, mention, text)
                k = stop
                continue
            if text.sentence_first[text.sentence_of[k]] != k or stop > k + 1:
                k = stop
                continue
        noun = _common_noun(word.lower(), lexicon)
        if noun is not None:
            span = text.words[k]
            mention = Mention(
                span.start,
                span.end,
                text.texts[k],
                noun[0],
                noun[1],
                k,
                k + 1,
                text.sentence_of[k],
                titled=noun[0].gender is not None,
            )
            _add(found, mention, text)
        k += 1
    roles = _premodifiers([_with_role(text, m) for m in found], text, lexicon)
    return _appositions(roles, text, lexicon)


def _premodifiers(found: list[Mention], text: Text, lexicon: AnimacyLexicon) -> list[Mention]:
    """ "Penn State quarterback Sean Clifford said": a name and a noun or two before a
    person's name modify it; the person, not the name, takes the role."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.referent.animacy == "human" or b.referent.animacy != "human":
            continue
        if a.sentence != b.sentence or not a.text[:1].isupper() or not b.text[:1].isupper():
            continue
        between = range(a.last, b.first)
        if not 0 < len(between) <= 2 or any(text.gap(j) for j in (*between, b.first)):
            continue
        if all(
            text.texts[j].islower()
            and text.lower(j) in lexicon.count_nouns
            and not text.lower(j).endswith("ed")
            for j in between
        ):
            out[i - 1] = replace(a, subject=False)
            out[i] = replace(b, subject=a.subject or b.subject, oblique=a.oblique)
    return out


def _add(found: list[Mention], mention: Mention, text: Text) -> None:
    """Append a mention, joining it with the one right before it when they name one thing:
    a noun compound ("the city council", "the economy minister", "the Houthi group") takes
    its head's referent; a noun before a name ("the company Aramco") gives it its own."""
    if (
        not found
        or found[-1].last != mention.first
        or text.gap(mention.first)
        or text.texts[mention.first - 1].endswith(_POSSESSIVE)
    ):
        found.append(mention)
        return
    before = found[-1]
    head_is_noun = not mention.text[:1].isupper()
    if head_is_noun and (before.referent.animacy != "human" or mention.referent.animacy == "human"):
        referent, plural, titled = mention.referent, mention.plural, mention.titled
        if before.referent.animacy == "human" and before.referent.gender:
            titled = True  # "Mrs Smith's" compounds keep the stated gender
            referent = before.referent if mention.referent.gender is None else referent
    elif (
        not head_is_noun
        and not before.text[:1].isupper()
        and (
            before.referent.animacy == "nonhuman"
            and mention.referent.animacy in ("maybe", "unknown")
        )
    ):
        referent, plural, titled = before.referent, before.plural, False  # "the ship Eternity C"
    else:
        found.append(mention)
        return
    found[-1] = replace(
        before,
        end=mention.end,
        text=text.text[before.start : mention.end],
        referent=referent,
        plural=plural,
        last=mention.last,
        titled=titled,
    )


def _with_role(text: Text, mention: Mention) -> Mention:
    listed = _continues_list(text, mention.last)
    oblique = _preposition_before(text, mention.first, listed) or _dateline(text, mention)
    possessor = text.texts[mention.last - 1].endswith(_POSSESSIVE)  # "Kellogg's visit"
    placed = oblique or possessor or _object(text, mention.first)
    verb = -1 if placed else _verb_after(text, mention.last)
    subject = verb >= 0
    speaker = subject and mention.person and reports(text, verb)
    referent = mention.referent
    if referent.animacy == "maybe" and _followed_by(text, mention.last, ("which",)):
        referent = _UNKNOWN_THING  # "Fenerbahce, which could not qualify"
    elif referent.animacy in ("maybe", "unknown") and _followed_by(text, mention.last, ("who",)):
        referent = _PERSON
    m = mention  # a constructor call: dataclasses.replace is slow on this hot path
    return Mention(
        m.start,
        m.end,
        m.text,
        referent,
        m.plural,
        m.first,
        m.last,
        m.sentence,
        oblique,
        subject,
        m.titled,
        m.same_as,
        speaker,
    )


_UNKNOWN_THING = Referent("nonhuman", None, "organisation", reliable=False)


def _dateline(text: Text, mention: Mention) -> bool:
    """ "Riyadh - FIFA announced ...": a place opening the sentence before a dash."""
    after = text.text[mention.end : mention.end + 4]
    opens = text.sentence_first[mention.sentence] == mention.first
    return opens and after[:1].isspace() and after.strip()[:1] in ("-", "–", "—")


def _followed_by(text: Text, k: int, words: tuple[str, ...]) -> bool:
    return k < len(text.words) and text.gap(k) == "," and text.lower(k) in words


def _object(text: Text, k: int) -> bool:
    """Whether the noun phrase starting at word k is a verb's object ("the bus left
    Kandahar", "officials counted the losses"): a lower-case verb form stands right before
    its determiner or its name ("the armed forces", "the ruling party" are no objects)."""
    j = k - 1
    determiner = text.lower(j) in _DETERMINERS and not text.gap(k)
    if determiner:
        j -= 1
    elif not text.texts[k][:1].isupper():
        return False
    if j < 0 or text.gap(j + 1) or text.sentence_of[j] != text.sentence_of[k]:
        return False
    word = text.lower(j)
    return (
        text.texts[j][:1].islower()
        and function_words().get(word) is None
        and word not in _DETERMINERS
        and not word.endswith("ing")
        and word not in reporting_verbs()  # "said Kowalczyk would appeal": a clause
        and _may_be_verb(word)
        and not _person_noun(word)  # "Greek minister Eleni X": a title, no verb
    )


@functools.cache
def _person_noun(word: str) -> bool:
    noun = AnimacyLexicon.load().nouns.get(word)
    return noun is not None and noun.animacy == "human"


def _continues_list(text: Text, k: int) -> bool:
    """Whether the mention ending before word k is followed by "and", "or" or ", Name": a
    conjunct of a list, not an apposition ("for Afghanistan, Rosa Otonbayeva, said")."""
    if k >= len(text.words):
        return False
    gap = text.gap(k)
    return (not gap and text.lower(k) in ("and", "or")) or (
        gap == "," and text.texts[k][:1].isupper()
    )


def _preposition_before(text: Text, k: int, listed_here: bool = True) -> bool:
    """Whether the noun phrase starting at word k follows a preposition ("in the
    Ministry", "of Syria"), looking back over determiners and modifiers, and over earlier
    conjuncts ("of Sialkot and Narowal", "in Gara, Kandil and Asos"): a comma joins a
    conjunct only inside a list (``listed_here``, or an "and" already passed)."""
    first = text.sentence_first[text.sentence_of[k]] if k < len(text.words) else 0
    functional = function_words()
    modifiers = 0
    for j in range(k - 1, max(first, k - 10) - 1, -1):
        gap = text.gap(j + 1)
        listed = gap == "," and text.texts[j][:1].isupper() and listed_here
        if gap not in ("", "-") and not listed:
            return False
        word = text.lower(j)
        kind = functional.get(word)
        if kind == "preposition":
            return True
        if word in ("and", "or") or listed:
            modifiers = 0
            listed_here = True
            continue
        attributive = text.lower(j - 1) in _DETERMINERS and not text.gap(j)  # "the outgoing"
        if word in _DETERMINERS or (kind is None and (attributive or not _may_be_verb(word))):
            modifiers += 1
            if modifiers > 3:
                return False
            continue
        return False
    return False


def _verb_after(text: Text, k: int) -> int:
    """The verb (or auxiliary) that follows the mention ending before word k, past an
    apposition set off by commas, a bracket, a prepositional phrase or an adverb ("the
    Mission in Afghanistan (UNAMA) in a statement expressed"); -1 if none does."""
    n = len(text.words)
    functional = function_words()
    steps = 0
    closed = False  # the gap before word k closes an aside already skipped
    while k < n and steps < 12:
        steps += 1
        gap = "" if closed else text.gap(k)
        closed = False
        word = text.lower(k)
        if gap == "," and text.lower(k) in reporting_verbs():
            return k  # the comma closing an apposition: "Tulay Hatimogullari, said"
        if gap.startswith("(") or gap == ",":
            k, closed = _skip_aside(text, k, gap), True
            continue
        if gap and gap not in ("-", "'", "’"):
            return -1
        if word in _SKIPPED_BEFORE_VERB or (word.endswith("ly") and not _may_be_verb(word)):
            k += 1
            continue
        kind = functional.get(word)
        if kind == "preposition":
            k = _skip_phrase(text, k + 1)
            closed = text.gap(k).startswith(")")
            continue
        verb = kind == "auxiliary" or (
            kind is None and not text.texts[k][:1].isupper() and _may_be_verb(word)
        )
        return k if verb else -1
    return -1


def reports(text: Text, verb: int, reach: int = 3) -> bool:
    """Whether a reporting verb ("said", "has announced", "had stated") is among the
    ``reach`` words from word ``verb``."""
    forms = reporting_verbs()
    return any(text.lower(j) in forms for j in range(verb, min(verb + reach, len(text.words))))


@functools.cache
def reporting_verbs() -> frozenset[str]:
    """Past and present forms of verbs that report speech (corpora/english/reporting_verbs.tsv
    and corpora/animacy/reporting_verbs.txt)."""
    forms = verb_forms("past") | verb_forms("present")
    return forms | frozenset(read_lines("animacy", "reporting_verbs.txt"))


def _skip_aside(text: Text, k: int, gap: str) -> int:
    """The word after a bracket or a comma-delimited aside opening before word k."""
    closer = ")" if gap.startswith("(") else ","
    s = text.sentence_of[min(k, len(text.words) - 1)]
    end = text.sentence_first[s + 1] if s + 1 < len(text.sentences) else len(text.words)
    for j in range(k + 1, min(k + _ASIDE, end)):
        if closer in text.gap(j):
            return j
    return len(text.words)


def _skip_phrase(text: Text, k: int) -> int:
    """The word after a short noun phrase starting at word k: determiners, then words that
    are no verbs, or the noun right after a determiner ("a post")."""
    j, limit = k, min(k + 6, len(text.words))
    after_determiner = False
    while j < limit:
        if j > k and text.gap(j):
            return j
        word = text.lower(j)
        if word in _DETERMINERS:
            after_determiner = True
        elif after_determiner or text.texts[j][:1].isupper() or not _may_be_verb(word):
            after_determiner = False
        else:
            return j
        j += 1
    return j


def _of_phrase_head(out: list[Mention], i: int, text: Text, default: int) -> int:
    """The person noun an "of" phrase and a comma part from the name at ``out[i]``, if any."""
    b = out[i]
    for j in range(i - 2, max(-1, i - 8), -1):
        c = out[j]
        if c.sentence != b.sentence:
            break
        named = c.text[:1].isupper() and c.referent.animacy != "maybe"
        if c.person and not named and _OF_PHRASE.fullmatch(text.text[c.end : b.start]):
            return j
    return default


def _appositions(found: list[Mention], text: Text, lexicon: AnimacyLexicon) -> list[Mention]:
    """Mark a human noun next to a person's name ("Rashid Khan, the famous player";
    "spokesman Yahya Sarie"; "Sharif sahiba"), and titles joined to such a noun by "and", as
    naming that person again, and give the name a gender the noun states."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        ia = i - 1
        back = i - 1
        while back > 0 and out[back].oblique and i - back < 3:
            back -= 1  # "the minister of economy, Abdolnaser Hemmati": look past "economy"
        if back < i - 1 and out[back].person and not out[back].text[:1].isupper():
            a, ia = out[back], back
        elif b.text[:1].isupper():
            ia = _of_phrase_head(out, i, text, ia)  # "The Co-Chair of the X Party (XP), Name"
            a = out[ia]
        if not (a.person and b.person) or a.plural or b.plural or a.sentence != b.sentence:
            continue
        between = text.text[a.end : b.start]
        if a.same_as >= 0 and between.strip() == "and" and not b.titled:
            out[i] = replace(b, same_as=a.same_as)  # "..., Crown Prince and Prime Minister,"
            continue
        adjacent = b.first == a.last and between.strip() in ("", ",")
        appositive = between.startswith(",") and _only_modifiers(text, a.last, b.first)
        titled_head = ia < i - 1 or not a.text[:1].isupper()  # "the minister of X, Name"
        appositive |= bool(titled_head and _OF_PHRASE.fullmatch(between))
        if not (adjacent or appositive):
            continue
        name, noun = (a, b) if a.text[:1].isupper() and not titled_head else (b, a)
        gender = name.referent.gender or noun.referent.gender
        titled = name.titled or noun.titled
        if gender is None and name.last - name.first == 1:
            gender = lexicon.gender_of(name.text.lower())  # "Maryam, a teacher,"
            titled = titled or gender is not None
        merged = Referent("human", gender, "person")
        j, other = (ia, i) if name is a else (i, ia)
        out[j] = replace(
            name,
            referent=merged,
            titled=titled,
            subject=a.subject or b.subject,
            speaker=a.speaker or b.speaker,
        )
        out[other] = replace(noun, same_as=j)
    return out


def _only_modifiers(text: Text, k: int, stop: int) -> bool:
    """Words k..stop-1 are a determiner and modifiers ("the famous", "the former")."""
    if stop - k > 3 or stop <= k or text.lower(k) not in ("the", "a", "an", "its", "his", "her"):
        return False
    return all(not text.gap(j) for j in range(k + 1, stop + 1))


def _name_end(text: Text, k: int, lexicon: AnimacyLexicon) -> int:
    """The end of the capitalised sequence starting at word k ("Ministry of Health")."""
    stop, n = k + 1, len(text.words)
    while stop < n:
        if text.sentence_of[stop] != text.sentence_of[k]:
            break  # a headline's last name and the next line's first: "Mourinho\n\nFenerbahce"
        gap = text.gap(stop)
        previous = text.lower(stop - 1)
        if (gap and not (gap == "." and _is_title(previous, lexicon))) or previous.endswith(
            _POSSESSIVE
        ):
            break
        word = text.texts[stop]
        if word[0].isupper() and word.lower() != "and":
            stop += 1
        elif (
            word in _CONNECTORS
            and stop + 1 < n
            and text.texts[stop + 1][0].isupper()
            and not (text.gap(stop + 1))
        ):
            stop += 2
        else:
            break
    return stop


def _joined(text: Text, k: int, stop: int, lexicon: AnimacyLexicon) -> int:
    """The end of a body's name with "and" inside ("Ports and Maritime Organization",
    "Equality and Democracy Party"): the words after "and" end in a body's head noun, and
    those before it (at most three) are no known name and have no head of their own."""
    if stop - k > 3 or text.lower(stop) != "and" or text.gap(stop) or text.gap(stop + 1):
        return stop
    if stop + 1 >= len(text.words) or not text.texts[stop + 1][:1].isupper():
        return stop
    end = _name_end(text, stop + 1, lexicon)
    after = [_bare(w).lower() for w in text.texts[stop + 1 : end]]
    before = [w.lower() for w in text.texts[k:stop] if w.lower() not in _DETERMINERS]
    if not before or " ".join(before) in lexicon.names or any(lexicon.given(w) for w in before):
        return stop
    head = _noun(after[-1], lexicon)
    own = _noun(before[-1], lexicon)
    body = head is not None and head[0].cls in _BODY_HEADS
    return end if body and (own is None or own[0].cls not in _BODY_HEADS) else stop


_BODY_HEADS = ("government", "organisation", "company", "military")


def _name(
    text: Text, k: int, stop: int, lexicon: AnimacyLexicon, surnames: dict[str, Referent]
) -> Mention | None:
    """The mention a capitalised sequence makes, or None when it is a common word opening
    a sentence ("The", "Protesters")."""
    functional = function_words()
    while (
        k < stop
        and (lowered := _bare(text.texts[k]).lower())
        and (functional.get(lowered) or lowered in _PRONOUNS or lowered in _DETERMINERS)
    ):
        k += 1  # "The", or "And" in a headline
    if k >= stop:
        return None
    parts = [_bare(t) for t in text.texts[k:stop]]
    lower = [p.lower().rstrip(".") for p in parts]
    if all(w in lexicon.not_antecedents for w in lower):
        return None  # "Wednesday", "Libyan"
    first, last = text.words[k].start, text.words[stop - 1].end
    if text.texts[stop - 1].endswith(_POSSESSIVE):
        last -= 2
    sentence = text.sentence_of[k]

    def mention(referent: Referent, plural: bool = False, titled: bool = False) -> Mention:
        return Mention(
            first, last, text.text[first:last], referent, plural, k, stop, sentence, titled=titled
        )

    named = lexicon.names.get(" ".join(lower))
    if named is not None and named.animacy != "human":
        head_noun = _noun(lower[-1], lexicon)
        plural = head_noun is not None and head_noun[1] and head_noun[0].cls not in _ONE_PLACE
        plural |= _the_plural(text, k, lower) and named.cls not in _ONE_PLACE  # "the Houthis"
        return mention(named, plural)  # "Syrian Democratic Forces" are "they"; "Iran" is no name
    nouns = lexicon.nouns
    known = [nouns[w] for w in lower if w in nouns]
    if _role_as_surname(lower, lexicon):
        known[-1] = replace(known[-1], gender=None)  # "Iltija Mufti", "Stephen King"
    particle = next(
        (lexicon.name_particles.get(w) for w in lower[1:-1] if w in lexicon.name_particles), None
    )
    if particle is not None and not any(r.cls == "title" for r in known):
        return mention(Referent("human", particle, "person"), titled=True)  # "Aicha Mint Salem"
    titles = [r for r in known if r.cls == "title"]
    human = [r for r in known if r.animacy == "human"]
    linked = next((i for i, w in enumerate(lower) if i and w in ("of", "for")), 0)
    head = lower[linked - 1] if linked else lower[-1]  # "Authority for Elections"
    noun = _noun(head, lexicon)
    headed = len(lower) > 1 and head in lexicon.name_heads
    if headed:
        noun = (Referent("nonhuman", None, lexicon.name_heads[head]), head.endswith("s"))
    institution = noun is not None and noun[0].animacy != "human"
    opens = text.sentence_first[sentence] == k
    given = _given_name(lower, parts, lexicon)
    if given is not None:
        position, _ = given
        named_after = institution and head == lower[-1] and (position > 0 or len(lower) > 2)
        named_after |= headed  # "Jaffar Express", "Pakistan Railways"
        common = lexicon.english_word(lower[position]) and lower[-1] in lexicon.count_nouns
        alone = len(lower) == 1 and (lexicon.english_word(lower[0]) or opens)
        if named_after or common or alone:
            given = None  # "King Fahd Hospital", "Red Sea"; "Hope", "Grace" alone
    if institution and given is None:
        bare = len(parts) == 1 and text.lower(k - 1) not in _DETERMINERS
        if not (bare and text.sentence_first[sentence] != k):
            plural = noun[1] and noun[0].cls != "company"  # "Pakistan Railways" is "it"
            return mention(noun[0], plural)  # "Iraqi Ministry of Oil", "the Court"
        return mention(MAYBE)  # a surname: "Chambers", "Bank"
    if titles or human or given is not None:
        gender = next((r.gender for r in (*titles, *human) if r.gender), None)
        before = [nouns[w] for w in lower[:-1] if w in nouns and nouns[w].cls == "title"]
        if given is not None and given[1] and not any(r.gender for r in before):
            gender = given[1]  # "Mrs Howard" stays a woman; "Fatima Sheikh" is one
        if gender is None and len(lower) > 1:
            gender = lexicon.surname_gender(lower[-1])  # "Rosa Otonbayeva", "Ivan Petrovich"
        alone = len(parts) == 1 and not (titles or human)  # "Ravi", "Maryam": maybe a place
        person = Referent("maybe" if alone else "human", gender, "person")
        if len(lower) > 1 and gender:
            surnames[lower[-1]] = person
        return mention(person, titled=bool(gender))
    if named is not None:
        return mention(named)
    if lower[-1] in surnames and (len(lower) == 1 or text.texts[stop - 1][:1].isupper()):
        person = surnames[lower[-1]]  # "Sawyer", "Hawk Sawyer" after "Kathleen Hawk Sawyer"
        return mention(person, titled=person.gender is not None)
    if opens and len(parts) == 1 and is_common_word(parts[0]):
        verb = stop < len(text.words) and not text.gap(stop) and _may_be_verb(text.lower(stop))
        if noun is not None or not verb or text.lower(stop) in _DETERMINERS:
            return None  # a common word opening the sentence: read as a lower-case word
    if len(parts) == 1 and len(parts[0]) <= 6 and _ACRONYM.fullmatch(parts[0]):
        return mention(_ORGANISATION)  # "FIFA", "UNAMA", "TCMB"
    if len(parts) > 1 and lower[-1] in lexicon.count_nouns:
        return mention(UNKNOWN)  # "World Cup", "UN Charter": a thing or event
    if _the_plural(text, k, lower):
        return mention(_GROUP, plural=True)  # "the Houthis", "the Kurds": a group as a body
    return mention(MAYBE if len(parts) == 1 else _MAYBE_NAME)


_ORGANISATION = Referent("nonhuman", None, "organisation", reliable=False)


def _the_plural(text: Text, k: int, lower: list[str]) -> bool:
    """ "the Houthis", "the Kurds": one capitalised plural after "the"."""
    return len(lower) == 1 and lower[0].endswith("s") and text.lower(k - 1) == "the"


_GROUP = Referent("nonhuman", None, "group", reliable=False)
_ONE_PLACE = ("country", "place")  # "United Nations", "United States", "Philippines": it
# A capitalised sequence of several unknown words: a person only now and then ("World Cup").
_MAYBE_NAME = Referent("maybe", None, "name")


def _given_name(
    lower: list[str], parts: list[str], lexicon: AnimacyLexicon
) -> tuple[int, str | None] | None:
    """The position of a given name that starts a person's name at the end of a capitalised
    sequence ("Maryam" in "Chief Minister Punjab Maryam Nawaz Sharif", "Paul" in "Department
    of Justice Analyst Paul Rowlett") and its gender (None: either)."""
    functional = function_words()
    found: list[tuple[int, str | None]] = []
    for position in range(max(0, len(lower) - 4), len(lower)):
        word, part = lower[position], parts[position]
        if not all(p.isalpha() and p[0].isupper() and p[1:].islower() for p in part.split("-")):
            continue  # "UN", "An-24", "of"; "Kassym-Jomart" is a name
        if word in lexicon.nouns or word in lexicon.not_antecedents or functional.get(word):
            continue
        gender = lexicon.given(word)
        if gender is None and "-" in word:
            gender = lexicon.given(word.split("-")[0])  # "Kassym-Jomart"
        if word in lexicon.frequent_words or gender is None:
            continue
        last = position == len(lower) - 1
        if last and position > 0 and lexicon.nouns.get(lower[position - 1]) is None:
            continue  # "Department of Justice", "Islamic Republic of Iran": no surname follows
        found.append((position, None if gender == "-" else gender))
    # the first name of one sex: "Justice ... Paul Rowlett" is Paul's; names of both sexes
    # ("Gul Ahmad", "Mumtaz Zahra") leave it open
    sexed = [f for f in found if f[1]]
    if len({sex for _, sex in sexed}) > 1:
        return sexed[0][0], None
    return sexed[0] if sexed else found[0] if found else None


def _role_as_surname(lower: list[str], lexicon: AnimacyLexicon) -> bool:
    """Whether the last word of a name is a role noun used as a surname after a given name
    that is no English word ("Iltija Mufti", "Stephen King"), not a title ("Ahmet Bey")."""
    if len(lower) < 2:
        return False
    role, before = lexicon.nouns.get(lower[-1]), lower[-2]
    return (
        role is not None
        and role.cls != "title"
        and before not in lexicon.nouns
        and not lexicon.english_word(before)
        and function_words().get(before) is None
    )


def _is_title(word: str, lexicon: AnimacyLexicon) -> bool:
    noun = lexicon.nouns.get(word)
    return noun is not None and noun.cls == "title"


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
    if (
        len(word) > 5
        and word.endswith(lexicon.human_suffixes)
        and word in lexicon.count_nouns
        and word not in lexicon.frequent_words  # "number", "order"
    ):
        return MAYBE, False
    return None


def _bare(word: str) -> str:
    """A word without its possessive ending."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


__all__ = ["Mention", "Span", "Text", "mentions"]
