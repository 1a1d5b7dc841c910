"""Clean an article for a briefing: boilerplate out, safe and confident fixes in, names made
canonical, and the findings left unresolved located in the cleaned text."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit.document import Document, Span
from toolkit.findings import Finding
from toolkit.fix import measured_safe
from toolkit.resources import corpus_path, iter_tsv

if TYPE_CHECKING:
    from toolkit.config import IgnoreList
    from toolkit.pipeline import Selection
    from toolkit.settings import Settings

NAME_KINDS = ("name", "consistency")
# A briefing is read, not published: beside the fixes fix applies by default (marked safe,
# or measured safe) it takes the suggestions of the rules measured right in at least 95% of
# cases (corpora/brief/confident_rules.tsv), and one canonical name per entity.
SAFE_CONFIDENCE = 0.8
NAME_CONFIDENCE = 0.7


@functools.cache
def confident_rules() -> dict[str, float]:
    """Rule code -> the confidence from which a briefing applies its suggestion."""
    rows = iter_tsv(corpus_path("brief", "confident_rules.tsv"))
    return {row["rule"]: float(row["min_confidence"]) for row in rows}


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, the fixes applied, each renamed span -> its canonical name, and the
    findings left unresolved (spans in the cleaned text, with their severity)."""

    original: str
    text: str
    fixes: int
    renamed: tuple[tuple[str, str], ...]
    flaws: tuple[tuple[Span, str], ...] = ()


def applicable(finding: Finding) -> bool:
    """Whether a briefing applies the finding's first suggestion."""
    if not finding.suggestions or finding.suggestions[0] == finding.text:
        return False
    if finding.safe and finding.confidence >= SAFE_CONFIDENCE:
        return True
    if finding.kind in NAME_KINDS and finding.confidence >= NAME_CONFIDENCE:
        return True
    floor = min(confident_rules().get(finding.rule, 2.0), measured_safe().get(finding.rule, 2.0))
    return finding.confidence >= floor


def clean(
    text: str,
    settings: Settings | None = None,
    selection: Selection | None = None,
    ignored: IgnoreList | None = None,
) -> Cleaned:
    """``text`` with the safe and confident suggestions of one run of the checks applied
    (``settings``, ``selection`` and ``ignored`` as ``mtkit check`` takes them)."""
    from toolkit.fix import fix
    from toolkit.pipeline import Selection, run_checks
    from toolkit.settings import Settings

    settings = settings or Settings()
    findings = run_checks(Document(text, lang=settings.lang), settings, selection or Selection())
    findings = ignored.filter(findings) if ignored else findings
    chosen = [f for f in findings if applicable(f)]
    fixed = fix(text, [_with_article(f, text) for f in chosen], unsafe=True, min_confidence=0.0)
    done = {(f.rule, f.end) for f in fixed.applied}  # an article mended moves only the start
    renamed = tuple(
        dict.fromkeys(
            (f.text, f.suggestions[0])
            for f in chosen
            if f.kind in NAME_KINDS and (f.rule, f.end) in done
        )
    )
    starts = [e.start for e in fixed.edits]
    flaws = []
    for finding in findings:
        index = bisect.bisect_left(starts, finding.end) - 1
        overlapped = index >= 0 and fixed.edits[index].end > finding.start
        if overlapped or (finding.rule, finding.end) in done:
            continue
        span = Span(fixed.new_offset(finding.start), fixed.new_offset(finding.end))
        flaws.append((span, finding.severity))
    return Cleaned(text, fixed.text, len(fixed.applied), renamed, tuple(flaws))


_ARTICLE = re.compile(r"(?<!\w)([Aa])(n?) $")


def _with_article(finding: Finding, text: str) -> Finding:
    """A name change that also mends the article before it ("an Kataib Hezbollah" ->
    "a Kataib Hezbollah")."""
    if finding.kind not in NAME_KINDS:
        return finding
    name = finding.suggestions[0]
    # four characters, so that the article's left edge is seen: "Aslan Bzhaniya" has no "an"
    match = _ARTICLE.search(text[max(0, finding.start - 4) : finding.start])
    vowel = name[:1].lower() in "aeiou"
    if not match or bool(match.group(2)) == vowel:
        return finding
    start = finding.start - len(match.group())
    article = match.group(1) + ("n" if vowel else "")
    return replace(
        finding,
        start=start,
        text=text[start : finding.end],
        column=finding.column - len(match.group()),
        suggestions=(f"{article} {name}", *finding.suggestions[1:]),
    )


# A photo caption: a line that ends in its credit ("... on the red carpet. Photo: AFP",
# "(Photo: AA)", "© AFP", "| Photo: Reuters", "(LANA)"). Scraped pages put captions among the
# first lines; a briefing never takes one for a summary sentence.
_CREDIT = re.compile(
    r"(?:[(|]\s*)?(?:(?:Photos?|Pictures?|Images?|File photo|Credits?|Source)\s*:\s*[^\n:()]{1,60}"
    r"|©\s*[^\n]{1,40}|\([A-Z][A-Z0-9/ ]{1,11}\))\)?\s*$"
)
CAPTION_WORDS = 40


def captions(doc: Document) -> list[Span]:
    """The lines of ``doc`` that are photo captions (a short line ending in a credit)."""
    out = []
    for line in doc.lines:
        text = doc[line]
        credit = _CREDIT.search(text)
        if credit and credit.start() > 0 and len(text.split()) <= CAPTION_WORDS:
            out.append(line)
    return out


# A dateline opening the lead: "CAIRO -", "Tehran –", "BAKU (AA) –", "Dhaka / Islamabad (News
# Desk) —", "Xinhua, Astana, June 17 —", "Lahore:", "Kabul - Pajhwok:", "[Reporter Jane Roe /
# Basra]": up to eight words before a dash (a capital or a quote after it) or a colon (a
# capital after it), or a byline in brackets or parentheses; several in a row.
_PLACE_WORD = r"(?:[A-Z][\w.’'-]*|\([^()\n]{1,30}\)|/)"
_PLACE = rf"{_PLACE_WORD}(?:[ ,]+(?:{_PLACE_WORD}|\d{{1,2}})){{0,7}}"
_BYLINE = r"\[[^\[\]\n]{1,60}\]\s*|\([^()\n]{1,80}\)\s*(?=[A-Z])"
_DATELINE = re.compile(
    rf"^(?:{_BYLINE}|{_PLACE}\s+[–—-]{{1,2}}\s+(?=[A-Z\"“])|{_PLACE}:\s+(?=[A-Z]))+"
)


def undated(sentence: str) -> str:
    """``sentence`` without a dateline at its start."""
    return _DATELINE.sub("", sentence, count=1)
