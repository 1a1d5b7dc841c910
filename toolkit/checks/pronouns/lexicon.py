"""Animacy and gender of nouns, names and entity types (corpora/animacy/): what a noun
phrase can refer to."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.cache import cached
from toolkit.english import adjectives, can_be_verb
from toolkit.errors import ModelError
from toolkit.resources import corpora_dir, corpus_path, holdout_tags, iter_tsv, read_lines

# Letters in capitals, with or without dots: NATO, U.S.
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}")
_PLURALS = (("ies", "y"), ("es", ""), ("s", ""), ("men", "man"), ("dren", "d"))
_CACHE_NAME = "animacy-lexicon-6"


@dataclass(frozen=True, slots=True)
class Referent:
    """What a noun phrase names: ``animacy`` is human, nonhuman, maybe (a person?), unknown,
    or none (a date or amount, never an antecedent)."""

    animacy: str
    gender: str | None = None
    cls: str = ""
    reliable: bool = True


UNKNOWN = Referent("unknown")
MAYBE = Referent("maybe")


@dataclass(frozen=True, eq=False)
class AnimacyLexicon:
    """Animacy and gender of nouns, given names, entity types and gazetteer names
    (corpora/animacy/). Compared and hashed by identity, so results can be cached per
    lexicon."""

    nouns: dict[str, Referent]
    entity_types: dict[str, Referent]
    names: dict[str, Referent]
    class_confidence: dict[str, float]
    human_suffixes: tuple[str, ...]
    given_names: dict[str, str]  # lower-case given name -> m, f or - (either)
    not_antecedents: frozenset[str]
    name_heads: dict[str, str]  # head words that make a capitalised name a body
    frequent_words: frozenset[str]  # the 300 most frequent English words: never given names
    adjectives: frozenset[str]
    count_nouns: frozenset[str]  # singular English count nouns that are no adjectives
    name_prefixes: tuple[tuple[str, str], ...]  # ("abdol", "m"): Abdolnaser, Abdulaziz
    name_suffixes: tuple[tuple[str, str], ...]  # ("ollah", "m"): Hebatollah
    surname_suffixes: tuple[tuple[str, str], ...]  # ("ova", "f"): Petrova
    plural_nouns: frozenset[str]  # collectives that are "they": police
    name_particles: dict[str, str]  # "bint", "ould": daughter or son of, inside a name

    @classmethod
    @functools.cache
    def load(cls) -> AnimacyLexicon:
        """The lexicon, built once and kept pickled in mtkit's cache (55,000 given names)."""
        animacy = corpora_dir() / "animacy"
        sources = [
            *sorted(animacy.glob("*.t*")),
            corpus_path("agreement", "nouns.tsv"),
            corpus_path("agreement", "adjectives.txt"),
            corpus_path("english", "common_words.txt"),
            *sorted((corpora_dir() / "names").glob("curated.tsv")),
        ]
        return cached(_CACHE_NAME, sources, cls._build)

    @classmethod
    def _build(cls) -> AnimacyLexicon:
        def referent(row: dict[str, str]) -> Referent:
            gender = row.get("gender", "-")
            return Referent(
                row["animacy"],
                None if gender == "-" else gender,
                row["class"],
                row.get("reliable", "yes") == "yes",
            )

        nouns = {
            row["word"]: referent(row)
            for name in ("nouns_broad.tsv", "nouns.tsv")  # nouns.tsv wins
            for row in iter_tsv(corpus_path("animacy", name))
        }
        types = {
            f"{row['source']}:{row['type']}": referent(row)
            for row in iter_tsv(corpus_path("animacy", "entity_types.tsv"))
        }
        confidence = {
            row["class"]: float(row["confidence"])
            for row in iter_tsv(corpus_path("animacy", "classes.tsv"))
        }
        given = _pairs(corpus_path("animacy", "given_names_namdict.tsv"))
        given |= {
            r["name"]: r["gender"] for r in iter_tsv(corpus_path("animacy", "given_names.tsv"))
        }
        affixes = list(iter_tsv(corpus_path("animacy", "given_name_affixes.tsv")))
        count_nouns = _columns(corpus_path("agreement", "nouns.tsv"))
        return cls(
            nouns=nouns,
            entity_types=types,
            names=_gazetteer_names(types),
            class_confidence=confidence,
            human_suffixes=tuple(read_lines("animacy", "human_suffixes.txt")),
            given_names=given,
            not_antecedents=frozenset(read_lines("animacy", "not_antecedents.txt")),
            name_heads={
                row["head"]: row["class"]
                for row in iter_tsv(corpus_path("animacy", "name_heads.tsv"))
            },
            frequent_words=frozenset(read_lines("english", "common_words.txt")[:300]),
            adjectives=adjectives(),
            count_nouns=frozenset(r[0] for r in count_nouns if "adj" not in r[4].split(",")),
            name_prefixes=tuple(
                (r["affix"], r["gender"]) for r in affixes if r["position"] == "prefix"
            ),
            name_suffixes=tuple(
                (r["affix"], r["gender"]) for r in affixes if r["position"] == "suffix"
            ),
            surname_suffixes=tuple(
                (r["affix"], r["gender"]) for r in affixes if r["position"] == "surname"
            ),
            plural_nouns=frozenset(read_lines("animacy", "plural_nouns.txt")),
            name_particles={
                r["affix"]: r["gender"] for r in affixes if r["position"] == "particle"
            },
        )

    def given(self, word: str) -> str | None:
        """m, f or - for a lower-case given name, listed or recognised by an affix
        (Abdolnaser, Rouhollah); None for a word that is no known given name."""
        gender = self.given_names.get(word)
        if gender is not None or len(word) < 6:
            return gender
        for affix, sex in self.name_prefixes:
            if word.startswith(affix):
                return sex
        return next((sex for affix, sex in self.name_suffixes if word.endswith(affix)), None)

    def surname_gender(self, surname: str) -> str | None:
        """m or f for a lower-case surname whose ending tells the sex (Petrova, Ivanovich)."""
        return next((sex for affix, sex in self.surname_suffixes if surname.endswith(affix)), None)

    def gender_of(self, given_name: str) -> str | None:
        """m or f for a lower-case given name of one sex; None for others and unknowns."""
        gender = self.given(given_name)
        return gender if gender in ("m", "f") else None

    def english_word(self, word: str) -> bool:
        """Whether a lower-case word is also an English adjective or verb ("red", "rose",
        "will", "mark"), so a capitalised one may not be a given name. (Nouns are no test:
        WordNet lists "elizabeth" and "clinton".)"""
        return word in self.adjectives or can_be_verb(word)

    def noun(self, word: str) -> tuple[Referent, bool] | None:
        """The lexicon noun a lower-case word is, and whether it is its plural ("bases",
        "ministries")."""
        if word in self.nouns:
            return self.nouns[word], word in self.plural_nouns
        for suffix, replacement in _PLURALS:
            if word.endswith(suffix) and (singular := word[: -len(suffix)] + replacement) in (
                self.nouns
            ):
                return self.nouns[singular], True
        return None

    def classify(self, chunk: Any) -> Referent:
        """The referent of a spaCy noun chunk or entity span."""
        head = chunk.root
        for token in chunk:
            noun = self.nouns.get(token.lower_.rstrip("."))
            if noun and noun.cls == "title":
                return noun
        words = [t for t in chunk if t.dep_ != "det" and t.tag_ != "POS"]
        named = self.names.get(" ".join(t.lower_ for t in words)) if words else None
        if named is not None and named.animacy != "human":
            return named  # a country or body, even if a given name spells it ("Iran")
        if head.ent_type_ == "PERSON" or (words and all(t.pos_ == "PROPN" for t in words)):
            for token in words:
                if token.is_title and (gender := self.gender_of(token.lower_)):
                    return Referent("human", gender, "person")
        if named is not None:
            return named
        word = head.lower_
        singulars = (word[:-1], word[:-2]) if word.endswith("s") else ()
        for key in (word, head.lemma_.lower(), *singulars):
            if noun := self.nouns.get(key):
                return noun
        typed = self.entity_types.get(f"spacy:{head.ent_type_}")
        if typed and (typed.reliable or _surely_not_a_person(chunk)):
            return typed
        if head.pos_ == "PROPN":
            return MAYBE
        if head.tag_ == "NN" and head.lower_.endswith(self.human_suffixes):
            return MAYBE
        return UNKNOWN


