"""The parser-free pass of the agreement check: word lists and word order only.

Each sentence is read as a list of word tokens with the text between them. A noun phrase
counts only when nothing but spaces separates its words and its end is clear: punctuation,
a verb or preposition after it, never another noun ("two state solution"), a capitalised
word, a hyphen or a possessive. A word that may also be a verb ("many fear") or an
adjective ("the two injured") needs a stronger end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from toolkit.checks._agreement_data import AgreementLexicon, Noun
from toolkit.checks.agreement import (
    PLURAL_AFTER_SINGULAR,
    SINGULAR_AFTER_NUMERAL,
    SUBJECT_VERB,
)
from toolkit.document import Document
from toolkit.english import can_be_verb, function_words, inside, is_common_word, not_prose_spans
from toolkit.findings import Finding

_MANDATIVE = re.compile(
    r"\b(?:demand|insist|requir|recommend|request|urg|propos|suggest|ask|essential|important|"
    r"vital|necessary)\w*\s+that\s+$",
    re.IGNORECASE,
)
_OPENING = "\"'“‘«([ \t\n"
_BOUNDARY = re.compile(r"[,;:(—–]|\s-\s")
_REACH = 14  # words from a subject's first word to its verb, at most
_QUOTES = frozenset('"“”«»')
_DIGITS = re.compile(r"[1-9]\d{0,2}")


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    gap: str  # text between the previous token (or the sentence start) and this one


def lexical_findings(doc: Document) -> Iterator[Finding]:
    """AG101, AG102 and AG103 findings of ``doc``."""
    lexicon = AgreementLexicon.load()
    not_prose = not_prose_spans(doc.text)
    for sentence in doc.sentences:
        words = doc.words_in(sentence)
        tokens, previous = [], sentence.start
        for word in words:
            text = doc.text[word.start : word.end]
            tokens.append(
                _Token(word.start, word.end, text, text.lower(), doc.text[previous : word.start])
            )
            previous = word.end
        if not tokens:
            continue
        reader = _Sentence(doc, tokens, doc.text[previous : sentence.end], lexicon)
        for finding in reader.findings():
            if not inside(finding.start, not_prose):
                yield finding  # not in a URL: "$1 each https://..."


class _Sentence:
    """The tokens of one sentence and the rules applied at each of them."""

    def __init__(
        self, doc: Document, tokens: list[_Token], tail: str, lexicon: AgreementLexicon
    ) -> None:
        self.doc, self.tokens, self.tail, self.lex = doc, tokens, tail, lexicon
        self._next_verb = [len(tokens) + _REACH] * (len(tokens) + 1)  # nearest agreeing verb
        for k in range(len(tokens) - 1, -1, -1):
            verb = tokens[k].lower in lexicon.verbs
            self._next_verb[k] = k if verb else self._next_verb[k + 1]

    def findings(self) -> Iterator[Finding]:
        """Every finding of the sentence, in token order."""
        quantifiers, next_verb = self.lex.quantifiers, self._next_verb
        for i, token in enumerate(self.tokens):
            word = token.lower
            found: list[Finding | None] = []
            if word in quantifiers or word[0].isdigit() or "-" in word:
                found += (self._numeral_noun(i), self._partitive(i), self._determiner_noun(i))
            if next_verb[i] - i <= _REACH and self._clause_start(i):
                found.append(self._subject_verb(i))
                if word == "there":
                    found.append(self._existential(i))
                joined = any(t.lower == "and" for t in self.tokens[i + 1 : i + 5])
                if joined and (token.text[0].isupper() or word in ("both", "the")):
                    found.append(self._coordinated_names(i))
            yield from filter(None, found)

    # -- helpers -----------------------------------------------------------------------

    def _word(self, i: int) -> _Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def _joined(self, i: int) -> bool:
        """Token ``i`` follows the previous one after plain spaces."""
        token = self._word(i)
        return token is not None and (i == 0 or not token.gap.strip())

    def _lower_case(self, i: int) -> bool:
        token = self.tokens[i]
        return token.text == token.lower or (i == 0 and token.text[1:] == token.lower[1:])

    def _phrase_end(self, i: int) -> str | None:
        """How clearly a noun phrase ends before token ``i``: "strong", "weak", or None when
        it may go on (a noun, a capitalised word, a hyphen or a possessive follows)."""
        token = self._word(i)
        gap = token.gap if token else self.tail
        if gap[:1] in ("'", "’", "-", "/", "&") or gap.strip()[:1] in ("'", "’", "/", "&"):
            return None  # a possessive, a hyphenated compound, "and/or", "AT&T"
        if gap.strip() or token is None:
            return "strong"
        if token.lower in self.lex.classes["phrase_end"]:
            return "strong"
        word = token.lower
        if token.text[0].isupper() or not token.text[0].isalpha():
            return None
        if word in self.lex.quantifiers or _DIGITS.fullmatch(word):
            return None  # "two point five"
        if word.endswith("ing"):
            noun = self.lex.singulars.get(word)
            after = self._word(i + 1)
            compound = after is not None and not after.gap.strip() and self.lex.is_noun(after.lower)
            if compound or not (noun is None or noun.mass):
                return None  # "two wafer processing plants"
            return "weak"  # "two year urging"
        if word in ("and", "or"):
            after, then = self._word(i + 1), self._word(i + 2)
            modifier = (
                after is not None
                and after.text.isalpha()
                and after.lower not in function_words()
                and after.lower not in self.lex.classes["partitive"]
                and then is not None
                and not then.gap.strip()
                and self.lex.is_noun(then.lower)
            )
            return None if modifier else "weak"  # "various innovation and entrepreneurship
            # competitions" is a shared modifier; "72 hour and up to a week" is no
        if word in self.lex.classes["partitive"] or word in self.lex.adverbs or word.endswith("ly"):
            return "weak"  # "20 year his senior", "three time already"
        if word in ("last", "next"):
            return "weak"  # "150,000 car last year"
        if self.lex.is_noun(word):
            return None
        if word in function_words():
            return "weak"
        if word in self.lex.adjectives:
            return None if self._before_noun(i) else "weak"  # "two rival armed groups"
        if can_be_verb(word) and is_common_word(word) and not self._before_noun(i):
            return "strong"  # a verb: "these issue get tested", "many company offer"
        return None  # an unknown word, often a rare noun: "two input tetrahedrons"

    def _may_stand_alone(self, i: int, kind: str) -> bool:
        """Whether a numeral or quantifier may be a subject by itself here ("the two met",
        "many fear"): a numeral only after a determiner or at a clause start, a quantifier
        unless a preposition or a past/-ing verb comes before it."""
        if kind != "numeral":
            return not self._after_verb_or_preposition(i)
        before = self._word(i - 1)
        if before is None or not self._joined(i):
            return True
        return before.lower in self.lex.classes["subject"] or before.lower in ("and", "or")

    def _after_verb_or_preposition(self, i: int) -> bool:
        """Token ``i`` follows a preposition or a past/-ing verb: a numeral there counts
        things ("killed three soldier"), it is not a subject on its own ("the two met")."""
        before = self._word(i - 1)
        if before is None or not self._joined(i):
            return False
        if function_words().get(before.lower) == "preposition":
            return True
        return before.lower.endswith(("ed", "ing")) and can_be_verb(before.lower)

    def _auxiliary_next(self, i: int) -> bool:
        """Token ``i`` is a word that surely follows a noun phrase ("were", "of", "ago") or
        a past verb ("the two side agreed")."""
        token = self._word(i)
        if token is None or not self._joined(i):
            return False
        word = token.lower
        if word in self.lex.classes["phrase_end"]:
            return True
        past = word.endswith("ed") and can_be_verb(word) and not self.lex.is_noun(word)
        return past and not self._before_noun(i)  # not "two rival armed groups"

    def _before_noun(self, i: int) -> bool:
        """Token ``i`` is followed by a noun, so it may modify it ("armed groups")."""
        after = self._word(i + 1)
        return after is not None and not after.gap.strip() and self.lex.is_noun(after.lower)

    def _needs_strong_end(self, noun: Noun, pronominal: bool, after: _Token | None) -> bool:
        """Whether a word that may be a verb ("many fear") or an adjective ("two civilian
        and military targets") needs more than a weak phrase end."""
        if (pronominal and noun.verb) or noun.singular in self.lex.past_forms:
            return True  # "many fear"; "the conference held from 8 to 10 spoke highly"
        preposition = after is not None and function_words().get(after.lower) == "preposition"
        return noun.adjective and not preposition

    def _countable(self, word: str) -> Noun | None:
        """The lexicon noun whose singular is ``word``, if it should be plural after a
        numeral: not mass, collective, invariant or a past-participle adjective."""
        noun = self.lex.singulars.get(word)
        if noun is None or noun.mass:
            return None
        if word in self.lex.invariant_units or word in self.lex.quantifiers:
            return None  # "five percent"
        if word.endswith("ing") and not noun.plural_common:
            return None  # "grade 6 reading"; not "many building"
        if word in self.lex.scale_words:
            return None  # "a few dozen"
        if noun.adjective and (not noun.plural_common or word.endswith("ed")):
            return None
        return noun

    # -- AG101: "three soldier", "several member", "these country" ----------------------

    def _quantity(self, i: int) -> tuple[str, bool] | None:
        """(kind, pronoun-like) when token ``i`` asks for a plural noun."""
        token = self.tokens[i]
        before = self._word(i - 1)
        if not self._lower_case(i):
            return None
        parts = token.lower.split("-")
        quantifier = self.lex.quantifiers.get(parts[-1])
        numerals = all(p in self.lex.quantifiers for p in parts)  # "twenty-five", not "under-five"
        if quantifier is not None and quantifier.plural and numerals:
            kind, pronoun_like = quantifier.kind, quantifier.pronoun_like
        elif self._thousands(i):
            kind, pronoun_like = "numeral", False  # "13,000"
        elif _DIGITS.fullmatch(token.text) and token.text not in ("1",):
            opener = i == 1 and before.lower in function_words()  # "In 23 case"
            name = before and before.text[0].isupper() and not opener
            if token.gap[-1:] in "$£€#-/.,:" or name:
                return None  # "$5 note", "Article 5", "1,500", "3.5"; not "In 23 case"
            if before and self._joined(i) and before.lower in self.lex.label_nouns:
                return None  # "category 5 storm"
            if before and before.lower in self.lex.classes["partitive"] - {"the"}:
                return None  # "my 135 house": a label
            kind, pronoun_like = "numeral", False  # digits seldom stand alone: "the two met"
        else:
            return None
        if kind == "numeral" and before and before.lower in ("a", "an") and self._joined(i):
            return None  # "a two week delay", "a 20 year old"
        if token.lower == "both" and any(t.lower == "and" for t in self.tokens[i + 1 : i + 5]):
            return None  # "both army and police"
        if token.lower == "many" and before and before.lower == "how":
            return kind, False
        return kind, pronoun_like

    def _quoted(self, i: int) -> bool:
        """Token ``i`` is inside a short quotation, eight words at most: a slogan or a title
        ("the "two establishment"", "six protection" work), not a quoted sentence."""
        gaps = [t.gap for t in self.tokens] + [self.tail]
        before = [k for k in range(max(0, i - 7), i + 1) if _QUOTES.intersection(gaps[k])]
        after = [k for k in range(i + 1, min(len(gaps), i + 9)) if _QUOTES.intersection(gaps[k])]
        return bool(before and after and after[0] - before[-1] <= 8)

    def _thousands(self, i: int) -> bool:
        """Token ``i`` ends a number written with separators: the "000" of "13,000"."""
        token, before = self._word(i), self._word(i - 1)
        return (
            token is not None
            and len(token.text) == 3
            and token.text.isdigit()
            and token.gap == ","
            and before is not None
            and before.text.isdigit()
            and before.gap[-1:] not in "$£€"
        )

    def _numeral_noun(self, i: int) -> Finding | None:
        quantity = self._quantity(i)
        if quantity is None or self._quoted(i):
            return None
        kind, pronoun_like = quantity
        j = i + 1
        other = self._word(j)
        if other is not None and other.text == "other" and self._auxiliary_next(j + 1):
            return SINGULAR_AFTER_NUMERAL.at(
                self.doc,
                other.start,
                other.end,
                f"'other' after '{self.tokens[i].text}' stands for a plural noun: 'others'.",
                ["others"],
                confidence=0.85,
                safe=False,
            )  # "three soldiers were killed and five other were wounded"
        while (
            kind == "numeral" and self._joined(j) and self.tokens[j].lower in self.lex.scale_words
        ):
            j += 1
        modifiers = 0
        digits = self.tokens[i].text[0].isdigit()
        while modifiers < 2 and self._joined(j) and self._modifier(j, names=not digits):
            end = self._phrase_end(j + 1)
            more = end is None or (self._joined(j + 1) and self._modifier(j + 1))
            if self._countable(self.tokens[j].lower) and (end == "strong" or not more):
                break  # "three Iraqi civilian in", "a few day ago": the noun is the head
            j, modifiers = j + 1, modifiers + 1
        if not (self._joined(j) and self._lower_case(j)):
            return None
        head = self.tokens[j]
        noun = self._countable(head.lower)
        if noun is None:
            return None
        end = self._phrase_end(j + 1)
        if end is None:
            return None
        after = self._word(j + 1)
        if after and after.lower in self.lex.measure_adjectives and head.lower in self.lex.measure:
            return None  # "a 20 year old"
        verb = self.lex.verbs.get(after.lower) if after else None
        if self.tokens[i].text[0].isdigit() and verb is not None and not verb[1]:
            return None  # "The 777 program has": a thing named by a number
        pronominal = pronoun_like and self._may_stand_alone(i, kind)
        strong = end == "strong" or self._auxiliary_next(j + 1)
        if not strong and self._needs_strong_end(noun, pronominal, after):
            return None
        clause_end = kind == "determiner" and end == "strong"  # "these school," is no "these go,"
        if pronominal and noun.verb and not (clause_end or self._auxiliary_next(j + 1)):
            return None  # "as many fear." ends a clause too: only "many fear were" is safe
        plain = not noun.adjective  # a pronoun-like numeral before a verb-like noun got here
        # only with an auxiliary after it: "Three soldier were killed"
        safe = kind == "numeral" and modifiers == 0 and plain
        confidence = {"numeral": 0.9, "quantifier": 0.8}.get(kind, 0.75) - (0 if plain else 0.1)
        return SINGULAR_AFTER_NUMERAL.at(
            self.doc,
            head.start,
            head.end,
            f"'{head.text}' after '{self.tokens[i].text}' should be plural.",
            [noun.plural],
            confidence=confidence,
            safe=safe,
        )

    def _modifier(self, j: int, names: bool = True) -> bool:
        """An adjective or (with ``names``) a capitalised word between a numeral and its noun;
        after digits a capital starts a model name ("737 Max jet")."""
        token = self.tokens[j]
        if token.lower in function_words() or token.lower in self.lex.quantifiers:
            return False
        if token.text[0].isupper():
            return names and token.text.isalpha()
        noun = self.lex.singulars.get(token.lower)
        if noun is not None and (not noun.adjective or noun.plural_common):
            return False  # a noun: "wheel" in "four wheel drive", "official" in "two official"
        return token.lower in self.lex.adjectives or (
            token.lower.endswith("ed") and not self.lex.is_noun(token.lower)
        )

    # -- AG101: "two of the soldier" --------------------------------------------------

    def _partitive(self, i: int) -> Finding | None:
        token = self.tokens[i]
        quantifier = self.lex.quantifiers.get(token.lower)
        numeral = quantifier is not None and (quantifier.plural or quantifier.kind == "numeral")
        if not (numeral or token.lower in ("each", "either", "neither")):
            return None
        if quantifier is not None and quantifier.kind == "determiner" and quantifier.plural:
            return None  # "these of the"?
        of, determiner = self._word(i + 1), self._word(i + 2)
        if not (
            of
            and determiner
            and of.lower == "of"
            and determiner.lower in self.lex.classes["partitive"]
        ):
            return None
        j = i + 3
        if not (self._joined(i + 1) and self._joined(i + 2) and self._joined(j)):
            return None
        if not self._lower_case(j):
            return None
        head = self.tokens[j]
        noun = self._countable(head.lower)
        if noun is None or head.lower in self.lex.measure or head.lower in self.lex.collective:
            return None
        if self._phrase_end(j + 1) is None:
            return None
        return SINGULAR_AFTER_NUMERAL.at(
            self.doc,
            head.start,
            head.end,
            f"'{token.text} of {determiner.text} {head.text}': the noun should be plural.",
            [noun.plural],
            confidence=0.8,
            safe=False,
        )

    # -- AG102: "a soldiers", "each countries", "this attacks" -------------------------

    def _determiner_noun(self, i: int) -> Finding | None:
        token = self.tokens[i]
        quantifier = self.lex.quantifiers.get(token.lower)
        if quantifier is None or quantifier.plural or token.lower == "that":
            return None
        if not self._lower_case(i) or not (self._joined(i + 1) and self._lower_case(i + 1)):
            return None
        before = self._word(i - 1)
        if token.lower == "one" and before and before.lower in self.lex.classes["one_as_pronoun"]:
            return None
        if token.lower in ("either", "neither") and any(
            t.lower in ("or", "nor") for t in self.tokens[i + 2 : i + 6]
        ):
            return None  # "neither airlines nor consumers"
        head = self.tokens[i + 1]
        noun = self.lex.plurals.get(head.lower)
        if noun is None or head.lower in self.lex.singulars or head.lower in self.lex.quantifiers:
            return None
        end = self._phrase_end(i + 2)
        if end is None or (
            noun.verb and quantifier.pronoun_like and not self._auxiliary_next(i + 2)
        ):
            return None  # "This means", "what this entails,", "Each wants"
        if head.lower in self.lex.measure and before and before.lower in ("per", "every"):
            return None
        suggestions = [f"{token.text} {noun.singular}"]
        if token.lower == "this":
            suggestions.append(f"{_same_case('these', token.text)} {head.text}")
        elif token.lower in ("a", "an") and before is not None:
            suggestions.append(head.text)
        return PLURAL_AFTER_SINGULAR.at(
            self.doc,
            token.start,
            head.end,
            f"'{head.text}' is plural but '{token.text}' asks for one.",
            suggestions,
            confidence=0.8,
        )

    # -- AG103: "the attacks was", "the soldier were", "Iran and Iraq has" -------------

    def _clause_start(self, i: int) -> bool:
        """Token ``i`` starts a clause: the sentence's first word, after punctuation, after
        'that'/'when'/'said', or after ', and'."""
        if i == 0:
            return True
        token, before = self.tokens[i], self.tokens[i - 1]
        if _BOUNDARY.search(token.gap):
            return True
        if token.gap.strip():
            return False
        if before.lower in self.lex.openers:
            earlier = self._word(i - 2)
            return not (before.lower == "as" and earlier and earlier.lower in ("such", "well"))
        return before.lower in ("and", "but") and bool(_BOUNDARY.search(before.gap))

    def _after_approximation(self, i: int) -> int:
        """The index of the number in "at least 384", "more than 20", "nearly 40", or ``i``."""
        for k in range(i, min(i + 2, len(self.tokens) - 1)):
            if self.tokens[k].lower not in self.lex.classes["approximator"]:
                break
            following = self.tokens[k + 1]
            if self._joined(k + 1) and (
                following.text[0].isdigit() or following.lower in self.lex.quantifiers
            ):
                return k + 1
        return i

    def _after_list(self, i: int) -> bool:
        """Token ``i`` follows ", and" or ", or": it may end a list that is the subject."""
        before = self._word(i - 1)
        return (
            before is not None
            and before.lower in ("and", "or")
            and bool(_BOUNDARY.search(before.gap))
        )

    def _after_and(self, i: int) -> bool:
        before = self._word(i - 1)
        return before is not None and before.lower in ("and", "but")

    def _verb_after(self, j: int) -> int | None:
        """Index of the agreeing verb right after token ``j - 1`` (one adverb allowed)."""
        if self._joined(j) and self.tokens[j].lower in self.lex.adverbs:
            j += 1
        if self._joined(j) and self.tokens[j].lower in self.lex.verbs and self._lower_case(j):
            return j
        return None

    def _subject_verb(self, i: int) -> Finding | None:
        tokens, classes = self.tokens, self.lex.classes
        j, determiners, numeral = self._after_approximation(i), [], False
        while j < i + 2 and j < len(tokens) and (j == i or self._joined(j)):
            word = tokens[j].lower
            if word in classes["subject"] or word in classes["singular_determiner"]:
                determiners.append(word)
            elif (quantifier := self.lex.quantifiers.get(word)) and quantifier.kind == "numeral":
                if not quantifier.plural:
                    return None  # "one": AG102's business
                numeral = True
            else:
                break
            j += 1
        if j < len(tokens) and (_DIGITS.fullmatch(tokens[j].text) or self._thousands(j + 1)):
            j += 2 if self._thousands(j + 1) else 1
            following = self._word(j)
            if following is None or following.lower not in self.lex.plurals:
                return None  # amounts: "20 percent is", "$5 million is"
            numeral = True  # "At least 384 people has died"
        if not determiners and (tokens[i].lower.endswith("ing") or self._after_and(i)):
            return None  # "Taking photos is"; "education, science, and talents is"
        relative = i > 0 and tokens[i - 1].lower == "that" and can_be_verb(tokens[i].lower)
        if not determiners and relative:
            return None  # "companies that make money today have": a relative clause
        for length in range(1, 5):
            head = j + length - 1
            if head >= len(tokens) or (head > i and not self._joined(head)):
                return None
            verb = self._verb_after(head + 1)
            if verb is not None:
                return self._judge_subject(i, head, verb, determiners, numeral)
            if not self._noun_phrase_word(head, first=head == i):
                return None
            verb = self._verb_after_phrase(head + 1) or self._verb_after_relative(head + 1)
            if verb is None and tokens[head].lower in self.lex.plurals:
                return None  # "readers feel are": a plural noun ends its phrase
            if verb is not None:
                return self._judge_subject(i, head, verb, determiners, numeral, attraction=True)
        return None

    def _verb_after_relative(self, k: int) -> int | None:
        """The agreeing verb after a relative clause set off by commas ("The prize, which is
        in its 20th year, are"), if the clause has no other comma and at most 12 words."""
        token = self._word(k)
        if token is None or token.gap.strip() != "," or token.lower not in ("which", "who"):
            return None
        for close in range(k + 1, min(k + 13, len(self.tokens))):
            gap = self.tokens[close].gap
            if gap.strip():
                if gap.strip() != ",":
                    return None
                agreeing = self.tokens[close].lower in self.lex.verbs and self._lower_case(close)
                return close if agreeing else None
        return None

    def _verb_after_phrase(self, k: int) -> int | None:
        """The agreeing verb after a prepositional phrase starting at token ``k`` ("on the
        base was"), if the phrase is plain: a preposition, determiners, up to four words."""
        if not (
            self._joined(k) and self.tokens[k].lower in self.lex.classes["subject_preposition"]
        ):
            return None
        k += 1
        while self._joined(k) and self.tokens[k].lower in self.lex.classes["partitive"]:
            k += 1
        for stop in range(k, k + 4):
            if not (self._joined(stop) and self._phrase_word(stop)):
                return None
            verb = self._verb_after(stop + 1)
            if verb is not None:
                return verb
        return None

    def _phrase_word(self, k: int) -> bool:
        """A word of a noun phrase inside a prepositional phrase (names allowed)."""
        token = self.tokens[k]
        if token.lower in self.lex.quantifiers or token.text[0].isdigit():
            return False  # "in the universe two black holes have": a new subject
        if token.text[0].isupper() and token.text.replace(".", "").isalnum():
            return token.lower not in function_words() and token.lower not in self.lex.verbs
        return self._noun_phrase_word(k, first=False)

    def _noun_phrase_word(self, k: int, first: bool) -> bool:
        token = self.tokens[k]
        if re.fullmatch(r"\w+['’]s|\w+(?:-\w+)+|[A-Z][A-Za-z]*\d\w*|\d+(?:m|bn|k)", token.text):
            return True  # "the city's airport", "the 51-year-old designer", "G8 ministers"
        if not token.text.isalpha():
            return False
        if token.text[0].isupper() and not first:
            return token.lower not in function_words()
        word = token.lower
        if word.endswith("ly") and not self.lex.is_noun(word) and not first:
            return True  # "the newly requested investigation"
        if word in function_words() or word in self.lex.verbs or word in self.lex.quantifiers:
            return False
        if word in self.lex.classes["pronoun"]:
            return False
        if word in self.lex.adjectives and can_be_verb(word) and not word.endswith("ed"):
            return self.lex.is_noun(word)  # "said", "left": a verb more often
        if self.lex.is_noun(word) or word in self.lex.adjectives or word.endswith("ed"):
            return True
        return not first and not can_be_verb(word)  # an unknown word: "the spyware tool"

    def _judge_subject(
        self,
        i: int,
        head: int,
        verb: int,
        determiners: list[str],
        numeral: bool,
        attraction: bool = False,
    ) -> Finding | None:
        """A finding when the head noun and the verb disagree in number; ``attraction``: a
        prepositional phrase stands between them ("the attacks on the base was")."""
        noun_token, verb_token = self.tokens[head], self.tokens[verb]
        title_case = head == i == 0 and noun_token.text[1:] == noun_token.lower[1:]
        lower_phrase = attraction and all(
            t.text.islower() for t in self.tokens[head + 1 : verb] if t.text.isalpha()
        )
        if noun_token.text != noun_token.lower and not (title_case and lower_phrase):
            return None  # a name or a title: "England have", "Cats is"; not "Improvements
            # in the job market has"
        word = noun_token.lower
        form, plural_verb = self.lex.verbs[verb_token.lower]
        singular = set(determiners) & self.lex.classes["singular_determiner"]
        plural = set(determiners) & {"these", "those", "both", "several", "many", "few", "all"}
        if word in self.lex.plurals and word not in self.lex.singulars:
            if plural_verb or singular or self.lex.plurals[word].singular in self.lex.measure:
                return None
            expected = "plural"
        elif (noun := self.lex.singulars.get(word)) is not None:
            if not plural_verb or numeral or plural or "some" in determiners:
                return None
            if self.lex.takes_plural_verb(word) or self._subjunctive(i, verb):
                return None
            if noun.adjective and not noun.plural_common:
                return None  # "the rich are", "the domestic are"
            if self._after_list(i):
                return None  # "night vision, and a 360-degree camera are": the whole list
            if word in self.lex.scale_words or word in self.lex.invariant_units:
                return None  # "a dozen were", "a million are"
            expected = "singular"
        else:
            return None
        return SUBJECT_VERB.at(
            self.doc,
            verb_token.start,
            verb_token.end,
            f"'{verb_token.text}' does not agree with its {expected} subject '{noun_token.text}'.",
            [form],
            confidence=(0.8 if expected == "plural" else 0.7) - (0.05 if attraction else 0),
        )

    def _subjunctive(self, i: int, verb: int) -> bool:
        """'were to', 'if the soldier were', 'insisted that the minister have'."""
        after = self._word(verb + 1)
        if self.tokens[verb].lower == "were" and after is not None and after.lower == "to":
            return True
        before = self._word(i - 1)
        if self.tokens[verb].lower == "were" and before and before.lower in ("if", "as", "wish"):
            return True  # "if the minister were", "as if the soldier were"
        start = self.tokens[i].start
        return bool(_MANDATIVE.search(self.doc.text[max(0, start - 40) : start]))

    def _existential(self, i: int) -> Finding | None:
        """ "There is many reasons", "there was two attacks": 'there' and a singular verb
        before a counted plural noun (not an amount: "there is 10 minutes left")."""
        verb, j = i + 1, i + 2
        if not (self._joined(verb) and self.tokens[verb].lower in ("is", "was")):
            return None
        if not self._joined(j) or self._quantity(j) is None:
            return None
        j += 1
        while self._joined(j) and self.tokens[j].lower in self.lex.scale_words:
            j += 1
        modifiers = 0
        while modifiers < 2 and self._joined(j) and self._modifier(j):
            j, modifiers = j + 1, modifiers + 1
        head = self._word(j)
        if head is None or not self._joined(j) or head.lower not in self.lex.plurals:
            return None
        noun = self.lex.plurals[head.lower]
        if noun.singular in self.lex.measure or self._phrase_end(j + 1) is None:
            return None
        token = self.tokens[verb]
        form = self.lex.verbs[token.lower][0]
        return SUBJECT_VERB.at(
            self.doc,
            token.start,
            token.end,
            f"'there {token.text}' before the plural '{head.text}': the verb agrees with it.",
            [form],
            confidence=0.75,
        )

    def _coordinated_names(self, i: int) -> Finding | None:
        """ "Iran and Iraq has": two country names joined by 'and' before a singular verb."""
        j = i + 1 if self.tokens[i].lower in ("both", "the") else i
        left = self._country(j)
        if left is None or not self._joined(left) or self.tokens[left].lower != "and":
            return None
        start = left + 1
        if self._joined(start) and self.tokens[start].lower == "the":
            start += 1
        right = self._country(start)
        if right is None:
            return None
        verb = self._verb_after(right)
        if verb is None:
            return None
        form, plural_verb = self.lex.verbs[self.tokens[verb].lower]
        if plural_verb:
            return None
        token = self.tokens[verb]
        return SUBJECT_VERB.at(
            self.doc,
            token.start,
            token.end,
            f"'{token.text}' does not agree with its plural subject, two countries joined "
            "by 'and'.",
            [form],
            confidence=0.75,
        )

    def _country(self, j: int) -> int | None:
        """The index after the longest country name starting at token ``j``."""
        for stop in range(min(j + 4, len(self.tokens)), j, -1):
            if not all(self._joined(k) for k in range(j + 1, stop)):
                continue
            if not self.tokens[j].text[:1].isupper():
                return None
            name = " ".join(t.lower.replace(".", "") for t in self.tokens[j:stop])
            if name in self.lex.countries:
                return stop
        return None


def _same_case(word: str, original: str) -> str:
    return word.capitalize() if original[:1].isupper() else word
