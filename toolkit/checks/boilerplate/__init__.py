"""Scraped web chrome in plain text: share/comment/cookie/copyright lines, menus, and the
headline of another article leaked at the end of the body.

Each non-blank line is described (chrome patterns in corpora/boilerplate/, length, final
punctuation, title case, function words, link-like text) and placed relative to the article
core, the run of lines with the most prose. Chrome patterns flag a line anywhere; a short
title-like line in the tail next to chrome is a leaked headline; other lines outside the
core are flagged when the learned line classifier (corpora/boilerplate/line_weights.tsv)
is confident. Prose lines inside the core are never flagged, nor is the article's own
title (the first line, or the head line sharing most words with the opening paragraphs)
unless it is a chrome pattern.

Each finding deletes its whole line with the line break that belongs to it, so that
deleting every flagged line leaves the remaining paragraphs with their own spacing.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.checks.boilerplate.features import (
    FEATURES,
    LineInfo,
    core_bounds,
    describe,
    feature_vectors,
    title_index,
)
from toolkit.document import Document, Span
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv

CHROME_LINE = Rule(
    code="BP101",
    slug="web-chrome-line",
    kind="boilerplate",
    category="boilerplate",
    severity="major",
    summary="A line of web-page furniture (share, comment form, cookie notice, copyright, "
    "newsletter, 'Read more', 'Related articles', tags, menu) scraped with the article.",
    why="Scraped chrome is not part of the article: it misleads readers, pollutes summaries "
    "and inflates MT scores; MT also translates it into odd English ('Source link').",
    example="…about 900 in Syria. ⏎ Source link ⏎ Leave a Reply ⏎ Back to top button",
    fixed="…about 900 in Syria.",
    fix_safe=True,
    false_positives="A pattern line quoted inside the article ('Click here', said the "
    "banner) can match; inside the article body only short lines count, and only lines "
    "above or after the body are fixed without review. Around a body in Latin script, a "
    "line in another script (or opening with a label in one: '相关新闻：...'), a bare "
    "timestamp line ('2024-10-30 09:12') and a row of short menu items ('Sport | Football') "
    "count as chrome too; the title and credit lines never do.",
    source="Patterns: corpora/boilerplate/chrome_{en,ar,fr,fa,tr,zh,ru,ur}.tsv.",
)
LEAKED_HEADLINE = Rule(
    code="BP102",
    slug="leaked-headline",
    kind="boilerplate",
    category="boilerplate",
    severity="major",
    summary="The headline of another article (a 'related' link) left after the end of the body.",
    why="A stray headline reads as the article's last sentence and confuses readers and "
    "summarizers about what the article reports.",
    example="…about 900 in Syria. ⏎ What we know so far about the hostage release ⏎ Source link",
    fixed="…about 900 in Syria.",
    fix_safe=True,
    false_positives="A short unpunctuated closing line of the article itself (a sign-off, "
    "a subheading) next to chrome; the document's first line (its own title) is never flagged.",
)
CHROME_BLOCK = Rule(
    code="BP103",
    slug="boilerplate-block",
    kind="boilerplate",
    category="boilerplate",
    severity="minor",
    summary="A line of a page header, footer or link list around the article, found by its "
    "shape and neighbours rather than a known phrase.",
    why="Menus, teaser lists and footers come in blocks of short, unpunctuated lines; the "
    "learned line classifier recognises them on sites whose wording no list covers.",
    example="…about 900 in Syria. ⏎ Tags ⏎ Iraq ⏎ Syria ⏎ Pentagon",
    fixed="…about 900 in Syria. ⏎ Tags",
    fix_safe=False,
    false_positives="Photo captions, data lines and subheadings near the article's edges.",
    source="Weights: corpora/boilerplate/line_weights.tsv (tools/train_boilerplate.py).",
)

DUPLICATED_LINE = Rule(
    code="BP104",
    slug="duplicated-line",
    kind="boilerplate",
    category="boilerplate",
    severity="minor",
    summary="A headline, caption or other short line printed a second time (the title "
    "repeated above the body, a photo caption scraped again after the body, its first eight "
    "words the same).",
    why="Pages print a headline in several places (page title, heading, share card) and "
    "captions next to both the image and its zoomed copy; the scraper keeps each copy.",
    example="Floods cut off villages in the north ⏎ Floods cut off villages in the north ⏎ "
    "Rescue teams reached three villages on Sunday after the water fell, officials said.",
    fixed="Floods cut off villages in the north ⏎ Rescue teams reached three villages on Sunday "
    "after the water fell, officials said.",
    fix_safe=True,
    false_positives="Only lines of four words or more: the title (unpunctuated) anywhere, other "
    "lines of up to 40 words outside the article body (inside it a repeated line is more often "
    "a list item or a table row); repeated sentences and paragraphs of the body are the "
    "repetition check's (RE102, RE103).",
)

_BLOCK_THRESHOLD = 0.5
_KEY_WORDS = 8
_CAPTION_WORDS = 40
_WORDS = re.compile(r"\w+")
_CORE_THRESHOLD = 0.9


@functools.cache
def _weights() -> tuple[float, ...]:
    rows = {
        row["feature"]: float(row["weight"])
        for row in iter_tsv(corpus_path("boilerplate", "line_weights.tsv"))
    }
    return tuple(rows.get(name, 0.0) for name in FEATURES)


def _probability(vector: list[float], weights: tuple[float, ...]) -> float:
    score = sum(w * x for w, x in zip(weights, vector, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


class BoilerplateCheck(Check):
    """Scraped web-page chrome and leaked headlines, as whole lines to delete."""

    name = "boilerplate"
    rules = (CHROME_LINE, LEAKED_HEADLINE, CHROME_BLOCK, DUPLICATED_LINE)

    def check(self, doc: Document) -> Iterator[Finding]:
        lines = [span for span in doc.lines if doc[span].strip()]
        infos = [describe(doc[span]) for span in lines]
        verdicts = classify(infos)
        flagged = [i for i, verdict in enumerate(verdicts) if verdict]
        spans = deletion_spans(doc, lines, flagged)
        for i in flagged:
            rule, confidence, safe = verdicts[i]  # type: ignore[misc]
            start, end = spans[i]
            yield rule.at(doc, start, end, _message(rule, infos[i]), [""], confidence, safe=safe)


Verdict = tuple[Rule, float, bool] | None


def classify(infos: list[LineInfo], weights: tuple[float, ...] | None = None) -> list[Verdict]:
    """Per line: the rule it breaks with confidence and fix safety, or None.

    ``weights`` replaces the shipped classifier weights (cross-validation in the benchmark).
    """
    if not infos:
        return []
    bounds = core_bounds(infos)
    first, last = bounds or (len(infos), len(infos) - 1)
    weights = weights or _weights()
    probabilities = [_probability(v, weights) for v in feature_vectors(infos)]
    zones = _chrome_zones(infos, first, last)
    title = title_index(infos, first)
    closing = last + 1  # short sentences right after the core still close the article
    while closing < len(infos) and infos[closing].ends_sentence and not infos[closing].chrome:
        if infos[closing].teaser:
            break
        closing += 1
    titles = {_key(infos[j]) for j in (0, title) if j is not None and j < len(infos)}
    copies = _copies(infos, first, last, (0, title))
    # A body in Latin script: lines in another script around it are not its own text.
    latin_core = bounds is not None and 2 * sum(x.latin for x in infos[first : last + 1]) > (
        last + 1 - first
    )
    verdicts: list[Verdict] = []
    for i, (info, p) in enumerate(zip(infos, probabilities, strict=True)):
        tail, core = i > last, first <= i <= last
        outside = bounds is not None and not core
        # The title printed again, or a headline or caption repeated outside the body.
        repeated = i in copies or (
            i not in (0, title)
            and info.words >= 4
            and not info.ends_sentence
            and _key(info) in titles
        )
        if repeated:
            verdicts.append((DUPLICATED_LINE, 0.85, True))
        elif info.credit:
            verdicts.append(None)  # the article's credit line: content (issue 18)
        elif _furniture(info, latin_core) and outside and i != title:
            verdicts.append((CHROME_LINE, 0.85, True))
        elif info.chrome or info.list_header:
            confident = tail or p >= _BLOCK_THRESHOLD
            # Before the body (breadcrumbs, "News ID", "Update date") or after it: safe to delete.
            safe = tail or (bounds is not None and i < first)
            verdicts.append((CHROME_LINE, 0.95 if tail else 0.8, safe) if confident else None)
        elif i > 0 and (info.headline_like or info.teaser) and _after_list_header(infos, i):
            verdicts.append((LEAKED_HEADLINE, max(0.8, p), not core))
        elif tail and i > 0 and info.teaser:
            verdicts.append((LEAKED_HEADLINE, max(0.8, p), True))
        elif tail and i > 0 and info.headline_like and _next_to_chrome(infos, i, last):
            verdicts.append((LEAKED_HEADLINE, max(0.75, p), p >= 0.8))
        elif i in (0, title) or last < i < closing:
            verdicts.append(None)
        elif zones[i] and p >= (_CORE_THRESHOLD if core else _BLOCK_THRESHOLD):
            verdicts.append((CHROME_BLOCK, p, False))
        else:
            verdicts.append(None)
    return verdicts


def _furniture(info: LineInfo, latin_core: bool) -> bool:
    """Untranslated web furniture in another script, or its label ("相关新闻：..."), around a
    body in Latin script; a bare publication timestamp; a menu row or breadcrumb of short
    items between separators ("Sport | Football"). A sentence in another script
    (it ends like one) is an untranslated segment, not furniture."""
    return (info.foreign and latin_core and not info.ends_sentence) or info.stamp or info.menu


def _chrome_zones(infos: list[LineInfo], first: int, last: int) -> list[bool]:
    """Per line: whether it lies in a zone that holds chrome, so its block is page furniture.

    The zones are the head, the tail, and inside the core each run of non-prose lines.
    """
    zones: list[tuple[int, int]] = [(0, first), (last + 1, len(infos))]
    start = first
    for i in range(first, last + 2):
        if i > last or infos[i].prose:
            zones.append((start, i))
            start = i + 1
    marked = [False] * len(infos)
    for a, b in zones:
        if any(info.chrome or info.list_header or info.nav for info in infos[a:b]):
            marked[a:b] = [True] * (b - a)
    return marked


def _next_to_chrome(infos: list[LineInfo], i: int, last: int) -> bool:
    """A chrome line right before or after, or a list header just above (a teaser list)."""
    near = [infos[j] for j in (i - 1, i + 1) if last < j < len(infos)]
    if any(n.chrome or n.list_header or n.nav for n in near):
        return True
    above = infos[max(last + 1, i - 8) : i]
    return any(a.list_header for a in above)


def _copies(infos: list[LineInfo], first: int, last: int, kept: tuple[int | None, ...]) -> set[int]:
    """Lines outside the body that repeat another line's first words (a repeated line inside
    the body is more often a list item or a table row). Of each group one copy stays: the
    title, else the caption with its credit not behind a pipe (an image's alt text reads
    "caption | Photo: AFP", the printed caption "caption. (AFP)"), else the first."""
    groups: dict[str, list[int]] = {}
    for i, info in enumerate(infos):
        if not first <= i <= last and 4 <= info.words <= _CAPTION_WORDS:
            groups.setdefault(_key(info), []).append(i)
    copies: set[int] = set()
    for group in groups.values():
        if len(group) > 1:
            ranked = sorted(
                group, key=lambda j: (j not in kept, not infos[j].credit, infos[j].linky, j)
            )
            copies.update(group)
            copies.discard(ranked[0])
    return copies


def _key(info: LineInfo) -> str:
    """A line's first words, lower-case: a caption scraped twice differs only in its end
    ("... in Benghazi. (LANA)", "... in Benghazi - (LANA)")."""
    return " ".join(_WORDS.findall(info.text.casefold())[:_KEY_WORDS])


def _after_list_header(infos: list[LineInfo], i: int) -> bool:
    """A "Read also" / "Related" header just above, with only headlines or teasers between."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if infos[j].list_header:
            return True
        if not (infos[j].headline_like or infos[j].teaser):
            return False
    return False


