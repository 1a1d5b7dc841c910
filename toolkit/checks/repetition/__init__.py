"""Repetition: doubled words, and sentences or paragraphs that occur twice."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from operator import eq

from toolkit.checks.base import Check
from toolkit.checks.repetition import restatement
from toolkit.document import Document, Span
from toolkit.english import ends_like_sentence, function_words
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv, read_lines

DOUBLED_WORD = Rule(
    code="RE101",
    slug="doubled-word",
    kind="repetition",
    category="fluency/grammar",
    severity="minor",
    summary="The same word twice in a row (`the the`), or a number word doubled across a "
    "comma before its noun (`took two, two wickets`).",
    why="MT and post-editing at segment seams repeat a word; readers take it for sloppiness.",
    example="the attack on the the base",
    fixed="the attack on the base",
    fix_safe=True,
    false_positives="Legitimate doublings (`had had`, `that that`, `bye bye`) are listed in "
    "corpora/english/doubled_words_ok.txt; doubled capitalised names (`Duran Duran`, `Bora "
    "Bora`) are skipped.",
)
REPEATED_SENTENCE = Rule(
    code="RE102",
    slug="repeated-sentence",
    kind="repetition",
    category="fluency/other",
    severity="major",
    summary="A sentence that already occurred earlier in the text (same words, or nearly), "
    "or that repeats part of the sentence right before it and adds nothing.",
    why="Scrapers and segment-level MT duplicate sentences (a lead repeated, a caption twice); "
    "the repeat adds nothing.",
    example="The talks resumed on Monday in Doha. ... The talks resumed on Monday in Doha.",
    fixed="The talks resumed on Monday in Doha. ...",
    false_positives="Sentences of fewer than six words (refrains, short answers), lines "
    "without final punctuation (list items, headings), lead-ins ending with a colon and "
    "labelled spec lines (`Size: 20mm.`) are ignored; a near repeat with other names or "
    "figures (two captions of one frame) is not one. A shortened copy of the sentence before "
    "needs three content words, all of them and all its names and figures in that sentence.",
)
REPEATED_PARAGRAPH = Rule(
    code="RE103",
    slug="repeated-paragraph",
    kind="repetition",
    category="fluency/other",
    severity="major",
    summary="A paragraph that already occurred earlier in the text.",
    why="Scraped pages repeat a block (a teaser and the body, a pasted paragraph twice).",
    example="Rescue teams reached the village after the road was cleared on Friday morning. ⏎ "
    "Rescue teams reached the village after the road was cleared on Friday morning.",
    fixed="Rescue teams reached the village after the road was cleared on Friday morning.",
    false_positives="Paragraphs of fewer than six words, or without final punctuation (list "
    "items, recipe lines, headings), are ignored.",
)

DOUBLED_PHRASE = Rule(
    code="RE104",
    slug="doubled-phrase",
    kind="repetition",
    category="fluency/grammar",
    severity="minor",
    summary="The same phrase of two to five words twice in a row (`in the region in the "
    "region`), or of four or five words again after a comma (`to revive the deal, to revive "
    "the deal`).",
    why="Neural MT sometimes loops and emits a phrase twice; a scraper can double a linked phrase.",
    example="attacks on U.S. forces in the region in the region since October",
    fixed="attacks on U.S. forces in the region since October",
    fix_safe=True,
    false_positives="Shorter repeats separated by punctuation (`very, very`; `we got her, we "
    "got her!`; `go, go, go`), phrases "
    "with a capitalised word (`for Measure for Measure`) and reduplication around a "
    "conjunction (`faster and faster and`) are not flagged.",
)

REPEATED_ATTRIBUTION = Rule(
    code="RE105",
    slug="repeated-attribution",
    kind="repetition",
    category="fluency/grammar",
    severity="minor",
    summary="A sentence attributed twice to the same speaker: it opens `X said (that) ...` "
    "and ends or breaks off with `..., he said` (`..., officials said`).",
    why="MT keeps both the source's opening attribution and the closing one English news "
    "style adds; the reader is told twice who spoke.",
    example="The governor announced that the budget would be increased by ten percent, he said.",
    fixed="The governor announced that the budget would be increased by ten percent.",
    false_positives="The second attribution counts only with a pronoun subject or the words "
    "of the first subject (`Reuters said ..., Reuters said`); another source (`..., the "
    "newspaper reported`) is a nested attribution and not flagged, nor is `told` (`Police "
    "told her ..., she said`). Quotations are skipped.",
)

DOUBLED_CONJUNCTION = Rule(
    code="RE106",
    slug="doubled-conjunction",
    kind="repetition",
    category="fluency/grammar",
    severity="minor",
    summary="A clause of concession or reason joined to its main clause by a second "
    "conjunction: `Although ..., but ...`, `Because ..., so ...`, `But however, ...`.",
    why="Chinese (虽然…但是, 因为…所以), Urdu, Persian, Turkish and Russian mark both clauses; "
    "MT keeps both words, and English allows only one.",
    example="Although the talks lasted nine hours, but no agreement was reached on the border.",
    fixed="Although the talks lasted nine hours, no agreement was reached on the border.",
    false_positives="Only a `but` or `so` right after the first comma of a sentence (or "
    "clause after `that`) opened by `Although`, `Though`, `Even though`, `Even if`, "
    "`While`, `Because` or `Since` counts; `so` only when a clause follows (`so the`, `so "
    "it`: not `Since May, so many ...`); `if ..., then` is English and not flagged.",
)

RESTATED_CLAUSE = Rule(
    code="RE107",
    slug="restated-clause",
    kind="repetition",
    category="fluency/other",
    severity="minor",
    summary="A clause that says again what an earlier clause of the same sentence said, "
    "joined by `and` or a comma (`Three workers were injured in the blast at the plant, and "
    "three workers were injured in the blast.`).",
    why="MT of long source sentences, and segment-level MT that sees a clause twice, emit it "
    "twice in slightly different words; the repeat adds nothing.",
    example="Three workers were injured in the blast at the chemical plant, and three workers "
    "were injured in the blast.",
    fixed="Three workers were injured in the blast at the chemical plant.",
    false_positives="The later clause must have four words or more, at least three content "
    "words, all of them in the earlier clause, and no name or figure of its own (`prices rose "
    "in March and prices rose in April` is two facts). Quotations are skipped.",
)

_COORDINATORS = frozenset({"and", "or", "but", "nor", "then"})
# "Although ..., but", "Because ..., so": both clauses marked, as the source language does.
_PAIRED = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=\bthat )|(?<=[\"“] ))(?:(?:[Aa]lthough|[Tt]hough|[Ee]ven though|"
    r"[Ee]ven if|[Ww]hile)\b[^,;:.!?\"“”\n]{3,150}?,\s+(?P<but>but)|(?:[Bb]ecause|[Ss]ince)\b"
    r"[^,;:.!?\"“”\n]{3,150}?,\s+(?P<so>so|therefore)"
    r"(?=\s+(?:the|a|an|he|she|it|they|we|I|this|these|its|their|[A-Z]\w*)\b))\s+"
    r"|\b[Bb]ut(?P<however>\s+however,)",
    re.MULTILINE,
)  # Reporting verbs of a closing attribution ("..., he said."), without "told", "asked",
# "wrote", "read" and "continued", which report another act.
_SAY = (
    "said|stated|added|noted|explained|stressed|announced|declared|emphasi[sz]ed|affirmed|"
    "asserted|insisted|confirmed|warned|pointed out|indicated"
)
_OPENING = re.compile(
    rf"(?P<subject>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){{0,6}}?)\s+(?:{_SAY})\b(?!\s*[,.:])"
)
_AFTER_QUOTE = re.compile(
    rf"[,.?!][\"”]\s+(?P<subject>[\w.'’-]+(?:\s+[\w.'’-]+){{0,3}}?)\s+(?:{_SAY})\b"
)
_CLOSING = re.compile(
    rf",\s+(?P<subject>(?:he|she|they|it|we|(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?))"
    rf"\s+(?:{_SAY})(?:\s+(?:on|in|at|during)\s+[^,.;\"“”]{{1,30}}?)?\s*(?=[,.;]\s*|$)"
)
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "it", "we"})
_NOT_SUBJECT = frozenset({"what", "that", "which", "who", "how", "as", "than", "if", "when"})
MIN_WORDS = 6
NEAR_MIN_WORDS = 10
NEAR_RATIO = 93.0
WINDOW = 300
_DOUBLED = re.compile(
    r"(?<![\w'’-])([^\W\d_]+)([ \t]+|[ \t]*\r?\n[ \t]*)(\1)(?![\w'’-])", re.IGNORECASE
)
# A number word doubled across a comma before its noun: Urdu and Persian distributives
# ("took two, two wickets": two each), kept word for word by MT.
_DOUBLED_NUMBER = re.compile(
    r"(?<![\w'’-])(one|two|three|four|five|six|seven|eight|nine|ten)(,[ \t]+)(\1)(?=[ \t]+[a-z])",
    re.IGNORECASE,
)
_DOUBLED_PHRASE = re.compile(
    r"(?<![\w'’-])((?:[^\W\d_]+[ \t]+){1,4}[^\W\d_]+)[ \t]+(\1)(?![\w'’-])", re.IGNORECASE
)
# A phrase of four or five words repeated after a comma ("to revive the deal, to revive the
# deal"); shorter ones are chants and refrains ("we got her, we got her!").
_COMMA_PHRASE = re.compile(
    r"(?<![\w'’-])((?:[^\W\d_]+[ \t]+){3,4}[^\W\d_]+),[ \t]+(\1)(?![\w'’-])", re.IGNORECASE
)
_ARTICLE_AFTER = re.compile(r"[ \t]+(?:the|a|an)\b", re.IGNORECASE)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TOKENS = re.compile(r"\w+")
_LOWER_WORDS = re.compile(r"\b[a-z]+\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b")
_LABELLED = re.compile(r"[^.:\n]{1,40}:\s")
_DATELINE = re.compile(r"[A-Z][^.\n()]{0,60}\([\w .-]{2,30}\)\s*[-–—]\s*")


@functools.cache
def _allowed() -> frozenset[str]:
    return frozenset(read_lines("english", "doubled_words_ok.txt"))


class RepetitionCheck(Check):
    """Words, sentences and paragraphs repeated by MT or scraping."""

    name = "repetition"
    rules = (
        DOUBLED_WORD,
        REPEATED_SENTENCE,
        REPEATED_PARAGRAPH,
        DOUBLED_PHRASE,
        REPEATED_ATTRIBUTION,
        DOUBLED_CONJUNCTION,
        RESTATED_CLAUSE,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        words, phrases = _repeat_starts(doc.text)
        yield from self._doubled_words(doc, words)
        yield from self._doubled_phrases(doc, phrases)
        repeated = list(self._repeated(doc, doc.paragraphs, REPEATED_PARAGRAPH, near=False))
        yield from repeated
        sentences = [s for s in doc.sentences if not _covered(s.start, repeated)]
        found = [
            *self._repeated(doc, sentences, REPEATED_SENTENCE, near=True),
            *self._contained(doc, sentences),
        ]
        yield from found
        flagged = {f.start for f in found}
        yield from _restated(doc, [s for s in sentences if s.start not in flagged])
        for sentence in doc.sentences:
            yield from _repeated_attribution(doc, sentence)
        yield from _doubled_conjunctions(doc)

    def _doubled_words(self, doc: Document, starts: list[int]) -> Iterator[Finding]:
        sentence_starts: set[int] = set()
        doubled = _matches_at(_DOUBLED, doc.text, starts)
        for match in itertools.chain(doubled, _matches_at(_DOUBLED_NUMBER, doc.text, starts)):
            sentence_starts = sentence_starts or {s.start for s in doc.sentences}
            first, second = match.group(1), match.group(3)
            if first.lower() in _allowed() and not (
                first.lower() == "that" and _ARTICLE_AFTER.match(doc.text, match.end(3))
            ):
                continue  # "had had", "that that was"; but "stressed that that the law"
            if second[0].isupper() and not (
                match.start() in sentence_starts and first.lower() in function_words()
            ):
                continue  # a doubled name: Duran Duran, Bora Bora
            yield DOUBLED_WORD.at(
                doc,
                match.end(1),
                match.end(3),
                f"{second!r} is doubled.",
                [""],
                confidence=0.9,
            )

    def _doubled_phrases(self, doc: Document, starts: list[int]) -> Iterator[Finding]:
        comma_repeats = _matches_at(_COMMA_PHRASE, doc.text, starts)
        for match in itertools.chain(_matches_at(_DOUBLED_PHRASE, doc.text, starts), comma_repeats):
            words = match.group(2).lower().split()
            if any(word[0].isupper() for word in match.group(2).split()):
                continue  # titles and names: "for Measure for Measure"
            if words[0] in _COORDINATORS or words[-1] in _COORDINATORS:
                continue  # "faster and faster and", "and more and more"
            yield DOUBLED_PHRASE.at(
                doc,
                match.end(1),
                match.end(2),
                f"{match.group(2)!r} is repeated.",
                [""],
                confidence=0.85,
            )

    def _repeated(
        self, doc: Document, spans: list[Span], rule: Rule, near: bool
    ) -> Iterator[Finding]:
        seen: dict[str, Span] = {}
        earlier: list[str] = []
        teasers: set[int] = set()  # sentences after a label ("Summary: X."), restated later
        for span in spans:
            words = _TOKENS.findall(doc[span].lower())
            if len(words) < MIN_WORDS or not ends_like_sentence(doc[span]):
                continue  # short lines, list items and headings repeat legitimately
            if doc[span].rstrip().endswith(":"):
                continue  # a lead-in restating a title ("How to drink it:")
            label = _LABELLED.match(doc.text, span.start, span.end)
            if label and len(_LOWER_WORDS.findall(doc.text, label.end(), span.end)) < 4:
                continue  # "Portion Fix Containers: 1 Green, 1 tsp.": a spec line, not prose
            lead = label or _DATELINE.match(doc.text, span.start)
            if lead:  # "Summary: X." and "CITY, 1 May (Agency) - X." repeat X
                words = _TOKENS.findall(doc.text[lead.end() : span.end].lower())
            key = " ".join(words)
            first = seen.get(key)
            if first is None and near and len(words) >= NEAR_MIN_WORDS:
                first = self._near(key, earlier, seen)
                if first is not None and _facts(doc[first]) != _facts(doc[span]):
                    first = None  # same frame, other names or figures: two captions
            if first is not None and first.start in teasers and not label:
                seen[key], first, span = span, span, first  # the teaser is the repeat
            elif label:
                teasers.add(span.start)
            if first is not None:
                line, _ = doc.line_col(first.start)
                yield rule.at(
                    doc,
                    span.start,
                    span.end,
                    f"{'Repeats' if key in seen else 'Nearly repeats'} the "
                    f"{rule.slug.split('-')[1]} on line {line}.",
                    [""],
                    confidence=0.9 if key in seen else 0.75,
                )
                continue
            seen[key] = span
            if len(words) >= NEAR_MIN_WORDS:
                earlier = [*earlier[-WINDOW + 1 :], key]

    @staticmethod
    def _contained(doc: Document, sentences: list[Span]) -> Iterator[Finding]:
        """A sentence whose words recur whole inside the next one, or the next one's inside
        it: a clause restated with a slight change ("... on Monday. ... on Monday to
        demand ...")."""
        keys = [f" {' '.join(_TOKENS.findall(doc[s].lower()))} " for s in sentences]
        for index, (first, second) in enumerate(itertools.pairwise(sentences)):
            if "\n\n" in doc.text[first.end : second.start]:
                continue
            pair = keys[index : index + 2]
            short, long = sorted(range(2), key=lambda i: len(pair[i]))
            if pair[short].count(" ") - 1 <= MIN_WORDS or pair[short] == pair[long]:
                continue
            if pair[short] in pair[long] and all(
                ends_like_sentence(doc[s]) for s in (first, second)
            ):
                span, other = (first, second)[short], (first, second)[long]
                yield REPEATED_SENTENCE.at(
                    doc,
                    span.start,
                    span.end,
                    f"Restated in the {'next' if short == 0 else 'previous'} sentence: "
                    f"{doc[other][:40]!r}...",
                    [""],
                    confidence=0.75,
                )

    @staticmethod
    def _near(key: str, earlier: list[str], seen: dict[str, Span]) -> Span | None:
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, earlier, scorer=fuzz.ratio, score_cutoff=NEAR_RATIO)
        return seen[best[0]] if best else None


