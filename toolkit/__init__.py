"""mtkit: find, fix, score and summarize machine-translation artifacts in news text."""

from toolkit.document import Document, Span
from toolkit.findings import Finding, Rule
from toolkit.pipeline import check

__all__ = ["Document", "Finding", "Rule", "Span", "check"]
__version__ = "0.1.0"
