"""Sentence fragments: orphan phrases, reporting clauses without their quote, verbless clauses."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks._detached import detached, finite_verb, proper_names, stopwords
from toolkit.checks.base import Check
from toolkit.checks.boilerplate.features import describe
from toolkit.document import Document, Span
from toolkit.english import (
    can_be_verb,
    ends_like_sentence,
    function_words,
    irregular_verb_forms,
    is_common_word,
    is_title_case,
    reporting_verb_rows,
    reporting_verbs,
)
from toolkit.findings import Finding, Rule

ORPHAN = Rule(
    code="FR101",
    slug="orphan-fragment",
    kind="fragment",
    category="fluency/grammar",
    severity="major",
    summary="A short name (up to four words) standing alone as a sentence after a full "
    "sentence (`... drone attacks. Gaza Strip.`, `... up 2.5%. Ankara.`).",
    why="MT splits a trailing phrase off its sentence (often a place or a source), leaving a "
    "sentence without a verb and a clause that lost its complement.",
    example="the US military is facing escalating missile and drone attacks. Gaza Strip.",
    fixed="the US military is facing escalating missile and drone attacks over the Gaza Strip.",
    false_positives="A one-word sentence counts only when the word is not among the 10,000 "
    "most frequent English words (`Nothing.`, `Chaos.` pass). Headlines, datelines, labels "
    "with a colon and the first sentence of a paragraph are skipped. The right join needs a "
    "preposition only the source knows, so no correction is suggested.",
)
DANGLING_REPORT = Rule(
    code="FR102",
    slug="dangling-reporting-clause",
    kind="fragment",
    category="accuracy/omission",
    severity="major",
    summary="A reporting clause whose quote is missing (`quoted an official as saying.`, "
    "`according to.`, a paragraph ending `he said:` with nothing after).",
    why="The MT cut the sentence after the reporting verb: the reader is told someone spoke but "
    "not what was said, or the content drifted into the next sentence.",
    example="Reuters quoted an unnamed U.S. military official as saying. He said the strike "
    "targeted an operations center.",
    fixed="Reuters quoted an unnamed U.S. military official as saying the strike targeted an "
    "operations center.",
    false_positives="`He said.` and `kept saying.` are complete and not flagged; `he said:` at "
    "the end of a paragraph is flagged only when no sentence follows in the next paragraph "
    "(only a heading, boilerplate or the end of the text).",
)
VERBLESS = Rule(
    code="FR103",
    slug="verbless-sentence",
    kind="fragment",
    category="fluency/grammar",
    severity="minor",
    summary="A sentence of running prose that opens like a clause (preposition, conjunction, "
    "relative pronoun) and has no word that can be a verb (`Against the factions in Iraq.`).",
    why="MT that splits or drops a clause leaves noun phrases punctuated as sentences.",
    example="The U.S. launched three rounds of strikes in Syria. Against the factions in Iraq.",
    fixed="The U.S. launched three rounds of strikes in Syria against the factions in Iraq.",
    false_positives="Any word that can be a verb (`attacks`, `strip`) counts as one, and "
    "noun-phrase sentences (`Five weeks to go.`) and ellipses opened by a coordinator (`And "
    "vice versa.`, `But not for long.`) are a style, not flagged. Headlines, "
    "datelines, captions and bylines, quotes, questions and exclamations are skipped.",
)

DETACHED = Rule(
    code="FR104",
    slug="detached-clause",
    kind="fragment",
    category="fluency/grammar",
    severity="major",
    summary="A subordinate clause or adjunct standing alone after a full stop: a relative "
    "clause (`... the new system. Which would speed up payments.`), a clause of reason or "
    "concession, a prepositional or -ing phrase (`Including Herat and Kandahar.`, `Near "
    "the border.`), a purpose clause (`To ensure the safety of voters.`), a change (`Up 4 "
    "percent.`) or an attribution (`As was reported by the agency.`), with no main clause of "
    "its own.",
    why="MT segments long source sentences at clause boundaries and puts a full stop at the "
    "seam; the reader gets a sentence that is not one and a main clause cut short.",
    example="Exporters welcomed the return of the country to the SWIFT system. Which would "
    "speed up payments for imports.",
    fixed="Exporters welcomed the return of the country to the SWIFT system, which would "
    "speed up payments for imports.",
    false_positives="Questions, quotations, headlines and the first sentence of a paragraph "
    "are skipped, and so is any sentence with a main clause after a comma (`Because of the "
    "rain, the match was called off.`) or, for phrases, a finite verb of its own (`According "
    "to him the plan failed.`). The suggestion joins the clause to the sentence before (an "
    "`According to ...` phrase to the sentence after), with a comma where the clause takes "
    "one. Fix safety: joining a relative clause, a phrase or a change to the sentence before "
    "is applied by `mtkit fix`; clauses of reason or concession (a speaker's style), "
    "attributions and forward joins are only suggested.",
    source="Openers: corpora/english/clause_openers.tsv.",
)

RUN_ON = Rule(
    code="FR105",
    slug="run-on-sentence",
    kind="fragment",
    category="fluency/grammar",
    severity="minor",
    summary="Two sentences run together without a full stop: a lower-case word followed "
    "directly by a capitalised sentence opener (`... in the region The talks will resume`, "
    "`... on Sunday However the army`).",
    why="MT and scrapers lose a sentence boundary (a dropped full stop, a line break "
    "removed); the reader stumbles on a capital in mid-sentence.",
    example="Floods destroyed hundreds of homes in the province The authorities opened "
    "shelters for the displaced.",
    fixed="Floods destroyed hundreds of homes in the province. The authorities opened "
    "shelters for the displaced.",
    false_positives="Only a capitalised pronoun, article or linking adverb (`The`, `He`, "
    "`They`, `It`, `However`) followed by a lower-case word counts, so titles and names "
    "(`the newspaper The Guardian`, `The Hague`) pass; `A` and `I` are never counted "
    "(`vitamin A and`, `and I said`). Headlines, title-case lines and quotations are "
    "skipped. The full stop is suggested, not applied.",
)

COMMA_SPLICE = Rule(
    code="FR106",
    slug="comma-splice",
    kind="fragment",
    category="fluency/grammar",
    severity="minor",
    summary="Two main clauses joined by a comma alone: a full clause, a comma, then a new "
    "subject and its finite verb (`... on Friday, it will monitor crops`, `... in Sindh, "
    "the government has announced aid`).",
    why="Chinese, Urdu, Persian and Turkish chain clauses with a comma where English needs a "
    "full stop, a semicolon or a conjunction; MT keeps the comma.",
    example="The satellite was launched from Jiuquan on Friday, it will monitor crops and forests.",
    fixed="The satellite was launched from Jiuquan on Friday; it will monitor crops and forests.",
    false_positives="The clause before the comma must open with its subject (not a "
    "subordinate clause or adverbial: `If it rains, we stay`; a dateline and a reporting "
    "verb's `that` are passed over) and have a finite verb; the clause after must open with "
    "a pronoun, `there` or `the` and up to three words, then an auxiliary, modal or past "
    "verb, and must not be an attribution (`..., he said`, `..., it said in a statement`). "
    "Quotations, headlines and lists of clauses ending with `and` are skipped. "
    "The semicolon is suggested, not applied.",
)

# A lower-case word, one space, then a capitalised sentence opener and a lower-case word.
_RUN_ON = re.compile(
    r"(?<=[a-z]{2}) (?=(?:The|He|She|They|We|It|This|These|Those|There|However|Meanwhile|"
    r"Moreover|Furthermore|Therefore|Nevertheless),? [a-z])"
)
_TITLE_BEFORE = re.compile(r"(?:called|titled|entitled|named|dubbed|film|book|show|album|song)$")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?|\d[\d,.:/]*")
_SAFE_JOINS = frozenset({"relative", "preposition", "change", "participle", "infinitive"})
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_LABEL = re.compile(r"^[^.]{0,40}:(?!\d)|^\W*(?:By|Photo|Image|Source|Credit|Reporting|Edited)\b")
_CLAUSE_OPENERS = frozenset({"preposition", "conjunction", "pronoun"})
# A verbless sentence opened by a coordinator is an ellipsis of style ("And vice versa.").
_COORDINATORS = frozenset({"and", "but", "or", "nor", "yet", "so"})
MAX_ORPHAN_WORDS = 4
_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)


@functools.cache
def _reporting() -> dict[str, str]:
    """Alternations of reporting-verb forms (past, present, participle) from the lexicon."""
    forms = {form: reporting_verbs(form) for form in ("past", "present", "participle")}
    forms["quoted_as"] = {r["participle"] for r in reporting_verb_rows() if r["quoted_as"] == "yes"}
    return {form: "|".join(sorted(words, key=len, reverse=True)) for form, words in forms.items()}


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Dangling clause at a sentence's end, reporting colon at a paragraph's end, and the
    "He said" that carries the lost quote at the start of the next sentence."""
    verbs = _reporting()
    dangling = re.compile(
        rf"(?:\bas\s+(?P<as>(?:telling\s+\w+|{verbs['quoted_as']})(?:\s+that)?)"
        r"|\b(?:statement|report|tweet|post|letter|message)\W{0,2}\s+"
        rf"(?P<verb>{verbs['participle']})"
        r"|\b(?P<according>according\s+to))\s*[.:]$"
    )
    colon = re.compile(
        rf"\b(?:{verbs['past']}|{verbs['present']}|{verbs['participle']})"
        r"\b[^.!?:;\"“”]{0,40}:$"
    )
    carrier = re.compile(
        rf"\s+(?:He|She|They|It|The\s+\w+)\s+(?:{verbs['past']})(?:\s+that)?(?=\s)"
    )
    return dangling, colon, carrier