def _pairs(path: Path) -> dict[str, str]:
    """A large two-column TSV file with no spaces in its fields (comments and header left
    out) as a dict, read in one split: 55,000 given names load in milliseconds."""
    text = path.read_text(encoding="utf-8")
    body = text[text.index("\n", text.index("\nname\t") + 1) :]
    tokens = body.split()
    return dict(zip(tokens[::2], tokens[1::2], strict=True))


def _columns(path: Path) -> list[list[str]]:
    """The rows of a large TSV file as lists of fields, header and comments left out: the
    plain, fast form of ``iter_tsv`` (tens of thousands of rows load in milliseconds)."""
    holdout = holdout_tags()
    with path.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    rows = [
        line.split("\t")
        for line in lines
        if line and not line.startswith("#") and not any(t in line for t in holdout)
    ]
    return rows[1:]


def _surely_not_a_person(chunk: Any) -> bool:
    """A name the parser typed as a place or body that cannot be a person's: "the Pentagon",
    an acronym ("NATO", "U.S."). Bare names ("Ford", "Fleetwood") and "the wrong Cromwell"
    may be people."""
    if ACRONYM.fullmatch(chunk.root.text):
        return True
    words = [t for t in chunk if not t.is_punct]
    return len(words) > 1 and words[0].lower_ == "the" and all(t.pos_ == "PROPN" for t in words[1:])


def _gazetteer_names(types: dict[str, Referent]) -> dict[str, Referent]:
    """Lower-cased names known not to be people (corpora/animacy/nonhuman_names.txt) and the
    names and variants of corpora/names/curated.tsv, when that file exists."""
    country = Referent("nonhuman", None, "country")
    names = {name.lower(): country for name in read_lines("animacy", "nonhuman_names.txt")}
    for row in iter_tsv(corpus_path("animacy", "organisations.tsv")):
        names[row["name"].lower()] = Referent("nonhuman", None, row["class"])
    try:
        path = corpus_path("names", "curated.tsv")
    except ModelError:
        return names
    for row in iter_tsv(path):
        referent = types.get(f"gazetteer:{row.get('type', '')}")
        if referent:
            for name in [row["canonical"], *row.get("variants", "").split("|")]:
                if name.strip():
                    names[name.strip().lower()] = referent
    return names