def _restated(doc: Document, sentences: list[Span]) -> Iterator[Finding]:
    """A sentence, or a clause, that says again in other words what an earlier one said."""
    contents = []
    keys: list[str] = []
    numbers = _number_words()
    for sentence in sentences:
        text = doc[sentence]
        prose = (
            text.rstrip().endswith(".")
            and text[:1].isalpha()
            and not any(mark in text for mark in '"“”«»')
            and not _LABELLED.match(text)  # a spec line or a labelled teaser
            and not _FIRST_PERSON.search(text)  # speech: a speaker may say it twice
        )
        keys.append(" ".join(_TOKENS.findall(text.lower())))
        contents.append(restatement.content(text, numbers) if prose else None)
        clause = restatement.restated_clause(text, numbers) if prose else None
        if clause:
            yield RESTATED_CLAUSE.at(
                doc,
                sentence.start + clause[0],
                sentence.start + clause[1],
                "This clause says again what the clause before it said.",
                [""],
                confidence=0.7,
            )
    for later, earlier in restatement.restated_index(contents):
        if keys[later] == keys[earlier]:
            continue  # the same words: the exact-repeat rules judge it
        span, first = sentences[later], sentences[earlier]
        line, _ = doc.line_col(first.start)
        yield REPEATED_SENTENCE.at(
            doc,
            span.start,
            span.end,
            f"Says again, in other words, the sentence on line {line}.",
            [""],
            confidence=0.7,
        )


