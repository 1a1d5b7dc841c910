"""LEAD: the first sentences of the article (the news baseline, LEAD-3)."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.summarize.base import ExtractiveSummarizer, Unit


class LeadSummarizer(ExtractiveSummarizer):
    """Scores each body sentence by how early it comes."""

    name = "lead"

    def rate(self, units: Sequence[Unit], lang: str) -> list[float]:
        return [1.0 / (1 + unit.index) for unit in units]
