"""AG103: a verb whose number disagrees with its subject ("the attacks was", "Iran and Iraq
has", "there is many reasons")."""

from __future__ import annotations

import re

from toolkit.checks.agreement.phrase import DIGITS, SentenceReader, verb_base
from toolkit.checks.agreement.rules import SUBJECT_VERB
from toolkit.english import can_be_verb, function_words
from toolkit.findings import Finding

_MANDATIVE = re.compile(
    r"\b(?:demand|insist|requir|recommend|request|urg|propos|suggest|ask|essential|important|"
    r"vital|necessary)\w*\s+that\s+$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"[,;:(—–]|\s-\s")
_ACRONYM = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]*")  # MAK, IAEA, MoH


class VerbNumber(SentenceReader):
    """The subject/verb rules of a sentence."""

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

    def _after_adjective_comma(self, i: int) -> bool:
        """Token ``i`` follows a comma after an adjective: the comma joins two adjectives of
        one noun phrase ("cheap, powerful phones"), it does not start a clause."""
        before = self._word(i - 1)
        if before is None or self.tokens[i].gap.strip() != ",":
            return False
        word = before.lower
        adjective = word in self.lex.adjectives or ("-" in word and not self.lex.is_noun(word))
        return adjective and not self.lex.is_noun(word)

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
        if j < len(tokens) and (DIGITS.fullmatch(tokens[j].text) or self._thousands(j + 1)):
            j += 2 if self._thousands(j + 1) else 1
            following = self._word(j)
            if following is None or following.lower not in self.lex.plurals:
                return None  # amounts: "20 percent is", "$5 million is"
            numeral = True  # "At least 384 people has died"
        if not determiners and (tokens[i].lower.endswith("ing") or self._after_and(i)):
            return None  # "Taking photos is"; "education, science, and talents is"
        if not determiners and self._after_adjective_comma(i):
            return None  # "the mass of cheap, powerful phones has": no clause starts here
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
            named = self._verb_after_acronym(head)
            if named is not None:
                return self._judge_subject(
                    i, head, named, determiners, numeral, attraction=True, named=True
                )
            verb = self._verb_after_phrase(head + 1) or self._verb_after_relative(head + 1)
            if verb is None and tokens[head].lower in self.lex.plurals:
                return self._present_s(head, determiners)  # "readers feel are": a plural
                # noun ends its phrase; "the indicators points to": its verb
            if verb is not None:
                return self._judge_subject(i, head, verb, determiners, numeral, attraction=True)
        return None

    def _present_s(self, head: int, determiners: list[str]) -> Finding | None:
        """A plural noun, then a present verb in -s and its complement ("the leading
        indicators points to a decline"): the verb should lose its -s. Without a determiner
        the noun must not be a verb itself ("Greene sets sights on")."""
        k = head + 1
        verb, after = self._word(k), self._word(k + 1)
        noun = self.tokens[head]
        if verb is None or after is None or not (self._joined(k) and self._joined(k + 1)):
            return None
        if not determiners and self.lex.plurals[noun.lower].verb:
            return None
        word = verb.lower
        if verb.text != word or noun.text != noun.lower or noun.lower in self.lex.singulars:
            return None  # "the Yankees leads", "the sheep grazes"
        if not word.endswith("s") or word.endswith(("ss", "us", "is")) or word in self.lex.verbs:
            return None
        if after.lower not in self.lex.classes["verb_complement"]:
            return None
        for later in self.tokens[k + 1 :]:
            if _BOUNDARY.search(later.gap) or later.gap.strip():
                break
            if later.lower in self.lex.verbs:
                return None  # "the jobs reports on Friday were": a noun, the verb is later
        base = verb_base(word)
        if base is None:
            return None
        return SUBJECT_VERB.at(
            self.doc,
            verb.start,
            verb.end,
            f"'{verb.text}' does not agree with its plural subject '{noun.text}'.",
            [base],
            confidence=0.7,
        )

    def _verb_after_acronym(self, head: int) -> int | None:
        """The agreeing verb in "Specialists of the Interstate Aviation Committee (MAK) has":
        'of', an organisation's capitalised name, its acronym in brackets, the verb. An
        acronym that starts with the head's letter and is not the initials of the name after
        'of' names the whole subject ("Friends of the Earth (FoE) has"): nothing is returned."""
        k = head + 1
        if not (self._joined(k) and self.tokens[k].lower == "of"):
            return None
        k += 1 + (self._joined(k + 1) and self.tokens[k + 1].lower == "the")
        words = 0
        while self._joined(k) and (
            self.tokens[k].text[:1].isupper() or (words and self.tokens[k].lower in ("of", "for"))
        ):
            k, words = k + 1, words + 1
        acronym, verb = self._word(k), self._word(k + 1)
        if not words or acronym is None or verb is None:
            return None
        if (
            acronym.gap.strip() != "("
            or verb.gap.strip() != ")"
            or not _ACRONYM.fullmatch(acronym.text)
        ):
            return None
        initials = "".join(w.text[0] for w in self.tokens[k - words : k] if w.text[0].isupper())
        capitals = "".join(c for c in acronym.text if c.isupper())
        if capitals != initials and acronym.text[0] == self.tokens[head].text[0].upper():
            return None  # "Friends of the Earth (FoE)": the acronym names the whole subject
        agreeing = verb.lower in self.lex.verbs and self._lower_case(k + 1)
        return k + 1 if agreeing else None

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

    def _verb_after_phrase(self, k: int, depth: int = 3) -> int | None:
        """The agreeing verb after a prepositional phrase starting at token ``k`` ("on the
        base was"), if the phrase is plain: a preposition, determiners, up to four words,
        and up to ``depth`` such phrases in a row ("on the work of women in the health
        sector has")."""
        if depth == 0 or not (
            self._joined(k) and self.tokens[k].lower in self.lex.classes["subject_preposition"]
        ):
            return None
        k += 1
        while self._joined(k) and self.tokens[k].lower in self.lex.classes["partitive"]:
            k += 1
        for stop in range(k, k + 4):
            if not (self._joined(stop) and self._phrase_word(stop)):
                return None
            verb = self._verb_after(stop + 1) or self._verb_after_phrase(stop + 1, depth - 1)
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
        named: bool = False,
    ) -> Finding | None:
        """A finding when the head noun and the verb disagree in number; ``attraction``: a
        prepositional phrase stands between them ("the attacks on the base was"); ``named``:
        the phrase is an organisation's name and acronym (`_verb_after_acronym`)."""
        noun_token, verb_token = self.tokens[head], self.tokens[verb]
        word = noun_token.lower
        title_case = head == i == 0 and noun_token.text[1:] == word[1:]
        lower_phrase = attraction and (
            named or all(t.text.islower() for t in self.tokens[head + 1 : verb] if t.text.isalpha())
        )
        plain = not attraction and word not in self.names and word in self.lex.plurals
        # not "Jobs has" when the text says "Steve Jobs", nor "Pirates of the Caribbean is"
        if plain and self._names_a_thing(verb):
            return None  # "Cats is a musical": a title
        if noun_token.text != word and not (title_case and (lower_phrase or plain)):
            return None  # a name or a title: "England have", "Cats is"; not "Improvements
            # in the job market has", "Investigations is"
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

    def _names_a_thing(self, verb: int) -> bool:
        """ "is a", "was the": a predicate noun, as after the title of a work ("Cats is a
        musical", "Friends was the most watched show")."""
        after = self._word(verb + 1)
        copula = self.tokens[verb].lower in ("is", "was")
        return copula and after is not None and after.lower in ("a", "an", "the", "one")

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
