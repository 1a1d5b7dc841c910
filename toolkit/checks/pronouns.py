"""Pronouns that carry the source language's grammatical gender.

Arabic, Persian, Turkish and Chinese MT leaves "she" for countries, bases and ministries
(Arabic nouns are feminine) and he/she slips where the source has one pronoun. A cheap
lexical pass finds sentences with a gendered pronoun; with ``--deep`` only those and the two
before them are parsed with spaCy, and by default a model-free resolver
(_pronouns_lexical.py) judges them from the same data, more cautiously. Each pronoun is
matched against the noun phrases around it, whose animacy and gender come from data:
corpora/animacy/ and, if present, corpora/names/.
"""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.cache import cached
from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.english import can_be_verb
from toolkit.errors import ModelError
from toolkit.findings import Finding, Rule
from toolkit.resources import corpora_dir, corpus_path, holdout_tags, iter_tsv, read_lines

NONHUMAN_ANTECEDENT = Rule(
    code="PR101",
    slug="gendered-pronoun-for-nonhuman",
    kind="pronoun",
    category="accuracy/mistranslation",
    severity="major",
    summary="'she', 'her', 'he', 'his', 'him' or 'herself'/'himself' whose antecedent is a "
    "country, organisation, institution, army, company, city, plane, dam, currency, building, "
    "event (a fire, a storm), document or price, or a plural group: the subject of its clause "
    "or of the previous sentence, or one the words fix ('for her part', 'expressed her "
    "concern', 'strikes on her territory', 'presented herself').",
    why="Arabic, Urdu, Russian and French nouns have grammatical gender (wizara, fauj, "
    "aviakompaniya, la junte are feminine) and Turkish and Persian have one pronoun for he, "
    "she and it: MT copies or guesses a gender, and the reader looks for a person who is not "
    "in the story.",
    example="The ministry said in her statement that talks would resume.",
    fixed="The ministry said in its statement that talks would resume.",
    false_positives="A woman or man the text named well before, or only by a pronoun, can "
    "be the real antecedent: the check weighs every earlier person of a compatible gender by "
    "role and nearness and stays silent when one is salient enough, but a person named only "
    "in a caption or a name it cannot tell from a place can be missed. Ships are 'she' in "
    "English and are left alone. Pronouns inside quotations are not judged. The its/it/their "
    "fix is marked safe (applied by default) only where the words fix the antecedent and the "
    "word lists or the gazetteer say it is a body, a country, a place, an army or a company "
    "('for her part', 'expressed her concern', 'in her statement', 'her territory'): 8 of 8 "
    "right on the dev articles, 13 of 13 on the challenge set, none made on clean text.",
)
GENDER_MISMATCH = Rule(
    code="PR102",
    slug="pronoun-gender-mismatch",
    kind="pronoun",
    category="accuracy/mistranslation",
    severity="major",
    summary="'he' for a woman or 'she' for a man, where the pronoun's clause structure points "
    "to a person whose gender the text states (Mr, Mrs, spokesman, sahiba) or a given name "
    "implies (Mehmet, Maryam), and no person of the pronoun's gender is salient.",
    why="Turkish, Persian, Urdu and Chinese have one third-person pronoun (o, او, وہ, 他/她 "
    "sound alike); MT guesses the gender and often guesses wrong.",
    example="Mrs. Karimi told reporters he would resign next week.",
    fixed="Mrs. Karimi told reporters she would resign next week.",
    false_positives="The pronoun may refer to a man or woman named further back, or to one "
    "whose given name is used for both sexes; names are judged from a list of 55,000 given "
    "names (nam_dict), which can be wrong for a middle name used as a surname.",
)

