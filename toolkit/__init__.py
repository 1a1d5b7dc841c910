"""mtkit: find, fix, score and summarize machine-translation artifacts in news text."""

# toolkit.fix is a callable module: toolkit.fix(text) is toolkit.fix.fix(text).
from toolkit import fix
from toolkit.document import Document, Span
from toolkit.findings import Finding, Rule
from toolkit.pipeline import check

__all__ = ["Document", "Finding", "Rule", "Span", "check", "fix"]
__version__ = "0.1.0"
