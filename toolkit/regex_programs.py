"""Regexes rebuilt from their compiled program, which a disk cache can keep.

Parsing and compiling a long pattern (a lexicon row with its macros expanded) takes
milliseconds; hundreds of them dominate a cold start. ``program`` gives what ``re`` builds for
a pattern as plain data, ``compiled`` turns it back into a pattern object without parsing.
A program carries the version of Python's regex engine it was made by; another version (or a
Python whose ``re`` internals differ) falls back to ``re.compile``.
"""

from __future__ import annotations

import re
import sys
from array import array
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation of re: compile normally
    _sre = None

_TAG = (sys.implementation.name, sys.version_info[:3], getattr(_sre, "MAGIC", None))
_CODE = "I"  # the engine's code words are 32-bit (_sre.CODESIZE 4)

Program = tuple  # (tag, flags, code, groups, groupindex, indexgroup)


def program(source: str, flags: int = 0) -> Program | None:
    """The compiled program of ``source`` as plain data, or None where it cannot be had."""
    if _sre is None or array(_CODE).itemsize != _sre.CODESIZE:
        return None
    try:
        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            _TAG,
            int(flags | parsed.state.flags),
            array(_CODE, code).tobytes(),  # compact, and loads fast
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:
        return None


def compiled(source: str, flags: int = 0, built: Program | None = None) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from its program when one made by this Python is given."""
    if built is not None and built[0] == _TAG:
        try:
            code = array(_CODE)
            code.frombytes(built[2])
            return _sre.compile(source, built[1], code.tolist(), *built[3:])
        except Exception:
            pass
    return re.compile(source, flags)


# Patterns compiled while mtkit starts (module constants of every check: about 300, a tenth of
# a cold start), kept in the disk cache as programs and put into ``re``'s own cache before
# the modules compile them, so that ``re.compile`` finds them built.
_STARTUP = "regex-startup"
_LONGEST = 100_000  # characters of a pattern worth keeping
_PRELOADED: set[tuple[str, int]] = set()  # the patterns kept, as (source, flags)


def _re_cache() -> dict | None:
    cache = getattr(re, "_cache", None)
    return cache if _sre is not None and isinstance(cache, dict) else None


def preload() -> None:
    """Put the startup patterns an earlier run kept (``remember_startup``) into ``re``'s
    cache, rebuilt from their programs without parsing; a program another Python made is
    left out."""
    from toolkit.cache import stored

    cache = _re_cache()
    if cache is None or _PRELOADED:
        return
    programs = stored(_STARTUP, [Path(__file__)])
    if not isinstance(programs, dict):
        return
    room = max(0, getattr(re, "_MAXCACHE", 512) - len(cache) - 100)
    for (source, flags), built in programs.items():
        if built is None or built[0] != _TAG:
            continue  # another Python's: compiled anew, then kept for this one
        _PRELOADED.add((source, flags))
        if room and (str, source, flags) not in cache:
            cache[str, source, flags] = compiled(source, flags, built)
            room -= 1


def remember_startup() -> None:
    """Keep the programs of the patterns compiled so far (before the first document is
    checked) when they are not those ``preload`` found: once after mtkit changes."""
    from toolkit.cache import store

    cache = _re_cache()
    if cache is None:
        return
    keys = [
        (source, flags)
        for kind, source, flags in list(cache)
        if kind is str and not flags & re.DEBUG and len(source) <= _LONGEST
    ]
    if set(keys) <= _PRELOADED:
        return
    _PRELOADED.update(keys)
    store(_STARTUP, [Path(__file__)], {key: program(*key) for key in keys})
