"""Grammar templates keyed on classes of words rather than phrases: the source's article
before a name, its adjective after the noun, and its verb complements.

- 'the' before a name English writes bare ("the Argentina", "after the Ghana", "the NATO"):
  French, Arabic and Persian put the article on country names, and MT keeps it. The class is
  the gazetteer's countries and large cities and the acronyms read as words, less the names
  English writes with 'the' (corpora/syntax/name_articles.tsv); a name used as a modifier
  ("the Argentina squad", "the Niger River") keeps its article.
- an adjective after its noun ("the policy monetary", "a generation exceptional", "the heart
  administrative of"): French, Arabic and Persian order. Only relational adjectives (-al,
  -ic, -ive, -ous, -ary and demonyms, corpora/agreement/adjectives.txt less the nouns) count,
  and only where the phrase ends after them.
- a verb with the source's complement (corpora/syntax/verb_complements.tsv): 'to' before
  the object of a verb that takes a plain one ("allow to Russian companies to buy", "asked to
  the residents to leave"), 'to' with no object ("did not allow to carry out"), and 'for'
  before a bare infinitive ("for assure the supply").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.cache import tsv_rows
from toolkit.checks.grammar.templates import inflections
from toolkit.document import Document, Span
from toolkit.english import (
    adjectives,
    can_be_verb,
    function_words,
    irregular_verb_forms,
    is_verb_lemma,
    reporting_verbs,
)
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv, read_lines

CITY_POPULATION = 1_000_000
PLURAL_IN_USE = 2.0
MIN_RELATIONAL = 6  # "live", "five" end like relational adjectives and are not
_THE_NAME = re.compile(
    r"(?<![\w-])(?P<the>[Tt]he)\s+(?P<n>(?-i:[A-Z][\w’'.-]*[\w])(?:\s+(?-i:[A-Z][\w-]+))?)"
)
_AFTER_NAME = re.compile(r"\s*(?P<p>[,.;:)!?])|['’]s\b|\s+(?P<w>[A-Za-z]+)\b(?!-)")
_COORDINATED = re.compile(r"(?:\s+[A-Z][\w-]+)+\s+(?P<w>[a-z]+)\b")
_NOT_AFTER = frozenset({"of", "the", "a", "an"})
_ACRONYM = re.compile(r"[A-Z]{4,7}")
_VOWELS = re.compile(r"[AEIOU]")
_CONSONANT_RUN = re.compile(r"[^AEIOU]{3}|[AEIOU]{3}")


@functools.cache
def _listed_articles() -> dict[str, str]:
    rows = iter_tsv(corpus_path("syntax", "name_articles.tsv"))
    return {row["name"]: row["article"] for row in rows}


def _word_acronym(name: str) -> bool:
    """An acronym read as a word (NATO, UNESCO, FIFA), not letter by letter (UNHCR, IAEA)."""
    return (
        bool(_ACRONYM.fullmatch(name))
        and len(_VOWELS.findall(name)) >= 2
        and not _CONSONANT_RUN.search(name)
    )


@functools.cache
def bare_name(name: str) -> str | None:
    """How English writes ``name``: "none" (no article: a country, a large city, an acronym
    read as a word), "river" (a country that is also a river's name) or None (with 'the',
    or not a name of these classes)."""
    listed = _listed_articles().get(name)
    if listed is not None:
        return None if listed == "the" else listed
    if name.isupper() and not _word_acronym(name):
        return None
    last = name.split()[-1].lower()
    if " " in name and _english_word(last):
        return None  # "the United States", "the Dominican Republic"
    from toolkit.names.gazetteer import load_gazetteer

    word = _english_word(name.lower())
    for entry in load_gazetteer().exact(name):
        if name not in entry.names or entry.canonical.lower().startswith("the "):
            continue
        if name.isupper() and not entry.is_place:
            return "none"  # a body's acronym read as a word: "the NATO"
        if entry.type == "country" or (
            entry.type == "place" and entry.population >= CITY_POPULATION and not word
        ):
            return "none"
    return None


def _english_word(word: str) -> bool:
    """A word of English besides a name ("reading", "nice", "union"): such a city is left
    alone."""
    flags = _nouns().get(word)
    if flags is not None and "mass" not in flags:
        return True  # a count noun: "union", "bath" (WordNet lists cities as mass nouns)
    return word in adjectives() or can_be_verb(word)


@functools.cache
def _clause_words() -> frozenset[str]:
    """Words after which a name has ended: prepositions but 'of', conjunctions,
    auxiliaries, pronouns and reporting verbs."""
    words = {w for w, kind in function_words().items() if kind != "article"}
    words |= reporting_verbs("past") | reporting_verbs("present")
    words |= {"who", "which", "that", "where", "when", "while", "after", "before", "since"}
    return frozenset(words - _NOT_AFTER)


def _name_ends(text: str, end: int) -> bool:
    """Whether the name ends at ``end``: punctuation, a possessive, or a word of the clause
    (a noun after it makes the name a modifier: "the Argentina squad")."""
    after = _AFTER_NAME.match(text, end)
    if after is None:
        return False
    word = after.group("w")
    if word is None:
        return True
    if word in ("and", "or"):
        other = _COORDINATED.match(text, after.end())
        if other and not _clause_word(other.group("w")):
            return False  # a modifier: "the Portugal and Juventus forward"
    return word.islower() and _clause_word(word)


def _clause_word(word: str) -> bool:
    """A word that opens the clause's next part, not a noun the name modifies."""
    if word in _clause_words():
        return True
    if word.endswith("ed"):
        return can_be_verb(word)
    return word in irregular_verb_forms() and word not in _nouns()


