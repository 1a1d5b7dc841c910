"""mtkit fix: quality on the seed against a post-edited reference, changes on clean human
news text (BBC, NTREX English), and speed."""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SEED = ROOT / "examples" / "seed_article.txt"
REFERENCE = ROOT / "tests" / "data" / "seed_postedited.txt"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _metrics():
    from sacrebleu.metrics import CHRF, TER

    return CHRF(), TER()


def _scores(metrics, hypothesis: str, reference: str) -> tuple[float, float]:
    hyp, ref = [_flat(hypothesis)], [[_flat(reference)]]
    return tuple(metric.corpus_score(hyp, ref).score for metric in metrics)


def seed_section() -> list[str]:
    from toolkit.fix import fix
    from toolkit.settings import Settings

    seed = SEED.read_text(encoding="utf-8")
    reference = REFERENCE.read_text(encoding="utf-8")
    rows = [("seed as scraped (no fix)", seed, None)]
    for label, options in (
        ("`mtkit fix` (default: safe, confidence >= 0.8)", {}),
        ("`mtkit fix --unsafe-fixes`", {"unsafe": True}),
        (
            "`mtkit fix --unsafe-fixes --min-confidence 0.5`",
            {"unsafe": True, "min_confidence": 0.5},
        ),
        ("`mtkit fix --deep --unsafe-fixes`", {"unsafe": True, "settings": Settings(fast=False)}),
    ):
        result = fix(seed, **options)
        if fix(result.text, **options).text != result.text:
            label += " (NOT idempotent)"
        rows.append((label, result.text, result))
    lines = [
        "### Seed article against a human post-edit",
        "",
        "Reference: `tests/data/seed_postedited.txt`, a careful minimal post-edit of the seed "
        "written for this benchmark (boilerplate and leaked headline removed, names, calques, "
        "pronoun and sentence breaks corrected). Whole document as one segment, whitespace "
        "collapsed. Signatures: {signatures}.",
        "",
        "| text | chrF (higher is better) | TER (lower is better) | changes applied |",
        "|---|---:|---:|---|",
    ]
    metrics = _metrics()
    for label, text, result in rows:
        chrf, ter = _scores(metrics, text, reference)
        applied = "" if result is None else _rule_counts(result.applied)
        lines.append(f"| {label} | {chrf:.1f} | {ter:.1f} | {applied} |")
    signatures = ", ".join(f"`{m.get_signature()}`" for m in metrics)
    return [line.replace("{signatures}", signatures) for line in lines]


def _rule_counts(findings) -> str:
    counts = Counter(f.rule for f in findings)
    return ", ".join(f"{rule}×{n}" for rule, n in sorted(counts.items())) or "none"


def _clean_texts() -> dict[str, list[str]]:
    if not SHARED.is_dir():
        raise SystemExit(f"bench_fix needs the shared data folder {SHARED}")
    bbc = [
        json.loads(line)["article"]
        for line in (SHARED / "bbc_summ_dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    with (SHARED / "ntrex_en_ar.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    english = [row[0] for row in rows]
    ntrex = ["\n\n".join(english[i : i + 10]) for i in range(0, len(english), 10)]
    return {"BBC News (60 articles)": bbc, "NTREX-128 English (1,997 sentences)": ntrex}


def clean_section() -> tuple[list[str], float]:
    from toolkit.document import Document
    from toolkit.fix import fix

    lines = [
        "### Clean human news text at the default threshold",
        "",
        "Human-written English news should come out unchanged (`mtkit fix` defaults: checks "
        "without models, safe fixes at confidence >= 0.8). NTREX sentences are grouped ten "
        "to a text, one per paragraph.",
        "",
        "| corpus | sentences | texts changed | changes | per 1,000 sentences | rules |",
        "|---|---:|---:|---:|---:|---|",
    ]
    examples = []
    idempotent: Counter[bool] = Counter()
    chars, seconds = 0, 0.0
    for name, texts in _clean_texts().items():
        sentences = changed = 0
        applied = []
        for text in texts:
            sentences += len(Document(text).sentences)
            started = time.perf_counter()
            result = fix(text)
            seconds += time.perf_counter() - started
            chars += len(text)
            if result.changed:
                idempotent[result.text == fix(result.text).text] += 1
                changed += 1
                applied.extend(result.applied)
                examples.extend((name, text, f) for f in result.applied)
        rate = 1000 * len(applied) / sentences
        lines.append(
            f"| {name} | {sentences:,} | {changed} | {len(applied)} | {rate:.2f} | "
            f"{_rule_counts(applied)} |"
        )
    if examples:
        lines += ["", "Every change made to clean text, in context (the span in [[ ]]):", ""]
        for name, text, f in examples:
            new = f.suggestions[0] if f.suggestions else ""
            context = (
                f"{text[max(0, f.start - 40) : f.start]}[[{f.text}]]{text[f.end : f.end + 25]}"
            )
            lines.append(
                f"- {name.split(' (')[0]}: [{f.rule}] {f.text!r} -> {new!r}: "
                f"`{' '.join(context.split())}`"
            )
    lines += [
        "",
        f"Idempotence: fixing the fixed text again changed {idempotent[False]} of the "
        f"{sum(idempotent.values())} changed texts.",
    ]
    return lines, chars / seconds if seconds else 0.0


def scale_section() -> list[str]:
    """Checks (without models), fix and the HTML report on the seed repeated 50 times."""
    from toolkit.fix import fix
    from toolkit.html import FileReport, render_report
    from toolkit.pipeline import check
    from toolkit.settings import Settings

    text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 50)
    started = time.perf_counter()
    findings = check(text, settings=Settings(fast=True))
    checked = time.perf_counter() - started
    result = fix(text, findings)
    fixed = time.perf_counter() - checked - started
    page = render_report([FileReport("seed x50", text, tuple(findings), result)])
    rendered = time.perf_counter() - fixed - checked - started
    return [
        f"Seed repeated 50 times ({len(text):,} characters): the checks (`--fast`) take "
        f"{checked:.1f} s and find {len(findings):,} findings; applying them takes "
        f"{fixed:.2f} s ({len(result.applied):,} applied); the HTML report {rendered:.2f} s "
        f"({len(page) / 2**20:.1f} MiB).",
    ]


def main() -> str:
    lines = ["## fix", ""]
    lines += seed_section()
    clean, speed = clean_section()
    lines += ["", *clean, "", "### Speed", ""]
    lines.append(
        f"`fix()` with the default checks (no models) on clean news: {speed / 1000:,.0f} k "
        "characters per second on one core."
    )
    lines += ["", *scale_section()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    print(main())
