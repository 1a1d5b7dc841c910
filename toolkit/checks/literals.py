"""Required literals of a regex: a fast substring test that skips patterns which cannot match.

``required_literals`` reads a pattern's parse tree and returns sets of words: every match
(with the lookarounds it needs) contains a word of each set. A case-insensitive pattern
cannot match a text whose ``folded`` form lacks one of the sets, so a check can skip that
regex pass (``may_match``). ``folded`` refuses texts where lower-casing differs from how ``re``
compares letters case-insensitively (İ ı ſ K), keeping the test exact.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parse tree's opcodes
from re import _parser as sre_parse

_UNLIKE_RE_CASE = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def folded(text: str) -> str | None:
    """``text`` lower-cased for the literal test, or None when the test would be inexact."""
    if not text.isascii() and _UNLIKE_RE_CASE.search(text):
        return None
    return text.lower()


def required_literals(
    pattern: str, flags: int = re.IGNORECASE, most: int = 3
) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings: every match contains one string of each set (at most
    ``most`` sets, the most selective first; none when nothing is known)."""
    try:
        tree = sre_parse.parse(pattern, flags)
    except re.error:
        return ()
    options = [s for s in _sequence(list(tree)) if all(map(_selective, s))]
    options.sort(key=lambda s: (-min(map(len, s)), len(s)))
    return tuple(frozenset(s) for s in options[:most])


def _selective(word: str) -> bool:
    """Worth a substring test: three characters, or two with punctuation ("m.")."""
    return len(word) >= 3 or (len(word) == 2 and not word.isalnum() and not word.isspace())


def may_match(literals: tuple[frozenset[str], ...], text: str | None) -> bool:
    """False only when ``text`` (``folded``) lacks one of the required sets."""
    return text is None or all(any(word in text for word in words) for words in literals)


def _best(options: list[set[str]]) -> set[str] | None:
    """The most selective alternative: the set whose shortest literal is longest."""
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _sequence(items: list) -> list[set[str]]:
    """Each a set of literals one of which every match of the sequence contains."""
    options: list[set[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append({"".join(run).lower()})
            run.clear()

    prefix = ""
    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        prefix = "".join(run)
        close_run()
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP or op is sre.ASSERT:
            options.extend(_sequence(list(value[-1])))
        elif op in _REPEATS and value[0] >= 1:
            options.extend(_sequence(list(value[2])))
        elif op is sre.BRANCH:
            alternatives = [_best(_sequence(list(branch))) for branch in value[1]]
            if all(alternatives):
                options.append(set().union(*alternatives))
            if prefix:  # the parser moved the common start out of the alternatives ("M(?:me|lle)")
                options.append({(prefix + _leading(list(branch))).lower() for branch in value[1]})
        prefix = ""
    close_run()
    return options


def _leading(items: list) -> str:
    """The literal text every match of the sequence starts with."""
    text = []
    for op, value in items:
        if op is not sre.LITERAL:
            break
        text.append(chr(value))
    return "".join(text)
