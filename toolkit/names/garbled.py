"""How likely a name word is an MT garbling rather than a real romanized name.

A logistic regression over the word's letter n-grams (2 to 4 letters, word edges marked
^ and $), its sound n-grams (``normalize.phonemes``, 2 and 3 symbols) and its rarity in
English, fitted by ``python tools/train_garbled.py``
on gazetteer names, transliteration pairs and rare English words against the same names
garbled by ``noise.garble``. Weights: corpora/names/garbled_words.tsv.
"""

from __future__ import annotations

import functools
import math

from toolkit.errors import ModelError
from toolkit.names.frequency import zipf
from toolkit.names.normalize import phonemes, tokens
from toolkit.resources import corpus_path

_RARITY = ((1.0, "(zipf<1)"), (2.0, "(zipf<2)"), (3.0, "(zipf<3)"))


def features(word: str, frequency: float) -> list[str]:
    """The model's features of a folded word and its Zipf frequency."""
    padded = f"^{word}$"
    grams = [padded[i : i + n] for n in (2, 3, 4) for i in range(len(padded) - n + 1)]
    rarity = next((name for limit, name in _RARITY if frequency < limit), "(common)")
    sound = f"^{phonemes(word)}$"
    sounds = ["~" + sound[i : i + n] for n in (2, 3) for i in range(len(sound) - n + 1)]
    return [*grams, *sounds, rarity]


@functools.cache
def _weights() -> dict[str, float]:
    """feature -> weight (fitted weights, no provenance tags: plain lines, not a TSV reader;
    18,000 rows load in 10 ms)."""
    text = corpus_path("names", "garbled_words.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and line[0] != "#"]
    if rows[0] != "feature\tweight":
        raise ModelError("corpora/names/garbled_words.tsv: unexpected header")
    return {feature: float(weight) for feature, weight in (row.split("\t") for row in rows[1:])}


@functools.lru_cache(maxsize=16384)
def word_probability(word: str) -> float:
    """Probability that a folded name word is garbled."""
    weights = _weights()
    logit = weights.get("(bias)", 0.0)
    logit += sum(weights.get(f, 0.0) for f in features(word, zipf(word)))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))


def garbled_probability(name: str) -> float:
    """The highest probability among the name's words of three letters or more."""
    words = [t for t in tokens(name) if len(t) >= 3 and t.isalpha()]
    return max(map(word_probability, words), default=0.0)


@functools.cache
def given_names() -> frozenset[str]:
    """Lower-case given names of many languages (corpora/animacy/given_names_namdict.tsv):
    a run that starts with one is a person's full name."""
    text = corpus_path("animacy", "given_names_namdict.tsv").read_text(encoding="utf-8")
    return frozenset(
        line.split("\t", 1)[0].lower() for line in text.splitlines() if line and line[0] != "#"
    )
