"""Case slips: function words capitalised in running prose, sentences that restart lower-case."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from toolkit.checks.base import Check
from toolkit.checks.capitalisation.institutions import lower_case_bodies, mixed_case_names
from toolkit.checks.capitalisation.name_case import lowered_names
from toolkit.checks.capitalisation.proper_nouns import lower_case_names, names_by_first_word
from toolkit.checks.capitalisation.titles import title_case_slips
from toolkit.document import Document, Span
from toolkit.english import abbreviations, function_words, inside, is_title_case, not_prose_spans
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv, read_lines

CAPITALISED_FUNCTION_WORD = Rule(
    code="CA101",
    slug="capitalised-function-word",
    kind="capitalisation",
    category="fluency/grammar",
    severity="minor",
    summary="A conjunction, preposition or article capitalised in the middle of a sentence of "
    "running prose (`Syria And Iraq`).",
    why="MT copies the source's title-cased segments or recases a word after a split; in prose "
    "it reads as a typo and can look like part of a name.",
    example="attacks on U.S. bases throughout Syria And Iraq over the past few weeks",
    fixed="attacks on U.S. bases throughout Syria and Iraq over the past few weeks",
    false_positives="Headlines and title-case lines are skipped, and so are titles of works "
    "(a capitalised run with two or more capitalised function words, `Gone With The Wind`, or "
    "one opened by a quote mark). Prepositions and articles are flagged only between lower-case "
    "words (`attacks On the base`), so names of groups and works (`Tories Against Brexit`, `The "
    "Hague`) pass; `And`/`Or`/`But`/`Nor` and `Of` also between names (`Syria And Iraq`, "
    "`Ministry Of Defense`). After a "
    "content word the capital may instead mark a lost full stop (`to coalesce The third is`): "
    "then the span includes the space before and both corrections are offered.",
    fix_safe=True,
)
LOWER_CASE_RESTART = Rule(
    code="CA102",
    slug="lower-case-after-full-stop",
    kind="capitalisation",
    category="fluency/grammar",
    severity="major",
    summary="A full stop followed by a lower-case word: a sentence broken in two in the wrong "
    "place (`in Syria. against armed factions`, `in Syria.against`).",
    why="MT segments split a clause and put a full stop at the seam; the reader sees two broken "
    "sentences instead of one.",
    example="the first time the U.S. has directed an attack in Syria. against armed factions",
    fixed="the first time the U.S. has directed an attack in Syria against armed factions",
    false_positives="Abbreviations (`approx.`, `et al.`, `U.S.`), ellipses, URLs and brand "
    "names that start lower-case (`iPhone`) are skipped.",
    fix_safe=True,
)

BROKEN_PARAGRAPH = Rule(
    code="CA103",
    slug="paragraph-starts-lower-case",
    kind="fragment",
    category="fluency/grammar",
    severity="major",
    summary="A paragraph that starts with a lower-case word after a paragraph of prose: one "
    "sentence split over two paragraphs.",
    why="MT segmenters and scrapers break paragraphs inside a sentence; the reader sees two "
    "fragments.",
    example="the first time the U.S. has directed an attack in Syria.\n\nagainst armed "
    "factions in Iraq.",
    fixed="the first time the U.S. has directed an attack in Syria against armed factions in Iraq.",
    false_positives="Items of lists (short lines, or after a colon), URLs and brand names that "
    "start lower-case (`iPhone`) are skipped.",
)

LOWER_CASE_PROPER_ADJECTIVE = Rule(
    code="CA104",
    slug="lower-case-proper-adjective",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="A nationality, people, region, language or religion written lower-case "
    "(`the ethiopian side`, `the turkish lira`, `a 40-year-old moroccan`, `kurdish "
    "fighters`).",
    why="Many source languages (French, Russian, Turkish, Persian, Arabic) do not capitalise "
    "these adjectives or have no capitals at all; the MT copies the lower case, which "
    "English reads as a slip.",
    example="The ethiopian side said the talks with the sudanese delegation would resume.",
    fixed="The Ethiopian side said the talks with the Sudanese delegation would resume.",
    false_positives="Words that are also common lower-case words (polish, welsh, dutch, "
    "catholic, mandarin) are not listed, and fixed expressions keep their lower case "
    "(`french fries`, `swiss cheese`, `arabic numerals`). Text with no capital letter on its "
    "line (chat, slugs), URLs, hashtags and hyphenated compounds are skipped.",
    fix_safe=True,
    source="Words: corpora/english/proper_adjectives.tsv.",
)

LOWER_CASE_NAME = Rule(
    code="CA105",
    slug="lower-case-name",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="A name English always capitalises written lower-case: a place, person, "
    "organisation, holiday, day or month (`in istanbul`, `the persian gulf`, `on monday`, "
    "`the muslim brotherhood`).",
    why="Arabic, Persian, Urdu and Chinese script have no capitals, Turkish `İ` is lost in case "
    "conversion, French and Russian write days, months and most words of a name lower-case; "
    "MT and scrapers copy the lower case.",
    example="Talks in doha resumed on monday, officials of the arab league said.",
    fixed="Talks in Doha resumed on Monday, officials of the Arab League said.",
    false_positives="Only names whose lower-case form is no English word (not china, turkey, "
    "chad; may, march and august only in a date: `on 15 may,`); a name partly lower-case "
    "is flagged only when a distinctive word is (`south Sudan`, a region, passes) or when a "
    "sea, ocean, gulf or strait follows `the` and a capitalised word (`the Caspian sea`, "
    "but not `the Arctic sea ice`); URLs, handles, slugs, hyphenated "
    "compounds and lines with no capital letter are skipped. A pinyin place name (`in "
    "mentougou district`) is flagged only before an administrative word (district, county, "
    "city ...), in a text naming China, and when it is no common English word.",
    fix_safe=True,
    source="Names: corpora/english/proper_nouns.tsv and proper_nouns_generated.tsv; pinyin "
    "syllables: corpora/names/pinyin.tsv.",
)

TITLE_CASE = Rule(
    code="CA106",
    slug="title-before-name-case",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="A formal title before a name written lower-case (`met king Abdullah`, `with "
    "president Tinubu`), or a compound title capitalised only on its first word (`the Prime "
    "minister Ali Zaidi`, `the Crown prince`).",
    why="Scripts without capitals (Arabic, Persian, Urdu, Chinese) leave the case to MT, and "
    "French, Russian and Turkish capitalise only a title's first word (`Premier ministre`); "
    "English capitalises a title directly before a name and writes it lower-case without one.",
    example="The decree was signed by king Abdullah, and the Prime minister Ali Zaidi welcomed it.",
    fixed="The decree was signed by King Abdullah, and Prime Minister Ali Zaidi welcomed it.",
    false_positives="A lower-case one-word title is flagged only after a preposition, conjunction, "
    "auxiliary, verb or comma: after an article or adjective (`the Turkish president Erdogan`, "
    "`former president Trump`) the lower case is a house style, and so is a lower-case compound "
    "title (`said economy minister X`, the BBC's). A compound title opening a "
    "sentence is skipped (sentence case), and so are headlines.",
    fix_safe=False,
    source="Titles: corpora/english/titles.tsv.",
)

HALF_CAPITALISED_NAME = Rule(
    code="CA108",
    slug="half-capitalised-body-name",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="The name of a state body capitalised on some words only (`the Central bank`, `the "
    "constitutional Council`, `the palace of Justice`).",
    why="French, Russian and Turkish capitalise only a body's first word (`Conseil "
    "constitutionnel`, `Центральный банк`) and scripts without case leave it to MT; English "
    "capitalises every word of the name, or none in a description.",
    example="The investigative Committee said the Central bank had been warned.",
    fixed="The Investigative Committee said the Central Bank had been warned.",
    false_positives="Only runs of institution words with a head noun (bank, council, court, "
    "committee, ministry ...): a capital at the start of a sentence or after a quote or "
    "colon counts for nothing, possessives (`the Attorney General's office`) and acronyms end "
    "a run, and headlines are skipped. The first suggestion capitalises the whole name; "
    "lower-case may be meant for a description.",
    source="Words: corpora/english/institution_words.tsv.",
)

LOWER_CASE_BODY_NAME = Rule(
    code="CA110",
    slug="lower-case-body-name",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="The name of a state body written all in lower case after `the`: a head noun, "
    "`of` and its domain (`the ministry of planning`, `the court of cassation`).",
    why="Arabic, Persian, Urdu and Chinese have no capitals, so MT leaves a ministry's or a "
    "court's name as it found it; English news capitalises the name of a specific body.",
    example="The figures were published by the ministry of planning in Baghdad.",
    fixed="The figures were published by the Ministry of Planning in Baghdad.",
    false_positives="Only `the`, a body's head noun (ministry, court, institute, council ...), "
    "`of` and words naming a portfolio or jurisdiction (planning, health, cassation ...); `a "
    "ministry of health` (a description) and `the health ministry` (English word order, "
    "lower case by house style) are left alone, and headlines are skipped.",
    source="Words: corpora/english/institution_words.tsv.",
)

NAME_LOWER_CASE_HERE = Rule(
    code="CA109",
    slug="name-lower-cased-here",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="A name the article capitalises elsewhere written lower-case here (`the "
    "Constitutional Council ... the constitutional council`).",
    why="Scripts without case leave MT to guess a body's capitals sentence by sentence, so "
    "one name comes out both ways in one article; the article's own capitalised form is the "
    "evidence.",
    example="The Supreme Electoral Tribunal rejected the appeal on Monday. Lawyers said the "
    "electoral tribunal had ignored new evidence.",
    fixed="The Supreme Electoral Tribunal rejected the appeal on Monday. Lawyers said the "
    "Electoral Tribunal had ignored new evidence.",
    false_positives="Only runs of two or more capitalised words in prose, and their parts "
    "that end on a body's head noun; a capital at the start of a sentence, after a quote or "
    "colon counts for nothing, headlines are not evidence, runs ending on a title (`Prime "
    "Minister`) are skipped, and a repeat after `a`/`an` is a description.",
    fix_safe=False,
    source="Heads: corpora/english/institution_words.tsv; titles: corpora/english/titles.tsv.",
)

SHOUTED_WORD = Rule(
    code="CA107",
    slug="all-caps-word",
    kind="capitalisation",
    category="fluency/spelling",
    severity="minor",
    summary="A common word in capitals in the middle of a sentence of running prose (`the "
    "talks were VERY difficult`, `troops entered the CITY on Monday`).",
    why="Source pages set words in capitals for emphasis or as labels, and MT of scripts "
    "without case copies the source's Latin capitals; English prose writes them lower-case.",
    example="Officials said the situation in the region remained VERY tense on Sunday.",
    fixed="Officials said the situation in the region remained very tense on Sunday.",
    false_positives="Only words of four letters or more among the 3,000 most frequent English "
    "words (acronyms such as NATO, ISIS or AIDS are rarer as words), between a lower-case word "
    "and a lower-case word or punctuation; capitals at the start of a line (datelines) are "
    "skipped.",
    source="Words: the first 3,000 of corpora/english/common_words.txt.",
)

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_LOWER_WORD = re.compile(r"(?<!\w)[a-z]{3,}(?![\w@/-])")
_PREFIX_BEFORE = re.compile(r"(?<![\w-])(?:pro|anti|non|pan|neo|post|pre|ex)-\Z")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_UPPER = re.compile(r"[A-Z]")
_NUMBER_BEFORE = re.compile(r"\d[ \t]+$")
# A capitalised word after a word and a space: the only place CA101 can fire.
_CANDIDATE = re.compile(r"[\w,][ \t]+[A-Z][a-z]{0,5}\b")
# The full stop first, its lookbehind after: re skips to full stops instead of trying the
# lookbehind at every offset.
_RESTART = re.compile(r"\.(?<=[^\W\d_]\.)(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=[a-z])")
# "Syria.against": a full stop glued to a lower-case function word is no domain name.
_GLUED_RESTART = re.compile(r"\.(?<=[^\W\d_]{2}\.)([a-z]+)(?=[ \t])")
_AFTER_LOWER = re.compile(r"(?:^|\s)[a-z][\w'’-]*,?[ \t]+$")
_WORD = re.compile(r"\w+")
_WORD_OR_COMMA_SPACED = re.compile(r"[\w,][ \t]+$")
_NAME_SPACED = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_SPACED_NAME = re.compile(r"[ \t]+[A-Z]")
_SPACED_LETTER = re.compile(r"[ \t]+[A-Za-z]")
_SPACED_LOWER = re.compile(r"[ \t]+[a-z]")
_WORD_SPACED = re.compile(r"(\w+)[ \t]+$")
_TOKEN_BEFORE = re.compile(r"[\w.'’-]+$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A word in capitals between lower-case words (`remained VERY tense`).
_SHOUTED = re.compile(r"(?:(?<=[a-z] )|(?<=[a-z][,;] ))[A-Z]{4,}(?=[,;:.]?[ \t]+[a-z]|[,;:.])")
FREQUENT_WORDS = 3000
# A lower-case romanised Chinese name before the administrative word it names
# (`in mentougou district`): Chinese has no capitals, and MT leaves the pinyin lower-case.
_PINYIN_PLACE = re.compile(
    r"(?<![\w'’@/.-])([a-z]{4,})(?=[ \t]+(?:district|county|province|prefecture|township|town|"
    r"village|city|lake|river|mountains?|bay|port|street|road|new\s+area|economic\s+zone)\b)"
)
# A sea, ocean, gulf or strait named by the capitalised words before it (`the Caspian sea`),
# unless the head starts a compound (`the Arctic sea ice`, `the Gulf states`).
_LOWER_CASE_SEA = re.compile(
    r"(?<=\bthe )((?:[A-Z][a-z]+[ \t]+){1,3})(sea|ocean|gulf|strait)\b(?![ \t]+(?:ice|levels?|"
    r"floor|bed|routes?|lanes?|power|ports?|trade|waters?|fronts?|borders?|shores?|coasts?|life|"
    r"areas?|crossings?|bridges?|tunnels?|links?|states|countries|region|monarchies|nations)\b)"
)
_CHINESE_CONTEXT = re.compile(r"\b(?:China|Chinese|Beijing|Xinhua|Shanghai|CPC|Taiwan)\b")
# May, March and August are also words: lower-case only as part of a date (`on 15 may,`).
_DATED_MONTH = re.compile(
    r"(?<=\d )(?:may|march|august)(?=[,.;)]|[ \t]+\d{4}\b)"
    r"|(?<=(?:in|of) )(?:may|march|august)(?=[ \t]+\d{4}\b)"
    r"|(?<=(?:on|in|by|to) )(?:may|march|august)"
    r"(?=[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,|\.|[ \t]+\d{4}))"
)
MIN_CLAUSE_WORDS = 2
CONTEXT = 120  # characters looked at around a candidate word (keeps long texts linear)
TITLE_WORDS = 12  # longest run of capitalised words looked at for a title
_CAPITALISED_BEFORE = re.compile(r"(?<!\S)([A-Z][\w'’-]*)[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_CLASSES = frozenset({"article", "preposition", "conjunction"})
_COORDINATORS = frozenset({"and", "or", "but", "nor"})
# Words that open a sentence, not continue one: after "X. the" the full stop is right and
# the capital is missing; after "X. which" the relative clause is split off with a comma lost.
_SENTENCE_OPENERS = frozenset(
    {"the", "this", "these", "those", "he", "she", "it", "they", "we", "there", "his", "its"}
    | {"their", "our", "i"}
)
_RELATIVES = frozenset({"which", "who", "whose", "where"})


def _in_prose(
    doc: Document, skip: list, find: Callable[[str, int, int], Iterable[tuple[int, int, str]]]
) -> Iterator[tuple[int, int, str]]:
    """The (start, end, corrected) slips ``find`` reports in each sentence that is not a
    title-case heading, outside the ``skip`` spans."""
    for sentence in doc.sentences:
        if is_title_case(doc[sentence]):
            continue
        for start, end, corrected in find(doc.text, sentence.start, sentence.end):
            if not inside(start, skip):
                yield start, end, corrected


class CapitalisationCheck(Check):
    """Capitalisation that breaks English conventions in running prose."""

    name = "capitalisation"
    rules = (
        CAPITALISED_FUNCTION_WORD,
        LOWER_CASE_RESTART,
        BROKEN_PARAGRAPH,
        LOWER_CASE_PROPER_ADJECTIVE,
        LOWER_CASE_NAME,
        TITLE_CASE,
        SHOUTED_WORD,
        HALF_CAPITALISED_NAME,
        NAME_LOWER_CASE_HERE,
        LOWER_CASE_BODY_NAME,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.lang != "en":
            return  # English capitalisation conventions
        skip = not_prose_spans(doc.text)
        if _CANDIDATE.search(doc.text):
            for sentence in doc.sentences:
                if _CANDIDATE.search(doc.text, sentence.start, sentence.end) and not is_title_case(
                    doc[sentence]
                ):
                    yield from self._function_words(doc, sentence)
        yield from self._titles(doc, skip)
        half = list(self._half_capitalised(doc, skip))
        yield from half
        bodies = list(self._lower_case_bodies(doc, skip))
        yield from bodies
        covered = sorted(skip + [(f.start, f.end) for f in half + bodies])
        yield from self._lowered_names(doc, covered)
        yield from self._shouted(doc, skip)
        yield from self._restarts(doc, skip)
        yield from self._broken_paragraphs(doc, skip)
        names = list(self._names(doc, skip))
        yield from names
        yield from self._proper_adjectives(doc, sorted(skip + [(f.start, f.end) for f in names]))

    def _titles(self, doc: Document, skip: list) -> Iterator[Finding]:
        for sentence in doc.sentences:
            slips = list(title_case_slips(doc.text, sentence.start, sentence.end))
            if not slips or is_title_case(doc[sentence]):
                continue
            for start, end, suggestions in slips:
                if inside(start, skip):
                    continue
                yield TITLE_CASE.at(
                    doc,
                    start,
                    end,
                    "A title before a name is capitalised; without a name it is lower-case.",
                    suggestions,
                    confidence=0.75,
                )

    def _half_capitalised(self, doc: Document, skip: list) -> Iterator[Finding]:
        for start, end, corrected in _in_prose(doc, skip, mixed_case_names):
            message = f"{doc.text[start:end]!r} is a name capitalised on some words only."
            suggestions = [corrected, corrected.lower()]
            yield HALF_CAPITALISED_NAME.at(doc, start, end, message, suggestions, confidence=0.7)

    def _lower_case_bodies(self, doc: Document, skip: list) -> Iterator[Finding]:
        for start, end, corrected in _in_prose(doc, skip, lower_case_bodies):
            message = f"{doc.text[start:end]!r} names a specific body: capitalise it."
            yield LOWER_CASE_BODY_NAME.at(doc, start, end, message, [corrected], confidence=0.7)

    def _lowered_names(self, doc: Document, skip: list) -> Iterator[Finding]:
        sentences = [(s.start, s.end) for s in doc.sentences]
        for start, end, name in lowered_names(doc.text, sentences):
            if not inside(start, skip):
                yield NAME_LOWER_CASE_HERE.at(
                    doc,
                    start,
                    end,
                    f"The article writes this name {name!r} elsewhere.",
                    [name],
                    confidence=0.75,
                )

    def _shouted(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        for match in _SHOUTED.finditer(text):
            word = match.group().lower()
            if word in _frequent_words() and not inside(match.start(), skip):
                names = names_by_first_word().get(word, ())
                single = [n.canonical for n in names if len(n.words) == 1]
                yield SHOUTED_WORD.at(
                    doc,
                    match.start(),
                    match.end(),
                    f"{match.group()!r} is in capitals in the middle of a sentence.",
                    [single[0] if single else word],
                    confidence=0.7,
                )

    def _names(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        months = [(m.start(), m.end(), m.group().capitalize()) for m in _DATED_MONTH.finditer(text)]
        seas = [
            (m.start(1), m.end(), m.group(1) + m.group(2).capitalize())
            for m in _LOWER_CASE_SEA.finditer(text)
        ]
        found = [*lower_case_names(text), *months, *_pinyin_places(text), *seas]
        for start, end, corrected in sorted(found):
            if inside(start, skip) or not _has_capitals(text, start, end):
                continue
            yield LOWER_CASE_NAME.at(
                doc,
                start,
                end,
                f"{text[start:end]!r} is a name: English writes it {corrected!r}.",
                [corrected],
                confidence=0.85,
            )

    def _proper_adjectives(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        words = _proper_adjectives()
        for match in _LOWER_WORD.finditer(text):
            word = match.group()
            if word not in words and not (word[-1] == "s" and _pluralises(word[:-1], words)):
                continue
            start, end = match.span()
            if inside(start, skip) or (start and text[start - 1] in "#@/._'’"):
                continue
            if text[start - 1 : start] == "-" and not _PREFIX_BEFORE.search(
                text, max(0, start - 8), start
            ):
                continue  # "swiss-made", a slug; but "pro-european" -> "pro-European"
            after = _NEXT_WORD.match(text, end)
            if after and after.group(1).lower() in words.get(word, ()):
                continue  # "french fries"
            if not _has_capitals(text, start, end):
                continue
            yield LOWER_CASE_PROPER_ADJECTIVE.at(
                doc,
                start,
                end,
                f"{word!r} is a proper adjective or noun: English writes it with a capital.",
                [word.capitalize()],
                confidence=0.85,
                # after a number it may be a number word ("7 arab dollars": South Asian arab,
                # a billion): only suggested
                safe=False if _NUMBER_BEFORE.search(text, max(0, start - 12), start) else None,
            )

    def _function_words(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        text = doc.text
        classes = function_words()
        for match in _CAPITALISED.finditer(text, sentence.start, sentence.end):
            word = match.group()
            if classes.get(word.lower()) not in _CLASSES:
                continue
            if classes[word.lower()] == "conjunction" and word.lower() not in _COORDINATORS:
                continue  # "That", "While", "If" open clauses in titles and quotes
            start, end = match.span()
            window = max(sentence.start, start - CONTEXT)
            before = text[window:start]
            if not _WORD_OR_COMMA_SPACED.search(before):
                continue  # sentence start, or after a quote, colon, dash or bracket
            after = text[end : min(sentence.end, end + CONTEXT)]
            joins_names = _NAME_SPACED.search(before) and _SPACED_NAME.match(after)
            if word.lower() in _COORDINATORS:
                if not _SPACED_LETTER.match(after):
                    continue
            elif word == "Of" and (joins_names or _AFTER_LOWER.search(before)):
                pass  # "Ministry Of Defense", "the administration Of Donald Trump"
            elif not (_AFTER_LOWER.search(before) and _SPACED_LOWER.match(after)):
                continue  # names of groups and works ("Tories Against Brexit", "The Hague")
            elif _names_follow(after):
                continue  # a title of a work: "... and On the Spirit of Arts"
            if _in_title(text, sentence, start, end):
                continue
            previous = _WORD_SPACED.search(before)
            if (
                word.lower() in _COORDINATORS
                or word == "Of"
                or previous is None  # after a comma: no lost full stop, just the case
                or previous.group(1).lower() in classes
            ):
                yield CAPITALISED_FUNCTION_WORD.at(
                    doc,
                    start,
                    end,
                    f"{word!r} is capitalised in the middle of a sentence.",
                    [word.lower()],
                    confidence=0.8,
                )
                continue
            gap = window + previous.end(1)
            suggestions = [". " + word, " " + word.lower()]
            if word not in ("The", "A", "An"):
                suggestions.reverse()
            yield CAPITALISED_FUNCTION_WORD.at(
                doc,
                gap,
                end,
                f"{word!r} is capitalised in the middle of a sentence: a sentence boundary may "
                "have lost its full stop here.",
                suggestions,
                confidence=0.7,
                safe=False,
            )

    def _broken_paragraphs(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        for previous, paragraph in zip(doc.paragraphs, doc.paragraphs[1:], strict=False):
            first = _WORD.match(text, paragraph.start)
            if not first or not first.group().isalpha() or not first.group().islower():
                continue
            if inside(paragraph.start, skip) or text[previous.end - 1] not in ".,;" + _LETTERS:
                continue
            if (
                len(_WORD.findall(text, max(previous.start, previous.end - CONTEXT), previous.end))
                < 4
            ):
                continue  # a list of short items
            if (
                len(
                    _WORD.findall(
                        text, paragraph.start, min(paragraph.end, paragraph.start + CONTEXT)
                    )
                )
                < 3
            ):
                continue
            stop = previous.end - 1 if text[previous.end - 1] in ".," else previous.end
            yield BROKEN_PARAGRAPH.at(
                doc,
                stop,
                paragraph.start,
                "The paragraph starts lower-case: a sentence is split over two paragraphs.",
                [" "],
                confidence=0.75,
            )

    def _restarts(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        for match in _GLUED_RESTART.finditer(text):
            stop = match.start()
            if function_words().get(match.group(1)) and not inside(stop, skip):
                yield LOWER_CASE_RESTART.at(
                    doc,
                    stop,
                    stop + 1,
                    "A full stop glued to a lower-case word: the sentence is broken here.",
                    [" "],
                    confidence=0.8,
                )
        for match in _RESTART.finditer(text):
            stop = match.start()
            if inside(stop, skip):
                continue
            token = _TOKEN_BEFORE.search(text[max(0, stop - 30) : stop])
            word = token.group() if token else ""
            if "." in word or word in abbreviations() or word.lower() in abbreviations():
                continue
            if len(word) < 2 or (word.isupper() and len(word) <= 5):
                continue  # an acronym or brand that takes a dot ("ID. models")
            following = _WORD.match(text, match.end())
            if not following or not following.group().isalpha() or not following.group().islower():
                continue  # iPhone, eBay, my6sense
            reach = max(0, stop - CONTEXT)
            clause_start = max(reach, *(text.rfind(c, reach, stop) + 1 for c in ".!?\n"))
            if len(_WORD.findall(text, clause_start, stop)) < MIN_CLAUSE_WORDS:
                continue  # "on. meth. dot. com.": wordplay, not a broken sentence
            if inside(match.end(), skip):
                continue
            next_word = following.group()
            if next_word in _SENTENCE_OPENERS:
                # "kilometers. the epicenter was": a new sentence left lower-case.
                yield LOWER_CASE_RESTART.at(
                    doc,
                    following.start(),
                    following.end(),
                    "A sentence starts lower-case after the full stop.",
                    [next_word.capitalize()],
                    confidence=0.8,
                )
                continue
            yield LOWER_CASE_RESTART.at(
                doc,
                stop,
                stop + 1 if next_word not in _RELATIVES else following.end(),
                "A full stop before a lower-case word: the sentence is broken here.",
                ["" if next_word not in _RELATIVES else ", " + next_word],
                confidence=0.85,
            )


def _pinyin_places(text: str) -> Iterator[tuple[int, int, str]]:
    """Lower-case pinyin place names before `district`, `county` ... in Chinese news."""
    candidates = list(_PINYIN_PLACE.finditer(text))
    if not candidates or not _CHINESE_CONTEXT.search(text):
        return
    from toolkit.names.joins import pinyin_word  # the names package loads only when needed

    common = _common_words()
    for match in candidates:
        word = match.group(1)
        if word not in common and pinyin_word(word):
            yield match.start(1), match.end(1), word.capitalize()


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(read_lines("english", "common_words.txt"))


@functools.cache
def _frequent_words() -> frozenset[str]:
    return frozenset(read_lines("english", "common_words.txt")[:FREQUENT_WORDS])


def _has_capitals(text: str, start: int, end: int) -> bool:
    """Whether the line holding text[start:end] has a capital letter (else it is chat, a slug
    or a lower-case style)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return bool(_UPPER.search(text, line_start, line_end if line_end >= 0 else len(text)))


