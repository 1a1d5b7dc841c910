"""Bilingual checks: the translation against its source (numbers, dates, names, untranslated
text copied through, length outliers, omitted or added sentences).

Source and translation are paired line by line when their non-blank line counts match, and
otherwise aligned sentence by sentence (toolkit.align). The check does nothing without a source.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from toolkit.align import Bead, align, size, source_segments
from toolkit.checks.base import Check
from toolkit.document import Document, Span
from toolkit.findings import Finding, Rule
from toolkit.numbers import Number, find_numbers
from toolkit.resources import corpus_path, iter_tsv

NUMBER_MISSING = Rule(
    code="BI101",
    slug="number-missing",
    kind="number",
    category="accuracy/omission",
    severity="major",
    summary="A number or date of the source sentence is nowhere in its translation.",
    why="Dropped figures (casualties, amounts, dates) change the facts of a news story.",
    example_source="冲突造成15人死亡。",
    example="The conflict caused deaths.",
    fixed="The conflict killed 15 people.",
    false_positives="Numbers rendered as words the list does not know, rounded amounts "
    "('nearly 1.5 million' for 1,480,000) and years a translator turned into 'this year'.",
)
NUMBER_ALTERED = Rule(
    code="BI102",
    slug="number-altered",
    kind="number",
    category="accuracy/mistranslation",
    severity="major",
    summary="A number or date in the translation differs from the one in its source.",
    why="A wrong figure or date is a factual error readers cannot detect.",
    example_source="会议于3月15日举行。",
    example="The meeting was held on 16 March.",
    fixed="The meeting was held on 15 March.",
    false_positives="Unit conversions (miles for kilometres), and 万/亿 amounts that a "
    "translator rounded.",
)
NAME_MISSING = Rule(
    code="BI103",
    slug="name-missing",
    kind="name",
    category="accuracy/omission",
    severity="major",
    summary="A Latin-script name in a non-Latin source (NBA, iPhone, COVID-19) is missing "
    "from the translation.",
    why="Names written in Latin letters in an Arabic or Chinese source are kept as they are "
    "in English; when they vanish, an entity was dropped or mistranslated.",
    example_source="苹果公司发布了iPhone 15。",
    example="Apple released a new phone.",
    fixed="Apple released the iPhone 15.",
    false_positives="Names a translator replaced by a pronoun. Tokens under three letters "
    "(slang such as 'MM') are not checked, and an acronym whose expansion's initials are in "
    "the translation (CEA, Consumer Energy Alliance) counts as kept.",
)
UNTRANSLATED = Rule(
    code="BI104",
    slug="source-copied",
    kind="untranslated",
    category="accuracy/untranslated text",
    severity="critical",
    summary="A segment copied through from the source instead of translated (identical to its "
    "source, or mostly text in the source's script that the source contains).",
    why="A non-translation is the worst MQM error (weight 25): the reader gets nothing.",
    example_source="他说，会谈将继续。",
    example="他说，会谈将继续。",
    fixed="He said the talks would continue.",
    false_positives="Segments that are only names, numbers or URLs are not flagged. Short "
    "foreign-script spans inside English are the encoding check's EN104.",
)
LENGTH_OUTLIER = Rule(
    code="BI105",
    slug="length-ratio-outlier",
    kind="omission",
    category="accuracy/omission",
    severity="minor",
    summary="A translation far shorter (or longer) than its source sentence warrants.",
    why="A sentence at under 40% of the expected length usually lost a clause; one at 250% "
    "usually gained a hallucinated one.",
    example_source="他说，双方同意在下个月继续就贸易和投资问题举行会谈。",
    example="He said.",
    fixed="He said both sides agreed to continue talks on trade and investment next month.",
    false_positives="Free or summarising translations; very short segments are not checked.",
)
SENTENCE_OMITTED = Rule(
    code="BI106",
    slug="sentence-omitted",
    kind="omission",
    category="accuracy/omission",
    severity="major",
    summary="A source sentence has no counterpart in the translation (shown at the sentence "
    "before which it is missing).",
    why="Whole dropped sentences are the largest accuracy errors and the hardest to notice "
    "without the source.",
    example_source="Le ministre a annoncé mardi un plan de relance pour l'industrie. ↵ Il a "
    "précisé que le budget atteindrait trois milliards d'euros sur deux ans. ↵ Les syndicats "
    "ont salué la mesure.",
    example="The minister announced a stimulus plan for industry on Tuesday. ⏎ The unions "
    "welcomed the measure.",
    fixed="The minister announced a stimulus plan for industry on Tuesday. ↵ He said the budget "
    "would reach three billion euros over two years. ↵ The unions welcomed the measure.",
    false_positives="Source sentences merged into a neighbour are not flagged when the "
    "neighbour's translation is long enough for both; alignment of very short sentences is "
    "uncertain.",
)
SENTENCE_ADDED = Rule(
    code="BI107",
    slug="sentence-added",
    kind="other",
    category="accuracy/addition",
    severity="minor",
    summary="A translated sentence with no counterpart in the source.",
    why="Added sentences are hallucinations or scraped text that was never translated.",
    example_source="Le ministre a annoncé mardi un plan de relance pour l'industrie. ⏎ Les "
    "syndicats ont salué la mesure.",
    example="The minister announced a stimulus plan for industry on Tuesday. ↵ The plan is the "
    "largest in the country's history, analysts said. ↵ The unions welcomed the measure.",
    fixed="The minister announced a stimulus plan for industry on Tuesday. ⏎ The unions "
    "welcomed the measure.",
    false_positives="A source sentence that a translator split into up to four (or source "
    "lines run together without punctuation) is aligned as one unit, and a split-off part is "
    "not flagged when joining it brings its neighbour's length ratio closer to the expected "
    "one; a free translation that also adds words can still be.",
)

_FOREIGN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+(?:[\s\p{P}\d]*[\p{Han}\p{Hiragana}"
    r"\p{Katakana}\p{Hangul}]+)*|[\p{Arabic}\p{Cyrillic}\p{Hebrew}\p{Devanagari}\p{Thai}"
    r"\p{Armenian}\p{Georgian}]{2,}(?:[\s\d]+[\p{Arabic}\p{Cyrillic}\p{Hebrew}"
    r"\p{Devanagari}\p{Thai}\p{Armenian}\p{Georgian}]{2,})*"
)
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&+-]*[A-Za-z0-9](?![A-Za-z0-9])")
_MARKUP = re.compile(r"<[^<>]{0,200}>")
_LIST_MARKER = re.compile(r"\s*[、.)）:：]")
_DATE_AFTER = re.compile(r"\s?(?:年|月|日|号)")
_CLAUSE = re.compile(r"[^,;:()（）—–]+")
MIN_SOURCE_SIZE = 15
OUTLIER_FACTOR = 2.5
ABSORB_LOG = math.log(2.0)


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned unit: source text and target spans (either side may be empty)."""

    source: str
    target: tuple[Span, ...]


