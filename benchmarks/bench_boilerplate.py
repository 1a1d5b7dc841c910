"""Boilerplate detection: line-level precision/recall on labelled web pages, false alarms on
clean news text, and speed. ``python benchmarks/run.py boilerplate``.

Reads ../shared/data (boilerplate_lines_dev.jsonl, bbc_summ_dev.jsonl, ntrex_en_ar.tsv).
The page lines are joined into one text and run through BoilerplateCheck; a line counts as
detected when a finding covers it. The learned classifier is scored twice: with the shipped
weights (fitted on these same pages) and with 5-fold weights refitted without each page.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import random
import statistics
import time
from collections.abc import Callable

from toolkit.checks.boilerplate import BoilerplateCheck, classify
from toolkit.checks.boilerplate.features import describe, feature_vectors
from toolkit.document import Document
from tools.shared_data import DATA, ROOT, require

Page = dict
Predictor = Callable[[Page], list[bool]]


def _pages() -> list[Page]:
    with require(DATA / "boilerplate_lines_dev.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _check_rules(page: Page) -> list[str]:
    """Per line, the rule code the full check flags it with ("" when not flagged)."""
    texts = [item["text"] for item in page["lines"]]
    doc = Document("\n".join(texts) + "\n")
    rules = [""] * len(texts)
    for finding in BoilerplateCheck().run(doc):
        rules[finding.line - 1] = finding.rule
    return rules


def _check_predictor(page: Page) -> list[bool]:
    return [bool(rule) for rule in _check_rules(page)]


def _by_rule(pages: list[Page]) -> list[str]:
    counts: dict[str, list[int]] = {}
    for page in pages:
        for rule, item in zip(_check_rules(page), page["lines"], strict=True):
            if rule:
                counts.setdefault(rule, [0, 0])[item["body"]] += 1
    return [
        f"| {rule} | {right + wrong} | {right / (right + wrong):.3f} |"
        for rule, (right, wrong) in sorted(counts.items())
    ]


def _worst(pages: list[Page], scores: list[float], folds: dict[str, list[bool]]) -> list[str]:
    rows = []
    for score, page in sorted(zip(scores, pages, strict=True), key=lambda pair: pair[0])[:5]:
        body = [item["body"] for item in page["lines"]]
        flagged = folds[page["id"]]
        wrong = sum(f and b for f, b in zip(flagged, body, strict=True))
        missed = sum(not f and not b for f, b in zip(flagged, body, strict=True))
        host = page["url"].split("/")[2]
        rows.append(f"| {host} | {len(body)} | {sum(body)} | {score:.3f} | {wrong} | {missed} |")
    return rows


def _pattern_predictor(page: Page) -> list[bool]:
    return [(i := describe(item["text"])).chrome or i.list_header for item in page["lines"]]


def _short_predictor(page: Page) -> list[bool]:
    return [not describe(item["text"]).prose for item in page["lines"]]


def _all_predictor(page: Page) -> list[bool]:
    return [True] * len(page["lines"])


def _cross_validated(pages: list[Page], folds: int = 5) -> dict[str, list[bool]]:
    """Per page id, the check's verdicts with weights fitted on the other folds."""
    spec = importlib.util.spec_from_file_location("train", ROOT / "tools" / "train_boilerplate.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    import numpy as np

    infos = {p["id"]: [describe(item["text"]) for item in p["lines"]] for p in pages}
    xs = {pid: np.array(feature_vectors(i)) for pid, i in infos.items()}
    ys = {p["id"]: np.array([1.0 - item["body"] for item in p["lines"]]) for p in pages}
    order = [p["id"] for p in pages]
    random.Random(0).shuffle(order)
    verdicts = {}
    for k in range(folds):
        test = set(order[k::folds])
        train_ids = [pid for pid in order if pid not in test]
        w = train.fit(
            np.vstack([xs[i] for i in train_ids]), np.concatenate([ys[i] for i in train_ids])
        )
        for pid in test:
            verdicts[pid] = [v is not None for v in classify(infos[pid], tuple(w))]
    return verdicts


def _score(pages: list[Page], predict: Predictor) -> tuple[str, list[float]]:
    tp = fp = fn = 0
    per_page = []
    for page in pages:
        flags = predict(page)
        truth = [item["body"] == 0 for item in page["lines"]]
        a = sum(f and t for f, t in zip(flags, truth, strict=True))
        b = sum(f and not t for f, t in zip(flags, truth, strict=True))
        c = sum(t and not f for f, t in zip(flags, truth, strict=True))
        tp, fp, fn = tp + a, fp + b, fn + c
        per_page.append(2 * a / (2 * a + b + c) if a + b + c else 1.0)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    body = sum(item["body"] for page in pages for item in page["lines"])
    row = (
        f"{p:.3f} | {r:.3f} | {2 * p * r / max(1e-9, p + r):.3f} | {fp} of {body} ({fp / body:.1%})"
    )
    return row, per_page


def _clean_text_alarms() -> list[str]:
    check = BoilerplateCheck()
    rows = []
    with require(DATA / "bbc_summ_dev.jsonl").open(encoding="utf-8") as handle:
        articles = [json.loads(line)["article"] for line in handle]
    docs = [Document(a) for a in articles]
    found = sum(len(check.run(d)) for d in docs)
    sentences = sum(len(d.sentences) for d in docs)
    rows.append(
        f"| BBC articles ({len(docs)}, one document each) | {sentences} | {found} | "
        f"{1000 * found / sentences:.2f} |"
    )
    with require(DATA / "ntrex_en_ar.tsv").open(encoding="utf-8", newline="") as handle:
        english = [r[0] for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)][1:]
    for size in (1, 10, 50, len(english)):
        chunks = [english[k : k + size] for k in range(0, len(english), size)]
        found = sum(len(check.run(Document("\n".join(c) + "\n"))) for c in chunks)
        rows.append(
            f"| NTREX English, documents of {size} lines | {len(english)} | {found} | "
            f"{1000 * found / len(english):.2f} |"
        )
    return rows


