"""What every summarizer shares: the summary length, the candidate sentences, the records
it returns, and (for extractive methods) selecting the best sentences in document order."""

from __future__ import annotations

import bisect
import itertools
import re
from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from toolkit.document import Document, Span
from toolkit.errors import UsageError
from toolkit.summarize.tokens import detect_lang, terms, tokens

_TERMINAL = re.compile(r"(?:[.!?…。！？؟]|[.!?…][\"'”’»)\]]+)$")
MIN_BODY_TOKENS = 4
# Sentences a summary chooses from: the lead of a very long text, so that the graph-based
# methods (quadratic in candidates) stay linear in the input. A news article has fewer.
MAX_CANDIDATES = 400
MAX_QUOTE_SENTENCES = 4


@dataclass(frozen=True, slots=True)
class Length:
    """How long a summary should be: a number of sentences, of words, or a ratio of sentences.

    Exactly one is set. ``Length.parse`` reads "3" (sentences), "20%" or "0.2" (ratio) and
    "120w" (words); the CLI's -n/--words/--ratio build the same values.
    "Words" are tokens: characters in Chinese or Japanese.
    """

    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.sentences, self.words, self.ratio) if v is not None]
        if len(given) != 1:
            raise UsageError("give exactly one summary length: sentences, words or ratio")
        if (self.sentences is not None and self.sentences < 1) or (
            self.words is not None and self.words < 1
        ):
            raise UsageError("a summary length must be at least 1")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError(f"a summary ratio must be in (0, 1], not {self.ratio:g}")

    @classmethod
    def parse(cls, value: str | int) -> Length:
        """ "3" -> 3 sentences, "20%" or "0.2" -> a fifth of the sentences, "120w" -> 120 words."""
        text = str(value).strip().lower()
        try:
            if text.endswith("%"):
                return cls(ratio=float(text[:-1]) / 100)
            if words := re.fullmatch(r"(\d+)\s*w(?:ords?)?", text):
                return cls(words=int(words.group(1)))
            if "." in text:
                return cls(ratio=float(text))
            return cls(sentences=int(text))
        except ValueError:
            raise UsageError(f"cannot read summary length {value!r} (try 3, 20% or 120w)") from None

    @classmethod
    def of(
        cls, sentences: int | None = None, words: int | None = None, ratio: float | None = None
    ) -> Length:
        """The length given by whichever option is set; 3 sentences when none is."""
        if sentences is None and words is None and ratio is None:
            return cls(sentences=3)
        return cls(sentences, words, ratio)

    def __str__(self) -> str:
        if self.sentences is not None:
            return f"{self.sentences} sentences"
        if self.words is not None:
            return f"{self.words} words"
        return f"{self.ratio:.0%} of sentences"


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate sentence: its rank among candidates, its span, text and content terms."""

    index: int
    span: Span
    text: str
    terms: tuple[str, ...]
    size: int


Units = Sequence[Unit]
Spans = Sequence[Span]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence chosen by an extractive method, with its offsets in the input and score."""

    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Summary:
    """A summary, the method that made it, and for extractive methods the sentences chosen.

    ``note`` says when something unusual happened (e.g. an abstractive summary that failed
    the faithfulness check and was replaced by an extractive one).
    """

    method: str
    text: str
    lang: str
    sentences: tuple[SummarySentence, ...] = field(default=())
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"method": self.method, "lang": self.lang, "summary": self.text}
        if self.sentences:
            data["sentences"] = [
                {"start": s.start, "end": s.end, "text": s.text, "score": round(s.score, 4)}
                for s in self.sentences
            ]
        if self.note:
            data["note"] = self.note
        return data


def resolve_lang(lang: str, doc: Document) -> str:
    """``lang`` itself, or the language guessed from the text when it is "auto"."""
    if lang == "auto":
        return detect_lang(doc.text)
    from toolkit.resources import read_lines

    if lang not in read_lines("languages.txt"):
        raise UsageError(
            f"unknown language {lang!r}: give auto or an ISO 639-1 code (en, ar, zh, ...)"
        )
    return lang


def is_body(text: str) -> bool:
    """A sentence of running text: it ends in terminal punctuation and is not tiny.

    Headlines, section labels and scraped link lines ("Source link") are not.
    """
    return bool(_TERMINAL.search(text)) and len(tokens(text, ngram=1)) >= MIN_BODY_TOKENS


def candidates(doc: Document, lang: str, skip: Sequence[Span] = ()) -> list[Unit]:
    """The sentences a summary may use: body sentences outside ``skip`` (e.g. boilerplate),
    the first ``MAX_CANDIDATES`` of them. A quotation the sentence splitter cut in two stays
    one candidate, so a summary never breaks a quote.

    When no sentence looks like running text, every sentence is a candidate.
    """
    sentences = quoted_sentences(doc)
    spans = [s for s, hit in zip(sentences, overlapping(sentences, skip), strict=True) if not hit]
    body = [s for s in spans if is_body(doc[s])] or spans
    return [
        Unit(i, span, doc[span], tuple(terms(doc[span], lang)), len(tokens(doc[span], ngram=1)))
        for i, span in enumerate(body[:MAX_CANDIDATES])
    ]


