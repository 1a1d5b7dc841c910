"""Names an article capitalises in one place and writes lower-case in another:
`the Revolutionary Court ... the revolutionary court`, `the Constitutional Council ... the
constitutional council`.

Scripts without case (Arabic, Persian, Chinese, Urdu) leave MT to guess a body's capitals
sentence by sentence, so the same name comes out both ways in one article. The article's own
capitalised form is the evidence: a name is every run of two or more capitalised words in
running prose (connectors `of`, `and`, `for`, `the` inside); a lower-case repeat of the whole
run, or of a part of it that ends on a body's head noun (`court`, `council`, `agency`), is the
slip. Titles (`Prime Minister`) are capitalised only before a name, so runs ending on one are
not names, and a repeat after `a`/`an` is a description, not the name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from toolkit.checks.capitalisation.institutions import institution_roles
from toolkit.english import is_title_case
from toolkit.resources import corpus_path, iter_tsv

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_GAP = re.compile(r"[ \t]+\Z")
_CONNECTORS = frozenset({"of", "and", "for", "the"})
# After these the first word's capital is the sentence's or a heading's, not the name's.
_INITIAL_AFTER = "\n\"“‘'«([:—–-•|"
_INDEFINITE = re.compile(r"(?:^|\s)(?:a|an|one|any|every|each|another)[ \t]+\Z", re.IGNORECASE)
MIN_WORDS = 2
LOOKBEHIND = 12  # characters read before a lower-case repeat for an article


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(row["word"] for row in iter_tsv(corpus_path("english", "titles.tsv")))


def lowered_names(text: str, sentences: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, capitalised form) for each repeat, wholly or partly lower-case, of a name
    the same text capitalises elsewhere; ``sentences`` are the spans of its sentences."""
    names: dict[str, str] = {}
    written: Counter[str] = Counter()
    for start, end in sentences:
        if is_title_case(text[start:end]):
            continue
        for run in _capitalised_runs(text, start, end):
            for key, form in _keys(run):
                names.setdefault(key, form)
                written[key] += 1
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(re.escape(k).replace(r"\ ", r"[ \t]+") for k in sorted(names, key=len)[::-1])
        + r")(?![\w'’-])",
        re.IGNORECASE,
    )
    slips: dict[str, list[re.Match[str]]] = defaultdict(list)
    for match in pattern.finditer(text):
        words = match.group().split()
        if all(w[0].isupper() or w.lower() in _CONNECTORS for w in words):
            continue  # the name as written elsewhere (or in capitals)
        if not _INDEFINITE.search(text, max(0, match.start() - LOOKBEHIND), match.start()):
            slips[" ".join(words).lower()].append(match)
    for key, matches in slips.items():
        if len(matches) <= written[key]:  # more often lower-case: the writer's style
            for match in matches:
                yield match.start(), match.end(), names[key]


def _capitalised_runs(text: str, start: int, end: int) -> Iterator[list[str]]:
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        joined = run and _GAP.match(text, run[-1].end(), match.start())
        capitalised = word[0].isupper() and not word.isupper()
        if joined and (capitalised or word in _CONNECTORS):
            run.append(match)
            continue
        if run:
            yield from _trimmed(text, start, run)
        run = [match] if capitalised else []
    yield from _trimmed(text, start, run)


def _trimmed(text: str, sentence_start: int, run: list[re.Match[str]]) -> Iterator[list[str]]:
    if run:
        before = text[sentence_start : run[0].start()].rstrip(" \t")
        if not before or before[-1] in _INITIAL_AFTER:
            run = run[1:]  # its capital is the sentence's
    while run and run[0].group() in _CONNECTORS:
        run = run[1:]
    while run and run[-1].group() in _CONNECTORS:
        run = run[:-1]
    if sum(m.group() not in _CONNECTORS for m in run) >= MIN_WORDS:
        yield [m.group() for m in run]


def _keys(words: list[str]) -> Iterator[tuple[str, str]]:
    """(lower-case key, capitalised form) for the parts of a run that name a body: those
    ending on a head noun, starting at the run's start or on a listed modifier."""
    roles = institution_roles()
    for first in range(len(words) - 1):
        if first and roles.get(words[first].lower()) != "modifier":
            continue
        for last in range(first + 1, len(words)):
            part = words[first : last + 1]
            if roles.get(part[-1].lower()) != "head" or part[-1].lower() in _titles():
                continue
            if sum(w not in _CONNECTORS for w in part) >= MIN_WORDS:
                yield " ".join(part).lower(), " ".join(part)
