"""Which sentences a briefing restates: the article's lead, a lead sentence given up only
for a clear reason.

A news article leads with what matters, and reference briefings restate the lead: on the
held-out sets LEAD-3 beat every coverage-based selection fitted to the tuning sets
(benchmarks/RESULTS.md, brief). So the briefing takes the first sentences, skips page
furniture that reads as a sentence (an exclamation headline, a dateline on its own), and
swaps a lead sentence that keeps an unresolved major finding only for a clean sentence of
similar rank that follows the lead closely.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from toolkit.document import Document
from toolkit.summarize.base import (
    Length,
    Spans,
    Summary,
    SummarySentence,
    Unit,
    Units,
    is_body,
    overlapping,
)
from toolkit.summarize.mmr import MMRSummarizer

# A dateline standing as a sentence of its own, as Russian and other wire services print it:
# "MOSCOW, 5 March — TASS.", "SUKHUM, 19 nov — Sputnik.": a place, a date, a dash, an agency.
_DATELINE_ONLY = re.compile(
    r"^[A-Z][\w.'’-]*(?:[ ,]+[\w.'’-]+){0,4}\s*[–—-]{1,2}\s*[\w .'’-]{1,40}\.?$"
)
DATELINE_WORDS = 8
# An exclamation or question headline left on the article's first line ("Historic gold for
# the relay team!", maybe followed by a subtitle with no full stop): a news lead does not end so.
HEADLINE_WORDS = 14


def furniture(doc: Document, unit: Unit) -> bool:
    """Whether a candidate sentence is page furniture, not news: a dateline on its own, or
    (as the first candidate) an exclamation or question headline that ends its line or is
    followed there only by a subtitle."""
    text = unit.text.strip()
    if unit.size <= DATELINE_WORDS and re.search(r"\d", text) and _DATELINE_ONLY.match(text):
        return True
    if unit.index == 0 and text.endswith(("!", "?")) and unit.size <= HEADLINE_WORDS:
        line = next((ln for ln in doc.lines if ln.start <= unit.span.start < ln.end), None)
        rest = doc.text[unit.span.end : line.end].strip() if line is not None else "x."
        return not rest or not is_body(rest)
    return False


class LeadFirstSummarizer(MMRSummarizer):
    """The first ``n`` sentences that are not furniture. A lead sentence that overlaps
    ``avoid`` gives way to the best clean sentence among the ``REACH`` that follow the lead
    when that one scores at least ``SIMILAR`` x as high (coverage with a lead prior of
    ``POSITION_WEIGHT``, as MMR scores it). REACH and SIMILAR were chosen on six of the seven
    annotated sets, mtnews_heldout3 kept out (benchmarks/RESULTS.md, brief)."""

    name = "lead-first"
    POSITION_WEIGHT = 0.3
    REACH = 2
    SIMILAR = 0.9

    def compose(
        self, doc: Document, units: Units, lang: str, length: Length, skip: Spans, avoid: Spans
    ) -> Summary:
        if length.sentences is None:
            return super().compose(doc, units, lang, length, skip, avoid)
        news = [u.index for u in units if not furniture(doc, u)] or [u.index for u in units]
        scores, _ = self.measure(units, lang)
        flawed = overlapping([u.span for u in units], avoid)
        chosen = self.swapped(news, length.sentences, scores, flawed)
        sentences = tuple(
            SummarySentence(units[i].span.start, units[i].span.end, units[i].text, scores[i])
            for i in sorted(chosen)
        )
        return Summary(self.name, " ".join(s.text for s in sentences), lang, sentences)

    def swapped(
        self, news: list[int], count: int, scores: Sequence[float], flawed: Sequence[bool]
    ) -> list[int]:
        """The lead of ``news`` (``count`` sentences), a flawed one swapped for a clean
        alternative of similar rank among the next ``REACH``."""
        chosen = news[:count]
        spare = [i for i in news[count : count + self.REACH] if not flawed[i]]
        for n, i in enumerate(chosen):
            if not flawed[i] or not spare:
                continue
            best = max(spare, key=lambda j: (scores[j], -j))
            if scores[best] >= self.SIMILAR * scores[i]:
                chosen[n] = best
                spare.remove(best)
        return chosen
