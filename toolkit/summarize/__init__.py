"""Summaries of news articles: extractive methods that work in any script, and a local
abstractive model behind a faithfulness guard. Methods register by name in SUMMARIZERS."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Sequence

from toolkit.document import Document, Span
from toolkit.errors import UsageError
from toolkit.summarize.base import Length, Summarizer, Summary, SummarySentence

# name -> "module:Class"; modules with heavy imports load them only when used.
SUMMARIZERS: dict[str, str] = {
    "mmr": "toolkit.summarize.mmr:MMRSummarizer",
    "lead": "toolkit.summarize.lead:LeadSummarizer",
    "textrank": "toolkit.summarize.textrank:TextRankSummarizer",
    "lexrank": "toolkit.summarize.lexrank:LexRankSummarizer",
    "embed": "toolkit.summarize.embed:EmbedSummarizer",
    "abstractive": "toolkit.summarize.abstractive:AbstractiveSummarizer",
}
DEFAULT_METHOD = "mmr"


@functools.cache
def summarizer_class(method: str) -> type[Summarizer]:
    """The Summarizer registered under ``method``."""
    if method not in SUMMARIZERS:
        raise UsageError(f"unknown summary method {method!r} (one of {', '.join(SUMMARIZERS)})")
    module, _, cls = SUMMARIZERS[method].partition(":")
    return getattr(importlib.import_module(module), cls)


def summarizer(method: str = DEFAULT_METHOD, lang: str = "auto", model: str | None = None):
    """An instance of ``method``; ``model`` (a path) only for methods that load a model."""
    cls = summarizer_class(method)
    if cls.takes_model:
        return cls(lang=lang, model=model)
    if model:
        raise UsageError(f"method {method!r} takes no model")
    return cls(lang=lang)


def summarize(
    text: str | Document,
    length: Length | str | int = 3,
    method: str = DEFAULT_METHOD,
    lang: str = "auto",
    model: str | None = None,
    skip: Sequence[Span] | None = None,
    avoid: Sequence[Span] = (),
) -> Summary:
    """A summary of ``text`` (3 sentences by default; also "20%" or "120w").

    Sentences inside ``skip`` are never used; by default that is whatever mtkit's
    boilerplate check flags (scraped link lines, comment forms, leaked headlines).
    Sentences that overlap ``avoid`` (e.g. unresolved findings) are used only when the
    others run out (extractive methods).
    """
    doc = text if isinstance(text, Document) else Document(text)
    if not isinstance(length, Length):
        length = Length.parse(length)
    if skip is None:
        skip = boilerplate_spans(doc)
    return summarizer(method, lang, model).summarize(doc, length, skip, avoid)


def boilerplate_spans(doc: Document) -> list[Span]:
    """Spans the boilerplate check flags in ``doc`` (none while no such check is installed)."""
    from toolkit.pipeline import check

    try:
        findings = check(doc.text, rules=["boilerplate"])
    except UsageError:
        return []
    return [Span(f.start, f.end) for f in findings if f.kind == "boilerplate"]


__all__ = [
    "DEFAULT_METHOD",
    "SUMMARIZERS",
    "Length",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "boilerplate_spans",
    "summarize",
    "summarizer",
]
