"""AG101 and AG102: a singular noun after a numeral or plural quantifier ("three soldier",
"two of the soldier"), a plural noun after a singular determiner ("this attacks")."""

from __future__ import annotations

from toolkit.checks.agreement.data import Noun
from toolkit.checks.agreement.phrase import SentenceReader, Token
from toolkit.checks.agreement.rules import (
    PLURAL_AFTER_SINGULAR,
    SINGULAR_AFTER_NUMERAL,
)
from toolkit.checks.numbers.values import is_calque_scale
from toolkit.english import can_be_verb, function_words, same_case
from toolkit.findings import Finding

_QUOTES = frozenset('"“”«»')


class NounNumber(SentenceReader):
    """The noun-number rules of a sentence."""

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

    def _needs_strong_end(self, noun: Noun, pronominal: bool, after: Token | None) -> bool:
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

    def _quoted(self, i: int) -> bool:
        """Token ``i`` is inside a short quotation, eight words at most: a slogan or a title
        ("the "two establishment"", "six protection" work), not a quoted sentence."""
        tokens = self.tokens

        def gap(k: int) -> str:  # the text before token k; the sentence's tail after the last
            return tokens[k].gap if k < len(tokens) else self.tail

        before = [k for k in range(max(0, i - 7), i + 1) if _QUOTES.intersection(gap(k))]
        stop = min(len(tokens) + 1, i + 9)
        after = [k for k in range(i + 1, stop) if _QUOTES.intersection(gap(k))]
        return bool(before and after and after[0] - before[-1] <= 8)

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
        digits = self.tokens[i].text[0].isdigit()
        if (
            digits
            and j > i + 1
            and is_calque_scale(" ".join(t.lower for t in self.tokens[i + 1 : j]))
        ):
            return None  # "230 thousand barrel": NU101 gives "230,000 barrels"
        scaled, modifiers = j > i + 1, 0  # "100 billion tea industry": a compound adjective
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
            return None if scaled else self._compound_head(i, j)  # "of 300 new reform measure."
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

    def _compound_head(self, i: int, j: int) -> Finding | None:
        """ "of 211 member association.": digits after a preposition or verb, then two singular
        nouns and the end of a clause. The number counts the second noun; with a determiner
        before it the pair is a compound adjective ("the 15 member council")."""
        first, second = self.tokens[j], self._word(j + 1)
        if second is None or not self._joined(j + 1) or not self._counted_here(i):
            return None
        if not self.tokens[i].text[0].isdigit():
            return None  # "for two state solution": words make compound adjectives
        if first.lower in self.lex.measure or first.lower in self.lex.label_nouns:
            return None  # "of 24 hour service": a compound adjective without its hyphen
        noun = self._countable(second.lower)
        if noun is None or noun.adjective or not self._lower_case(j + 1):
            return None
        if self._phrase_end(j + 2) != "strong" or self._quoted(i):
            return None
        return SINGULAR_AFTER_NUMERAL.at(
            self.doc,
            second.start,
            second.end,
            f"'{second.text}' is counted by '{self.tokens[i].text}' and should be plural.",
            [noun.plural],
            confidence=0.7,
            safe=False,
        )

    def _quantity_of(self, i: int) -> Finding | None:
        """ "a wide range of international question", "dozens of soldier": a quantity noun
        and 'of' before a singular count noun that ends its clause."""
        before, earlier = self._word(i - 1), self._word(i - 2)
        if before is None or not self._joined(i) or not self._joined(i + 1):
            return None
        if before.lower not in self.lex.classes["quantity_of"]:
            return None
        if before.lower == "number" and not (earlier and earlier.lower == "a"):
            return None  # "the number of": a count, not a quantity
        j, modifiers = i + 1, 0
        while modifiers < 2 and self._joined(j + 1) and self._modifier(j, names=False):
            j, modifiers = j + 1, modifiers + 1
        head = self._word(j)
        if head is None or not self._joined(j) or not self._lower_case(j):
            return None
        noun = self._countable(head.lower)
        if noun is None or noun.adjective or head.lower in self.lex.collective:
            return None
        mass_too = before.lower in self.lex.classes["quantity_of_mass"]
        if not (noun.plural_usual if mass_too else noun.plural_common):
            return None  # "a range of experience", "a handful of food"
        if self._phrase_end(j + 1) != "strong" and not self._auxiliary_next(j + 1):
            return None
        return SINGULAR_AFTER_NUMERAL.at(
            self.doc,
            head.start,
            head.end,
            f"'{head.text}' after '{before.text} of' should be plural.",
            [noun.plural],
            confidence=0.75,
            safe=False,
        )

    def _counted_here(self, i: int) -> bool:
        """Token ``i`` follows a preposition or a verb ("of 211", "killed 3", "supports 120"),
        not a determiner ("the 15 member council")."""
        if self._after_verb_or_preposition(i):
            return True
        before, earlier = self._word(i - 1), self._word(i - 2)
        if before is None or not self._joined(i) or not before.lower.endswith("s"):
            return False
        after_determiner = earlier is not None and earlier.lower in self.lex.classes["partitive"]
        return can_be_verb(before.lower) and not after_determiner  # "The fund supports 120"

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
        if determiner.lower == "the":
            j = self._after_superlative(j)  # "one of the largest country"
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
            f"'{self.doc.text[token.start : head.end]}': the noun should be plural.",
            [noun.plural],
            confidence=0.8,
            safe=False,
        )

    def _after_superlative(self, j: int) -> int:
        """The token after a superlative that starts at ``j`` ("largest", "most important",
        "least developed"), or ``j`` when there is none."""
        token = self._word(j)
        if token is None:
            return j
        if token.lower in ("most", "least") and self._joined(j + 1):
            modifier = self._word(j + 1) is not None and self._modifier(j + 1, names=False)
            return j + 2 if modifier and self._joined(j + 2) else j
        superlative = (
            len(token.lower) > 5
            and token.lower.endswith("est")
            and token.lower.isalpha()
            and not self.lex.is_noun(token.lower)
            and not can_be_verb(token.lower)
        )
        return j + 1 if superlative and self._joined(j + 1) else j

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
        after = self._word(i + 2)
        if after and after.lower in ("up", "down") and self._joined(i + 2):
            return None  # "a heads up", "a thumbs down"
        if end is None or (
            noun.verb and quantifier.pronoun_like and not self._auxiliary_next(i + 2)
        ):
            return None  # "This means", "what this entails,", "Each wants"
        if head.lower in self.lex.measure and before and before.lower in ("per", "every"):
            return None
        suggestions = [f"{token.text} {noun.singular}"]
        if token.lower == "this":
            suggestions.append(f"{same_case('these', token.text)} {head.text}")
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
