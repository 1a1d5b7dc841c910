"""Entity consistency (CO101): one entity under two names in one article.

Three measures: the annotated dev articles (every CO101 finding: on a gold span? does its
suggestion give a gold fix?), the fresh test articles of tests/data/consistency (written for
mtkit in seven source languages' transliteration habits, with traps: different entities with
similar names), and clean human news (BBC, NTREX-128, WMT22 references), where every finding
is a false alarm or a writer's slip. Also the resolver's speed.
"""

from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path

from toolkit.checks.consistency import SAFE_KINDS, ConsistencyCheck
from toolkit.document import Document
from toolkit.names.coref import resolve
from toolkit.names.gazetteer import load_gazetteer
from toolkit.names.resolve import analyse
from toolkit.settings import Settings
from tools.shared_data import DATA, ROOT

HERE = Path(__file__).resolve().parent
DEV_SETS = {
    "mtnews_dev": DATA / "mtnews_dev",
    "mtnews_dev2": HERE / "data" / "mtnews_dev2",
    "mtnews_dev3": HERE / "data" / "mtnews_dev3",
}
FRESH = ROOT / "tests" / "data" / "consistency" / "articles.jsonl"


def _kinds(doc: Document) -> dict[tuple[int, int], str]:
    """The deviation kind behind each CO101 span."""
    return {(d.start, d.end): d.kind for d in resolve(doc, load_gazetteer()).deviations}


def dev_rows(check: ConsistencyCheck, name: str, folder: Path) -> list[str]:
    """Per kind: findings, on a gold span, suggestion gives a gold fix."""
    sys.path.insert(0, str(DATA.parent / "tools"))
    from score_articles import fix_ok

    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines()]
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    wanted = found = 0
    for article in sorted({g["article"] for g in gold}):
        text = (folder / f"{article}.txt").read_text(encoding="utf-8")
        doc = Document(text)
        spans = [
            (g, text.find(g["span"]), text.find(g["span"]) + len(g["span"]))
            for g in gold
            if g["article"] == article
        ]
        findings = [f for f in check.run(doc) if f.rule == "CO101"]
        kinds = _kinds(doc)
        for g, start, end in spans:
            if g["kind"] == "entity-consistency" and g["tier"] == "core":
                wanted += 1
                found += any(f.start < end and start < f.end for f in findings)
        for f in findings:
            row = counts[kinds.get((f.start, f.end), "?")]
            row[0] += 1
            hit = [(g, s, e) for g, s, e in spans if f.start < e and s < f.end]
            if hit:
                row[1] += 1
                g, s, e = hit[0]
                finding = {"start": f.start, "end": f.end, "suggestions": list(f.suggestions)}
                spelled = f.suggestions[0].lower() in " ".join(g["fixes"]).lower()
                row[2] += fix_ok(text, (s, e), [finding], g["fixes"]) or spelled
    rows = [
        f"`{name}`: entity-consistency core recall **{found}/{wanted}**; every CO101 finding "
        "(several fall on gold spans of kind `name`, the same name spelled another way "
        "elsewhere in the article):",
        "",
        "(suggestion right: it gives a gold fix, or the gold fix spells the name so and also "
        "mends other words: Tadzhik -> Tajik in 'Tadzhik enclave Vorukh')",
        "",
        "| kind | findings | on a gold span | suggestion right | fix safe |",
        "|---|---:|---:|---:|---|",
    ]
    for kind, (n, on_gold, right) in sorted(counts.items()):
        rows.append(f"| {kind} | {n} | {on_gold} | {right} | {kind in SAFE_KINDS} |")
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    rows.append(f"| **all** | {total[0]} | {total[1]} | {total[2]} | |")
    return rows


def fresh_rows(check: ConsistencyCheck) -> list[str]:
    articles = [json.loads(line) for line in FRESH.read_text("utf-8").splitlines()]
    expected = hits = right = false = 0
    langs = sorted({a["lang"] for a in articles})
    for article in articles:
        text = article["text"]
        findings = [f for f in check.run(Document(text)) if f.rule == "CO101"]
        spans = [(e, text.find(e["span"])) for e in article["expect"]]
        expected += len(spans)
        for e, start in spans:
            end = start + len(e["span"])
            hit = [f for f in findings if f.start < end and start < f.end]
            hits += bool(hit)
            right += bool(hit) and hit[0].suggestions[0] == e["fix"]
        false += sum(
            not any(f.start < s + len(e["span"]) and s < f.end for e, s in spans) for f in findings
        )
    clean = sum(not a["expect"] for a in articles)
    return [
        f"Fresh test articles (`tests/data/consistency`, {len(articles)} articles, source "
        f"languages {', '.join(langs)}; {clean} of them name only different entities alike): "
        f"**{hits}/{expected}** re-transliterated mentions found, {right} with the expected "
        f"suggestion, **{false}** findings elsewhere.",
    ]