def _repeated_attribution(doc: Document, sentence: Span) -> Iterator[Finding]:
    """ "X said (that) ..., he said.": the speaker named a second time."""
    text = doc[sentence]
    quoted = any(mark in text for mark in '"“”«»')
    opening = _AFTER_QUOTE.search(text) if quoted else _OPENING.match(text)
    if not opening or _NOT_SUBJECT & set(opening.group("subject").lower().split()):
        return
    for closing in _CLOSING.finditer(text, opening.end()):
        subject = closing.group("subject").lower().split()
        first = opening.group("subject").lower().split()
        if subject[-1] not in _PRONOUN_SUBJECTS and subject[-1] != first[-1]:
            continue  # another source: "..., the newspaper reported"
        end = closing.end() + (text[closing.end() : closing.end() + 1] == ",")
        yield REPEATED_ATTRIBUTION.at(
            doc,
            sentence.start + closing.start(),
            sentence.start + end,
            f"The speaker is already named at the start of the sentence ({opening.group()!r}).",
            [""],
            confidence=0.7,
        )
        return


def _doubled_conjunctions(doc: Document) -> Iterator[Finding]:
    """ "Although ..., but ...": the second conjunction, with the space after it."""
    for match in _PAIRED.finditer(doc.text):
        group = next(g for g in ("but", "so", "however") if match.group(g))
        start = match.start(group)
        end = match.end() if group != "however" else match.end(group)
        yield DOUBLED_CONJUNCTION.at(
            doc,
            start,
            end,
            f"{match.group(group).strip()!r} repeats the link the first conjunction already makes.",
            [""],
            confidence=0.75,
        )


