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


def test_startup_patterns_are_kept_and_put_into_re_cache_by_the_next_process(tmp_path) -> None:
    """A pattern compiled before the first document is checked is kept as a program, and the
    next process finds it in ``re``'s cache, built without parsing, matching as compiled."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "MTKIT_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(root)}
    source = r"(?P<who>Minister|Mayor)\s+of\s+(?:Lagos|Quito)"
    first = (
        "import re, toolkit\n"
        f"re.compile({source!r}, re.IGNORECASE)\n"
        "toolkit.regex_programs.remember_startup()\n"
    )
    second = (
        "import re, toolkit\n"
        f"kept = re._cache[str, {source!r}, int(re.IGNORECASE)]\n"
        "print(kept.search('the mayor of Quito said').group('who'), kept.flags & re.I > 0)\n"
    )
    for code in (first, second):
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["mayor", "True"]


def test_startup_patterns_are_the_same_in_every_process(tmp_path) -> None:
    """A pattern built from a set in hash order ("a|b" here, "b|a" in the next process) is new
    to every process, which then rebuilds every startup program (a fifth of a cold start)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = (
        "import re\n"
        "from toolkit.pipeline import Selection, _active_checks\n"
        "from toolkit.settings import Settings\n"
        "_active_checks(Settings(), Selection())\n"
        "print(sorted(repr(key) for key in re._cache))\n"
    )
    printed = []
    for seed in ("1", "2", "3"):  # the first fills the cache
        env = {**os.environ, "MTKIT_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(root)}
        env["PYTHONHASHSEED"] = seed
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        printed.append(done.stdout)
    assert printed[1] == printed[2]