# "The spokesman said in a press conference." / "The ministry stated that.": a subject and a
# reporting verb, then only a setting or "that", and a full stop: the quote went to the next
# sentence. A bare "X said." (after a quotation) is complete and needs a setting or "that";
# verbs rarely used without an object ("stated.") need neither.
_CUT_REPORT = re.compile(
    r"(?P<subject>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,6}?)\s+(?P<verb>"
    r"(?P<bare>stated|announced|explained|stressed|emphasi[sz]ed|indicated|pointed\s+out|"
    r"affirmed|declared|told\s+(?:reporters|journalists|the\s+(?:press|media|agency)))|"
    r"said|added|noted|confirmed)"
    r"(?P<setting>\s+(?:in|at|during|on|via|through|to)\s+[^,;:\"“”()]{1,40}?)?"
    r"(?P<that>\s+that)?\s*\.$"
)
_NOT_SUBJECT = frozenset({"what", "that", "which", "who", "how", "as", "than", "when", "where"})
_NOT_SUBJECT |= {"why", "if", "whether", "all", "it", "this"}


def _cut_report(doc: Document, sentence: Span) -> re.Match[str] | None:
    """A sentence that is only "SUBJECT said (in SETTING) (that)."."""
    match = _CUT_REPORT.fullmatch(doc[sentence].rstrip())
    if not match or not (match.group("bare") or match.group("setting") or match.group("that")):
        return None
    words = match.group("subject").lower().split()
    if _NOT_SUBJECT & set(words) or (len(words) < 2 and not match.group("that")):
        return None  # "That is what he said at the time."; "He said in May." (a date)
    return match


