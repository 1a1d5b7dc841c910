"""Calques: connectives, formulas, dates and collocations copied word for word from the source.

The patterns are data: one lexicon per source language under corpora/calques/ (ar, fa, tr, ur,
zh, ru, fr) plus shared families (shared.tsv), read by the engine in ``lexicon``.
``Settings.source_lang`` narrows them to one source language.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from toolkit.checks.calques.genitive import genitive_chains
from toolkit.checks.lexicon import Entry, LexiconCheck, load_lexicon
from toolkit.checks.solar import gregorian
from toolkit.document import Document
from toolkit.findings import Finding, Rule

_WEEKDAY_BEFORE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$", re.IGNORECASE
)

CONNECTIVE = Rule(
    code="CQ101",
    slug="calqued-connective",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A connective or filler formula translated word for word from the source "
    "language (Arabic ومن الجدير بالذكر, Turkish öte yandan, Russian в рамках).",
    why="Editors recognise these phrases as translationese at once; they pad the text and "
    "mark it as unedited machine translation.",
    example="In the same context, two U.S. officials said that Ain al-Asad Air Base was hit.",
    fixed="Separately, two U.S. officials said that Ain al-Asad Air Base was hit.",
    false_positives="Some patterns ('within the framework of') also occur in native prose; "
    "they carry a lower confidence. Use --source-lang to keep only the patterns of one "
    "source language.",
)
RELATIVE_DATE = Rule(
    code="CQ102",
    slug="relative-date-with-weekday",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A relative day (yesterday, today, last night) followed by the weekday it names, "
    "and other source-language day formulas ('the past Tuesday', 'on the 5th').",
    why="English news names the day once; 'Yesterday, on Tuesday' is redundant, and "
    "'yesterday' goes stale the day after publication.",
    example="Yesterday, on Tuesday, U.S. officials said a U.S. warplane responded.",
    fixed="On Tuesday, U.S. officials said a U.S. warplane responded.",
    fix_safe=True,
    false_positives="A list of days ('today, Monday and Tuesday are holidays') is left alone; "
    "a weekday before a full date ('tonight, Saturday, September 29') too.",
)
COLLOCATION = Rule(
    code="CQ103",
    slug="calqued-collocation",
    kind="calque",
    category="accuracy/mistranslation",
    severity="major",
    summary="A word-for-word collocation or idiom that changes the meaning or is not English "
    "usage ('close-range ballistic missile', 'led to the fall of dead', 'stand with folded "
    "hands').",
    why="The wrong collocate misleads readers: missiles are classed short-, medium- and "
    "long-range; a literal idiom hides what happened.",
    example="Ain al-Asad Air Base was hit by a close-range ballistic missile attack.",
    fixed="Ain al-Asad Air Base was hit by a short-range ballistic missile attack.",
    false_positives="Rare; the patterns require the head noun (missile, rocket, arrests).",
)
HONORIFIC = Rule(
    code="CQ104",
    slug="calqued-honorific",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A source-language honorific or blessing kept in the translation ('may God "
    "protect him', 'His Royal Highness', 'sahib', 'His Excellency').",
    why="International news style gives a title and a name; blessings and courtesy titles "
    "read as state-media copy.",
    example="The King, may God preserve him, received the envoy in Rabat.",
    fixed="The King received the envoy in Rabat.",
    false_positives="An honorific inside a quotation or a proper name ('Darbar Sahib') is left "
    "alone; a formal title in protocol news may be intended.",
)
CALENDAR = Rule(
    code="CQ105",
    slug="source-calendar-date",
    kind="calque",
    category="locale convention/date format",
    severity="major",
    summary="A date left in the source calendar (Hijri, Persian solar, Afghan zodiac months) "
    "or given twice with 'corresponding to'.",
    why="Readers of English news cannot place '13 Aban 1403' or '5 Jumada al-Ula 1446 AH'; "
    "the Gregorian date is what they need, once.",
    example="The council met on 13 Aban 1403 to approve the budget.",
    fixed="The council met on 3 November 2024 to approve the budget.",
    false_positives="A Persian or Hijri date given beside its Gregorian equivalent in a "
    "history or religion piece may be intended.",
)
FALSE_FRIEND = Rule(
    code="CQ106",
    slug="false-friend",
    kind="calque",
    category="accuracy/mistranslation",
    severity="major",
    summary="A word rendered by its look-alike rather than its meaning (French 'actuellement' "
    "as 'actually', 'manifestation' for a demonstration, Russian 'specified' for revised).",
    why="The English word exists but means something else, so the sentence says what the "
    "source did not.",
    example="The opposition leader, actually in prison, called the vote a farce.",
    fixed="The opposition leader, currently in prison, called the vote a farce.",
    false_positives="Each pattern needs the context of the false sense ('actually in exile', "
    "'the manifestation ... gathered'); native uses of the words elsewhere are left alone.",
)
REPORTING = Rule(
    code="CQ107",
    slug="calqued-reporting-formula",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A passive reporting formula copied from the source ('In the statement made by "
    "the ministry, it was stated that', 'it was expressed in the written statement of').",
    why="English news names the speaker as the subject: 'The ministry said in a statement "
    "that'. The passive formula hides who said it and reads as machine output.",
    example="In the statement made by the governor's office, it was stated that two roads "
    "were closed.",
    fixed="The governor's office said in a statement that two roads were closed.",
    false_positives="'It was stated that' alone also occurs in native legal prose: the "
    "patterns need the statement and its author.",
)
LIGHT_VERB = Rule(
    code="CQ108",
    slug="calqued-light-verb",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="An action noun with the source language's light verb instead of its English verb "
    "('carried out a visit', 'did a trip', 'had a speech', 'made evaluations', 'showed a "
    "reaction').",
    why="Persian kardan, Urdu karna, Turkish yapmak, Arabic qama bi- and Russian sovershit "
    "pair a noun with 'do' or 'make'; English uses the verb ('visited') or the noun's own verb "
    "('held a press conference', 'gave a speech').",
    example="The trade minister carried out a two-day visit to Hanoi.",
    fixed="The trade minister paid a two-day visit to Hanoi.",
    false_positives="Only pairs English does not use are listed ('made a statement', 'paid a "
    "visit', 'carried out an attack' are left alone); 'had a trip' or 'had a presence' need "
    "the place or event that follows.",
)
GENITIVE_CHAIN = Rule(
    code="CQ109",
    slug="genitive-chain",
    kind="calque",
    category="style/awkward",
    severity="minor",
    summary="A chain of three or more 'the X of the Y' ('the meeting of the council of the "
    "ministers') in a text dense with 'of the': the source's genitive construct (Arabic idafa, "
    "Persian ezafe, Turkish izafet, French de, Chinese 的) kept word for word.",
    why="English joins such nouns as a compound or a possessive ('the cabinet meeting') and "
    "drops 'the' before generic nouns; the chain reads as unedited machine translation.",
    example="The meeting of the council of the ministers approved the budget of the ministry "
    "of the finance.",
    fixed="The cabinet meeting approved the finance ministry's budget.",
    false_positives="Native English has such chains ('the family of the victims of the "
    "attack'): a chain is reported only in a text with at least 3 'of the' per 100 words, a "
    "rate no clean BBC, NTREX or WMT22 reference text reaches.",
)
RULES = (
    CONNECTIVE,
    RELATIVE_DATE,
    COLLOCATION,
    HONORIFIC,
    CALENDAR,
    FALSE_FRIEND,
    REPORTING,
    LIGHT_VERB,
    GENITIVE_CHAIN,
)


def load_patterns() -> tuple[Entry, ...]:
    """The calque lexicon, every language, with its macros expanded."""
    return load_lexicon(CalqueCheck.folder, RULES)


class CalqueCheck(LexiconCheck):
    """Translationese: connectives, formulas, dates and collocations calqued from the source."""

    name = "calques"
    folder = "calques"
    rules = RULES

    def check(self, doc: Document) -> Iterator[Finding]:
        """The lexicon's findings, then the genitive chains (CQ109)."""
        yield from super().check(doc)
        yield from genitive_chains(doc, GENITIVE_CHAIN)

    def compute(self, name: str, doc: Document, match: re.Match[str]) -> str | None:
        """``<gregorian>``: a solar date (groups d, m, y) in the Gregorian calendar;
        ``<gyear>``: the Gregorian year in which most of solar year y falls;
        ``<dotdate>``: a day.month.year date (groups d, m, y) with the month's name."""
        groups = match.groupdict()
        if name == "dotdate" and groups.get("m"):
            day, month = int(groups["d"]), int(groups["m"])
            if 1 <= day <= 31 and 1 <= month <= 12:
                return f"{day} {calendar.month_name[month]} {groups['y']}"
            return None
        if name == "gyear" and groups.get("y"):
            return f"{groups.get('pre') or ''}{int(groups['y']) + 621}"
        if name == "gregorian" and groups.get("d") and groups.get("m"):
            weekday = _WEEKDAY_BEFORE.search(doc.text, max(0, match.start() - 16), match.start())
            day = weekday.group(1) if weekday else None
            return gregorian(doc.text, groups["d"], groups["m"], groups.get("y"), day) or None
        return super().compute(name, doc, match)
