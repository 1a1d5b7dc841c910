"""The word lists of the agreement check (corpora/agreement/), loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

from toolkit.english import adjectives as english_adjectives
from toolkit.resources import corpus_path, iter_tsv, read_lines

_LAYOUT = 5  # bump when the cached classes change: an old pickle would not load


class Noun(NamedTuple):
    """A count noun: its two forms, and what else its forms can be. (A NamedTuple: the
    cached lexicon of 15,000 nouns unpickles five times faster than with dataclasses.)"""

    singular: str
    plural: str
    verb: bool  # a form can be a verb ("attack", "attacks")
    adjective: bool  # the singular can be an adjective ("civilian", "official")
    mass: bool  # the plural is rare ("information")
    plural_common: bool  # the plural is about as frequent as the singular
    plural_usual: bool  # the plural is nearly as frequent: a count noun ("question", not
    # "experience"), so "a range of question" is a slip


@dataclass(frozen=True, slots=True)
class Quantifier:
    """A word that fixes the number of the noun after it."""

    word: str
    plural: bool
    kind: str  # numeral, quantifier or determiner
    pronoun_like: bool  # often a subject on its own: "many fear", "the two met"


@dataclass(frozen=True)
class AgreementLexicon:
    singulars: dict[str, Noun]
    plurals: dict[str, Noun]  # plural forms read as plural (not "means", "politics")
    plural_forms: frozenset[str]  # every plural form
    quantifiers: dict[str, Quantifier]
    verbs: dict[str, tuple[str, bool]]  # form -> (the other number's form, is plural)
    collective: frozenset[str]
    unmarked_plurals: frozenset[str]  # "the fish were", "the offspring are"
    measure: frozenset[str]
    invariant_units: frozenset[str]  # "five percent", "six foot"
    scale_words: frozenset[str]  # "two million people"
    measure_adjectives: frozenset[str]
    label_nouns: frozenset[str]  # "category 5 storm", "page 3"
    past_forms: frozenset[str]  # irregular verb forms that are also nouns: "spoke", "left"
    adjectives: frozenset[str]
    other_nouns: frozenset[str]  # no fixed number: "species", "news"
    adverbs: frozenset[str]
    openers: frozenset[str]
    countries: frozenset[str]
    classes: dict[str, frozenset[str]]  # small closed classes: "phrase_end", "subject"...
    set_phrases: dict[str, str]  # "heads of states" -> "heads of state"

    @classmethod
    @functools.cache
    def load(cls) -> AgreementLexicon:
        """The lexicon, from mtkit's disk cache when its source files have not changed."""
        from toolkit.cache import cached

        folder = corpus_path("agreement")
        sources = [
            *sorted(folder.iterdir()),
            corpus_path("english", "verb_irregular.tsv"),
            corpus_path("animacy", "nonhuman_names.txt"),
        ]
        return cached(f"agreement-lexicon-{_LAYOUT}", sources, cls._build)

    @classmethod
    def _build(cls) -> AgreementLexicon:
        singulars, plurals = {}, {}
        for row in iter_tsv(corpus_path("agreement", "nouns.tsv")):
            flags = row["flags"].split(",")
            noun = Noun(
                row["singular"],
                row["plural"],
                "verb" in flags,
                "adj" in flags,
                "mass" in flags,
                float(row["zipf_plural"]) >= float(row["zipf_singular"]) - 0.8,
                float(row["zipf_plural"]) >= float(row["zipf_singular"]) - 0.3,
            )
            singulars[noun.singular] = noun
            plurals[noun.plural] = noun
        singular_use = _words("singular_plurals.txt")
        plural_nouns = {
            form: noun
            for form, noun in plurals.items()
            if form not in singular_use and not form.endswith("ics")
        }
        quantifiers = {
            row["word"]: Quantifier(
                row["word"], row["number"] == "plural", row["kind"], row["pronoun_like"] == "yes"
            )
            for row in iter_tsv(corpus_path("agreement", "quantifiers.tsv"))
        }
        verbs = {}
        for row in iter_tsv(corpus_path("agreement", "verbs.tsv")):
            verbs[row["singular"]] = (row["plural"], False)
            verbs[row["plural"]] = (row["singular"], True)
        measure = list(iter_tsv(corpus_path("agreement", "measure.tsv")))
        return cls(
            singulars=singulars,
            plurals=plural_nouns,
            plural_forms=frozenset(plurals),
            quantifiers=quantifiers,
            verbs=verbs,
            collective=_words("collective.txt"),
            unmarked_plurals=_words("unmarked_plurals.txt"),
            measure=frozenset(row["word"] for row in measure),
            invariant_units=_where(measure, "invariant"),
            scale_words=_where(measure, "scale"),
            measure_adjectives=_words("measure_adjectives.txt"),
            label_nouns=_words("label_nouns.txt"),
            past_forms=frozenset(
                row["form"]
                for row in iter_tsv(corpus_path("english", "verb_irregular.tsv"))
                if row["form"] != row["lemma"] and not row["form"].endswith(("ing", "s"))
            ),
            adjectives=english_adjectives(),
            other_nouns=_words("other_nouns.txt"),
            adverbs=_words("adverbs.txt"),
            openers=_words("openers.txt"),
            classes={
                row["class"]: frozenset(row["words"].split())
                for row in iter_tsv(corpus_path("agreement", "word_classes.tsv"))
            },
            set_phrases={
                row["wrong"]: row["right"]
                for row in iter_tsv(corpus_path("agreement", "fixed_phrases.tsv"))
            },
            countries=frozenset(
                name.lower().replace(".", "")
                for name in read_lines("animacy", "nonhuman_names.txt")
            ),
        )

    def takes_plural_verb(self, word: str) -> bool:
        """A singular-looking noun that may take a plural verb: collective ("the government
        have") or unmarked plural ("the fish were")."""
        return word in self.collective or word in self.unmarked_plurals

    def is_noun(self, word: str) -> bool:
        """Whether a lower-case word is a form of a lexicon noun."""
        return word in self.singulars or word in self.plural_forms or word in self.other_nouns


def _words(name: str) -> frozenset[str]:
    return frozenset(read_lines("agreement", name))


def _where(rows: list[dict[str, str]], after_numeral: str) -> frozenset[str]:
    return frozenset(row["word"] for row in rows if row["after_numeral"] == after_numeral)