def _credit_line(doc: Document, sentence: Span) -> bool:
    """Whether the sentence lies on a dateline or credit line (`Moscow. June 2. TASS`)."""
    start = doc.text.rfind("\n", 0, sentence.start) + 1
    end = doc.text.find("\n", sentence.end)
    return describe(doc.text[start : end if end >= 0 else len(doc.text)]).credit


class FragmentCheck(Check):
    """Sentences that are not sentences: split-off phrases, cut reporting clauses, no verb."""

    name = "fragments"
    rules = (ORPHAN, DANGLING_REPORT, VERBLESS, DETACHED, RUN_ON, COMMA_SPLICE)

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.lang != "en":
            return  # the verb lexicon and reporting patterns are English
        groups = _by_paragraph(doc)
        for number, sentences in enumerate(groups):
            for index, sentence in enumerate(sentences):
                following = sentences[index + 1] if index + 1 < len(sentences) else None
                yield from self._dangling(doc, sentence, following)
                previous = sentences[index - 1] if index else None
                yield from _detached_clause(doc, previous, sentence, following)
                if len(sentences) > 1:
                    yield from self._verbless(doc, sentence, first=index == 0)
                yield from _run_on(doc, sentence)
                yield from _comma_splice(doc, sentence)
            after = groups[number + 1] if number + 1 < len(groups) else []
            yield from self._cut_colon(doc, sentences[-1], after)

    def _cut_colon(self, doc: Document, last: Span, after: list[Span]) -> Iterator[Finding]:
        """A paragraph that ends "he said:" with no quotation after it."""
        match = _patterns()[1].search(doc.text, last.start, last.end)
        if not match or any(ends_like_sentence(doc[s]) for s in after):
            return
        yield DANGLING_REPORT.at(
            doc,
            match.start(),
            last.end,
            "The text announces a quotation but none follows.",
            confidence=0.6,
        )

    def _dangling(self, doc: Document, sentence: Span, following: Span | None) -> Iterator[Finding]:
        text = doc.text
        dangling, _, carrier_start = _patterns()
        match = dangling.search(text, sentence.start, sentence.end)
        if not match:
            cut = following and _prose(doc, sentence) and _cut_report(doc, sentence)
            if cut:
                yield DANGLING_REPORT.at(
                    doc,
                    sentence.start + cut.start("verb"),
                    sentence.end,
                    "A reporting clause without its quote: what was said went to the next "
                    "sentence; join them.",
                    confidence=0.65,
                )
            return
        stop = sentence.end - 1
        carrier = following and carrier_start.match(text, stop + 1, following.end)
        message = "A reporting clause without its quote: what was said is missing."
        if carrier:
            yield DANGLING_REPORT.at(
                doc,
                stop,
                carrier.end(),
                message + " The next sentence seems to carry it; join them.",
                [""],
                confidence=0.8,
            )
        elif match.group("as"):
            start = match.start()
            if start > sentence.start and text[start - 1] in " \t":
                start -= 1  # delete the space before "as saying" too
            yield DANGLING_REPORT.at(doc, start, stop, message, [""], confidence=0.75)
        else:
            start = match.start("verb") if match.group("verb") else match.start("according")
            yield DANGLING_REPORT.at(doc, start, stop + 1, message, confidence=0.7)

    def _verbless(self, doc: Document, sentence: Span, first: bool) -> Iterator[Finding]:
        tokens = _TOKEN.findall(doc[sentence].rstrip(".").rstrip())
        if _has_verb(tokens):
            return  # most sentences: found within a few words
        words = [t.rstrip(".") for t in tokens if not t[0].isdigit()]
        if not words or len(words) < len(tokens) / 2 or words[0].lower() in _MONTHS:
            return
        if not _prose(doc, sentence):
            return
        closed = function_words()
        if not first and _orphan(words, closed) and not _credit_line(doc, sentence):
            yield ORPHAN.at(
                doc,
                sentence.start,
                sentence.end,
                "A name or phrase standing alone as a sentence: it was probably split off the "
                "sentence before; join it there with the preposition the source implies.",
                confidence=0.75,
            )
        elif (
            len(words) >= 3
            and closed.get(words[0].lower()) in _CLAUSE_OPENERS
            and words[0].lower() not in _COORDINATORS
            and any(w.islower() and w not in closed for w in words[1:])
        ):
            yield VERBLESS.at(
                doc,
                sentence.start,
                sentence.end,
                "This sentence has no verb: a clause split off its sentence.",
                confidence=0.6,
            )


