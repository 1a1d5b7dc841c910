"""A text and its structure (lines, paragraphs, sentences, words) as offsets into the original."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.resources import read_lines


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of a Document's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
_BLANK_LINE = re.compile(r"\n[ \t\r\xa0\u200b]*\n")
# Terminal punctuation, optional closing quotes/brackets, then the sentence's end or whitespace.
_BOUNDARY = re.compile(r"(?:[.!?…]+|[。！？؟])[\"'”’»)\]]*(?=\s|$)|[。！？؟]")
_LOWER_START = re.compile(r"\s*[\"'“‘«(\[]*[a-z]")
_SPACES = re.compile(r"\s*")
_WORD_CHARS = re.compile(r"\w+")


@functools.cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that take a full stop and do not end a sentence (case-sensitive)."""
    return frozenset(read_lines("segmentation", "abbreviations_en.txt"))


@functools.cache
def _sentence_starters() -> frozenset[str]:
    return frozenset(read_lines("segmentation", "sentence_starters_en.txt"))


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


class Document:
    """The original text plus lazily computed lines, paragraphs, sentences and words.

    Every span is a pair of Python string offsets into ``text``; nothing is normalised.
    ``source`` is the text it was translated from, when the user gives it (bilingual checks).
    """

    def __init__(self, text: str, lang: str = "en", source: str | None = None) -> None:
        self.text = text
        self.lang = lang
        self.source = source

    def __repr__(self) -> str:
        return f"Document({len(self.text)} chars, lang={self.lang!r})"

    def __getitem__(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    @functools.cached_property
    def lines(self) -> list[Span]:
        """Every line, without its line break (a trailing \\r is kept out too)."""
        spans = []
        starts = self._line_starts
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
            if end > start and self.text[end - 1] == "\r":
                end -= 1
            spans.append(Span(start, end))
        return spans

    @functools.cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of text separated by blank lines, trimmed of surrounding whitespace."""
        spans, start = [], 0
        for match in _BLANK_LINE.finditer(self.text):
            if span := _strip(self.text, start, match.start()):
                spans.append(span)
            start = match.end()
        if span := _strip(self.text, start, len(self.text)):
            spans.append(span)
        return spans

    @functools.cached_property
    def sentences(self) -> list[Span]:
        """Sentences, never crossing a paragraph; abbreviations such as "U.S." do not end one."""
        return [s for p in self.paragraphs for s in self._split_paragraph(p)]

    @functools.cached_property
    def words(self) -> list[Span]:
        """Word tokens (letters, digits, inner hyphens, apostrophes and dots)."""
        return [Span(m.start(), m.end()) for m in _WORD.finditer(self.text)]

    def words_in(self, span: Span) -> list[Span]:
        """The word tokens inside a span."""
        starts = self._word_starts
        lo = bisect.bisect_left(starts, span.start)
        hi = bisect.bisect_left(starts, span.end)
        return [w for w in self.words[lo:hi] if w.end <= span.end]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that contains an offset, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph that contains an offset, if any."""
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    @functools.cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @functools.cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def _split_paragraph(self, paragraph: Span) -> Iterator[Span]:
        text = self.text
        start = paragraph.start
        for line in self._logical_lines(paragraph):
            for match in _BOUNDARY.finditer(text, line.start, line.end):
                if self._ends_sentence(match.start(), match.end(), line.end):
                    if span := _strip(text, start, match.end()):
                        yield span
                    start = match.end()
            if span := _strip(text, start, line.end):
                yield span
            start = line.end

    def _logical_lines(self, paragraph: Span) -> Iterator[Span]:
        """Lines of a paragraph; a hard-wrapped line continues when the next starts lower-case."""
        text = self.text
        start = paragraph.start
        newline = text.find("\n", start, paragraph.end)
        while newline >= 0:
            last = newline  # offsets only, no slices: linear in the paragraph's length
            while last > start and text[last - 1].isspace():
                last -= 1
            joined = last > start and text[last - 1] not in '.!?:;…。！？؟"”’'
            if not (joined and _LOWER_START.match(text, newline + 1, paragraph.end)):
                yield Span(start, newline)
                start = newline + 1
            newline = text.find("\n", newline + 1, paragraph.end)
        yield Span(start, paragraph.end)

    def _ends_sentence(self, stop: int, after: int, limit: int) -> bool:
        text = self.text
        if text[stop] in "。！？؟":
            return True
        rest = _SPACES.match(text, after, limit).end()
        if rest == limit:
            return True
        if _LOWER_START.match(text, rest, limit):
            return False
        if text[stop] != "." or (after - stop > 1 and text[stop + 1] == "."):
            return True
        token = re.search(r"[\w.]+$", text[max(0, stop - 20) : stop])
        word = token.group() if token else ""
        if word in abbreviations() or (len(word) == 1 and word.isupper()):
            return False
        if re.fullmatch(r"(?:\w\.)+\w", word):  # acronym such as U.S or U.N
            next_word = _WORD_CHARS.match(text, rest, limit)
            return bool(next_word) and next_word.group() in _sentence_starters()
        return True
