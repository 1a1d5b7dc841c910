"""The context that ranks gazetteer candidates for a name: the entity type a cue implies
("Operation", "Brigades", "base"), the places the document mentions (coordinates), a
direction ("south of Baghdad") and the countries it names.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

from toolkit.names.gazetteer import Candidate, Entry, Gazetteer
from toolkit.names.spans import TYPE_FAMILIES, Run
from toolkit.names.tokens import Words
from toolkit.names.words import demonyms

_BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135,
    "south": 180, "southwest": 225, "west": 270, "northwest": 315,
}  # fmt: skip


class Context:
    """What a document says about where and what its names are."""

    def __init__(self, gazetteer: Gazetteer, mentioned: Iterable, sentences: list[Words]) -> None:
        """``mentioned``: the document's known names (``resolve.Mention``: ``entries``)."""
        mentions = list(mentioned)
        self.gaz = gazetteer
        self.places = [  # every place a mention may be: "Hammamet" is in Tunisia and Algeria
            e for m in mentions for e in m.entries if e.lat is not None and e.type != "country"
        ]
        self.countries = {e.country for m in mentions for e in m.entries[:1] if e.country}
        adjectives = demonyms()
        words = set(itertools.chain.from_iterable(w.lowers for w in sentences))
        self.countries |= {adjectives[w] for w in words & adjectives.keys()}
        self.nearest: dict[int, float | None] = {}

    def nearest_km(self, entry: Entry) -> float | None:
        """How far ``entry`` is from the nearest other place the document mentions (km)."""
        key = id(entry)
        if key not in self.nearest:
            self.nearest[key] = min(
                (d for p in self.places if p is not entry and (d := entry.km_to(p)) is not None),
                default=None,
            )
        return self.nearest[key]

    def score(self, candidate: Candidate, run: Run) -> tuple[float, int]:
        """Similarity adjusted by context, and how many context cues support the entry."""
        entry = candidate.entry
        score, support = candidate.similarity, 0
        if run.cue:
            fits = entry.type in TYPE_FAMILIES.get(run.cue, {run.cue})
            score += 0.04 if fits else -0.12
            support += fits and run.cue != "place"  # "in X" alone says little
        if entry.lat is not None and self.places:
            nearest = self.nearest_km(entry)
            if nearest is not None:
                score += 0.06 if nearest < 150 else 0.03 if nearest < 400 else 0.0
                score -= 0.05 if nearest > 1500 else 0.0
                support += nearest < 250
        if run.direction and entry.lat is not None:
            toward = self._direction_score(entry, *run.direction)
            score += toward
            support += toward > 0
        if entry.country and entry.country in self.countries:
            score += 0.03
        if entry.source.startswith("Wikipedia"):
            score += 0.02  # curated: names the news uses
        elif candidate.name != entry.canonical and not candidate.name.isascii():
            score -= 0.03  # a foreign-language exonym, not an English rendering
        elif candidate.name != entry.canonical:
            score -= 0.015
        return round(score, 3), support

    def _direction_score(self, entry: Entry, direction: str, anchor_text: str) -> float:
        anchors = [e for e in self.gaz.exact(anchor_text) if e.lat is not None]
        if not anchors or direction not in _BEARINGS:
            return 0.0
        anchor = anchors[0]
        km = anchor.km_to(entry)
        if km is None or km > 400:
            return -0.03
        dy = entry.lat - anchor.lat
        dx = (entry.lon - anchor.lon) * math.cos(math.radians(anchor.lat))
        bearing = math.degrees(math.atan2(dx, dy)) % 360
        off = abs((bearing - _BEARINGS[direction] + 180) % 360 - 180)
        return 0.05 if off <= 67.5 else -0.05
