"""A noise model of what MT and transliteration do to a romanized name, for training and
evaluation (``benchmarks/bench_names.py``, ``tools/train_garbled.py``).

A garbled name has one error edit (a misread or dialect letter: j->y, kh->q, r<->l, n<->m,
b<->t, f->q, z->r, ...) and one more edit of any kind: another error, a variant spelling
(vowels, doubling, kh/h, article form), two words merged, the article dropped, or the name
lower-cased. Names are split into a training and an evaluation half by a stable hash.
"""

from __future__ import annotations

import hashlib
import random

from toolkit.names.normalize import loose_key


def held_out(name: str) -> bool:
    """Whether a name belongs to the evaluation half (stable across runs and machines)."""
    return hashlib.sha256(loose_key(name).encode()).digest()[0] % 2 == 1


ERROR_EDITS = [
    ("j", "y"), ("J", "Y"), ("kh", "q"), ("Kh", "Q"), ("r", "l"),
    ("l", "r"), ("n", "m"), ("m", "n"), ("b", "t"), ("t", "b"), ("f", "q"),
    ("Q", "G"), ("z", "r"), ("b", "n"), ("t", "n"),
]  # fmt: skip
VARIANT_EDITS = [
    ("al-", "el-"), ("al-", "al "), ("ou", "u"), ("u", "ou"), ("i", "ee"), ("a", "e"),
    ("kh", "h"), ("q", "k"), ("ss", "s"), ("s", "ss"), ("iya", "iyah"), ("ah", "a"),
    ("j", "g"), ("q", "g"), ("d", "dh"), ("h", "kh"), ("H", "Kh"), ("s", "z"),
]  # fmt: skip


def _apply(name: str, edits: list[tuple[str, str]], rng: random.Random) -> str | None:
    options = [(a, b) for a, b in edits if a in name]
    if not options:
        return None
    a, b = rng.choice(options)
    spots = [i for i in range(len(name)) if name.startswith(a, i)]
    i = rng.choice(spots)
    return name[:i] + b + name[i + len(a) :]


def garble(name: str, rng: random.Random) -> str | None:
    """One error edit plus one more edit of any kind (see the module docstring)."""
    out = _apply(name, ERROR_EDITS, rng)
    if out is None:
        return None
    second = rng.random()
    if second < 0.3:
        out = _apply(out, ERROR_EDITS, rng) or out
    elif second < 0.5:
        out = _apply(out, VARIANT_EDITS, rng) or out
    elif second < 0.65 and " " in out:
        out = out.replace(" ", "", 1)
    elif second < 0.75:
        out = out.replace("al-", "").replace("Al-", "").replace("al ", "") or out
    elif second < 0.85:
        out = out.lower()
    return out if loose_key(out) != loose_key(name) else None