_GENDERED = re.compile(r"\b(?:she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)
_GENDER = {w: "f" for w in ("she", "her", "hers", "herself")} | {
    w: "m" for w in ("he", "him", "his", "himself")
}
# (pronoun, is a determiner) -> (singular neuter, plural, other gender)
_FORMS = {
    ("she", False): ("it", "they", "he"),
    ("he", False): ("it", "they", "she"),
    ("her", True): ("its", "their", "his"),
    ("her", False): ("it", "them", "him"),
    ("hers", False): ("its", "theirs", "his"),
    ("herself", False): ("itself", "themselves", "himself"),
    ("him", False): ("it", "them", "her"),
    ("his", True): ("its", "their", "her"),
    ("his", False): ("its", "theirs", "hers"),
    ("himself", False): ("itself", "themselves", "herself"),
}
_WINDOW = 2  # previous sentences searched for an antecedent
_NAMED_THINGS = ("building", "event", "document", "economy", "product")  # nouns_broad.tsv
_SUBJECT = ("nsubj", "nsubjpass")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}")
_PLURALS = (("ies", "y"), ("es", ""), ("s", ""), ("men", "man"), ("dren", "d"))
_CACHE_NAME = "animacy-lexicon-5"
_AFTER_QUOTE = re.compile(r"(?:[,.!?…]['’]|[\"”»])$")