@functools.cache
def _ratio_priors() -> dict[str, float]:
    rows = iter_tsv(corpus_path("bilingual", "length_ratios.tsv"))
    return {row["script"]: float(row["median"]) for row in rows}


def _script(text: str) -> str:
    han = len(regex.findall(r"\p{Han}", text))
    arabic = len(regex.findall(r"\p{Arabic}", text))
    latin = len(regex.findall(r"\p{Latin}", text))
    return max((han, "Han"), (arabic, "Arabic"), (latin, "Latin"))[1]


def pairs(doc: Document) -> list[Pair]:
    """Source segments with their translation spans: line by line, or aligned sentences."""
    source = doc.source or ""
    src_lines = source.rstrip("\n").split("\n")
    if len(src_lines) > 1 and len(src_lines) == len(doc.text.rstrip("\n").split("\n")):
        return [
            Pair(s.strip(), (_trim(doc, t),) if doc[t].strip() else ())
            for s, t in zip(src_lines, doc.lines, strict=False)
            if s.strip() or doc[t].strip()
        ]
    src_spans = source_segments(source)
    sources = [source[s.start : s.end] for s in src_spans]
    targets = doc.sentences
    texts = [doc[t] for t in targets]
    beads: list[Bead] = align(sources, texts, _alignment_ratio(sources, texts))
    return [
        Pair(" ".join(sources[i] for i in b.source), tuple(targets[j] for j in b.target))
        for b in beads
    ]


def _alignment_ratio(sources: list[str], targets: list[str]) -> float | None:
    """The document's own length ratio pulled halfway (geometrically) toward its script's
    prior: an added or dropped passage skews a document's ratio, and a skewed ratio makes the
    aligner pair sentences with the wrong neighbours."""
    prior = _ratio_priors().get(_script(" ".join(sources)))
    own = sum(map(size, targets)) / max(1, sum(map(size, sources)))
    return math.sqrt(own * prior) if prior and own else None


def _trim(doc: Document, span: Span) -> Span:
    text = doc[span]
    return Span(span.start + len(text) - len(text.lstrip()), span.start + len(text.rstrip()))


def _squash(text: str) -> str:
    return "".join(c.lower() for c in text if c.isalnum())


def _equal(a: float, b: float) -> bool:
    """Equal values; a two-digit year or decade ("95后", "1950-53") matches 1995, 1953."""
    if abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1):
        return True
    short, full = min(a, b), max(a, b)
    return 0 <= short < 100 and short.is_integer() and full % 100 == short and 1900 <= full < 2100


