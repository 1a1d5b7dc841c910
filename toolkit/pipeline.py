"""Run the checks over a text: build the Document, select rules, run, filter and merge."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit import regex_programs
from toolkit.checks import CHECKS, load_checks, rule_index
from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.errors import UsageError
from toolkit.findings import Finding, Rule
from toolkit.settings import Settings
from toolkit.textio import Chunk, iter_chunks, read_text

if TYPE_CHECKING:
    from toolkit.config import Config


@dataclass(frozen=True)
class Selection:
    """Which rules run and which findings are kept.

    A selector is a rule code or code prefix ("PU101", "PU"), a slug, a kind or a check name.
    An empty ``select`` means every rule.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        known = _known_selectors()
        for token in (*self.select, *self.ignore):
            if token not in known and not any(code.startswith(token) for code in _codes()):
                raise UsageError(f"unknown rule, kind or check {token!r}")

    def wants(self, rule: Rule, check: str) -> bool:
        return self.matches(rule.code, rule.slug, rule.kind, check)

    def matches(self, code: str, slug: str, kind: str, check: str) -> bool:
        """Whether a rule with this code, slug and kind, of ``check``, is selected."""

        def hit(tokens: tuple[str, ...]) -> bool:
            return any(t in (slug, kind, check, "ALL") or code.startswith(t) for t in tokens)

        return (not self.select or hit(self.select)) and not hit(self.ignore)

    def keeps(self, finding: Finding, rule: Rule, check: str) -> bool:
        return finding.confidence >= self.min_confidence and self.wants(rule, check)

    def named_checks(self) -> tuple[str, ...]:
        """Checks a selector names (by check, rule code or prefix, slug or kind; not ALL):
        these run even when they are off by default."""
        tokens = [t for t in self.select if t != "ALL"]
        return tuple(
            sorted(
                {
                    name
                    for code, (rule, name) in rule_index().items()
                    if any(t in (rule.slug, rule.kind, name) or code.startswith(t) for t in tokens)
                }
            )
        )


def _codes() -> list[str]:
    return list(rule_index())


@functools.cache
def _known_selectors() -> frozenset[str]:
    names = {"ALL", *CHECKS}
    for code, (rule, _) in rule_index().items():
        names.update((code, rule.slug, rule.kind))
    return frozenset(names)


@functools.lru_cache(maxsize=8)
def _checks_for(settings: Settings, named: tuple[str, ...] = ()) -> tuple[Check, ...]:
    return tuple(load_checks(settings, explicit=named))


@functools.lru_cache(maxsize=32)
def _active_checks(settings: Settings, selection: Selection) -> tuple[Check, ...]:
    """The loaded checks with at least one selected rule (worked out once per run)."""
    checks = _checks_for(settings, selection.named_checks())
    regex_programs.remember_startup()
    return tuple(c for c in checks if any(selection.wants(rule, c.name) for rule in c.rules))


def run_checks(doc: Document, settings: Settings, selection: Selection) -> list[Finding]:
    """All kept findings of the selected checks in ``doc``, sorted by position."""
    index = rule_index()
    findings: list[Finding] = []
    for check in _active_checks(settings, selection):
        findings.extend(
            f for f in check.run(doc) if selection.keeps(f, index[f.rule][0], check.name)
        )
    return _drop_inside_boilerplate(sorted(findings, key=lambda f: f.sort_key))


def _drop_inside_boilerplate(findings: list[Finding]) -> list[Finding]:
    """Findings of other kinds inside a boilerplate span go away with the boilerplate."""
    spans = [(f.start, f.end) for f in findings if f.kind == "boilerplate"]  # sorted by start
    if not spans:
        return findings
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))

    def inside(f: Finding) -> bool:
        last = bisect.bisect_right(starts, f.start) - 1
        return last >= 0 and reach[last] >= f.end

    return [f for f in findings if f.kind == "boilerplate" or not inside(f)]


def check(
    text: str,
    *,
    lang: str = "en",
    rules: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    min_confidence: float | None = None,
    settings: Settings | None = None,
    config: Config | None = None,
) -> list[Finding]:
    """Findings in ``text``; ``rules`` selects rules by code, prefix, slug, kind or check.

    ``config`` (``toolkit.config.discover`` or ``load_config``) runs the checks as
    ``mtkit check`` does under that file: its source language, gazetteers, house style, rule
    selection, minimum confidence and ignore file; the arguments given override it.
    """
    rules, ignore = tuple(rules or ()), tuple(ignore)
    if config is None:
        settings = settings or Settings(lang=lang)
        selection = Selection(rules, ignore, min_confidence or 0.0)
    else:
        settings = settings or replace(config.settings(), lang=lang)
        selection = config.selection(rules, ignore, config.confidence(min_confidence, 0.0))
    found = run_checks(Document(text, lang=settings.lang), settings, selection)
    return config.ignored.filter(found) if config else found


def check_chunks(
    chunks: Iterable[Chunk],
    settings: Settings,
    selection: Selection,
    source: str | None = None,
) -> Iterator[tuple[Chunk, list[Finding]]]:
    """Check each chunk of a long text; findings carry offsets and lines of the whole text.

    ``source`` (the text it was translated from) goes into every chunk's Document, so the
    bilingual checks run: give the whole text as one chunk then.
    """
    for chunk in chunks:
        doc = Document(chunk.text, lang=settings.lang, source=source)
        found = run_checks(doc, settings, selection)
        yield chunk, in_whole_text(found, chunk)


def check_file(
    path: str,
    settings: Settings,
    selection: Selection,
    encoding: str | None = None,
    source: str | None = None,
) -> Iterator[tuple[Chunk, list[Finding]]]:
    """Check a file (or ``-``, stdin) chunk by chunk, so memory stays flat on huge files.

    With a ``source`` text the file is read whole, for the bilingual checks to align it.
    """
    if source is None:
        chunks: Iterable[Chunk] = iter_chunks(path, encoding)
    else:
        chunks = [Chunk(read_text(path, encoding), 0, 0)]
    return check_chunks(chunks, settings, selection, source)


def in_whole_text(findings: list[Finding], chunk: Chunk) -> list[Finding]:
    """Findings of a chunk with the offsets and lines of the whole text."""
    if not (chunk.offset or chunk.lines_before):
        return findings
    return [
        replace(
            f,
            start=f.start + chunk.offset,
            end=f.end + chunk.offset,
            line=f.line + chunk.lines_before,
        )
        for f in findings
    ]


def signature(settings: Settings, selection: Selection) -> str:
    """What produced a report: mtkit and corpora versions, language and rule selection."""
    from toolkit.resources import corpus_path
    from toolkit.version import __version__

    corpora = corpus_path("VERSION").read_text(encoding="utf-8").strip()
    rules = ",".join(selection.select) or "ALL"
    if selection.ignore:
        rules += "-" + ",".join(selection.ignore)
    return (
        f"mtkit:{__version__}|corpora:{corpora}|lang:{settings.lang}"
        f"|src:{settings.source_lang or 'any'}|rules:{rules}"
        f"|minconf:{selection.min_confidence:g}|fast:{'yes' if settings.fast else 'no'}"
    )
