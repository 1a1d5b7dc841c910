"""Required literals of a regex: a fast substring test that skips patterns which cannot match.

``required_literals`` reads a pattern's parse tree and returns sets of words: every match
(with the lookarounds it needs) contains a word of each set. A case-insensitive pattern
cannot match a text whose ``folded`` form lacks one of the sets, so a check can skip that
regex pass (``may_match``). ``folded`` refuses texts where lower-casing differs from how ``re``
compares letters case-insensitively (İ ı ſ K), keeping the test exact. ``Scanner`` finds which
of many patterns' literals a text holds in one regex pass, for ``holds``. ``leading_literals``
gives the strings a match starts with, so a pattern need only be tried where one occurs
(``occurrences``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre  # the parse tree's opcodes
from re import _parser as sre_parse

from toolkit.regex_trie import trie

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


def leading_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match starts with (None when unknown): a
    match can start only where the ``folded`` text holds one of them."""
    try:
        tree = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    starts, _ = _match_starts(list(tree))
    if not starts or not all(starts) or not all(s.isascii() for s in starts):
        return None
    return frozenset(starts)


_MOST_STARTS = 64  # beyond this many alternative starts, a shorter prefix does


def _match_starts(items: list) -> tuple[set[str], bool]:
    """The strings every match of the sequence starts with, and whether each is the whole
    match (so that what follows the sequence may extend it)."""
    starts = {""}
    for number, (op, value) in enumerate(items):
        if op is sre.LITERAL:
            starts = {s + chr(value).lower() for s in starts}
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero-width: the match goes on at the same place
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            inner, whole = _match_starts(list(value[-1]))
        elif op is sre.BRANCH:
            branches = [_match_starts(list(branch)) for branch in value[1]]
            inner = set().union(*(b for b, _ in branches))
            whole = all(w for _, w in branches)
        elif op in _REPEATS and value[0] >= 1:
            inner, whole = _match_starts(list(value[2]))[0], False
        elif op in _REPEATS:  # optional: a match starts with it or with what follows
            rest, _ = _match_starts(items[number + 1 :])
            inner, whole = _match_starts(list(value[2]))[0] | rest, False
        else:
            return starts, False
        joined = {s + i for s in starts for i in inner}
        if len(joined) > _MOST_STARTS:
            return starts, False
        starts = joined
        if not whole:
            return starts, False
    return starts, True


def occurrences(text: str, strings: frozenset[str], start: int, end: int) -> list[int]:
    """The sorted offsets in ``text[start:end]`` where one of ``strings`` occurs whole."""
    found = set()
    for string in strings:
        at = text.find(string, start, end)
        while at >= 0:
            found.add(at)
            at = text.find(string, at + 1, end)
    return sorted(found)


def _selective(word: str) -> bool:
    """Worth a substring test: three characters, or two with punctuation ("m.")."""
    return len(word) >= 3 or (len(word) == 2 and not word.isalnum() and not word.isspace())


def may_match(literals: tuple[frozenset[str], ...], text: str | None) -> bool:
    """False only when ``text`` (``folded``) lacks one of the required sets."""
    return text is None or all(any(word in text for word in words) for words in literals)


def scanner_source(words: Iterable[str]) -> str:
    """A regex whose ``findall`` gives, at each place of a text where one of ``words`` starts,
    the longest one starting there (a trie of the words, in a lookahead)."""
    return f"(?=({trie(words)}))"


class Scanner:
    """Which of a set of literals a ``folded`` text contains, in one pass of ``regex`` (built
    from ``scanner_source(words)``)."""

    def __init__(self, regex: re.Pattern[str], words: frozenset[str]) -> None:
        self.regex = regex
        self.words = words
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def present(self, text: str | None) -> frozenset[str] | None:
        """The words in ``text`` (None, for a text ``folded`` refused: any may be there)."""
        if text is None:
            return None
        found: set[str] = set()
        for longest in set(self.regex.findall(text)):
            prefixes = self._prefixes.get(longest)
            if prefixes is None:  # the shorter words starting at the same place
                words = self.words
                prefixes = tuple(longest[:n] for n in range(1, len(longest) + 1))
                prefixes = self._prefixes[longest] = tuple(w for w in prefixes if w in words)
            found.update(prefixes)
        return frozenset(found)


def holds(literals: tuple[frozenset[str], ...], present: frozenset[str] | None) -> bool:
    """``may_match`` from a text's ``Scanner.present`` words."""
    return present is None or all(not words.isdisjoint(present) for words in literals)


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
