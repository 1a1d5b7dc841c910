"""Article-level detection on annotated MT news sets, and leave-one-language-out.

Runs the shared scorer (``shared/tools/score_articles.py``) over each set: recall per kind of
core gold span, fix-correct, precision and negatives hit, as the judges measure it. Tuning sets
are ``shared/data/mtnews_dev`` and ``benchmarks/data/mtnews_dev2``, ``mtnews_dev3``,
``mtnews_heldout``, ``mtnews_heldout3`` and ``mtnews_heldout4``;
``benchmarks/data/mtnews_heldout6``, when present, is a set nobody tuned on.
Then, for each source language L, scores only L's tuning articles with every data row written
after reading a tuning article in L left out (``MTKIT_HOLDOUT=dev:L``, see
``toolkit.resources.holdout_tags``): a row that helps
only the article it came from shows as a gap between the two tables.
"""

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.shared_data import DATA, require

SCORER = DATA.parent / "tools" / "score_articles.py"
DEV = DATA / "mtnews_dev"
OWN = Path(__file__).resolve().parent / "data"
# Sets detectors are tuned on (their rows carry dev:LANG), then sets nobody tuned on.
TUNING = {
    "mtnews_dev": DEV,
    "mtnews_dev2": OWN / "mtnews_dev2",
    "mtnews_dev3": OWN / "mtnews_dev3",
    "mtnews_heldout": OWN / "mtnews_heldout",
    "mtnews_heldout3": OWN / "mtnews_heldout3",
    "mtnews_heldout4": OWN / "mtnews_heldout4",
    "mtnews_heldout5": OWN / "mtnews_heldout5",
}
HELD_OUT = {"mtnews_heldout6": OWN / "mtnews_heldout6"}
ROW = re.compile(r"^(\S+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)$")
TOTALS = re.compile(r"^precision ([\d.]+) \((\d+) findings on gold spans, (\d+) elsewhere\)")


def mtkit() -> str:
    """The mtkit of this checkout's environment."""
    beside = Path(sys.executable).parent / "mtkit"
    return str(beside) if beside.exists() else shutil.which("mtkit") or "mtkit"


def score(set_dir: Path, env: dict[str, str] | None = None, *extra: str) -> dict:
    """Per-kind rows, totals and the printed table of one scorer run."""
    out = subprocess.run(
        [sys.executable, str(require(SCORER)), str(set_dir), "--mtkit", mtkit(), "--json", *extra],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    ).stdout
    lines = out.splitlines()
    kinds = {}
    for line in lines:
        if (m := ROW.match(line)) and m[1] != "all":
            kinds[m[1]] = (int(m[2]), int(m[3]), int(m[5]))
    totals = json.loads(lines[-1])
    m = next(TOTALS.match(x) for x in lines if TOTALS.match(x))
    totals["tp"], totals["fp"] = int(m[2]), int(m[3])
    table = "\n".join(x for x in lines[:-1] if not x.startswith("  "))
    return {"kinds": kinds, "totals": totals, "table": table}


