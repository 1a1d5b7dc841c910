"""Names of state bodies half capitalised (`the Central bank`, `the constitutional Council`,
`the palace of Justice`) or not at all (`the ministry of planning`).

French, Russian and Turkish capitalise only the first word of a body's name (`Cour
constitutionnelle`, `Центральный банк`), and scripts without case leave MT to guess. A run of
institution words (corpora/english/institution_words.tsv) holding a head noun and written in
mixed case is such a name: English capitalises all of it, or (as a description) none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.resources import corpus_path, iter_tsv

_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*(?![\w'’])")
_GAP = re.compile(r"[ \t]+\Z")
_CONNECTORS = frozenset({"and", "of"})
# After these the first word's capital is the sentence's or a heading's, not the name's.
_INITIAL_AFTER = "\n\"“‘'«([:—–-"


@functools.cache
def institution_roles() -> dict[str, str]:
    """Word -> role (head or modifier) of corpora/english/institution_words.tsv."""
    return {
        row["word"]: row["role"]
        for row in iter_tsv(corpus_path("english", "institution_words.tsv"))
    }


def mixed_case_names(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, corrected) for each half-capitalised body name in text[start:end] (one
    sentence): a run of listed words with a head, some capitalised and some not."""
    run: list[re.Match[str]] = []
    roles = institution_roles()
    for match in _TOKEN.finditer(text, start, end):
        word = match.group().lower()
        if word in roles or (word in _CONNECTORS and run):
            if run and not _GAP.match(text, run[-1].end(), match.start()):
                yield from _judged(text, start, run)
                run = []
            run.append(match)
        elif run:
            yield from _judged(text, start, run)
            run = []
    yield from _judged(text, start, run)


def _judged(text: str, sentence_start: int, run: list[re.Match[str]]) -> Iterator[tuple]:
    while run and run[-1].group().lower() in _CONNECTORS:
        run = run[:-1]
    words = [m for m in run if m.group().lower() not in _CONNECTORS]
    if len(words) < 2 or not any(institution_roles()[m.group().lower()] == "head" for m in words):
        return
    if any(m.group().isupper() for m in words):
        return  # an acronym: a heading or a code
    first = words[0]
    before = text[sentence_start : first.start()].rstrip(" \t")
    initial = not before or before[-1] in _INITIAL_AFTER
    informative = words[1:] if initial and first.group()[0].isupper() else words
    if len({m.group()[0].isupper() for m in informative}) < 2:
        return  # one case throughout (a first word's capital says nothing)
    corrected = text[run[0].start() : run[-1].end()]
    for m in reversed(words):
        offset = m.start() - run[0].start()
        corrected = corrected[:offset] + m.group()[0].upper() + corrected[offset + 1 :]
    yield run[0].start(), run[-1].end(), corrected


@functools.cache
def _lower_case_name() -> re.Pattern[str]:
    """ "the HEAD of (the) DOMAIN (and DOMAIN) (DOMAIN)", all lower-case."""
    roles = institution_roles()
    heads = "|".join(w for w, role in roles.items() if role == "head")
    domain = "|".join(w for w, role in roles.items() if role == "modifier")
    return re.compile(
        rf"(?<![\w-])[Tt]he\s+(?P<name>(?:{heads})\s+of\s+(?:the\s+)?(?:{domain})"
        rf"(?:\s+and\s+(?:{domain}))?(?:\s+(?:{domain})){{0,2}})(?![\w-])"
    )


def lower_case_bodies(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, corrected) for each body's name written all in lower case after "the"
    in text[start:end]: "the ministry of planning" -> "Ministry of Planning"."""
    for match in _lower_case_name().finditer(text, start, end):
        name = match.group("name")
        corrected = " ".join(
            w if w in _CONNECTORS or w == "the" else w[0].upper() + w[1:] for w in name.split()
        )
        yield match.start("name"), match.end("name"), corrected