def deletion_spans(
    doc: Document, lines: list[Span], flagged: list[int]
) -> dict[int, tuple[int, int]]:
    """For each flagged line (an index into ``lines``), the span that deletes it cleanly.

    Every span starts at its line, so a report points at the line itself. A line takes the
    break after it; the last line of a run of flagged lines takes only as much of the
    following break as keeps the wider of the two breaks around the run, and the last line
    of the text takes the rest of the text. Deleting a run that ends the text leaves the
    break before it, which ``mtkit fix`` trims with the other trailing blank lines.
    """
    text, spans = doc.text, {}
    chosen = set(flagged)
    for i in flagged:
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is not None and i + 1 in chosen:
            spans[i] = (lines[i].start, following.start)
            continue
        run_start = i
        while run_start - 1 in chosen:
            run_start -= 1
        before = lines[run_start - 1] if run_start > 0 else None
        if following is None or before is None:
            spans[i] = (lines[i].start, following.start if following else len(text))
            continue
        breaks_before = text.count("\n", before.end, lines[run_start].start)
        end = lines[i].end
        for _ in range(breaks_before):
            end = text.index("\n", end, following.start) + 1
            if text.count("\n", end, following.start) == 0:
                end = following.start
                break
        spans[i] = (lines[i].start, end)
    return spans


def _message(rule: Rule, info: LineInfo) -> str:
    shown = info.text if len(info.text) <= 60 else info.text[:57] + "..."
    if rule is LEAKED_HEADLINE:
        return f"Headline or teaser of another article: {shown!r}."
    if rule is DUPLICATED_LINE:
        return f"Line printed twice: {shown!r}."
    if rule is CHROME_LINE:
        return f"Scraped web-page chrome: {shown!r}."
    return f"Looks like page header/footer or link-list text, not article: {shown!r}."
