"""Precision on human-written news: findings per 1,000 sentences of clean text.

Runs every registered check over the BBC News Summary articles, the NTREX-128 English
sentences and the WMT22 zh-en human references in ../shared/data and lists every finding,
since on clean text each one is a false positive or a real slip of the human writer (verdicts
in benchmarks/precision_reviewed*.tsv). Target: at most 2 false alarms (findings that are not
reviewed writer slips) per 1,000 sentences.
"""

from __future__ import annotations

import collections
import csv
import json
import re
import time
from pathlib import Path

from toolkit.checks import CHECKS, check_class, load_checks
from toolkit.document import Document
from toolkit.findings import Finding
from toolkit.pipeline import Selection, run_checks
from toolkit.settings import Settings
from tools.shared_data import DATA, require

HERE = Path(__file__).resolve().parent
TARGET = 2.0
SHOWN = 400
NTREX_CHUNK = 40
QUOTE_REACH = 5
SURFACE = ["punctuation", "capitalisation", "fragments", "repetition", "encoding"]


def bbc_documents() -> list[str]:
    """Each article with its paragraphs separated by blank lines, as an editor would paste it."""
    with (DATA / "bbc_summ_dev.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["article"].replace("\n", "\n\n") for line in handle]


def ntrex_documents() -> list[str]:
    """NTREX English sentences in file order, 40 to a text, one per line (paragraphs unknown)."""
    with (DATA / "ntrex_en_ar.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return _chunked([row[0] for row in rows])


def wmt_reference_documents() -> list[str]:
    """WMT22 zh-en human references A and B, in file order, 40 segments to a text."""
    texts = []
    for name in ("ref.A.en", "ref.B.en"):
        texts += _chunked((DATA / "wmt22_zhen" / name).read_text(encoding="utf-8").splitlines())
    return texts


def _chunked(lines: list[str]) -> list[str]:
    """Lines in texts of about NTREX_CHUNK, never cut inside a quotation that runs on over
    lines (opened by “ on one line, closed by ” a line or two later): the cut, not the
    writer, would leave it unbalanced. A chunk grows by at most QUOTE_REACH lines."""
    texts, start = [], 0
    while start < len(lines):
        end = min(start + NTREX_CHUNK, len(lines))
        chunk = "\n".join(lines[start:end])
        reach = end + QUOTE_REACH
        while end < min(reach, len(lines)) and chunk.count("“") > chunk.count("”"):
            end += 1
            chunk = "\n".join(lines[start:end])
        if chunk.count("“") > chunk.count("”"):
            end = min(start + NTREX_CHUNK, len(lines))  # never closed: a slip, not the cut
        texts.append("\n".join(lines[start:end]))
        start = end
    return texts


def mt_contrast() -> list[str]:
    """Surface findings per 1,000 segments: WMT22 zh-en human references vs MT outputs."""
    folder = DATA / "wmt22_zhen"
    systems = ["ref.A.en", "ref.B.en", "JDExploreAcademy.en", "Online-W.en"]
    checks = load_checks(Settings(), SURFACE)
    counts: dict[str, collections.Counter] = {}
    segments = 0
    for system in systems:
        lines = (folder / system).read_text(encoding="utf-8").splitlines()
        segments = len(lines)
        counts[system] = collections.Counter(
            finding.rule
            for line in lines
            if line.strip()
            for check in checks
            for finding in check.run(Document(line))
        )
    rows = [
        "| rule | " + " | ".join(systems) + " |",
        "|---|" + "---:|" * len(systems),
    ]
    for rule in sorted(set().union(*counts.values())):
        cells = " | ".join(f"{1000 * counts[s][rule] / segments:.1f}" for s in systems)
        rows.append(f"| {rule} | {cells} |")
    return rows


def scraped_pages() -> list[str]:
    """Surface findings on the article-body lines of 120 scraped pages of many publishers."""
    checks = load_checks(Settings(), SURFACE)
    counts: collections.Counter = collections.Counter()
    sentences = 0
    with (DATA / "boilerplate_lines_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            doc = Document("\n\n".join(row["text"] for row in page["lines"] if row["body"]))
            sentences += len(doc.sentences)
            counts.update(f.rule for check in checks for f in check.run(doc))
    total = sum(counts.values())
    rules = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items()))
    return [
        f"Scraped article bodies (Zyte article-extraction benchmark, 120 English pages of many "
        f"publishers, body lines only; not edited copy: embedded tweets, recipes, product "
        f"cards): {sentences:,} sentences, {total} surface findings "
        f"({1000 * total / sentences:.1f} per 1,000): {rules}. Most are real slips of the "
        "pages (quotations closed in another quote style, pull quotes printed twice, missing "
        "spaces); they are not part of the target.",
    ]


def mqm_overlap() -> str:
    """How many surface findings on MQM-rated MT fall on a span a rater marked as an error."""
    with (DATA / "mqm_ted_zhen_dev.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    errors: dict[tuple[str, str], list[tuple[int, int]]] = collections.defaultdict(list)
    targets: dict[tuple[str, str], str] = {}
    for row in rows:
        key = (row["system"], row["seg_id"])
        marked = row["target"]
        targets[key] = re.sub(r"</?v>", "", marked)
        if match := re.search(r"<v>(.*?)</v>", marked):
            start = len(re.sub(r"</?v>", "", marked[: match.start()]))
            errors[key].append((start, start + len(match.group(1))))
    checks = load_checks(Settings(), SURFACE)
    found = confirmed = 0
    for key, target in targets.items():
        for check in checks:
            for finding in check.run(Document(target)):
                found += 1
                confirmed += any(
                    s < finding.end + 2 and finding.start - 2 < e for s, e in errors[key]
                )
    return (
        f"On Google's MQM ratings of WMT21 TED zh-en ({len(targets):,} rated system segments, "
        f"strong MT): {found} surface findings, {confirmed} of them on or next to a span a "
        "rater marked as an error."
    )


def reviewed() -> list[dict[str, str]]:
    """Verdicts a reader gave to findings on this data (benchmarks/precision_reviewed*.tsv,
    one file per area so reviewers working in parallel do not collide)."""
    rows: list[dict[str, str]] = []
    for path in sorted(HERE.glob("precision_reviewed*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
        rows += csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return rows


def verdict(finding: Finding, context: str, rows: list[dict[str, str]]) -> str:
    """slip, false-positive or unreviewed."""
    for row in rows:
        if row["rule"] == finding.rule and row["snippet"] in context:
            return row["verdict"]
    return "unreviewed"


def surface_speed(texts: list[str]) -> list[str]:
    """CPU time of each surface check over ``texts``, in sentences per second."""
    docs = [Document(text) for text in texts]
    sentences = sum(len(doc.sentences) for doc in docs)
    rows, total = [], 0.0
    for check in load_checks(Settings(), SURFACE):
        started = time.process_time()
        for doc in docs:
            check.run(doc)
        took = time.process_time() - started
        total += took
        rows.append(f"| {check.name} | {took:.3f} | {sentences / took:,.0f} |")
    rows.append(f"| all five | {total:.3f} | {sentences / total:,.0f} |")
    return rows


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
    for name in ("bbc_summ_dev.jsonl", "ntrex_en_ar.tsv", "wmt22_zhen"):
        require(DATA / name)
    corpora = {
        "BBC News (60 articles)": bbc_documents(),
        "NTREX-128 English": ntrex_documents(),
        "WMT22 zh-en references A, B": wmt_reference_documents(),
    }
    out = [
        "## Precision on clean human news",
        "",
        "Every registered check over human-written English news; each finding is a false "
        f"positive or a slip of the writer. Target: at most {TARGET:g} false alarms per 1,000 "
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
    rows = reviewed()
    verdicts = [verdict(f, context, rows) for _, f, context in all_found]
    rate = 1000 * len(all_found) / total_sentences
    wrong = 1000 * sum(v != "slip" for v in verdicts) / total_sentences
    status = "meets" if wrong <= TARGET else "misses"
    out += [
        "",
        f"Overall: {rate:.2f} findings per 1,000 sentences; {wrong:.2f} per 1,000 are not "
        f"writer slips (false positives or unreviewed): {status} the target.",
        "",
    ]
    family = {rule.code: name for name in CHECKS for rule in check_class(name).rules}
    by_check = collections.Counter(family[f.rule] for _, f, _ in all_found)
    slips = collections.Counter(
        family[f.rule] for (_, f, _), v in zip(all_found, verdicts, strict=True) if v == "slip"
    )
    out += [
        "| check | findings | per 1,000 sentences | not writer slips per 1,000 |",
        "|---|---:|---:|---:|",
    ]
    for name in CHECKS:
        count = by_check[name]
        other = count - slips[name]
        out.append(
            f"| {name} | {count} | {1000 * count / total_sentences:.2f} "
            f"| {1000 * other / total_sentences:.2f} |"
        )
    surface = sum(by_check[name] for name in SURFACE)
    out += [
        "",
        f"The five surface checks (punctuation, capitalisation, fragments, repetition, encoding): "
        f"{1000 * surface / total_sentences:.2f} findings per 1,000 sentences.",
        "",
    ]
    by_rule = collections.Counter(f.rule for _, f, _ in all_found)
    if by_rule:
        out += ["| rule | findings | per 1,000 sentences |", "|---|---:|---:|"]
        for rule, count in sorted(by_rule.items()):
            out.append(f"| {rule} | {count} | {1000 * count / total_sentences:.2f} |")
        out += [
            "",
            f"Every finding (first {SHOWN} of {len(all_found)}), with the verdict of a reader "
            "(benchmarks/precision_reviewed.tsv):",
            "",
            "| corpus | rule | verdict | in context |",
            "|---|---|---|---|",
        ]
        for (name, finding, context), judged in list(zip(all_found, verdicts, strict=True))[:SHOWN]:
            out.append(f"| {name.split()[0]} | {finding.rule} | {judged} | {context} |")
    out += [
        "",
        "Contrast on machine translation: surface findings per 1,000 segments of WMT22 zh-en "
        "(generaltest2022, 1,875 segments, each checked alone, so quotes and brackets that span "
        "segments count as unbalanced): the human references A and B against two MT systems.",
        "",
        *mt_contrast(),
        "",
        mqm_overlap(),
        "",
        *scraped_pages(),
    ]
    texts = [text for group in corpora.values() for text in group]
    out += [
        "",
        f"Speed of the surface checks over the same {total_sentences:,} sentences "
        "(CPU seconds, segmentation excluded):",
        "",
        "| check | seconds | sentences per second |",
        "|---|---:|---:|",
        *surface_speed(texts),
    ]
    return "\n".join(out)


if __name__ == "__main__":
    print(main())
