"""mtkit: find, fix, score and summarize machine-translation artifacts in news text."""

# toolkit.fix is a callable module: toolkit.fix(text) is toolkit.fix.fix(text).
from toolkit import fix
from toolkit.document import Document, Span
from toolkit.findings import Finding, Rule
from toolkit.pipeline import check
from toolkit.version import __version__

__all__ = ["Document", "Finding", "Rule", "Span", "__version__", "check", "fix"]