def _detached_clause(
    doc: Document, previous: Span | None, sentence: Span, following: Span | None
) -> Iterator[Finding]:
    """A clause or phrase split off its sentence, joined back with the right punctuation."""
    text = doc.text
    found = detached(doc[sentence])
    if found is None or not _prose(doc, sentence):
        return
    opener = found.opener
    forward = opener.forward and _joinable(doc, sentence, following, ahead=True)
    if forward:
        stop, word = sentence.end - 1, _FIRST_WORD.match(text, following.start)
        if not word:
            return
        start, end = word.span()
        joined = _uncapitalised(word.group())
    else:
        if not _joinable(doc, previous, sentence):
            return
        stop, start, end = previous.end - 1, sentence.start, sentence.start + len(opener.words)
        if opener.kind in ("attribution", "infinitive"):  # the span takes the verb too
            end = sentence.start + found.end
        joined = text[start:end].lower()
        if opener.kind == "attribution":  # "As it was noted" -> "as noted"
            joined = "as " + joined.split()[-1]
    comma = ", " if opener.comma else " "
    message = (
        "This sentence is a clause or phrase with no main clause: it was split off the "
        f"sentence {'after' if forward else 'before'} it; join them."
    )
    # Joining a relative clause, phrase or change back is mechanical; a clause of reason
    # may be a speaker's style ("Because space can vibrate like a drum."), and which
    # sentence an "According to" phrase or "As ... noted" belongs to is a guess.
    safe = not forward and opener.kind in _SAFE_JOINS
    yield DETACHED.at(
        doc, stop, end, message, [comma + joined], confidence=0.8 if safe else 0.7, safe=safe
    )


