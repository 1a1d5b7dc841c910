"""The annotated MT news dev set (shared/data/mtnews_dev) for the fix and brief benchmarks:
articles with their gold spans located, post-edits and reference briefs, and the verdict on a
change against the gold ("right": the span becomes one of its fixes; "closer": it moves toward
the best fix; "not closer"; "outside gold": no gold span there)."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from tools.shared_data import DATA, require

DEV = DATA / "mtnews_dev"
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: str) -> str:
    """Whitespace collapsed, curly quotes straightened, lower case (as the shared scorer)."""
    return " ".join(text.translate(QUOTES).lower().split())


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in require(path).read_text(encoding="utf-8").splitlines() if x]


@dataclass(frozen=True)
class Gold:
    """A gold span located in its article."""

    id: str
    kind: str
    tier: str
    start: int
    end: int
    fixes: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    name: str
    lang: str
    text: str
    postedit: str
    brief: str
    gold: tuple[Gold, ...]

    def golds_at(self, start: int, end: int) -> list[Gold]:
        """Gold spans a change of text[start:end] touches (an insertion: at or inside)."""
        if start == end:
            return [g for g in self.gold if g.start <= start <= g.end]
        return [g for g in self.gold if g.start < end and start < g.end]


@dataclass(frozen=True)
class Change:
    """text[start:end] -> replacement, by ``rule``."""

    start: int
    end: int
    replacement: str
    rule: str


def articles(folder: Path = DEV) -> list[Article]:
    """The articles of an annotated set (the dev set by default), in name order."""
    gold = _jsonl(folder / "gold.jsonl")
    briefs = {row["article"]: row["brief"] for row in _jsonl(folder / "briefs.jsonl")}
    langs = {row["article"]: row["source_lang"] for row in _jsonl(folder / "meta.jsonl")}
    out = []
    for name in sorted({g["article"] for g in gold}):
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        spans = []
        for g in gold:
            if g["article"] == name and (at := text.find(g["span"])) >= 0:
                fixes = tuple(g.get("fixes") or ())
                spans.append(Gold(g["id"], g["kind"], g["tier"], at, at + len(g["span"]), fixes))
        postedit = (folder / "postedit" / f"{name}.txt").read_text(encoding="utf-8")
        spans.sort(key=lambda g: g.start)
        out.append(
            Article(name, langs.get(name, ""), text, postedit, briefs.get(name, ""), tuple(spans))
        )
    return out


def verdicts(article: Article, changes: list[Change]) -> list[tuple[Change, str]]:
    """Each change with its verdict. Changes touching the same gold span are judged together
    (a span fixed by two edits is right for both)."""
    out = []
    for change in changes:
        golds = article.golds_at(change.start, change.end)
        if not golds:
            out.append((change, "outside gold"))
            continue
        best = "not closer"
        for gold in golds:
            together = [c for c in changes if gold in article.golds_at(c.start, c.end)]
            verdict = _judge(article, gold, together)
            if verdict == "right" or (verdict == "closer" and best == "not closer"):
                best = verdict
        out.append((change, best))
    return out


def _judge(article: Article, gold: Gold, changes: list[Change]) -> str:
    """Whether ``changes`` turn ``gold`` into one of its fixes; other gold spans they cover
    count as fixed by their first fix."""
    if not gold.fixes:
        return "not closer"
    text = article.text
    lo = min(gold.start, *(c.start for c in changes))
    hi = max(gold.end, *(c.end for c in changes))
    others = [
        Change(g.start - lo, g.end - lo, g.fixes[0], g.id)
        for g in article.gold
        if g is not gold and g.fixes and lo <= g.start and g.end <= hi
    ]
    moved = [Change(c.start - lo, c.end - lo, c.replacement, c.rule) for c in changes]
    after = apply(text[lo:hi], moved)
    wanted = [
        apply(text[lo:hi], [Change(gold.start - lo, gold.end - lo, fix, gold.id), *others])
        for fix in gold.fixes
    ]
    if norm(after) in [norm(w) for w in wanted]:
        return "right"
    before = text[lo:hi]
    if _similarity(norm(after), norm(wanted[0])) > _similarity(norm(before), norm(wanted[0])):
        return "closer"
    # a change of case only ('this sunday' -> 'this Sunday' inside a span the post-edit
    # rewrites) is invisible once lower-cased: judged with the case kept
    if norm(after) == norm(before) and _similarity(_cased(after), _cased(wanted[0])) > (
        _similarity(_cased(before), _cased(wanted[0]))
    ):
        return "closer"
    return "not closer"


def _cased(text: str) -> str:
    """``norm`` without the lower-casing."""
    return " ".join(text.translate(QUOTES).split())


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def apply(text: str, changes: list[Change]) -> str:
    """``text`` with non-overlapping changes made (overlapping later ones are dropped)."""
    out, position = [], 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        if change.start < position:
            continue
        out += [text[position : change.start], change.replacement]
        position = change.end
    return "".join(out) + text[position:]


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """``…before[[span]]after…`` on one line, for listings."""
    shown = f"{text[max(0, start - width) : start]}[[{text[start:end]}]]{text[end : end + width]}"
    return " ".join(shown.split()).replace("|", "\\|").replace("`", "'")


def oracle(article: Article) -> str:
    """The article with every core gold span corrected by its first fix."""
    changes = [
        Change(g.start, g.end, g.fixes[0], g.id)
        for g in article.gold
        if g.tier == "core" and g.fixes
    ]
    return apply(article.text, changes)
