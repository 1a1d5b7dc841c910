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