def main() -> str:
    pages = _pages()
    lines = sum(len(p["lines"]) for p in pages)
    started = time.perf_counter()
    check_row, _ = _score(pages, _check_predictor)
    speed = lines / (time.perf_counter() - started)
    folds = _cross_validated(pages)
    cv_row, cv_pages = _score(pages, lambda p: folds[p["id"]])
    table = [
        ("flag every line (trivial)", _all_predictor),
        ("lines that are not prose sentences", _short_predictor),
        ("chrome patterns only (BP101 lexicon)", _pattern_predictor),
    ]
    out = [
        "## boilerplate",
        "",
        f"Line-level detection of boilerplate (body=0) on `boilerplate_lines_dev.jsonl`: "
        f"{len(pages)} pages, {lines} lines. FP = article-body lines flagged.",
        "",
        "| method | precision | recall | F1 | FP (body lines flagged) |",
        "|---|---|---|---|---|",
    ]
    out += [f"| {name} | {_score(pages, predict)[0]} |" for name, predict in table]
    out += [
        f"| **mtkit boilerplate check**, weights 5-fold cross-validated by page | {cv_row} |",
        f"| mtkit boilerplate check, shipped weights (fitted on these pages) | {check_row} |",
        "",
        "Per-page F1 of the cross-validated check: "
        f"median {statistics.median(cv_pages):.3f}, lowest quartile "
        f"{statistics.quantiles(cv_pages, n=4)[0]:.3f}, minimum {min(cv_pages):.3f}; "
        f"{sum(f < 0.8 for f in cv_pages)} of {len(pages)} pages below 0.8. The five lowest:",
        "",
        "| site | lines | body lines | F1 | body lines flagged | boilerplate missed |",
        "|---|---|---|---|---|---|",
        *_worst(pages, cv_pages, folds),
        "",
        "Flagged lines by rule (shipped weights) and the share that are boilerplate:",
        "",
        "| rule | lines flagged | precision |",
        "|---|---|---|",
        *_by_rule(pages),
        "",
        "False alarms on clean human text (every finding there is a false positive):",
        "",
        "| text | sentences | findings | per 1,000 sentences |",
        "|---|---|---|---|",
        *_clean_text_alarms(),
        "",
        f"Speed: {speed:,.0f} lines per second (one core, full check).",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    print(main())
