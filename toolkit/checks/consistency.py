"""One entity, one name: the same person, place or group named two ways in one article.

MT re-transliterates a name it rendered correctly before ("Derna", then "Darna"; "Bashar
al-Assad", then "Asad"), keeps or drops diacritics ("Simsek", "Şimşek"), splits a name
("Dingri", "Ding Ri"), reads an acronym or a letter out as a word ("SOMO", "Sumo company";
"Eternity C", "Eternity Sea"), uses a foreign country name ("Kirghizia"), translates a
name it elsewhere transliterates ("Hezbollah Brigades", "Kataib Hezbollah"; "Army of Justice",
"Jaish al-Adl"), translates a body's name twice ("Central Bank of Kenya", "Kenyan Central
Bank") or swaps given and family name ("Jinping Xi"). The entities
and their canonical names come from ``toolkit/names/coref.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.checks.names import describe
from toolkit.document import Document
from toolkit.english import function_words
from toolkit.findings import Finding, Rule
from toolkit.names.coref import resolve
from toolkit.names.frequency import zipf
from toolkit.names.gazetteer import Entry, load_gazetteer
from toolkit.names.normalize import core_tokens
from toolkit.names.resolve import analyse

TWO_NAMES = Rule(
    code="CO101",
    slug="entity-named-two-ways",
    kind="consistency",
    category="terminology/inconsistent",
    severity="minor",
    summary="One entity appears under two names or spellings in one article.",
    why="Readers take two names for two people or places, and search misses one of them. MT "
    "re-transliterates a name it already rendered (Derna, then Darna), drops diacritics once, "
    "splits a name, reads an acronym or a letter out as a word (SOMO, then Sumo company), "
    "uses a foreign country name, translates a name it elsewhere transliterates (Jaish al-Adl, "
    "Army of Justice), translates a body's name anew (Central Bank of Kenya, Kenyan Central "
    "Bank), or swaps given and family name (Xi Jinping, Jinping Xi).",
    example="Foreign Minister Abbas Araghchi arrived in Baku. Araqchi said the talks would go on.",
    fixed="Foreign Minister Abbas Araghchi arrived in Baku. Araghchi said the talks would go on.",
    fix_safe=False,  # safe per finding: diacritics and country names (SAFE_KINDS)
    false_positives="Different people of one family (Nawaz Sharif, Shehbaz Sharif), titles and "
    "given names (Ayatollah Khamenei, Ali Khamenei), different places with similar names (Gaza, "
    "Giza), names the text glosses (Derna (Darnah); Hezbollah (Party of God)) and English "
    "variants of a body's name (Foreign Ministry, Ministry of Foreign Affairs) are not "
    "flagged. Two rare names one romanization convention apart may still be two people.",
    source="corpora/consistency (country names, letter names, titles); corpora/names",
)
RENAMED = Rule(
    code="CO102",
    slug="nonstandard-entity-name",
    kind="consistency",
    category="accuracy/mistranslation",
    severity="major",
    summary="A translated name close to, but not, the usual name of a known group or body: "
    "its words reordered (Party of Justice and Development), taken in another sense (Red Moon "
    "for Red Crescent) or with a head noun added (the Amnesty International Organization).",
    why="MT translates the words of a name one by one and drifts from the form readers and "
    "search engines know; a word too many can name a different group (Hamas is the Islamic "
    "Resistance Movement).",
    example="An armed group calling itself the Islamic Resistance Movement of Iraq",
    fixed="An armed group calling itself the Islamic Resistance in Iraq",
    fix_safe=False,
    false_positives="A real body with a similar name that the curated list lacks.",
    source="corpora/names/curated.tsv",
)
# Kinds whose suggestion was right on every dev article, fresh test article and clean text
# (benchmarks/results/consistency.md): the article's own spelling with or without diacritics,
# and a country's English name the article also uses.
SAFE_KINDS = frozenset({"diacritics", "country"})
ADDED_WORD = 4.0  # Zipf of a common word MT may add to a name ("Movement"), unlike "Hunan"
_MESSAGES = {
    "diacritics": "{text!r} and {replacement!r} are one name, with and without diacritics",
    "spelling": "{text!r} and {replacement!r} are one name in two transliterations",
    "split": "{text!r} and {replacement!r} are one name, written as two words and as one",
    "letter": "{text!r} and {replacement!r} are one name: a letter was read out as a word",
    "acronym": "{text!r} is the acronym {replacement!r} read out as a word",
    "country": "{text!r} is a foreign or old name of {replacement}, which the article also uses",
    "alias": "{text!r} and {replacement!r} name one entity",
    "surname": "{text!r} and {replacement!r} are one family name spelled two ways",
    "alternative": "{text!r} and {replacement!r} are two English names of one place",
    "translation": "{text!r} and {replacement!r} are two renderings of one name "
    "(translated twice, or translated and transliterated)",
    "order": "{text!r} and {replacement!r} are one name, given in two orders",
    "foreign": "{text!r} is another language's acronym of {replacement!r}, which the article "
    "also uses",
}


# A body or office "of the Country": Arabic al-bilad, Persian keshvar, French du pays, Turkish
# ülkenin taken into the name ("the Supreme Court of the Country", "Interior Minister of the
# Country"); English writes "the country's Supreme Court".
_OF_THE_COUNTRY = re.compile(
    r"\b(?:(?P<the>[Tt]he)\s+)?(?P<body>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+of\s+the\s+"
    r"Country\b"
)
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")


def _of_the_country(text: str) -> Iterator[tuple[int, int, str]]:
    """Spans of a body's name with "of the Country" taken into it, and their English form
    (headlines in title case, where every word has a capital, are left alone)."""
    for match in _OF_THE_COUNTRY.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        rest = line.replace(match.group(), "")
        if not _LOWER_WORD.search(rest):
            continue  # a title-case headline ("Floods Hit Large Parts of the Country")
        body = match.group("body")
        if " " not in body and match.start("body") == line_start:
            continue  # one capitalised word opening the line ("Parts of the Country")
        fix = f"{match.group('the')} country's {body}" if match.group("the") else ""
        yield match.start(), match.end(), fix


def _keeps_words(text: str, entry: Entry) -> bool:
    """Whether ``text`` has every content word of one of the entity's names, and no other word
    but common English ones: MT adds words to a name ("Islamic Resistance Movement of Iraq");
    a name that lacks one of its words, or adds a name of its own, names something else
    ("Democratic Progressive Party" is no Kurdistan Democratic Party, "Party Congress of
    Hunan" no Congress Party)."""
    words = set(core_tokens(text))
    closed = function_words()
    extra = {w for w in words if w not in closed}
    for name in entry.names:
        content = {w for w in core_tokens(name) if w not in closed}
        if len(content) >= 2 and content <= words:
            return all(zipf(w) >= ADDED_WORD for w in extra - content)
    return False


class ConsistencyCheck(Check):
    """Entities named two ways, and translated names that drift from the usual one."""

    name = "consistency"
    rules = (TWO_NAMES, RENAMED)

    def check(self, doc: Document) -> Iterator[Finding]:
        gazetteer = load_gazetteer(tuple(self.settings.gazetteers), self.settings.house_style)
        for found in resolve(doc, gazetteer, self.settings.source_lang).deviations:
            suggestions = [found.replacement]
            whole = (found.start, found.end) == (found.mention.start, found.mention.end)
            if found.entry is not None and found.kind == "alias" and whole:
                house = found.entry.house_style  # a user's canonical form comes first
                suggestions.insert(0 if house else 1, found.entry.canonical)
            message = _MESSAGES[found.kind].format(text=found.text, replacement=found.replacement)
            if found.entry is not None:
                message += f" ({describe(found.entry)})"
            elif found.canonical not in (found.replacement, found.text):
                message += f" ({found.canonical})"
            yield TWO_NAMES.at(
                doc,
                found.start,
                found.end,
                f"{message}; use {found.replacement!r} throughout.",
                dict.fromkeys(suggestions),
                confidence=found.confidence,
                safe=found.kind in SAFE_KINDS,
            )
        for start, end, fix in _of_the_country(doc.text):
            yield RENAMED.at(
                doc,
                start,
                end,
                f"{doc.text[start:end]!r} takes the source's 'of the country' into the name; "
                "English news writes the country's name or 'the country's'.",
                [fix] if fix else [],
                confidence=0.8,
            )
        for renamed in analyse(doc, gazetteer, self.settings.source_lang).renamed:
            if renamed.name:  # the name's own words, reordered or translated literally
                yield RENAMED.at(
                    doc,
                    renamed.start,
                    renamed.end,
                    f"{renamed.text!r} translates word for word the name "
                    f"{renamed.name!r} ({describe(renamed.entry)}).",
                    list(dict.fromkeys((renamed.name, renamed.entry.canonical))),
                    confidence=0.85,
                )
                continue
            if not renamed.entry.country or not _keeps_words(renamed.text, renamed.entry):
                continue  # a generic body ("Ministry of Health") or another one's name
            yield RENAMED.at(
                doc,
                renamed.start,
                renamed.end,
                f"{renamed.text!r} is not the usual name of {describe(renamed.entry)}.",
                [renamed.entry.canonical],
                confidence=round(min(0.9, renamed.score), 3),
            )
