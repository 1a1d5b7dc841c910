"""Several briefs -> one digest: near-duplicate stories merged, stories grouped by topic."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.brief import Brief
from toolkit.summarize.tokens import detect_lang, terms
from toolkit.summarize.vectors import Vector, cosine

# Cosine of log-weighted content-term vectors of two cleaned articles. On bbc_summ_dev no
# two articles of different topics reach 0.2; a report and its follow-up ("Levy tipped for
# Whitbread prize", "Levy takes Whitbread novel prize") reach 0.83: a topic, not a duplicate.
DUPLICATE = 0.85
SAME_TOPIC = 0.2


@dataclass(frozen=True)
class Story:
    """One story: its brief and the sources of near-duplicate articles merged into it."""

    brief: Brief
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.brief.to_dict(), "sources": list(self.sources)}


@dataclass(frozen=True)
class Topic:
    """Stories about one subject, labelled by the entities or terms they share."""

    label: str
    stories: tuple[Story, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.label, "stories": [s.to_dict() for s in self.stories]}


def _vector(brief: Brief) -> Vector:
    counts = Counter(terms(brief.text, detect_lang(brief.text)))
    return {t: 1 + math.log(n) for t, n in counts.items()}


def _groups(vectors: Sequence[Vector], threshold: float) -> list[list[int]]:
    """Single-link groups of items at least ``threshold`` similar, in first-item order."""
    parent = list(range(len(vectors)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            if cosine(vectors[i], vectors[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(vectors)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _label(stories: Sequence[Story]) -> str:
    counts: Counter = Counter()
    for story in stories:
        for entity in story.brief.entities:
            counts[entity.name] += entity.mentions
    if counts:
        return ", ".join(name for name, _ in counts.most_common(3))
    return stories[0].brief.title


def digest(briefs: Sequence[Brief]) -> list[Topic]:
    """Topics of stories; of near-duplicate articles the longest one's brief is kept."""
    vectors = [_vector(b) for b in briefs]
    stories, story_vectors = [], []
    for group in _groups(vectors, DUPLICATE):
        keep = max(group, key=lambda i: (len(briefs[i].text), -i))
        stories.append(Story(briefs[keep], tuple(briefs[i].source for i in group)))
        story_vectors.append(vectors[keep])
    return [
        Topic(_label([stories[i] for i in group]), tuple(stories[i] for i in group))
        for group in _groups(story_vectors, SAME_TOPIC)
    ]