def language_subset(lang: str, articles: dict[str, Path], into: Path) -> Path:
    """One set holding ``articles`` (name -> its set folder): texts, gold, negatives, post-edits."""
    folder = into / lang
    (folder / "postedit").mkdir(parents=True)
    for art, home in articles.items():
        shutil.copy(home / f"{art}.txt", folder / f"{art}.txt")
        shutil.copy(home / "postedit" / f"{art}.txt", folder / "postedit" / f"{art}.txt")
    for name in ("gold.jsonl", "negatives.jsonl"):
        kept = [
            row
            for home in set(articles.values())
            for row in (home / name).read_text(encoding="utf-8").splitlines()
            if row.strip() and json.loads(row)["article"] in articles
        ]
        (folder / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


def leave_one_language_out(sets: dict[str, Path]) -> tuple[dict, list[str]]:
    """Scorer results per held-out language, each with that language's dev rows left out."""
    by_lang: dict[str, dict[str, Path]] = collections.defaultdict(dict)
    for home in sets.values():
        for line in (home / "meta.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                by_lang[row["source_lang"]][row["article"]] = home
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, articles in sorted(by_lang.items()):
            subset = language_subset(lang, articles, Path(tmp))
            results[lang] = (
                score(subset),
                score(subset, {"MTKIT_HOLDOUT": f"dev:{lang}"}),
            )
    return results, sorted(by_lang)


def pooled(results: dict, which: int) -> dict:
    kinds: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    tp = fp = 0
    for pair in results.values():
        run = pair[which]
        for kind, row in run["kinds"].items():
            for i in range(3):
                kinds[kind][i] += row[i]
        tp += run["totals"]["tp"]
        fp += run["totals"]["fp"]
    return {"kinds": kinds, "precision": tp / max(tp + fp, 1)}


def set_section(name: str, home: Path, tuned: bool) -> list[str]:
    full = score(home, None, "--fix")
    articles = len(list(home.glob("*.txt")))
    status = "tuned on" if tuned else "never tuned on"
    return [
        f"### {name} ({articles} articles, {status})",
        "",
        "```",
        full["table"],
        "```",
        "",
        f"Trivial baseline (one finding per sentence): recall 1.00 at precision "
        f"{baseline_precision(home):.2f}; `mtkit fix` chrF gain baseline (no change): +0.00.",
        "",
    ]


def main() -> str:
    require(DEV)
    tuning = {name: home for name, home in TUNING.items() if home.is_dir()}
    held = {name: home for name, home in HELD_OUT.items() if home.is_dir()}
    out = [
        "## articles: detection on annotated MT news, and leave-one-language-out",
        "",
        "`python3 shared/tools/score_articles.py SET --fix`, default `mtkit check` options."
        " `mtnews_dev` (shared, 18 articles) and `mtnews_dev2` (benchmarks/data, 21 articles"
        " written as a held-out set and measured once untouched: core recall 0.43, precision 0.92,"
        " fix gain +1.37 at main 8988d9e, when mtnews_dev gave 0.95, 1.00, +2.8) and `mtnews_dev3`"
        " (21 articles, by another helper: 0.44, 0.89, +0.91 untouched at main 20b0fba) and"
        " `mtnews_heldout` (0.40 -> 0.46 blind, see its README) and `mtnews_heldout3` (0.38 -> 0.41"
        " blind) are tuning sets;"
        " a set under `held out` was never read while writing detectors. Each set has articles"
        " from ar, fa, tr, ur, zh, ru and fr sources.",
        "",
    ]
    for name, home in {**tuning, **held}.items():
        out += set_section(name, home, name in tuning)
    lolo, langs = leave_one_language_out(tuning)
    seen, left = pooled(lolo, 0), pooled(lolo, 1)
    out += [
        "### Leave-one-language-out over the tuning sets",
        "",
        "Each language's articles scored once with all data, once with every data row that was"
        " written after reading a tuning article in that language left out"
        " (`MTKIT_HOLDOUT=dev:LANG`). Code rules are not held out; they are written per"
        " linguistic category, never per article string.",
        "",
        "| kind | core | found (all data) | found (own language held out) | recall held out |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, (core, found, _) in sorted(seen["kinds"].items(), key=lambda kv: -kv[1][0]):
        found_held = left["kinds"][kind][1]
        out.append(f"| {kind} | {core} | {found} | {found_held} | {found_held / core:.2f} |")
    core = sum(v[0] for v in seen["kinds"].values())
    found = sum(v[1] for v in seen["kinds"].values())
    found_held = sum(v[1] for v in left["kinds"].values())
    out += [
        f"| **all** | {core} | {found} ({found / core:.2f}) | {found_held} | "
        f"**{found_held / core:.2f}** |",
        "",
        f"Precision: {seen['precision']:.2f} with all data, {left['precision']:.2f} held out.",
        "",
        "| language | core spans | recall (all data) | recall (held out) |",
        "|---|---:|---:|---:|",
    ]
    for lang in langs:
        a, b = lolo[lang]
        out.append(
            f"| {lang} | {a['totals']['core']} | "
            f"{a['totals']['recall']:.2f} | {b['totals']['recall']:.2f} |"
        )
    return "\n".join(out)


def baseline_precision(home: Path) -> float:
    """Share of sentence-like chunks (split at . ! ? and line ends) that overlap a gold span."""
    lines = (home / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(x) for x in lines if x.strip()]
    hit = total = 0
    for art in sorted({g["article"] for g in gold}):
        text = (home / f"{art}.txt").read_text(encoding="utf-8")
        spans = [
            (i, i + len(g["span"]))
            for g in gold
            if g["article"] == art and (i := text.find(g["span"])) >= 0
        ]
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
            if not m.group().strip():
                continue
            total += 1
            hit += any(s < m.end() and m.start() < e for s, e in spans)
    return hit / max(total, 1)


if __name__ == "__main__":
    print(main())
