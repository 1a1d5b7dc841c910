"""Fit the garbled-word model: corpora/names/garbled_words.tsv.

    python tools/train_garbled.py [TRANSLIT_TSV] [OUTPUT]

A logistic regression over letter n-grams (2 to 4 letters, word edges marked), sound
n-grams and word rarity (``garbled.features``) tells a romanized name word that MT
garbled from a real one. Real words: every word of the gazetteer's names (curated and
GeoNames, canonical and Latin variants: Arabic, Persian, Turkish and Kurdish
romanizations and exonyms), the English side of the transliteration pairs' train split
(``../shared/data/translit_ar_en_dev.tsv``: names of every origin), and rare English
words (wordfreq Zipf 1.5 to 3.5). Garbled words: the words ``noise.garble`` changes in the
same gazetteer names, ten draws each. Names of the evaluation half (``noise.held_out``)
are left out, so the benchmark scores unseen names. The output is byte-identical between runs.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from toolkit.names.frequency import table_items, zipf
from toolkit.names.garbled import features
from toolkit.names.gazetteer import builtin_entries
from toolkit.names.normalize import tokens
from tools.noise import garble, held_out
from tools.shared_data import DATA, ROOT

DEFAULT_INPUT = DATA / "translit_ar_en_dev.tsv"
DEFAULT_OUTPUT = ROOT / "corpora" / "names" / "garbled_words.tsv"
MIN_WEIGHT = 0.05  # smaller n-gram weights are dropped from the file
L2 = 3e-4
EPOCHS = 400


def _words(name: str) -> set[str]:
    return {t for t in tokens(name) if len(t) >= 3 and t.isalpha()}


def examples(translit: Path, rng: random.Random) -> list[tuple[str, int]]:
    """(word, 1 if garbled) pairs for training, without the evaluation half's names."""
    real: set[str] = set()
    garbled: set[str] = set()
    for entry in builtin_entries():
        if held_out(entry.canonical):
            continue
        names = [n for n in entry.names if n.isascii()]
        for name in names:
            real |= _words(name)
        for _ in range(10):
            out = garble(entry.canonical, rng)
            if out is not None:
                garbled |= _words(out) - _words(entry.canonical)
    with translit.open(encoding="utf-8") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for _, english, split in rows:
            if split.endswith("train") and not held_out(english):
                real |= _words(english)
    rare = sorted(w for w, z in table_items() if 1.5 <= z <= 3.5 and w.isalpha() and len(w) >= 3)
    real |= set(rng.sample(rare, 6000))
    garbled -= real
    return sorted([(w, 0) for w in real] + [(w, 1) for w in garbled])


def fit(data: list[tuple[str, int]]) -> dict[str, float]:
    """Feature weights of an L2-regularised logistic regression (full-batch gradient descent,
    classes weighted equally)."""
    import numpy as np

    names: dict[str, int] = {}
    rows = [[names.setdefault(f, len(names)) for f in features(w, zipf(w))] for w, _ in data]
    lengths = np.array([len(r) for r in rows])
    columns = np.concatenate([np.array(r, dtype=np.int64) for r in rows])
    row_of = np.repeat(np.arange(len(rows)), lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    y = np.array([label for _, label in data], dtype=np.float64)
    weight_of = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w = np.zeros(len(names))
    bias = 0.0
    squared = np.zeros(len(names))  # Adagrad
    for _ in range(EPOCHS):
        logits = np.add.reduceat(w[columns], starts) + bias
        error = (1 / (1 + np.exp(-logits)) - y) * weight_of / len(y)
        gradient = np.bincount(columns, weights=error[row_of], minlength=len(names)) + L2 * w
        squared += gradient**2
        w -= 0.5 * gradient / (np.sqrt(squared) + 1e-8)
        bias -= 0.5 * error.sum()
    out = {"(bias)": round(float(bias), 4)}
    for feature, index in sorted(names.items()):
        if abs(w[index]) >= MIN_WEIGHT or feature.startswith("("):
            out[feature] = round(float(w[index]), 4)
    return out


def main(args: list[str]) -> None:
    source = Path(args[0]) if args else DEFAULT_INPUT
    output = Path(args[1]) if len(args) > 1 else DEFAULT_OUTPUT
    if not source.is_file():
        sys.exit(f"transliteration pairs not found: {source}")
    data = examples(source, random.Random(11))
    weights = fit(data)
    lines = [
        "# Garbled-word model (python tools/train_garbled.py); see corpora/README.md",
        "feature\tweight",
        *(f"{f}\t{w}" for f, w in weights.items()),
    ]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    garbled = sum(label for _, label in data)
    sys.stderr.write(f"{len(data)} words ({garbled} garbled), {len(weights)} weights -> {output}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