@dataclass(frozen=True, slots=True)
class Referent:
    """What a noun phrase names: ``animacy`` is human, nonhuman, maybe (a person?), unknown,
    or none (a date or amount, never an antecedent)."""

    animacy: str
    gender: str | None = None
    cls: str = ""
    reliable: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase of the document, with its referent, number and role."""

    start: int
    end: int
    text: str
    referent: Referent
    plural: bool
    subject: bool
    head: Any  # the spaCy token


_UNKNOWN = Referent("unknown")
_MAYBE = Referent("maybe")


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
            adjectives=frozenset(read_lines("agreement", "adjectives.txt")),
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
            return _MAYBE
        if head.tag_ == "NN" and head.lower_.endswith(self.human_suffixes):
            return _MAYBE
        return _UNKNOWN


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
    if _ACRONYM.fullmatch(chunk.root.text):
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


class PronounCheck(Check):
    """Gendered pronouns whose antecedent is not a person, or is a person of the other gender."""

    name = "pronouns"
    rules = (NONHUMAN_ANTECEDENT, GENDER_MISMATCH)

    def check(self, doc: Document) -> Iterator[Finding]:
        from toolkit.checks._pronouns_lexical import lexical_findings

        parsed = () if self.settings.fast else list(self._parsed(doc))
        yield from lexical_findings(doc, AnimacyLexicon.load(), parsed)

    def _parsed(self, doc: Document) -> Iterator[Finding]:
        """Findings from a spaCy parse of the sentences around each gendered pronoun."""
        sentences = doc.sentences
        targets = [i for i, s in enumerate(sentences) if _GENDERED.search(doc.text, s.start, s.end)]
        if not targets:
            return
        from toolkit.nlp import parse_spans

        lexicon = AnimacyLexicon.load()
        needed = sorted({j for i in targets for j in range(max(0, i - _WINDOW), i + 1)})
        parsed = parse_spans(doc, [sentences[j] for j in needed])
        mentions: dict[int, list[Mention]] = {}
        tokens: dict[int, Any] = {}
        for j, spacy_doc in zip(needed, parsed, strict=True):
            tokens[j] = spacy_doc
            mentions[j] = _mentions(spacy_doc, sentences[j].start, lexicon)
        for i in targets:
            before = [m for j in range(max(0, i - _WINDOW), i) for m in mentions[j]]
            for token in tokens[i]:
                if token.lower_ in _GENDER and token.tag_ in ("PRP", "PRP$"):
                    offset = sentences[i].start + token.idx
                    found = self._judge(doc, token, offset, before, mentions[i], lexicon)
                    if found:
                        yield found

    def _judge(
        self,
        doc: Document,
        pronoun: Any,
        offset: int,
        before: list[Mention],
        here: list[Mention],
        lexicon: AnimacyLexicon,
    ) -> Finding | None:
        if _in_speech(doc, offset):
            return None  # quoted speech, or the speaker of a quote: named anywhere
        gender = _GENDER[pronoun.lower_]
        if any(_GENDER.get(t.lower_) == gender for t in _tokens_before(pronoun, before)):
            return None  # a chain of pronouns: its person was named further back
        bound = {t.i for t in pronoun.head.subtree} if pronoun.dep_ in ("nsubj", "poss") else set()
        people = [
            m
            for m in (*before, *here)
            if not m.plural
            and m.referent.animacy in ("human", "maybe")
            and not (m in here and m.head.i in bound and m.start > offset)
            and not m.start <= offset < m.end  # "his brother" is not the antecedent of "his"
        ]
        if any(m.referent.gender in (None, gender) for m in people):
            return None
        antecedent, rewrite = _antecedent(pronoun, offset, before, here)
        if antecedent is None:
            return None
        forms = _FORMS[(pronoun.lower_, pronoun.tag_ == "PRP$")]
        end = offset + len(pronoun.text)
        if people and antecedent.referent.animacy == "human" and not antecedent.plural:
            return GENDER_MISMATCH.at(
                doc,
                offset,
                end,
                f"'{pronoun.text}' seems to refer to {antecedent.text!r}, whose gender the text "
                "gives as the other one.",
                [_same_case(forms[2], pronoun.text)],
                confidence=0.6,
            )
        if people or antecedent.referent.animacy == "unknown":
            return None
        if antecedent.referent.animacy != "nonhuman":
            return None  # a plural group of people: the referent may be further back
        confidence = lexicon.class_confidence.get(antecedent.referent.cls, 0.7)
        start = offset
        if rewrite is not None:
            verb = pronoun.head
            end = offset + (verb.idx + len(verb.text) - pronoun.idx)
            suggestions = [f"{verb.text} by"]
            relativizer = pronoun.nbor(-1) if pronoun.i > 0 else None
            if relativizer is not None and relativizer.lower_ in ("that", "which"):
                start = offset - (pronoun.idx - relativizer.idx)  # "that she issued" -> "issued by"
        else:
            suggestions = [_same_case(forms[1] if antecedent.plural else forms[0], pronoun.text)]
        return NONHUMAN_ANTECEDENT.at(
            doc,
            start,
            end,
            f"'{pronoun.text}' refers to {antecedent.text!r}, which is not a person: the "
            "source language's grammatical gender leaked into English.",
            suggestions,
            confidence=confidence,
        )


def _antecedent(
    pronoun: Any, offset: int, before: list[Mention], here: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """The most salient antecedent of a pronoun and, for "the attacks she suffered U.S.
    bases" (a verb-subject order copied from Arabic), the real subject after the verb."""
    verb = pronoun.head
    if pronoun.dep_ == "nsubj" and verb.dep_ == "relcl":
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        for mention in here:
            if objects and mention.head == objects[0] and mention.referent.animacy != "unknown":
                return mention, mention
    earlier = [m for m in here if m.end <= offset]
    subjects = [m for m in earlier if m.subject]
    if subjects:
        return subjects[-1], None
    later_subjects = [m for m in here if m.start > offset and m.subject]
    if later_subjects and later_subjects[0].head.head.dep_ == "ROOT":
        return later_subjects[0], None  # "In her statement, the ministry said ..."
    previous = [m for m in before if m.subject]
    if previous:
        return previous[-1], None
    if earlier and earlier[-1].referent.cls not in _NAMED_THINGS:
        return earlier[-1], None  # a body or a place; not "we went to a festival and he"
    return None, None