def _run_on(doc: Document, sentence: Span) -> Iterator[Finding]:
    """A missing full stop inside a sentence of prose: "... the province The authorities"."""
    text = doc[sentence]
    if not _prose(doc, sentence) or any(mark in text for mark in '"“”«»'):
        return
    for match in _RUN_ON.finditer(text):
        before = text[: match.start()]
        if len(before.split()) < 4 or len(text[match.end() :].split()) < 3:
            continue
        if _TITLE_BEFORE.search(before) or "\n" in before[-40:]:
            continue  # a title after "called", "the film"; a heading line above
        start = sentence.start + match.start()
        yield RUN_ON.at(
            doc,
            start,
            start + 1,
            "A capitalised sentence opener in mid-sentence: a full stop was probably lost.",
            [". "],
            confidence=0.6,
        )


# A comma before a pronoun or a determiner: the cheap test most sentences fail.
_PRONOUN_SUBJECTS = "he|she|it|they|this|there"
_DETERMINERS = "the|its|their"
_SPLICE = re.compile(rf",\s+(?:{_PRONOUN_SUBJECTS}|{_DETERMINERS})\s")
# "Lahore (Staff Reporter) —", "PERTH, Dec 3 (AFP) -": a dateline before the first clause.
_DATELINE = re.compile(r"^[A-Z][\w .,'’-]{0,40}\([^()]{1,40}\)\s*[—–-]?\s*")
_SPLICE_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"}
) | {"may", "might", "must", "should", "did", "does"}
_SUBORDINATE = re.compile(
    r"\b(?:if|when|whenever|although|though|while|because|since|unless|until|once|whether|as|"
    r"after|before|where|that|which|who|whom|whose|so|than|not\s+only|either|neither)\b",
    re.IGNORECASE,
)
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "he", "she"})
_SUBJECT_OPENERS |= {"it", "they", "we", "this", "these", "those", "our"}
MIN_SPLICE_WORDS = 4


def _comma_splice(doc: Document, sentence: Span) -> Iterator[Finding]:
    """A full clause, a comma, and a second main clause: "... on Friday, it will monitor"."""
    text = doc[sentence]
    if not _SPLICE.search(text) or not _prose(doc, sentence) or any(m in text for m in '"“”«»'):
        return  # most sentences: no comma before a pronoun or "the"
    for match in _splices(text):
        before = _main_clause_before(text[: match.start()])
        verb, subject = match.group("verb"), match.group("subject")
        if len(before.split()) < MIN_SPLICE_WORDS or not _opens_with_subject(before):
            continue
        if _SUBORDINATE.search(before) or "," in before or " not " in before:
            continue  # "If it rains, we stay"; a list; "not to X, it is to Y"
        if not _finite(before):
            continue  # (the verb after the comma is finite: ``_splices`` checked it)
        if re.match(r"the\s+(?:more|less|\w+er)\b", subject):
            continue  # "The more you pay, the better it gets"
        if verb in reporting_verbs("past") or verb in reporting_verbs("present"):
            continue  # "..., it said in a statement": an attribution
        after = text[match.end() :]
        if len(match.group("rest").split()) < 2 or re.search(r",\s+(?:and|or|but)\b", after):
            continue  # "A is X, B is Y, and C is Z": a list of clauses
        start = sentence.start + match.start()
        yield COMMA_SPLICE.at(
            doc,
            start,
            start + 1,
            "Two main clauses joined by a comma: end the first with a full stop or a semicolon.",
            [";"],
            confidence=0.6,
        )
        return


def _splices(text: str) -> Iterator[re.Match[str]]:
    """Each comma followed by a subject and a word that may be its verb; a subject of two or
    three words ("the green shirts could") is tried when the shorter one finds no verb."""
    for comma in re.finditer(r",", text):
        for pattern in _SPLICE_BY_SIZE:
            match = pattern.match(text, comma.start())
            if match and _finite_after(match.group("subject"), match.group("verb")):
                yield match
                break


_SPLICE_BY_SIZE = tuple(
    re.compile(
        rf",\s+(?P<subject>{_PRONOUN_SUBJECTS}|(?:{_DETERMINERS})"
        + r"\s+[a-z]+" * (size + 1)
        + r")\s+(?:(?:also|still|now|already|then|later)\s+)?(?P<verb>[a-z']+)\b"
        r"(?P<rest>[^,;:]*)"
    )
    for size in range(3)
)


def _main_clause_before(text: str) -> str:
    """The clause before a splice's comma: after the last colon or semicolon, without a
    dateline, and after "that" when a reporting verb introduces it ("Officials said that
    the bridge was closed, ..." -> "the bridge was closed")."""
    clause = _DATELINE.sub("", re.split(r"[;:]", text)[-1].strip())
    parts = _reported_that().split(clause)
    return parts[-1] if len(parts) > 1 and parts[-1] else clause


