"""A gazetteer entity (``Entry``): its names and facts, apart from the index that holds it."""

from __future__ import annotations

import math
from dataclasses import dataclass

PLACE_TYPES = frozenset({"place", "base", "country", "region"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity: its canonical English name, accepted variants and facts for context."""

    canonical: str
    variants: tuple[str, ...] = ()
    original: str = ""
    type: str = "place"
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    population: int = 0
    house_style: bool = False  # canonical form chosen by a user gazetteer
    foreign: tuple[str, ...] = ()  # names in other languages' usage (Lizbon, CEDEAO): NM102
    world_tier: bool = False  # read from the world tier's file, not held in memory

    def __reduce__(self) -> tuple:
        """Pickled as its field values: unpickling calls the constructor, several times
        faster than a slots dataclass's generic state restore (cold start)."""
        return (Entry, tuple(getattr(self, name) for name in self.__slots__))

    @property
    def is_world(self) -> bool:
        """From the world tier (GeoNames or ISO 3166-2), not a curated or in-memory entry."""
        return self.source.startswith(("GeoNames", "ISO 3166-2"))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants, *self.foreign)

    @property
    def is_place(self) -> bool:
        return self.type in PLACE_TYPES

    def km_to(self, other: Entry) -> float | None:
        """Great-circle distance in km, when both have coordinates."""
        if None in (self.lat, self.lon, other.lat, other.lon):
            return None
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dl = math.radians(other.lon - self.lon)
        cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
        return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))
