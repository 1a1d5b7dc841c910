"""Number calques, agreement and grammar calques (NU, AG, GR rules): dev recall and
fix-correct, clean-text findings, and the precision of their safe fixes.

A fix is marked safe only where its measured precision is at least 0.95 on the dev set and on
clean text. Dev: every NU/AG/GR finding of ``mtkit check`` on ``shared/data/mtnews_dev`` and
the in-repo ``benchmarks/data/mtnews_dev2`` and ``mtnews_dev3`` is
correct when it overlaps a gold span and its first suggestion turns the span into a gold fix
(the shared scorer's test) or is part of one (a partial repair: "19,000" for "1.9 ten
thousand columns" -> "19,000 trips"), wrong otherwise. Clean text (BBC, NTREX English, WMT22 zh-en
references; the corpora of bench_precision.py) has no gold: a finding is correct only when a
reader recorded it as a writer slip whose suggestion is right
(benchmarks/precision_reviewed_numbers.tsv, precision_reviewed_grammar.tsv); every other
finding counts as a wrong fix.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import time
from pathlib import Path

import bench_precision

from toolkit.checks import load_checks
from toolkit.document import Document
from toolkit.settings import Settings
from tools.shared_data import DATA, require

DEV = DATA / "mtnews_dev"
DEVS = [DEV, *(Path(__file__).parent / "data" / name for name in ("mtnews_dev2", "mtnews_dev3"))]
SCORER = DATA.parent / "tools" / "score_articles.py"
CHECKS = ["numbers", "agreement", "grammar"]


def _fix_ok():
    """The shared scorer's fix-correct test."""
    spec = importlib.util.spec_from_file_location("score_articles", require(SCORER))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.fix_ok


def dev_verdicts(checks: list) -> list[tuple[str, bool, bool, bool]]:
    """(rule, safe, on a gold span, fix correct) for every finding on the dev articles."""
    rows = []
    for folder in DEVS:
        rows += _set_verdicts(checks, folder)
    return rows


def _set_verdicts(checks: list, folder: Path) -> list[tuple[str, bool, bool, bool]]:
    fix_ok = _fix_ok()
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines() if line]
    rows = []
    for article in sorted({g["article"] for g in gold}):
        text = (folder / f"{article}.txt").read_text(encoding="utf-8")
        doc = Document(text)
        spans = [
            (text.find(g["span"]), text.find(g["span"]) + len(g["span"]), g)
            for g in gold
            if g["article"] == article and g["span"] in text
        ]
        for check in checks:
            for finding in check.run(doc):
                on = [(s, e, g) for s, e, g in spans if s < finding.end and finding.start < e]
                fixed = finding.suggestions[0] if finding.suggestions else None
                correct = any(
                    fix_ok(text, (s, e), [finding.to_dict()], g["fixes"])
                    or (fixed and any(fixed in gold_fix for gold_fix in g["fixes"]))
                    for s, e, g in on
                )
                rows.append((finding.rule, finding.safe, bool(on), correct))
    return rows


def clean_verdicts(checks: list) -> tuple[int, list[tuple[str, bool, str, str]]]:
    """Sentences, and (rule, safe, verdict, context) for every finding on clean text."""
    reviewed = bench_precision.reviewed()
    texts = [
        *bench_precision.bbc_documents(),
        *bench_precision.ntrex_documents(),
        *bench_precision.wmt_reference_documents(),
    ]
    sentences, rows = 0, []
    for text in texts:
        doc = Document(text)
        sentences += len(doc.sentences)
        for check in checks:
            for finding in check.run(doc):
                context = bench_precision._context(doc, finding)
                verdict = bench_precision.verdict(finding, context, reviewed)
                rows.append((finding.rule, finding.safe, verdict, context))
    return sentences, rows


def main() -> str:
    require(DEV)
    checks = load_checks(Settings(), CHECKS)
    started = time.process_time()
    dev = dev_verdicts(checks)
    sentences, clean = clean_verdicts(checks)
    took = time.process_time() - started
    rules = sorted({r for r, *_ in dev} | {r for r, *_ in clean})
    out = [
        "## numbers: number calques, agreement and grammar calques (NU, AG, GR rules)",
        "",
        __doc__.split("\n\n", 1)[1].strip().replace("\n", " "),
        "",
        "| rule | dev findings | on gold | fix correct | clean findings | writer slips "
        "| safe fixes correct (dev + clean) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for rule in rules:
        d = [row for row in dev if row[0] == rule]
        c = [row for row in clean if row[0] == rule]
        slips = sum(row[2] == "slip" for row in c)
        safe = [row[3] for row in d if row[1]] + [row[2] == "slip" for row in c if row[1]]
        share = f"{sum(safe)}/{len(safe)} ({sum(safe) / len(safe):.2f})" if safe else "no safe fix"
        out.append(
            f"| {rule} | {len(d)} | {sum(r[2] for r in d)} | {sum(r[3] for r in d)} | {len(c)} "
            f"| {slips} | {share} |"
        )
    false_alarms = [row for row in clean if row[2] != "slip"]
    out += [
        "",
        f"Clean text: {sentences:,} sentences, {len(clean)} NU/AG/GR findings, "
        f"{len(false_alarms)} not recorded as writer slips "
        f"({1000 * len(false_alarms) / sentences:.2f} per 1,000). Dev findings off every gold "
        f"span: {sum(not r[2] for r in dev)}. CPU time of the checks over dev and clean text: "
        f"{took:.1f} s.",
    ]
    counts = collections.Counter((row[0], row[3]) for row in false_alarms)
    out += [f"- {rule} `{context}`" for (rule, context), _ in sorted(counts.items())]
    return "\n".join(out)


if __name__ == "__main__":
    print(main())
