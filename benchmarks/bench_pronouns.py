"""Pronoun calques (PR rules): recall on the annotated dev articles, with each source
language's data rows held out in turn, recall on the fresh challenge sentences, and findings
on clean human news, which should be none.

Reads ../shared/data (mtnews_dev, BBC, NTREX, WMT22 references, scraped page bodies) and
tests/data/pronouns_challenge.jsonl.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import time
from pathlib import Path

from toolkit.checks.pronouns import AnimacyLexicon, PronounCheck
from toolkit.document import Document
from toolkit.settings import Settings
from tools.shared_data import DATA, ROOT

HERE = Path(__file__).resolve().parent
DEV = DATA / "mtnews_dev"
LANGUAGES = ("ar", "fa", "tr", "ur", "zh", "ru", "fr")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def dev_scores(settings: Settings, language: str = "") -> tuple[int, int, int, int, int]:
    """Core pronoun spans, found, fixed right, findings outside any gold span, safe fixes
    (confidence >= 0.8) that are right; over the articles from ``language`` if given."""
    meta = {row["article"]: row["source_lang"] for row in _jsonl(DEV / "meta.jsonl")}
    gold = [g for g in _jsonl(DEV / "gold.jsonl") if meta[g["article"]] == language or not language]
    check = PronounCheck(settings)
    total = hit = fixed = outside = safe_right = 0
    for article in sorted({g["article"] for g in gold}):
        text = (DEV / f"{article}.txt").read_text(encoding="utf-8")
        findings = check.run(Document(text))
        spans = [(g, text.find(g["span"])) for g in gold if g["article"] == article]
        for g, start in spans:
            if g["kind"] != "pronoun" or g["tier"] != "core":
                continue
            total += 1
            end = start + len(g["span"])
            hits = [f for f in findings if f.start < end and start < f.end]
            if not hits:
                continue
            hit += 1
            f = hits[0]
            new = (
                text[min(start, f.start) : f.start]
                + f.suggestions[0]
                + text[f.end : max(end, f.end)]
            )
            right = new.lower() in [x.lower() for x in g["fixes"]]
            fixed += right
            safe_right += right and f.safe and f.confidence >= 0.8
        outside += sum(
            not any(f.start < s + len(g["span"]) and s < f.end for g, s in spans) for f in findings
        )
    return total, hit, fixed, outside, safe_right


def held_out(language: str) -> tuple[int, int]:
    """Recall on ``language``'s dev articles with the data rows written after reading them
    left out."""
    os.environ["MTKIT_HOLDOUT"] = f"dev:{language}"
    try:
        AnimacyLexicon.load.cache_clear()
        _possessions_cache_clear()
        total, hit, *_ = dev_scores(Settings(), language)
    finally:
        del os.environ["MTKIT_HOLDOUT"]
        AnimacyLexicon.load.cache_clear()
        _possessions_cache_clear()
    return total, hit


def _possessions_cache_clear() -> None:
    from toolkit.checks.pronouns import lexical, mentions

    lexical._possessions.cache_clear()
    mentions._noun.cache_clear()
    mentions._common_noun.cache_clear()


def challenge(settings: Settings) -> tuple[int, int, int, int, int]:
    """Positives, flagged with their rule, fixed as expected; controls, false alarms."""
    rows = _jsonl(ROOT / "tests" / "data" / "pronouns_challenge.jsonl")
    check = PronounCheck(settings)
    positives = flagged = fixed = controls = alarms = 0
    for row in rows:
        findings = check.run(Document(row["text"]))
        if not row["span"]:
            controls += 1
            alarms += bool(findings)
            continue
        positives += 1
        start = re.search(rf"\b{re.escape(row['span'])}\b", row["text"]).start()
        hits = [f for f in findings if f.start == start and f.rule == row["rule"]]
        flagged += bool(hits)
        fixed += bool(hits) and hits[0].suggestions[0] == row["fix"]
    return positives, flagged, fixed, controls, alarms


@functools.cache
def clean_texts() -> list[str]:
    texts = [
        json.loads(line)["article"].replace("\n", "\n\n")
        for line in (DATA / "bbc_summ_dev.jsonl").open(encoding="utf-8")
    ]
    with (DATA / "ntrex_en_ar.tsv").open(encoding="utf-8", newline="") as handle:
        lines = [
            row[0] for row in list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
        ]
    texts += ["\n".join(lines[i : i + 40]) for i in range(0, len(lines), 40)]
    for name in ("ref.A.en", "ref.B.en"):
        refs = (DATA / "wmt22_zhen" / name).read_text(encoding="utf-8").splitlines()
        texts += ["\n".join(refs[i : i + 40]) for i in range(0, len(refs), 40)]
    for page in _jsonl(DATA / "boilerplate_lines_dev.jsonl"):
        texts.append("\n\n".join(row["text"] for row in page["lines"] if row["body"]))
    return texts


def clean(settings: Settings) -> tuple[int, int, int, list[str], float]:
    """Sentences, gendered pronouns, findings (listed) and CPU seconds over clean news."""
    check = PronounCheck(settings)
    docs = [Document(t) for t in clean_texts()]
    sentences = sum(len(d.sentences) for d in docs)
    pronouns = sum(len(re.findall(r"\b(?:she|he|her|his|him)\b", d.text, re.I)) for d in docs)
    started = time.process_time()
    found = [(d, f) for d in docs for f in check.run(d)]
    took = time.process_time() - started
    listed = [
        f"{f.rule} …{d.text[max(0, f.start - 60) : f.end + 30]}…".replace("\n", " ")
        for d, f in found
    ]
    return sentences, pronouns, len(found), listed, took


def main() -> str:
    if not DEV.is_dir():
        raise SystemExit(f"shared data not found at {DATA}")
    out = [
        "## Pronoun calques (PR101, PR102)",
        "",
        "Gendered pronouns for countries, bodies, armies, companies, planes and currencies, and "
        "he/she slips for named people, on the 18 dev articles (core pronoun spans), on fresh "
        "MT-style sentences and native controls written for mtkit "
        "(`tests/data/pronouns_challenge.jsonl`), and on clean human news "
        "(`python benchmarks/run.py pronouns`).",
        "",
        "| resolver | dev found | dev fixed right | outside gold | safe fixes right | "
        "challenge found | challenge fixed | control false alarms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, settings in (
        ("default (no model)", Settings()),
        ("--deep (spaCy)", Settings(fast=False)),
    ):
        total, hit, fixed, outside, safe = dev_scores(settings)
        positives, flagged, right, controls, alarms = challenge(settings)
        out.append(
            f"| {name} | {hit}/{total} ({hit / total:.2f}) | {fixed} | {outside} | {safe} | "
            f"{flagged}/{positives} | {right} | {alarms}/{controls} |"
        )
    cells, found, spans = [], 0, 0
    for language in LANGUAGES:
        total, hit = held_out(language)
        cells.append(f"{language} {hit}/{total}")
        found, spans = found + hit, spans + total
    out += [
        "",
        "Leave one language out (each language's articles scored with the data rows tagged "
        f"`dev:LANG` for it dropped): {found}/{spans} ({found / spans:.2f}); "
        + ", ".join(cells)
        + ".",
        "",
    ]
    sentences, pronouns, count, listed, took = clean(Settings())
    out += [
        f"Clean news (BBC, NTREX-128, WMT22 zh-en references A and B, 120 scraped article "
        f"bodies): {sentences:,} sentences with {pronouns:,} he/she/his/her/him, {count} "
        f"findings; the check took {took:.1f} CPU s ({sentences / took:,.0f} sentences per "
        "CPU second, without --deep).",
    ]
    out += [f"- {line}" for line in listed]
    return "\n".join(out)


if __name__ == "__main__":
    print(main())