def clean_rows(check: ConsistencyCheck) -> list[str]:
    sys.path.insert(0, str(HERE))
    from bench_precision import (
        bbc_documents,
        ntrex_documents,
        reviewed,
        verdict,
        wmt_reference_documents,
    )

    verdicts = reviewed()
    rows = [
        "| corpus | sentences | CO findings | writer slips | false alarms |",
        "|---|---:|---:|---:|---:|",
    ]
    listed = []
    docs = []
    for name, texts in [
        ("BBC News", bbc_documents()),
        ("NTREX-128 English", ntrex_documents()),
        ("WMT22 zh-en references", wmt_reference_documents()),
    ]:
        sentences = found = slips = 0
        for text in texts:
            doc = Document(text)
            docs.append(doc)
            sentences += len(doc.sentences)
            for f in check.run(doc):
                found += 1
                context = (
                    f"{text[max(0, f.start - 40) : f.start]}⟦{f.text}⟧{text[f.end : f.end + 40]}"
                )
                context = context.replace("\n", " ")
                slip = verdict(f, context, verdicts) == "slip"
                slips += slip
                listed.append(f"- {f.rule} {'slip' if slip else 'FALSE ALARM'}: `{context}`")
        rows.append(f"| {name} | {sentences:,} | {found} | {slips} | {found - slips} |")
    gazetteer = load_gazetteer()
    fresh = [Document(doc.text) for doc in docs]
    for doc in fresh:
        doc.sentences  # noqa: B018 - shared by every check
        analyse(doc, gazetteer)  # shared with the names check
    started = time.process_time()
    for doc in fresh:
        resolve(doc, gazetteer)
    took = time.process_time() - started
    total = sum(len(d.sentences) for d in docs)
    return [
        "Clean human news (every finding is a false alarm or a slip of the writer):",
        "",
        *rows,
        "",
        *listed,
        "",
        f"Speed: the resolver alone (mentions, entities, deviations; the shared name analysis "
        f"cached by the names check excluded) over these {total:,} sentences: "
        f"{took:.2f} CPU s, **{total / took:,.0f} sentences per CPU-second**.",
    ]


def other_rows(check: ConsistencyCheck) -> list[str]:
    """Findings on scraped English pages and on two WMT22 zh-en MT systems, listed to read
    (no gold: scraped pages join sources, MT renders one name two ways)."""
    data = DATA
    pages = []
    with (data / "boilerplate_lines_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            pages.append("\n\n".join(r["text"] for r in page["lines"] if r["body"]))
    corpora = {"Scraped article bodies (Zyte benchmark, 120 pages)": pages}
    for system in ("JDExploreAcademy", "Online-W"):
        lines = (data / "wmt22_zhen" / f"{system}.en").read_text("utf-8").splitlines()
        chunks = ["\n".join(lines[i : i + 40]) for i in range(0, len(lines), 40)]
        corpora[f"WMT22 zh-en MT, {system}"] = chunks
    rows = ["Other text, findings listed to read (no gold):", ""]
    for name, texts in corpora.items():
        found = []
        sentences = 0
        for text in texts:
            doc = Document(text)
            sentences += len(doc.sentences)
            for f in check.run(doc):
                context = (
                    f"{text[max(0, f.start - 40) : f.start]}⟦{f.text}⟧{text[f.end : f.end + 30]}"
                )
                found.append(f"  - `{context.replace(chr(10), ' ')}` -> {f.suggestions[0]!r}")
        rows += [f"- {name}: {sentences:,} sentences, {len(found)} findings", *found]
    return rows


def main() -> str:
    check = ConsistencyCheck(Settings())
    return "\n".join(
        [
            "## consistency: one entity under two names",
            "",
            *(
                row
                for name, folder in DEV_SETS.items()
                for row in [*dev_rows(check, name, folder), ""]
            ),
            "",
            *fresh_rows(check),
            "",
            *clean_rows(check),
            "",
            *other_rows(check),
        ]
    )


if __name__ == "__main__":
    print(main())