def name_articles(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'the Argentina', 'after the Ghana in 2009', 'the NATO said': 'the' before a name
    English writes without one."""
    text = doc.text
    for match in _THE_NAME.finditer(text, sentence.start, sentence.end):
        words = match.group("n").split()
        for count in (len(words), 1) if len(words) > 1 else (1,):
            name = " ".join(words[:count])
            end = match.start("n") + len(name) if count == 1 else match.end("n")
            kind = bare_name(name)
            if kind is not None and _name_ends(text, end):
                break
        else:
            continue
        yield rule.at(
            doc,
            match.start(),
            end,
            f"English writes '{name}' without 'the'.",
            [name],
            confidence=0.85 if kind == "none" else 0.6,
            safe=kind == "none",
        )


_RELATIONAL = re.compile(r"(?:al|ic|ive|ous|ary|ian|ese|ean)$")
_DETERMINER = (
    r"(?:the|a|an|its|their|his|her|our|this|these|those)\s+"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
)
_NOUN_ADJECTIVE = re.compile(
    rf"(?<![\w-])(?i:{_DETERMINER})(?P<n>[a-z]+)\s+(?P<a>[A-Za-z]+)(?=(?P<after>\s*[,.;:]|\s+[a-z]+))"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_OF_AFTER = re.compile(r"\s+of\s+(?!the\s+(?:same|kind|sort)\b)")


@functools.cache
def _postposed() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Adjectives English puts after a noun ('attorney general', 'heir apparent'), nouns it
    puts an adjective after ('things British', 'something unusual'), and the forms of verbs
    whose object takes an adjective as its complement ('made the country great')."""
    rows = list(iter_tsv(corpus_path("syntax", "postposed_adjectives.tsv")))
    adjectives = frozenset(r["word"] for r in rows if r["kind"] == "adjective")
    nouns = frozenset(r["word"] for r in rows if r["kind"] == "noun")
    verbs = frozenset(f for r in rows if r["kind"] == "verb" for f in inflections(r["word"]))
    return adjectives, nouns, verbs


@functools.cache
def _nouns() -> dict[str, str]:
    """Noun form -> its flags (corpora/agreement/nouns.tsv), singular and plural."""
    table: dict[str, str] = {}
    for row in tsv_rows("agreement", "nouns.tsv"):
        table.setdefault(row["singular"], row["flags"])
        table.setdefault(row["plural"], row["flags"])
    return table


@functools.cache
def _people() -> frozenset[str]:
    """Nouns whose plural is in common use (Zipf >= 2): "American" (Americans) names a person,
    "Kurdish" (no plural in use) is an adjective or a language."""
    rows = tsv_rows("agreement", "nouns.tsv")
    return frozenset(r["singular"] for r in rows if float(r["zipf_plural"]) >= PLURAL_IN_USE)


@functools.cache
def _demonyms() -> frozenset[str]:
    rows = iter_tsv(corpus_path("names", "demonyms.tsv"))
    return frozenset(row["demonym"].lower() for row in rows)


def relational_adjective(word: str) -> bool:
    """An adjective that classifies (monetary, Sahelian, administrative) and is no noun."""
    lower = word.lower()
    if lower in _demonyms():
        return word.islower() or lower not in _people()  # "his fellow American": a person
    if lower in _postposed()[0] or lower in _nouns():
        return False
    return (
        len(lower) >= MIN_RELATIONAL
        and lower in adjectives()
        and bool(_RELATIONAL.search(lower))
        and word.islower()
    )


_PHRASE_END = frozenset({"and", "or", "but", "which", "that", "who", "is", "are", "was"})
_PHRASE_END |= {"were", "has", "have", "had", "will", "would", "said", "says"}


def postposed_adjectives(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'the policy monetary', 'a generation exceptional': an adjective after its noun."""
    text = doc.text
    for match in _NOUN_ADJECTIVE.finditer(text, sentence.start, sentence.end):
        noun, adjective = match.group("n"), match.group("a")
        flags = _nouns().get(noun)
        if flags is None or "adj" in flags or noun in _postposed()[1] or noun.endswith("ing"):
            continue
        if not relational_adjective(adjective):
            continue
        if not _phrase_ends(text, match.end("a"), match.group("after")):
            continue
        before = _WORD_BEFORE.search(text, sentence.start, match.start())
        if before and before.group(1).lower() in _postposed()[2]:
            continue  # an object and its complement: "deemed the vote illegal"
        determiner = text[match.start() : match.start("n")]
        if determiner.lower() in ("a ", "an "):  # "a generation exceptional": "an exceptional"
            article = "an" if adjective[0].lower() in "aeiou" else "a"
            determiner = f"{article.title() if determiner[0].isupper() else article} "
        yield rule.at(
            doc,
            match.start(),
            match.end("a"),
            "English puts the adjective before its noun.",
            [f"{determiner}{adjective} {noun}"],
            confidence=0.75,
        )


def _phrase_ends(text: str, end: int, after: str) -> bool:
    """The noun phrase ends after the adjective: a stop, 'of' + a noun phrase, or a word
    that opens the next phrase; a comma before another adjective lists adjectives of a
    following noun ("gave the country financial, military and ... aid")."""
    stripped = after.strip()
    if stripped in (".", ";", ":"):
        return True
    if stripped == ",":
        following = re.match(r",\s*([a-z]+)", text[end : end + 40])
        return not (following and following.group(1) in adjectives())
    if stripped == "of":
        return _OF_AFTER.match(text, end) is not None
    if function_words().get(stripped) == "preposition":
        return False  # a complement: "the issues central to the talks", "vital for"
    return stripped in _PHRASE_END or _clause_word(stripped)


@functools.cache
def _complement_verbs() -> dict[str, dict[str, str]]:
    """Verb form -> frame -> fix ("drop" or ""), from corpora/syntax/verb_complements.tsv."""
    table: dict[str, dict[str, str]] = {}
    for row in iter_tsv(corpus_path("syntax", "verb_complements.tsv")):
        for form in inflections(row["lemma"]):
            table.setdefault(form, {})[row["frame"]] = row["fix"]
    return table


_VERB_TO = re.compile(r"(?<![\w-])(?P<v>[a-z]+)\s+(?P<to>to)\s+(?P<next>[\w-]+)")
_INFINITIVE_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,6}?\s+to\s+(?P<vb>[a-z]+)\b")
_BE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|get|got|gets)|['’](?:s|re))\s+(?:\w+ly\s+|not\s+)?$"
)
_HAVE_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+|not\s+)?$")
_FOR_BARE = re.compile(
    r"(?<![\w-])(?P<for>[Ff]or)\s+(?P<vb>[a-z]{4,})\s+(?=(?:the|a|an|its|their|his|her|our|"
    r"this|these|those|all)\b)"
)


def verb_complements(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'allow to Russian companies to buy', 'did not allow to carry out', 'for assure the
    supply': the source's complement of a verb."""
    text = doc.text
    for match in _VERB_TO.finditer(text, sentence.start, sentence.end):
        frames = _complement_verbs().get(match.group("v"))
        if frames is None or _passive(text, sentence.start, match):
            continue
        following = match.group("next")
        if "object" in frames and not is_verb_lemma(following):
            infinitive = _INFINITIVE_AFTER.match(text, match.end("to"), sentence.end)
            if infinitive and is_verb_lemma(infinitive.group("vb")):
                verb = match.group("v")
                yield rule.at(
                    doc,
                    match.start("v"),
                    match.end("to"),
                    f"'{verb}' takes its person as a plain object: '{verb} them to ...'.",
                    [verb] if frames["object"] == "drop" else [],
                    confidence=0.8,
                )
        elif "bare" in frames and is_verb_lemma(following) and _finite(text, sentence.start, match):
            yield rule.at(
                doc,
                match.start("v"),
                match.end("to"),
                f"'{match.group('v')}' needs an object before 'to' ('allow them to act') or "
                "another verb ('make it possible to act').",
                [],
                confidence=0.75,
            )
    for match in _FOR_BARE.finditer(text, sentence.start, sentence.end):
        if _bare_verb(match.group("vb")):
            yield rule.at(
                doc,
                match.start("for"),
                match.end("vb"),
                "A purpose is 'to' + verb in English, not 'for' + verb.",
                [f"{'T' if match.group('for')[0] == 'F' else 't'}o {match.group('vb')}"],
                confidence=0.8,
            )


def _passive(text: str, start: int, match: re.Match[str]) -> bool:
    """The verb follows 'be' or 'get' ("was asked to")."""
    return bool(_BE_BEFORE.search(text[max(start, match.start() - 25) : match.start()]))


def _finite(text: str, start: int, match: re.Match[str]) -> bool:
    """A past form counts only after 'have' ("has allowed to"): "allowed to" alone may be a
    participle ("migrants allowed to stay")."""
    before = text[max(start, match.start() - 25) : match.start()]
    return not match.group("v").endswith("ed") or bool(_HAVE_BEFORE.search(before))


def _bare_verb(word: str) -> bool:
    """A verb's base form that is no noun or adjective ("assure", "strengthen")."""
    return is_verb_lemma(word) and word not in _nouns() and word not in adjectives()


@functools.cache
def _inverted_passive() -> re.Pattern[str]:
    participles = "|".join(
        r"\s+".join(p.split()) for p in sorted(read_lines("syntax", "event_participles.txt"))
    )
    return re.compile(
        rf"\b(?P<v>(?:was|were|is|are|(?:has|have|had)\s+been|will\s+be)\s+(?:{participles}))"
        rf"\s+(?P<s>(?:an?\s+(?!{_NOT_SUBJECT})[a-z-]+|(?:\d+|{_COUNTS})\s+(?!{_NOT_SUBJECT})"
        r"[a-z-]+s))\b(?![-’'])"
    )


_COUNTS = "two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several"
_NOT_SUBJECT = (
    r"(?:few|little|bit|total|number|record|second|third|fourth|short|long|day|week|month|year|"
    r"decade|while|time|times|minute|hour|moment|night|morning|evening|kilomet|mile|met|"
    r"feet|foot|yard|percent|per)"
)


def inverted_passives(doc: Document, sentence: Span, rule: Rule) -> Iterator[Finding]:
    """'was formed an interdepartmental commission', 'were killed 12 civilians': the subject
    after a passive verb, as Russian, Arabic and French order it."""
    for match in _inverted_passive().finditer(doc.text, sentence.start, sentence.end):
        yield rule.at(
            doc,
            match.start("v"),
            match.end("s"),
            f"The subject ('{match.group('s')}') follows the passive verb, in the source's "
            "order; English puts it first.",
            [],
            confidence=0.7,
        )
