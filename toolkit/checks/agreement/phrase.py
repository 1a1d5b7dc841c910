"""Reading a sentence for the agreement check: word tokens, the text between them, and
where a noun phrase ends. The number rules (nouns.py, verbs.py) build on it.

A noun phrase counts only when nothing but spaces separates its words and its end is clear:
punctuation, a verb or preposition after it, never another noun ("two state solution"), a
capitalised word, a hyphen or a possessive. A word that may also be a verb ("many fear") or an
adjective ("the two injured") needs a stronger end.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.document import Document
from toolkit.english import can_be_verb, function_words, is_common_word

REACH = 14  # words from a subject's first word to its verb, at most
DIGITS = re.compile(r"[1-9]\d{0,2}")
DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    gap: str  # text between the previous token (or the sentence start) and this one


class SentenceReader:
    """The tokens of one sentence and what the number rules ask of them."""

    def __init__(
        self,
        doc: Document,
        tokens: list[Token],
        tail: str,
        lexicon: AgreementLexicon,
        names: frozenset[str] = frozenset(),
    ) -> None:
        self.doc, self.tokens, self.tail, self.lex = doc, tokens, tail, lexicon
        self.names = names  # words the document capitalises inside sentences ("Banks")
        self._next_verb = [len(tokens) + REACH] * (len(tokens) + 1)  # nearest agreeing verb
        complement = lexicon.classes["verb_complement"]
        for k in range(len(tokens) - 1, -1, -1):
            word = tokens[k].lower
            verb = word in lexicon.verbs or (  # "the indicators points to"
                word[-1] == "s"
                and k + 1 < len(tokens)
                and tokens[k + 1].lower in complement
                and can_be_verb(word)
            )
            self._next_verb[k] = k if verb else self._next_verb[k + 1]

    def _word(self, i: int) -> Token | None:
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
        if word in self.lex.quantifiers or DIGITS.fullmatch(word):
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

    def _before_noun(self, i: int) -> bool:
        """Token ``i`` is followed by a noun, so it may modify it ("armed groups")."""
        after = self._word(i + 1)
        return after is not None and not after.gap.strip() and self.lex.is_noun(after.lower)

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
        elif (DIGITS.fullmatch(token.text) and token.text not in ("1",)) or self._scaled_decimal(i):
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
        if token.lower == "both" and any(t.lower == "and" for t in self.tokens[i + 1 :]):
            return None  # "both army and police", "both virtual play with friends and ..."
        if token.lower == "many" and before and before.lower == "how":
            return kind, False
        return kind, pronoun_like

    def _scaled_decimal(self, i: int) -> bool:
        """Token ``i`` is a decimal before a scale word or a unit: "1.5 billion dollar",
        "92.97 meter" (English makes a unit plural after any decimal: "0.5 metres")."""
        after = self._word(i + 1)
        if DECIMAL.fullmatch(self.tokens[i].text) is None or after is None:
            return False
        unit = after.lower in self.lex.measure and after.lower not in self.lex.invariant_units
        return self._joined(i + 1) and (after.lower in self.lex.scale_words or unit)

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


def verb_base(word: str) -> str | None:
    """The base form of a common verb in -s ("points" -> "point", "goes" -> "go", "relies" ->
    "rely"), or None."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    stems = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word.endswith("ies"):
        stems.insert(0, word[:-3] + "y")
    return next((s for s in stems if can_be_verb(s) and is_common_word(s)), None)
