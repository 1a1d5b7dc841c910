"""The context that ranks gazetteer candidates for a name: the entity type a cue implies
("Operation", "Brigades", "base"), the places the document mentions (coordinates), a
direction ("south of Baghdad") and the countries it names.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable

from toolkit.names.gazetteer import Candidate, Entry, Gazetteer
from toolkit.names.spans import TYPE_FAMILIES, Run
from toolkit.names.tokens import Words
from toolkit.names.words import demonyms

REGION_KM = 1500  # beyond this from every place a text names, a place is elsewhere
_BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135,
    "south": 180, "southwest": 225, "west": 270, "northwest": 315,
}  # fmt: skip


class Context:
    """What a document says about where and what its names are."""

    def __init__(self, gazetteer: Gazetteer, mentioned: Iterable, sentences: list[Words]) -> None:
        """``mentioned``: the document's known names (``resolve.EntityMention``: ``entries``)."""
        mentions = list(mentioned)
        self.gaz = gazetteer
        first = [m.entries[0] for m in mentions if m.entries]
        adjectives = demonyms()
        words = set(itertools.chain.from_iterable(w.lowers for w in sentences))
        named = {e.country for e in first if e.type == "country" and e.country}
        named |= {adjectives[w] for w in words & adjectives.keys()}
        places = {  # every place a mention may be: "Hammamet" is in Tunisia and Algeria
            id(e): e
            for m in mentions
            for e in m.entries
            if e.lat is not None and e.type != "country"
        }  # each once, however often it is named: nearest_km stays linear in the text
        places = list(places.values())
        self.places = self._in_region(places, named)
        kept = {id(e) for e in self.places}
        self.countries = named | {
            e.country for e in first if e.country and (e.lat is None or id(e) in kept)
        }
        self.nearest: dict[int, float | None] = {}

    def in_region(self, places: list[Entry]) -> list[Entry]:
        """The places that fit the countries the text is about (see ``_in_region``)."""
        return self._in_region(places, self.countries)

    def _in_region(self, places: list[Entry], named: set[str]) -> list[Entry]:
        """The places that fit the countries the text names: in one of them, or within
        1,500 km of its centre. "Gara" in a story on northern Iraq is not El Gara, Morocco,
        and must not pull other names there."""
        centres = [c for code in named if (c := self.gaz.countries.get(code)) and c.lat is not None]
        if not centres:
            return places
        return [
            p
            for p in places
            if p.country in named
            or any((km := p.km_to(c)) is not None and km <= REGION_KM for c in centres)
        ]

    @functools.cached_property
    def _points(self) -> list[tuple[float, frozenset[int], float, float, float]]:
        """The mentioned places as points, south to north (latitude in radians, ids of the
        places there, sin and cos of the latitude, longitude in radians), places within
        about a kilometre merged."""
        merged: dict[tuple[float, float], set[int]] = defaultdict(set)
        for p in self.places:
            if p.lat is not None and p.lon is not None:
                merged[round(p.lat, 2), round(p.lon, 2)].add(id(p))
        return sorted(
            ((math.radians(lat), frozenset(ids), math.sin(math.radians(lat)),
             math.cos(math.radians(lat)), math.radians(lon))
            for (lat, lon), ids in merged.items()),
            key=lambda point: point[0],
        )  # fmt: skip

    @functools.cached_property
    def _latitudes(self) -> list[float]:
        return [point[0] for point in self._points]

    def nearest_km(self, entry: Entry) -> float | None:
        """How far ``entry`` is from the nearest other place the document mentions (km)."""
        key = id(entry)
        if key not in self.nearest:
            self.nearest[key] = None
            if entry.lat is not None and entry.lon is not None:
                best = self._closest(key, math.radians(entry.lat), math.radians(entry.lon))
                if best is not None:
                    self.nearest[key] = 6371.0 * math.acos(max(-1.0, min(1.0, best)))
        return self.nearest[key]

    def _closest(self, key: int, lat1: float, lon1: float) -> float | None:
        """The largest cosine of the angle from (lat1, lon1) to a point other than ``key``
        alone. Points are read outward in latitude from ``lat1`` and the reading stops once
        the latitude gap alone exceeds the best angle (plus a margin far above rounding), so
        a text naming thousands of places stays near linear; the value is the exact maximum."""
        points, sin1, cos1 = self._points, math.sin(lat1), math.cos(lat1)
        below = bisect.bisect_left(self._latitudes, lat1) - 1
        above = below + 1
        best, reach = None, math.inf
        while below >= 0 or above < len(points):
            if above >= len(points) or (
                below >= 0 and lat1 - points[below][0] <= points[above][0] - lat1
            ):
                point, below = points[below], below - 1
            else:
                point, above = points[above], above + 1
            lat2, ids, sin2, cos2, lon2 = point
            if abs(lat2 - lat1) > reach:
                break
            if ids == {key}:
                continue
            value = sin1 * sin2 + cos1 * cos2 * math.cos(lon2 - lon1)
            if best is None or value > best:
                best = value
                reach = math.acos(max(-1.0, min(1.0, best))) + 1e-6
        return best

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
                score -= 0.05 if nearest > REGION_KM else 0.0
                support += nearest < 250
                # Far from every place the text names, in a country it does not name: the
                # text is about elsewhere ("Metina" in northern Iraq is not Mediouna, Morocco).
                support -= nearest > REGION_KM and entry.country not in self.countries
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
