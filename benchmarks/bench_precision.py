"""Precision on human-written news: findings per 1,000 sentences of clean text.

Runs every registered check over the BBC News Summary articles and the NTREX-128 English
sentences in ../shared/data and lists every finding, since on clean text each one is a false
positive (or a real slip of the human writer). Target: at most 5 findings per 1,000 sentences.
"""

from __future__ import annotations

import collections
import csv
import json
import time
from pathlib import Path

from toolkit.document import Document
from toolkit.findings import Finding
from toolkit.pipeline import Selection, run_checks
from toolkit.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
TARGET = 5.0
SHOWN = 40
NTREX_CHUNK = 40


def bbc_documents() -> list[str]:
    """Each article with its paragraphs separated by blank lines, as an editor would paste it."""
    with (DATA / "bbc_summ_dev.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["article"].replace("\n", "\n\n") for line in handle]


def ntrex_documents() -> list[str]:
    """NTREX English sentences in file order, 40 to a text, one per line (paragraphs unknown)."""
    with (DATA / "ntrex_en_ar.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    lines = [row[0] for row in rows]
    return ["\n".join(lines[i : i + NTREX_CHUNK]) for i in range(0, len(lines), NTREX_CHUNK)]


def _context(doc: Document, finding: Finding) -> str:
    before = doc.text[max(0, finding.start - 40) : finding.start].replace("\n", " ")
    after = doc.text[finding.end : finding.end + 40].replace("\n", " ")
    text = f"{before}⟦{finding.text}⟧{after}".replace("|", "\\|")
    return text.replace("`", "'")


def measure(name: str, texts: list[str]) -> tuple[int, list[tuple[Finding, str]], float]:
    """Sentences, findings with context, and seconds taken over ``texts``."""
    settings, selection = Settings(), Selection()
    sentences, found = 0, []
    started = time.perf_counter()
    for text in texts:
        doc = Document(text)
        sentences += len(doc.sentences)
        found += [(f, _context(doc, f)) for f in run_checks(doc, settings, selection)]
    return sentences, found, time.perf_counter() - started


def main() -> str:
    if not DATA.is_dir():
        raise SystemExit(f"shared data not found at {DATA}")
    corpora = {"BBC News (60 articles)": bbc_documents(), "NTREX-128 English": ntrex_documents()}
    out = [
        "## Precision on clean human news",
        "",
        "Every registered check over human-written English news; each finding is a false "
        f"positive or a slip of the writer. Target: at most {TARGET:g} findings per 1,000 "
        "sentences (`python benchmarks/run.py precision`).",
        "",
        "| corpus | texts | sentences | findings | per 1,000 sentences | seconds |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    all_found: list[tuple[str, Finding, str]] = []
    total_sentences = 0
    for name, texts in corpora.items():
        sentences, found, took = measure(name, texts)
        total_sentences += sentences
        all_found += [(name, f, context) for f, context in found]
        rate = 1000 * len(found) / sentences
        out.append(
            f"| {name} | {len(texts)} | {sentences} | {len(found)} | {rate:.2f} | {took:.1f} |"
        )
    rate = 1000 * len(all_found) / total_sentences
    verdict = "meets" if rate <= TARGET else "misses"
    out += ["", f"Overall: {rate:.2f} findings per 1,000 sentences ({verdict} the target).", ""]
    by_rule = collections.Counter(f.rule for _, f, _ in all_found)
    if by_rule:
        out += ["| rule | findings | per 1,000 sentences |", "|---|---:|---:|"]
        for rule, count in sorted(by_rule.items()):
            out.append(f"| {rule} | {count} | {1000 * count / total_sentences:.2f} |")
        out += ["", f"Findings (first {SHOWN} of {len(all_found)}):", ""]
        out += ["| corpus | rule | in context |", "|---|---|---|"]
        for name, finding, context in all_found[:SHOWN]:
            out.append(f"| {name.split()[0]} | {finding.rule} | {context} |")
    return "\n".join(out)


if __name__ == "__main__":
    print(main())
