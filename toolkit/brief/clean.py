"""Clean an article for a briefing: boilerplate out, safe fixes in, names made canonical."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.findings import Finding

NAME_KINDS = ("name", "consistency")
# Name suggestions are not all safe to apply unreviewed in an edited article, but a briefing
# should use one canonical name per entity: apply the confident ones.
NAME_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, the fixes applied, and each renamed span -> its canonical name."""

    original: str
    text: str
    fixes: int
    renamed: tuple[tuple[str, str], ...]


def clean(text: str) -> Cleaned:
    """``text`` after ``toolkit.fix`` (safe suggestions: boilerplate deletion, spacing,
    garbled names) and then the confident name and consistency suggestions."""
    from toolkit.fix import fix
    from toolkit.pipeline import check

    fixed = fix(text)
    names = [f for f in check(fixed.text) if _canonical_name(f)]
    renamed = fix(fixed.text, names, unsafe=True, min_confidence=NAME_CONFIDENCE)
    pairs = [
        (f.text, f.suggestions[0])
        for f in (*fixed.applied, *renamed.applied)
        if f.kind in NAME_KINDS and f.text != f.suggestions[0]
    ]
    result = renamed.text
    for _, name in pairs:
        result = _article_before(result, name)
    return Cleaned(
        text, result, len(fixed.applied) + len(renamed.applied), tuple(dict.fromkeys(pairs))
    )


def _article_before(text: str, name: str) -> str:
    """ "an Kataib Hezbollah" -> "a Kataib Hezbollah" after a name was replaced."""
    vowel = name[:1].lower() in "aeiou"
    wrong = r"\b([Aa]) " if vowel else r"\b([Aa])n "
    return re.sub(wrong + f"(?={re.escape(name)})", r"\1n " if vowel else r"\1 ", text)


def _canonical_name(finding: Finding) -> bool:
    return (
        finding.kind in NAME_KINDS
        and bool(finding.suggestions and finding.suggestions[0])
        and finding.confidence >= NAME_CONFIDENCE
    )
