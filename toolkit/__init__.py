"""mtkit: find, fix, score and summarize machine-translation artifacts in news text."""

from toolkit import regex_programs

regex_programs.preload()  # before the modules below compile their patterns

# toolkit.fix is a callable module: toolkit.fix(text) is toolkit.fix.fix(text).
from toolkit import fix  # noqa: E402
from toolkit.document import Document, Span  # noqa: E402
from toolkit.findings import Finding, Rule  # noqa: E402
from toolkit.pipeline import check  # noqa: E402
from toolkit.version import __version__  # noqa: E402

__all__ = ["Document", "Finding", "Rule", "Span", "__version__", "check", "fix"]