def _pluralises(word: str, words: dict[str, frozenset[str]]) -> bool:
    """Whether ``word`` is a listed nationality noun that takes a plural -s (kurd, iraqi)."""
    return word in words and not word.endswith(("s", "sh", "ch", "ese"))


@functools.cache
def _proper_adjectives() -> dict[str, frozenset[str]]:
    """Lower-case proper adjective -> the following words that keep it lower-case."""
    rows = iter_tsv(corpus_path("english", "proper_adjectives.tsv"))
    return {row["word"]: frozenset(filter(None, row["except_before"].split("|"))) for row in rows}


def _names_follow(after: str) -> bool:
    """Whether the first content word after a run of lower-case function words is
    capitalised, as in a title ("On the Spirit of Arts", "Behind the Story Series")."""
    for word in _WORD.findall(after)[:4]:
        if word.lower() not in function_words():
            return word[0].isupper()
    return False


def _in_title(text: str, sentence: Span, start: int, end: int) -> bool:
    """Whether the word at [start, end) belongs to a title-cased name of a work."""
    left = start
    for _ in range(TITLE_WORDS):
        match = _CAPITALISED_BEFORE.search(text, max(sentence.start, left - 40), left)
        if not match:
            break
        left = match.start(1)
    right = end
    for _ in range(TITLE_WORDS):
        match = _CAPITALISED_AFTER.match(text, right, sentence.end)
        if not match:
            break
        right = match.end()
    if left > sentence.start and text[left - 1] in "“\"‘'«*_":
        return True
    run = text[left:right].split()
    capitalised = sum(word.lower() in function_words() for word in run[1:])
    return capitalised >= 2
