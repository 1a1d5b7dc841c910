"""ROUGE-1, ROUGE-2 and ROUGE-L (Lin, 2004) with a tokenizer that keeps every script.

rouge-score's default tokenizer keeps only [a-z0-9], so an Arabic or Chinese summary
scores zero. Here a token is a run of letters or digits in any script, case-folded, and
each character of an unspaced script (Chinese, Japanese, Thai) is a token of its own.
On ASCII text without stemming the scores equal rouge-score's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from toolkit.summarize.tokens import UNSPACED, normalise

_PIECE = re.compile(rf"[{UNSPACED}]|[^\W_{UNSPACED}]+")
METRICS = ("rouge1", "rouge2", "rougeL")


def rouge_tokens(text: str) -> list[str]:
    """Case-folded letter/digit runs in any script; unspaced scripts one character each."""
    return _PIECE.findall(normalise(text))


@dataclass(frozen=True, slots=True)
class RougeScore:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, hits: int, candidate: int, reference: int) -> RougeScore:
        precision = hits / candidate if candidate else 0.0
        recall = hits / reference if reference else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        return cls(precision, recall, f1)


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> RougeScore:
    """Clipped n-gram overlap of two token lists."""
    cand, ref = _ngrams(candidate, n), _ngrams(reference, n)
    hits = sum((cand & ref).values())
    return RougeScore.of(hits, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> RougeScore:
    """Summary-level ROUGE-L over the whole texts (rouge-score's "rougeL")."""
    return RougeScore.of(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(
    candidate: str, reference: str, tokenize: Callable[[str], list[str]] = rouge_tokens
) -> dict[str, RougeScore]:
    """ROUGE-1, -2 and -L of a candidate summary against one reference."""
    cand, ref = tokenize(candidate), tokenize(reference)
    return {
        "rouge1": rouge_n(cand, ref, 1),
        "rouge2": rouge_n(cand, ref, 2),
        "rougeL": rouge_l(cand, ref),
    }


def mean_f1(scores: Iterable[dict[str, RougeScore]]) -> dict[str, float]:
    """Mean F1 of each metric over many summaries, in percent."""
    items = list(scores)
    if not items:
        return dict.fromkeys(METRICS, 0.0)
    return {m: 100 * sum(s[m].f1 for s in items) / len(items) for m in METRICS}