def _clause_at(doc: Document, span: Span, position: float) -> Span:
    """The clause of ``span`` (split at , ; : dashes and brackets) at relative position
    ``position`` (0..1) of the translation: where a dropped figure belonged."""
    text = doc.text[span.start : span.end]
    clauses = [m.span() for m in _CLAUSE.finditer(text) if m.group().strip(" -.")]
    if len(clauses) < 2:
        return span
    best = min(clauses, key=lambda c: abs((c[0] + c[1]) / 2 / len(text) - position))
    return _trim(doc, Span(span.start + best[0], span.start + best[1]))


def _mapped(position: float, knots: list[tuple[float, float]]) -> float:
    """A relative source position (0..1) carried into the translation, piecewise linearly
    between knots (relative positions of figures found on both sides, in source order), since
    clause order mostly survives translation between them."""
    points = [(0.0, 0.0), *sorted(knots), (1.0, 1.0)]
    for (s0, t0), (s1, t1) in itertools.pairwise(points):
        if s0 <= position <= s1:
            return t0 if s1 == s0 else t0 + (t1 - t0) * (position - s0) / (s1 - s0)
    return position


def _same(source: Number, target: Number) -> bool:
    return any(
        _equal(s, t)
        for s in (source.value, source.alternative)
        for t in (target.value, target.alternative)
        if s is not None and t is not None
    )


def _countable(number: Number, source: str) -> bool:
    if number.approximate or (_LIST_MARKER.match(source, number.end) and number.start == 0):
        return False
    if number.kind == "numeral":
        return number.value > 2
    return number.value not in (0, 1)