def _in_speech(doc: Document, offset: int) -> bool:
    """Whether a pronoun is inside a quotation (counted from its paragraph's start), right
    after one ("...," she said), or in a sentence that opens with one."""
    paragraph = doc.paragraph_at(offset)
    start = paragraph.start if paragraph else 0
    quotes = _quotes(doc)
    opened = sum(quotes.count(mark, start, offset) * sign for mark, sign in _PAIRED.items())
    sentence = doc.sentence_at(offset)
    opener = sentence is not None and doc.text[sentence.start] in "\"“«'‘"
    tail = doc.text[max(start, offset - 40) : offset].rstrip()[-2:]
    after_quote = _AFTER_QUOTE.search(tail)  # the tail only: linear
    return opened > 0 or quotes.count('"', start, offset) % 2 == 1 or opener or bool(after_quote)


_PAIRED = {"“": 1, "«": 1, "”": -1, "»": -1}


class _Quotes:
    """Where a document's quotation marks are, to count them before an offset by bisection
    (counting a long paragraph's text for each pronoun is quadratic)."""

    def __init__(self, text: str) -> None:
        self.marks = {mark: [m.start() for m in re.finditer(mark, text)] for mark in '“«”»"'}

    def count(self, mark: str, start: int, end: int) -> int:
        positions = self.marks[mark]
        return bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)


_QUOTES: weakref.WeakKeyDictionary[Document, _Quotes] = weakref.WeakKeyDictionary()


def _quotes(doc: Document) -> _Quotes:
    found = _QUOTES.get(doc)
    if found is None:
        found = _QUOTES[doc] = _Quotes(doc.text)
    return found


def _tokens_before(pronoun: Any, before: list[Mention]) -> Iterator[Any]:
    """Tokens of the previous sentences (those with mentions) and of this one up to the pronoun."""
    docs = {id(m.head.doc): m.head.doc for m in before}
    for spacy_doc in docs.values():
        yield from spacy_doc
    yield from pronoun.doc[: pronoun.i]


def _mentions(spacy_doc: Any, base: int, lexicon: AnimacyLexicon) -> list[Mention]:
    """Noun phrases of a parsed sentence (pronouns left out), offsets into the document."""
    found = []
    roots = {chunk.root.i for chunk in spacy_doc.noun_chunks}
    extra = [e for e in spacy_doc.ents if e.label_ == "PERSON" and e.root.i not in roots]
    extra += [
        spacy_doc[t.i : t.i + 1]
        for t in spacy_doc
        if t.pos_ == "PROPN" and t.dep_ in ("poss", "conj", "appos") and t.i not in roots
    ]
    extra += [
        _noun_phrase(t)
        for t in spacy_doc
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("ROOT", "appos", "poss") and t.i not in roots
    ]
    for chunk in [*spacy_doc.noun_chunks, *extra]:
        head = chunk.root
        if head.pos_ == "PRON" or _inside_a_name(head):
            continue
        referent = lexicon.classify(chunk)
        if referent.animacy == "none":
            continue
        country = head.ent_type_ in ("GPE", "ORG")
        plural = head.tag_ == "NNS" or (head.tag_ == "NNPS" and not country)
        found.append(
            Mention(
                start=base + chunk.start_char,
                end=base + chunk.end_char,
                text=chunk.text,
                referent=referent,
                plural=plural,
                subject=head.dep_ in _SUBJECT,
                head=head,
            )
        )
    return found


def _noun_phrase(head: Any) -> Any:
    """A noun with its determiner and modifiers on the left ("the heroine")."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.i != start - 1 or child.dep_ not in ("det", "amod", "compound", "nummod"):
            break
        start = child.i
    return head.doc[start : head.i + 1]


def _inside_a_name(head: Any) -> bool:
    """A proper noun that completes a longer name: "Health" in "Ministry of Health"."""
    prep = head.head
    return (
        head.pos_ == "PROPN"
        and head.dep_ == "pobj"
        and prep.lower_ in ("of", "for")
        and prep.head.pos_ == "PROPN"
    )


def _same_case(word: str, original: str) -> str:
    return word.capitalize() if original[:1].isupper() else word