@functools.cache
def _reported_that() -> re.Pattern[str]:
    """A reporting verb and its "that" ("said that", "announces that")."""
    verbs = _reporting()
    return re.compile(rf"\b(?:{verbs['past']}|{verbs['present']})\s+that\s+")


def _opens_with_subject(clause: str) -> bool:
    """Whether a clause opens with a determiner, a pronoun or a name (not a verb or adverb)."""
    first = clause.split()[0]
    lower = first.lower()
    if lower in _SUBJECT_OPENERS:
        return True
    return (
        first[0].isupper()
        and lower not in stopwords()
        and lower not in function_words()
        and not can_be_verb(lower)
        and not is_common_word(lower)
    )


def _finite(clause: str) -> bool:
    """Whether a clause holds a finite verb (auxiliary, modal or past form after its subject)."""
    return finite_verb(clause)


def _finite_after(subject: str, verb: str) -> bool:
    """Whether ``verb`` after ``subject`` is finite: an auxiliary or modal, a past form, or a
    present form agreeing with a pronoun."""
    if verb in _SPLICE_AUXILIARIES:
        return True
    if not can_be_verb(verb) or verb.endswith("ing"):
        return False
    if subject == "there":
        return False  # "there" takes only a form of "be" (above): "..., there are no chances"
    if subject in ("he", "she", "it", "they", "we"):
        return (
            verb.endswith("ed")
            or verb in irregular_verb_forms()
            or verb.endswith("s")
            or (subject in ("they", "we"))
        )
    return False


def _uncapitalised(word: str) -> str:
    """A sentence's first word as it reads inside a sentence: lower-case unless a name."""
    lower = word.lower()
    if lower in stopwords() or (is_common_word(lower) and word not in proper_names()):
        return lower
    return word


def _joinable(doc: Document, first: Span | None, second: Span | None, ahead: bool = False) -> bool:
    """Whether two sentences on one line can be one: prose, the first ending in a plain full
    stop. A line break between them is the writer's or segmenter's unit: MT splits a
    sentence inside its segment, not across segments.
    """
    if first is None or second is None or "\n" in doc.text[first.end : second.start]:
        return False
    text = doc[first]
    if not text.endswith(".") or text.endswith("..") or len(text.split()) < 3:
        return False
    return _prose(doc, second if ahead else first)


def _has_verb(tokens: list[str]) -> bool:
    """Whether a word can be a verb: the first word, or a later one not capitalised."""
    first = True
    for token in tokens:
        if token[0].isdigit():
            continue
        word = token.rstrip(".")
        if (first or not word[0].isupper()) and _verb_like(word):
            return True
        first = False
    return False


@functools.lru_cache(maxsize=1 << 16)
def _verb_like(word: str) -> bool:
    """A verb form, or a word with "'s" (which may be "is"); remembered, words recur."""
    return can_be_verb(word) or word.lower().endswith(("'s", "’s"))


def _orphan(words: list[str], closed: dict[str, str]) -> bool:
    """A short run of capitalised names and function words (`Gaza Strip`, `the West Bank`)."""
    if any(len(w) > 1 and w.isupper() for w in words):
        return False  # split after an acronym or a dateline ("The VW ID.", "JOSEPH, Mich.")
    if len(words) == 1:
        word = words[0]
        return word[0].isupper() and not (is_common_word(word) or can_be_verb(word))
    if len(words) > MAX_ORPHAN_WORDS or closed.get(words[0].lower()) == "conjunction":
        return False
    if any(closed.get(w.lower()) == "auxiliary" for w in words):
        return False
    if not all(w[0].isupper() or w.lower() in closed for w in words):
        return False
    return any(w[0].isupper() and w.lower() not in closed for w in words[1:])


def _by_paragraph(doc: Document) -> list[list[Span]]:
    """The document's sentences grouped by paragraph."""
    groups: list[list[Span]] = []
    paragraphs = iter(doc.paragraphs)
    current = None
    for sentence in doc.sentences:
        while current is None or sentence.start >= current.end:
            current = next(paragraphs)
            groups.append([])
        groups[-1].append(sentence)
    return groups


def _prose(doc: Document, sentence: Span) -> bool:
    """Whether a sentence is running prose: full stop, not a quote, label, heading or dateline."""
    text = doc[sentence]
    if not ends_like_sentence(text) or text.rstrip()[-1] in '?!:;"”’)':
        return False
    if text[0] in "\"“‘'«([-–—•*" or _LABEL.match(text):
        return False
    return not is_title_case(text) and not text.isupper()