def overlapping(spans: Sequence[Span], others: Sequence[Span]) -> list[bool]:
    """For each of ``spans`` (in order, not overlapping), whether one of ``others`` overlaps it."""
    others = sorted(others, key=lambda k: k.start)
    starts = [k.start for k in others]
    reach = list(itertools.accumulate((k.end for k in others), max))
    hits = []
    for span in spans:
        index = bisect.bisect_left(starts, span.end) - 1
        hits.append(index >= 0 and reach[index] > span.start)
    return hits


_QUOTES = re.compile(r'[“”«»"]')
_DEPTH = {"“": 1, "«": 1, "”": -1, "»": -1}


def quoted_sentences(doc: Document) -> list[Span]:
    """The document's sentences, a quotation that runs over several sentences of a paragraph
    (up to ``MAX_QUOTE_SENTENCES``) joined into one span."""
    out: list[Span] = []
    group: list[Span] = []
    depth = straight = 0
    paragraph = None
    for sentence in doc.sentences:
        here = doc.paragraph_at(sentence.start)
        if group and here != paragraph:
            out += group
            group, depth, straight = [], 0, 0
        paragraph = here
        group.append(sentence)
        for mark in _QUOTES.findall(doc[sentence]):
            if mark == '"':
                straight ^= 1
            else:
                depth = max(0, depth + _DEPTH[mark])
        if not depth and not straight:
            out.append(Span(group[0].start, group[-1].end))
            group = []
        elif len(group) == MAX_QUOTE_SENTENCES:
            out += group  # an unclosed quote: keep the sentences as they are
            group, depth, straight = [], 0, 0
    return out + group


def title_of(doc: Document) -> str:
    """The headline: the first line when it stands alone and does not read as a sentence."""
    if not doc.lines:
        return ""
    first = next((doc[line].strip() for line in doc.lines if doc[line].strip()), "")
    return "" if not first or is_body(first) or len(first) > 200 else first


def select(
    ranked: Sequence[tuple[int, float]],
    units: Sequence[Unit],
    length: Length,
    avoid: Collection[int] = (),
) -> list[tuple[int, float]]:
    """The best sentences for ``length`` from ``ranked`` (unit index, score; best first),
    in document order. Units in ``avoid`` are taken only when the others run out. A word
    budget always keeps the first pick, even when it is longer."""
    if avoid:
        ranked = sorted(ranked, key=lambda pair: pair[0] in avoid)
    if length.words is not None:
        chosen, budget = [], length.words
        for index, score in ranked:
            if units[index].size <= budget or not chosen:
                chosen.append((index, score))
                budget -= units[index].size
            if budget <= 0:
                break
    else:
        count = length.sentences or max(1, round(length.ratio * len(units)))
        chosen = list(ranked[:count])
    return sorted(chosen)


class Summarizer(ABC):
    """A summarization method. ``takes_model`` marks methods that accept a ``model`` path."""

    name: ClassVar[str]
    takes_model: ClassVar[bool] = False

    def __init__(self, lang: str = "auto") -> None:
        self.lang = lang

    def summarize(
        self, doc: Document, length: Length, skip: Sequence[Span] = (), avoid: Sequence[Span] = ()
    ) -> Summary:
        """A summary of ``doc`` of about ``length``, never using the ``skip`` spans, and the
        sentences that overlap ``avoid`` (flawed ones) only when the others run out."""
        lang = resolve_lang(self.lang, doc)
        units = candidates(doc, lang, skip)
        if not units:
            return Summary(self.name, "", lang)
        return self.compose(doc, units, lang, length, skip, avoid)

    @abstractmethod
    def compose(
        self, doc: Document, units: Units, lang: str, length: Length, skip: Spans, avoid: Spans
    ) -> Summary:
        """The summary of ``doc`` from its candidate sentences ``units`` (never empty)."""


class ExtractiveSummarizer(Summarizer):
    """Picks whole sentences. Subclasses rate the candidates; ranking by rating, selection
    and document order are shared (override ``rank`` to pick greedily, as MMR does)."""

    @abstractmethod
    def rate(self, units: Sequence[Unit], lang: str) -> list[float]:
        """One score per candidate sentence, higher is better."""

    def rank(self, units: Sequence[Unit], lang: str) -> list[tuple[int, float]]:
        """Candidates as (index, score), best first; ties go to the earlier sentence."""
        scores = self.rate(units, lang)
        return sorted(enumerate(scores), key=lambda pair: (-pair[1], pair[0]))

    def compose(
        self, doc: Document, units: Units, lang: str, length: Length, skip: Spans, avoid: Spans
    ) -> Summary:
        hits = overlapping([u.span for u in units], avoid)
        flawed = {u.index for u, hit in zip(units, hits, strict=True) if hit}
        chosen = select(self.rank(units, lang), units, length, flawed)
        sentences = tuple(
            SummarySentence(units[i].span.start, units[i].span.end, units[i].text, score)
            for i, score in chosen
        )
        return Summary(self.name, " ".join(s.text for s in sentences), lang, sentences)
