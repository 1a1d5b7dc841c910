"""Look a name up in the gazetteer: the candidates and their scores (``mtkit names``)."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.names.garbled import garbled_probability
from toolkit.names.gazetteer import Gazetteer
from toolkit.names.normalize import loose_key, phonemes, skeleton


@dataclass(frozen=True, slots=True)
class LookupRow:
    """One candidate for a looked-up name, with what the similarity says about it."""

    canonical: str
    matched: str
    type: str
    country: str
    original: str
    similarity: float
    cost: float
    error: float
    verdict: str  # "listed", "variant", "close" or "far"

    def to_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}


def verdict(listed: bool, similarity: float, variant: bool) -> str:
    if listed:
        return "listed"
    if variant:
        return "variant"
    return "close" if similarity >= 0.75 else "far"


def lookup(text: str, gazetteer: Gazetteer, limit: int = 5) -> list[LookupRow]:
    """Best gazetteer candidates for ``text``: listed names first, then by similarity."""
    listed = {id(e) for e in gazetteer.exact(text)}
    rows = []
    for candidate in gazetteer.search(text, limit=limit + len(listed)):
        entry, gap = candidate.entry, candidate.distance
        is_listed = id(entry) in listed and loose_key(candidate.name) == loose_key(text)
        rows.append(
            LookupRow(
                canonical=entry.canonical,
                matched=candidate.name,
                type=entry.type,
                country=entry.country,
                original=entry.original,
                similarity=gap.similarity,
                cost=gap.cost,
                error=gap.error,
                verdict=verdict(is_listed, gap.similarity, gap.is_spelling_variant),
            )
        )
    rows.sort(key=lambda r: (r.verdict != "listed", -r.similarity))
    return rows[:limit]


def key_fields(text: str) -> dict[str, object]:
    """The forms the index compares (loose key, sound symbols, consonant skeleton) and the
    garbled-word model's probability (NM104)."""
    return {
        "key": loose_key(text),
        "sounds": phonemes(text),
        "skeleton": skeleton(text),
        "garbled": round(garbled_probability(text), 4),
    }


def keys(text: str) -> str:
    """``key_fields`` as the text output shows them."""
    fields = key_fields(text)
    shown = " ".join(f"{k}={v!r}" for k, v in fields.items() if k != "garbled")
    return f"{shown} garbled={fields['garbled']:.2f}"
