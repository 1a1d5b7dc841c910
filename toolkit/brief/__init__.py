"""Briefings for analysts: each article cleaned (boilerplate out, safe fixes in, canonical
names), then a title, a short summary, key entities, key figures and resolved dates;
several articles become one digest with near-duplicate stories merged, grouped by topic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit.brief.clean import captions, clean, undated
from toolkit.brief.facts import (
    DateRef,
    Entity,
    Figure,
    article_date,
    entities,
    figures,
    relative_dates,
)
from toolkit.brief.select import LeadFirstSummarizer
from toolkit.document import Document
from toolkit.settings import Settings
from toolkit.summarize import Length
from toolkit.summarize.base import candidates, resolve_lang, title_of

if TYPE_CHECKING:
    from toolkit.config import IgnoreList
    from toolkit.pipeline import Selection

TITLE_WORDS = 12
# A summary sentence never keeps a finding of these severities that cleaning left
# unresolved, while a sentence without one is left to choose.
AVOIDED = ("critical", "major")
# A briefing reads at most this much of a text (about 30,000 words, far more than any news
# article): a corpus passed as one "article" is briefed from its lead in bounded time.
BRIEF_CHARS = 200_000


@dataclass(frozen=True)
class Brief:
    """The briefing of one article."""

    source: str
    title: str
    summary: tuple[str, ...]
    entities: tuple[Entity, ...]
    figures: tuple[Figure, ...]
    date: str | None
    dates: tuple[DateRef, ...]
    fixes: int = 0
    renamed: tuple[tuple[str, str], ...] = ()
    text: str = field(default="", repr=False)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["text"]
        data["summary"] = list(self.summary)
        data["renamed"] = [{"from": a, "to": b} for a, b in self.renamed]
        return data


def brief(
    text: str,
    source: str = "",
    date: dt.date | None = None,
    *,
    settings: Settings | None = None,
    selection: Selection | None = None,
    ignored: IgnoreList | None = None,
) -> Brief:
    """The briefing of one article; ``date`` is its publication date, when known (else a
    date the article itself gives is used to resolve "Tuesday", "yesterday", ...).

    ``settings``, ``selection`` and ``ignored`` choose the checks that clean the article, as
    for ``mtkit check``; the settings' gazetteers and house style also name its entities.
    """
    from toolkit.names import load_gazetteer

    lead = _lead(text)
    note = ""
    if len(lead) < len(text):
        note = f"briefed from the first {len(lead):,} of {len(text):,} characters"
    settings = settings or Settings()
    names = load_gazetteer(settings.gazetteers, settings.house_style)
    cleaned = clean(lead, settings, selection, ignored)
    doc = Document(cleaned.text)
    lang = resolve_lang("auto", doc)
    count = 3 if len(candidates(doc, lang)) >= 5 else 2
    avoid = [span for span, severity in cleaned.flaws if severity in AVOIDED]
    picker = LeadFirstSummarizer(lang)
    summary = picker.summarize(doc, Length(sentences=count), captions(doc), avoid)
    date = date or article_date(doc)
    return Brief(
        source=source,
        title=title_of(doc) or _title_from(summary.sentences[0].text if summary.sentences else ""),
        summary=tuple(_lead_sentence(doc, s.start, s.text) for s in summary.sentences),
        entities=tuple(entities(doc, names=names)) if lang == "en" else (),
        figures=tuple(figures(doc)) if lang == "en" else (),
        date=date.isoformat() if date else None,
        dates=tuple(relative_dates(doc, date)) if lang == "en" else (),
        fixes=cleaned.fixes,
        renamed=cleaned.renamed,
        text=cleaned.text,
        note=note,
    )


def _lead(text: str) -> str:
    """The first ``BRIEF_CHARS`` characters of ``text``, cut after a blank line if one is
    there, else after a line break or a space."""
    if len(text) <= BRIEF_CHARS:
        return text
    for mark in ("\n\n", "\n", " "):
        if (cut := text.rfind(mark, 0, BRIEF_CHARS)) > 0:
            return text[: cut + len(mark)]
    return text[:BRIEF_CHARS]


def _lead_sentence(doc: Document, start: int, text: str) -> str:
    """A summary sentence that opens a paragraph loses the dateline it may start with."""
    paragraph = doc.paragraph_at(start)
    return undated(text) if paragraph is not None and paragraph.start == start else text


def _title_from(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def brief_many(
    texts: Sequence[tuple[str, str]], date: dt.date | None = None, **options: Any
) -> list[Brief]:
    """Briefs of (source, text) pairs, in order; ``options`` as :func:`brief` takes them."""
    return [brief(text, source, date, **options) for source, text in texts]


__all__ = ["Brief", "brief", "brief_many"]