def _facts(sentence: str) -> set[str]:
    """The names (capitalised words after the first), numbers and number words of a
    sentence."""
    tokens = _TOKENS.findall(sentence)
    numbers = _number_words()
    return {t for t in tokens[1:] if t[0].isupper() or t[0].isdigit() or t in numbers}


@functools.cache
def _number_words() -> frozenset[str]:
    return frozenset(row["word"] for row in iter_tsv(corpus_path("bilingual", "numbers_en.tsv")))


def _covered(offset: int, findings: list[Finding]) -> bool:
    """Whether ``offset`` lies in one of ``findings`` (disjoint, in text order: whole
    paragraphs), found by binary search, so long texts with many repeats stay fast."""
    index = bisect.bisect_right(findings, offset, key=lambda f: f.start) - 1
    return index >= 0 and offset < findings[index].end


def _repeat_starts(text: str) -> tuple[list[int], list[int]]:
    """Offsets where a doubled word and a doubled phrase may start: a letter run followed by
    the same run one run later (word), or whose first two runs recur 2 to 5 runs later
    (phrase), in any case. A superset of the regexes' matches, found without them; a run with
    non-ASCII letters matches any run (re folds a few of them unlike str.lower)."""
    if text.isascii():
        keys, wild = _LETTER_RUN.findall(text.lower()), []
    else:
        runs = _LETTER_RUN.findall(text)
        keys = [run.lower() for run in runs]
        wild = [i for i, run in enumerate(runs) if not run.isascii()]

    def same(distance: int) -> set[int]:
        found = set(itertools.compress(itertools.count(), map(eq, keys, keys[distance:])))
        found.update(j for i in wild for j in (i, i - distance) if j >= 0)
        return found

    words = sorted(same(1))
    starts: set[int] = set()
    for distance in range(2, 6):
        found = same(distance)
        starts.update(j for j in found if j + 1 in found)
    phrases = sorted(starts)
    if not words and not phrases:
        return [], []
    wanted = max(words[-1:] + phrases[-1:]) + 1
    offsets = [match.start() for match in itertools.islice(_LETTER_RUN.finditer(text), wanted)]
    return [offsets[j] for j in words], [offsets[j] for j in phrases]


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``regex.finditer(text)`` finds, when its matches can only start at ``starts``."""
    end = 0
    for start in starts:
        if start >= end and (match := regex.match(text, start)):
            end = match.end()
            yield match
