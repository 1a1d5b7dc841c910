"""Regexes rebuilt from a cached compiled program behave as re.compile's."""

from __future__ import annotations

import pickle
import re

import pytest

from toolkit.checks.calques import load_patterns
from toolkit.regex_programs import compiled, program

PATTERNS = [
    r"(?<![\w-])the\s+(?P<k>masses|cadres)(?=\s+of)",
    r"(?-i:[A-Z])[a-z]+\s+(?:Governorship|Valiliği)",
    r"yesterday,?\s+\(?(?P<day>Monday|Tuesday)\)?",
    r"İstanbul|ſcope|\bKELVIN\b",
]
TEXT = "The masses of Ankara Governorship said yesterday (Tuesday) in İstanbul: the cadres of"


@pytest.mark.parametrize("source", PATTERNS)
def test_a_program_survives_pickling_and_matches_as_re_compile(source: str) -> None:
    built = pickle.loads(pickle.dumps(program(source, re.IGNORECASE)))
    ours, theirs = compiled(source, re.IGNORECASE, built), re.compile(source, re.IGNORECASE)
    assert ours.pattern == theirs.pattern and ours.flags == theirs.flags
    assert ours.groupindex == theirs.groupindex
    assert [m.span() for m in ours.finditer(TEXT)] == [m.span() for m in theirs.finditer(TEXT)]


def test_a_program_of_another_python_or_none_falls_back_to_compiling() -> None:
    built = program(PATTERNS[0], re.IGNORECASE)
    foreign = (("cpython", (2, 7, 0), 0), *built[1:])
    for other in (None, foreign):
        assert compiled(PATTERNS[0], re.IGNORECASE, other).search("the masses of")


def test_every_lexicon_row_has_a_program() -> None:
    assert all(entry.program is not None for entry in load_patterns())
