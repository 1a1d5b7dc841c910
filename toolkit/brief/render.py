"""Briefings as Markdown, JSON or a self-contained HTML page."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from toolkit.brief import Brief
from toolkit.brief.digest import Story, Topic


def _when(brief: Brief) -> str:
    if not brief.dates:
        return ""
    parts = [f"{d.text} = {d.date}" if d.date else d.text for d in brief.dates]
    known = f" (article date {brief.date})" if brief.date else " (article date unknown)"
    return "; ".join(parts) + known


_MARKUP = re.compile(r"([\\`<>\[\]&])")


def _md(text: str) -> str:
    """Article text as Markdown text: no HTML (``<script>``), link or code markup in it
    takes effect (those characters are backslash-escaped)."""
    return _MARKUP.sub(r"\\\1", text)


def _story_lines(story: Story, level: str) -> list[str]:
    b = story.brief
    lines = [f"{level} {_md(b.title)}", "", _md(" ".join(b.summary)), ""]
    if b.entities:
        entities = "; ".join(f"{e.name} ({e.type})" for e in b.entities)
        lines.append("- **Entities:** " + _md(entities))
    if b.figures:
        lines.append("- **Figures:** " + _md("; ".join(f.text for f in b.figures)))
    if when := _when(b):
        lines.append(f"- **When:** {_md(when)}")
    if any(story.sources):
        lines.append("- **Sources:** " + _md(", ".join(s for s in story.sources if s)))
    if b.renamed:
        renamed = "; ".join(f"{a} → {c}" for a, c in b.renamed)
        lines.append("- **Names made canonical:** " + _md(renamed))
    if b.note:
        lines.append(f"- **Note:** {_md(b.note)}")
    return [*lines, ""]


def markdown(topics: Sequence[Topic]) -> str:
    """One story: its brief. Several: a digest with a section per topic."""
    stories = [s for t in topics for s in t.stories]
    if len(stories) == 1:
        return "\n".join(_story_lines(stories[0], "#")).rstrip() + "\n"
    articles = sum(len(s.sources) for s in stories)
    lines = [f"# Briefing: {articles} articles, {len(stories)} stories, {len(topics)} topics", ""]
    for topic in topics:
        lines += [f"## {_md(topic.label)}", ""]
        for story in topic.stories:
            lines += _story_lines(story, "###")
    return "\n".join(lines).rstrip() + "\n"


def to_json(topics: Sequence[Topic]) -> str:
    return json.dumps({"topics": [t.to_dict() for t in topics]}, ensure_ascii=False, indent=2)


_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
    "color:#1a1a1a}h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc}"
    "h3{font-size:1.1rem}dt{font-weight:600}dd{margin:0 0 .5rem 1rem}"
)


def _story_html(story: Story) -> str:
    b = story.brief
    esc = html.escape
    facts = [
        ("Entities", "; ".join(f"{e.name} ({e.type})" for e in b.entities)),
        ("Figures", "; ".join(f.text for f in b.figures)),
        ("When", _when(b)),
        ("Sources", ", ".join(s for s in story.sources if s)),
        ("Names made canonical", "; ".join(f"{a} → {c}" for a, c in b.renamed)),
        ("Note", b.note),
    ]
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v)
    return (
        f"<article><h3>{esc(b.title)}</h3><p>{esc(' '.join(b.summary))}</p>"
        f"<dl>{items}</dl></article>"
    )


def html_page(topics: Sequence[Topic]) -> str:
    sections = "".join(
        f"<section><h2>{html.escape(t.label)}</h2>{''.join(_story_html(s) for s in t.stories)}"
        "</section>"
        for t in topics
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>mtkit briefing</title><style>{_STYLE}</style></head>"
        f"<body><h1>Briefing</h1>{sections}</body></html>\n"
    )


RENDERERS = {"md": markdown, "json": to_json, "html": html_page}