class BilingualCheck(Check):
    """The translation against its source text (``doc.source``)."""

    name = "bilingual"
    rules = (
        NUMBER_MISSING,
        NUMBER_ALTERED,
        NAME_MISSING,
        UNTRANSLATED,
        LENGTH_OUTLIER,
        SENTENCE_OMITTED,
        SENTENCE_ADDED,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if not (doc.source and doc.source.strip()):
            return
        units = pairs(doc)
        ratio = self._expected_ratio(doc, units)
        previous: Span | None = None
        for index, unit in enumerate(units):
            if not unit.target:
                if not self._absorbed(doc, units, index, ratio):
                    yield from self._omitted(doc, unit, previous, units[index + 1 :])
                continue
            span = Span(unit.target[0].start, unit.target[-1].end)
            previous = span
            if not unit.source:
                if not self._absorbed(doc, units, index, ratio):
                    yield SENTENCE_ADDED.at(
                        doc, span.start, span.end,
                        "This sentence has no counterpart in the source.", confidence=0.5,
                    )  # fmt: skip
                continue
            yield from self._copied(doc, unit.source, span)
            yield from self._numbers(doc, unit.source, span)
            yield from self._names(doc, unit.source, span)
            if ratio:
                yield from self._length(doc, unit.source, span, ratio)

    def _copied(self, doc: Document, source: str, span: Span) -> Iterator[Finding]:
        target = doc.text[span.start : span.end]
        letters = [c for c in target if c.isalpha()]
        if len(letters) < 4:
            return
        foreign = sum(size(m.group()) for m in _FOREIGN.finditer(target) if m.group() in source)
        identical = _squash(target) == _squash(source)
        if identical or foreign >= 0.5 * len(letters):
            yield UNTRANSLATED.at(
                doc,
                span.start,
                span.end,
                "This segment is the source text, not a translation."
                if identical
                else "Most of this segment is source text copied through untranslated.",
                confidence=0.95 if identical else 0.85,
            )

    def _numbers(self, doc: Document, source: str, span: Span) -> Iterator[Finding]:
        src = [n for n in find_numbers(source) if _countable(n, source)]
        tgt = find_numbers(doc.text[span.start : span.end])
        tgt = [Number(n.start + span.start, n.end + span.start, n.value, n.kind) for n in tgt]
        missing = [n for n in src if not any(_same(n, t) for t in tgt)]
        every_source_number = find_numbers(source)
        extra = [
            t
            for t in tgt
            if t.kind == "digits" and not any(_same(n, t) for n in every_source_number)
        ]
        if len(missing) == 1 and len(extra) == 1:
            wrong, right = extra[0], missing[0]
            yield NUMBER_ALTERED.at(
                doc,
                wrong.start,
                wrong.end,
                f"The source has {source[right.start : right.end]!r} here, not "
                f"{doc.text[wrong.start : wrong.end]!r}.",
                confidence=0.7,
            )
            return
        width, knots = max(1, span.end - span.start), []
        for kept in src:
            found = next((t for t in tgt if _same(kept, t)), None)
            if found and kept not in missing:
                middle = (found.start + found.end) / 2 - span.start
                knots.append(((kept.start + kept.end) / 2 / len(source), middle / width))
        for number in missing:
            what = "date" if _DATE_AFTER.match(source, number.end) else "number"
            position = _mapped((number.start + number.end) / 2 / len(source), knots)
            where = _clause_at(doc, span, position)
            yield NUMBER_MISSING.at(
                doc,
                where.start,
                where.end,
                f"The source's {what} {source[number.start : number.end]!r} is missing from "
                + ("this part of the sentence." if where != span else "this sentence."),
                confidence=0.6 if number.kind == "numeral" else 0.75,
            )

    def _names(self, doc: Document, source: str, span: Span) -> Iterator[Finding]:
        if _script(source) == "Latin":
            return
        target = doc.text[span.start : span.end]
        squashed = _squash(target)
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", target)).lower()
        source = _MARKUP.sub(lambda m: " " * len(m.group()), source)
        for match in _LATIN_NAME.finditer(source):
            name = match.group()
            if len(name) < 3 or _squash(name) in squashed:
                continue  # "ta", "MM" are slang; "windows11" may be "Windows 11"
            if name.isupper() and name.lower() in initials:
                continue  # an acronym spelled out: CEA, Consumer Energy Alliance
            yield NAME_MISSING.at(
                doc,
                span.start,
                span.end,
                f"{name!r}, written in Latin letters in the source, is missing here.",
                confidence=0.6,
            )

    def _expected_ratio(self, doc: Document, units: list[Pair]) -> float | None:
        ratios = [
            sum(size(doc[t]) for t in u.target) / size(u.source)
            for u in units
            if u.target and size(u.source) >= MIN_SOURCE_SIZE
        ]
        if len(ratios) >= 8:
            return statistics.median(ratios)
        return _ratio_priors().get(_script(" ".join(u.source for u in units)))

    def _length(self, doc: Document, source: str, span: Span, ratio: float) -> Iterator[Finding]:
        source_size = size(source)
        if source_size < MIN_SOURCE_SIZE:
            return
        observed = size(doc.text[span.start : span.end]) / (source_size * ratio)
        short = observed < 1 / OUTLIER_FACTOR
        if short or observed > OUTLIER_FACTOR:
            yield LENGTH_OUTLIER.at(
                doc, span.start, span.end,
                f"The translation is {observed:.0%} of the length its source leads one to "
                f"expect: something may {'be left out' if short else 'have been added'}.",
                confidence=0.5 if short else 0.4,
            )  # fmt: skip

    @staticmethod
    def _absorbed(doc: Document, units: list[Pair], index: int, ratio: float | None) -> bool:
        """Whether an unpaired sentence, with the unpaired run it stands in, fits the nearest
        paired neighbour: sentences a translator merged (or split) rather than dropped (or
        added). It fits when joining the run brings the neighbour's length ratio closer to the
        expected one and within a factor 2 of it."""
        added = not units[index].source

        def run_size(step: int) -> tuple[int, Pair | None]:
            total, i = 0, index + step
            while 0 <= i < len(units) and not (units[i].source and units[i].target):
                if bool(units[i].source) == added:
                    return total, None  # an omission next to an addition: no merge
                total += size(units[i].source) + sum(size(doc[t]) for t in units[i].target)
                i += step
            return total, units[i] if 0 <= i < len(units) else None

        own = size(units[index].source) + sum(size(doc[t]) for t in units[index].target)
        (before, left), (after, right) = run_size(-1), run_size(1)
        for neighbour in (left, right):
            if neighbour is None:
                continue
            s_size = max(1, size(neighbour.source))
            t_size = max(1, sum(size(doc[t]) for t in neighbour.target))
            rate = ratio or t_size / s_size
            expected, extra = rate * s_size, own + before + after
            joined = (t_size + extra) / expected if added else t_size / (expected + extra * rate)
            if abs(math.log(joined)) <= min(abs(math.log(t_size / expected)), ABSORB_LOG):
                return True
        return False

    def _omitted(
        self, doc: Document, unit: Pair, previous: Span | None, rest: list[Pair]
    ) -> Iterator[Finding]:
        following = next((u.target[0] for u in rest if u.target), None)
        anchor = following or previous
        if anchor is None or size(unit.source) < 6:
            return
        yield SENTENCE_OMITTED.at(
            doc,
            anchor.start,
            anchor.end,
            f"Source sentence {unit.source[:60]!r} has no translation "
            + ("before this sentence." if following else "after this sentence."),
            confidence=0.55,
        )
