"""Fit the boilerplate line classifier: ``python tools/train_boilerplate.py``.

A logistic regression over toolkit/checks/boilerplate/features.FEATURES, trained on the
labelled web-page lines of ../shared/data/boilerplate_lines_dev.jsonl (body=0 is
boilerplate). Prints 5-fold cross-validated precision/recall (folds are whole pages) and
writes the weights fitted on all pages to corpora/boilerplate/line_weights.tsv.
"""

from __future__ import annotations

import json
import random

import numpy as np

from toolkit.checks.boilerplate.features import FEATURES, describe, feature_vectors
from tools.shared_data import DATA as SHARED_DATA
from tools.shared_data import ROOT, require

DATA = SHARED_DATA / "boilerplate_lines_dev.jsonl"
OUT = ROOT / "corpora" / "boilerplate" / "line_weights.tsv"
L2 = 1.0


def load_pages() -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, is_boilerplate) per page."""
    require(DATA)
    pages = []
    for line in DATA.open(encoding="utf-8"):
        page = json.loads(line)
        infos = [describe(item["text"]) for item in page["lines"]]
        x = np.array(feature_vectors(infos))
        y = np.array([1.0 - item["body"] for item in page["lines"]])
        pages.append((x, y))
    return pages


def fit(x: np.ndarray, y: np.ndarray, steps: int = 25) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = L2 * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, grad)
    return w


def cross_validate(pages: list, folds: int = 5, threshold: float = 0.5) -> str:
    order = list(range(len(pages)))
    random.Random(0).shuffle(order)
    tp = fp = fn = 0
    for k in range(folds):
        test = set(order[k::folds])
        x = np.vstack([pages[i][0] for i in order if i not in test])
        y = np.concatenate([pages[i][1] for i in order if i not in test])
        w = fit(x, y)
        for i in test:
            predicted = 1 / (1 + np.exp(-pages[i][0] @ w)) >= threshold
            truth = pages[i][1] == 1
            tp += int(np.sum(predicted & truth))
            fp += int(np.sum(predicted & ~truth))
            fn += int(np.sum(~predicted & truth))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return f"{folds}-fold CV by page: P={precision:.3f} R={recall:.3f} F1={f1:.3f}"


def main() -> None:
    pages = load_pages()
    print(cross_validate(pages))
    w = fit(np.vstack([p[0] for p in pages]), np.concatenate([p[1] for p in pages]))
    rows = "".join(f"{name}\t{value:.4f}\n" for name, value in zip(FEATURES, w, strict=True))
    OUT.write_text(
        "# Logistic-regression weights of the boilerplate line classifier.\n"
        "# Written by tools/train_boilerplate.py from\n"
        "# ../shared/data/boilerplate_lines_dev.jsonl (120 labelled web pages).\n"
        "feature\tweight\n" + rows,
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
