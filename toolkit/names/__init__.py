"""Names: a gazetteer of MENA places, groups, operations and officials, and a
transliteration-aware search that finds the entity a garbled rendering stands for."""

from toolkit.names.gazetteer import Candidate, Entry, Gazetteer, load_gazetteer

__all__ = ["Candidate", "Entry", "Gazetteer", "load_gazetteer"]
