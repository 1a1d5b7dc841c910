"""mtkit fix: how far it moves MT news toward the human post-edit, every change it makes and
whether the gold agrees, the measured precision of every rule's suggestion (what may be
marked safe), every change on clean human news (the target is none), and the seed article."""

from __future__ import annotations

import collections
import statistics
from pathlib import Path

from bench_precision import bbc_documents, ntrex_documents, wmt_reference_documents
from devset import DEV, Article, Change, articles, context, oracle, verdicts

from tools.shared_data import ROOT

# The tuning sets: the shared dev set, and three in the repository (mtnews_heldout was blind
# until the session that measured it).
SETS = (
    DEV,
    ROOT / "benchmarks" / "data" / "mtnews_dev2",
    ROOT / "benchmarks" / "data" / "mtnews_dev3",
    ROOT / "benchmarks" / "data" / "mtnews_heldout",
)
SEED = ROOT / "examples" / "seed_article.txt"
REFERENCE = ROOT / "tests" / "data" / "seed_postedited.txt"
GOOD = ("right", "closer")
SAFE_PRECISION = 0.95
MIN_EVIDENCE = 10


def chrf(hypothesis: str, reference: str) -> float:
    import sacrebleu

    return sacrebleu.sentence_chrf(hypothesis, [reference]).score


def _changes(result) -> list[Change]:
    """The edits fix made, in original offsets (blank-line clean-up left out)."""
    return [
        Change(e.start, e.end, e.replacement, e.finding.rule)
        for e in result.edits
        if e.finding is not None
    ]


def dev_sections(dev: list[Article], label: str = "mtnews_dev") -> list[str]:
    from toolkit.fix import fix

    rows, outside, judged = [], [], collections.Counter()
    by_rule: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for article in dev:
        result = fix(article.text)
        before = chrf(article.text, article.postedit)
        after = chrf(result.text, article.postedit)
        best = chrf(oracle(article), article.postedit)
        rows.append((article.name, article.lang, before, after, best, len(result.edits)))
        for change, verdict in verdicts(article, _changes(result)):
            judged[verdict] += 1
            by_rule[change.rule][verdict] += 1
            if verdict in ("outside gold", "not closer"):
                where = context(article.text, change.start, change.end)
                outside.append(
                    f"- {article.name} [{change.rule}] → {change.replacement!r}: `{where}` "
                    f"({verdict})"
                )
    gains = [after - before for _, _, before, after, _, _ in rows]
    worse = [row[0] for row, gain in zip(rows, gains, strict=True) if gain < 0]
    oracle_gain = statistics.mean(best - before for _, _, before, _, best, _ in rows)
    lines = [
        f"### {label}: articles against their post-edits",
        "",
        "`fix` with its defaults (safe fixes at confidence >= 0.8, the rules of "
        "`corpora/fix/measured_safe.tsv` from their own confidence; checks without models) on "
        f"the {len(dev)} `{label}` articles; sentence chrF of the whole article against the human "
        "post-edit (sacreBLEU `sentence_chrf`, as `score_articles.py --fix`). *Core gold* is "
        "the article with every core gold span corrected by its first fix (what a perfect "
        "detector with perfect suggestions would reach; the post-edit also fixes the stretch "
        "spans).",
        "",
        "| article | source | chrF before | after fix | gain | core gold | edits |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for (name, lang, before, after, best, edits), gain in zip(rows, gains, strict=True):
        lines.append(
            f"| {name} | {lang} | {before:.1f} | {after:.1f} | {gain:+.2f} | {best:.1f} | {edits} |"
        )
    lines += [
        "",
        f"**Mean chrF gain {statistics.mean(gains):+.2f}** (core gold {oracle_gain:+.2f}); "
        f"articles made worse: {len(worse)}{' (' + ', '.join(worse) + ')' if worse else ''}.",
        "",
        f"### {label}: every change, judged against the gold",
        "",
        "*right*: the gold span becomes one of its fixes; *closer*: the span moves toward its "
        "first fix (character similarity) without reaching it; *not closer*; *outside gold*: no "
        "gold span there (a new error, or an artifact the annotators left alone).",
        "",
        "| rule | right | closer | not closer | outside gold |",
        "|---|---:|---:|---:|---:|",
    ]
    verdict_names = ("right", "closer", "not closer", "outside gold")
    for rule, counts in sorted(by_rule.items()):
        lines.append(f"| {rule} | " + " | ".join(str(counts[v]) for v in verdict_names) + " |")
    lines.append("| **all** | " + " | ".join(f"**{judged[v]}**" for v in verdict_names) + " |")
    lines += [
        "",
        f"Changes outside the gold spans or not bringing one closer ({len(outside)}):",
        "",
        *(outside or ["- none"]),
    ]
    return lines


def _clean_corpora() -> dict[str, list[str]]:
    return {
        "BBC News": bbc_documents(),
        "NTREX-128 English": ntrex_documents(),
        "WMT22 zh-en references": wmt_reference_documents(),
    }


def precision_section(dev: list[Article], clean: dict[str, list[str]]) -> list[str]:
    """Each rule's first suggestion applied alone: judged on dev; on clean text wrong unless a
    reviewer accepted it as the repair of a real slip (fix_reviewed.tsv)."""
    from toolkit.pipeline import check

    reviewed = reviews()
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

    def count(finding, verdict: str) -> None:
        good = verdict in GOOD
        row = counts[finding.rule]
        row[verdict] += 1
        row["good"] += good
        if _applied(finding):  # what fix applies by default
            row["applied"] += 1
            row["applied good"] += good

    for article in dev:
        for finding in check(article.text):
            if finding.suggestions and finding.suggestions[0] != finding.text:
                change = Change(finding.start, finding.end, finding.suggestions[0], finding.rule)
                ((_, verdict),) = verdicts(article, [change])
                count(finding, verdict)
    for texts in clean.values():
        for text in texts:
            for finding in check(text):
                if finding.suggestions and finding.suggestions[0] != finding.text:
                    where = context(text, finding.start, finding.end)
                    accepted = reviewed.get((finding.rule, where), ("",))[0] == "accept"
                    count(finding, "right" if accepted else "clean")
    lines = [
        "### Suggestions by rule: measured precision",
        "",
        "Every finding with a suggestion (safe or not, any confidence) from default `mtkit "
        "check` on the four tuning sets, its first suggestion applied alone. Dev verdicts as "
        "above; on clean human news (BBC, NTREX, WMT22 references) a suggestion is wrong "
        "unless a reviewer accepted it as the repair of a real slip (counted as right). "
        "*precision* = (right + closer) / all; *applied by fix* = the same for the findings "
        "`fix` applies by default (marked safe at confidence >= 0.8, or measured safe). "
        f"Flags: **below {SAFE_PRECISION}** for applied fixes that miss the bar; *candidate* "
        f"for a rule whose suggestions all reach it over at least {MIN_EVIDENCE} cases but "
        "are not applied.",
        "",
        "| rule | dev: right | closer | not closer | outside gold | clean text (wrong) |"
        " precision | applied by fix | flag |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for rule, c in sorted(counts.items()):
        total = sum(c[v] for v in ("right", "closer", "not closer", "outside gold", "clean"))
        applied = c["applied"]
        shown = f"{c['applied good'] / applied:.2f} of {applied}" if applied else "-"
        flag = ""
        if applied and c["applied good"] / applied < SAFE_PRECISION:
            flag = f"**below {SAFE_PRECISION}**"
        elif not applied and total >= MIN_EVIDENCE and c["good"] / total >= SAFE_PRECISION:
            flag = "*candidate*"
        lines.append(
            f"| {rule} | {c['right']} | {c['closer']} | {c['not closer']} | "
            f"{c['outside gold']} | {c['clean']} | {c['good'] / total:.2f} of {total} | "
            f"{shown} | {flag} |"
        )
    return lines


def _applied(finding) -> bool:
    from toolkit.fix import measured_safe

    floor = measured_safe().get(finding.rule, 2.0)
    return (finding.safe and finding.confidence >= 0.8) or finding.confidence >= floor


def reviews() -> dict[tuple[str, str], tuple[str, str]]:
    """(rule, context) -> (verdict, note) from benchmarks/fix_reviewed.tsv: a reader's verdict
    on a change fix made to clean text (accept: it corrects a real slip of the writer)."""
    import csv

    path = Path(__file__).with_name("fix_reviewed.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(r["rule"], r["context"]): (r["verdict"], r["note"]) for r in rows}


def clean_section(clean: dict[str, list[str]]) -> list[str]:
    from toolkit.document import Document
    from toolkit.fix import fix

    lines = [
        "### No new errors: every change on clean human news",
        "",
        "Human-written English news should come out of `fix` unchanged (defaults). BBC articles "
        "one per text, NTREX and WMT22 reference segments 40 to a text, as in the precision "
        "benchmark. The references hold real slips of their translators (a space before a "
        "closing quote, a doubled word); each change is reviewed in `benchmarks/fix_reviewed.tsv`"
        " (*accept*: it corrects a real slip; *reject*: a reader would undo it). Target: no "
        "rejected or unreviewed change.",
        "",
        "| corpus | texts | sentences | changes | accepted | rejected | unreviewed |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    reviewed = reviews()
    listed, idempotent = [], collections.Counter()
    for name, texts in clean.items():
        sentences, verdicts_seen = 0, collections.Counter()
        for text in texts:
            sentences += len(Document(text).sentences)
            result = fix(text)
            if not result.changed:
                continue
            idempotent[fix(result.text).text == result.text] += 1
            for change in _changes(result):
                where = context(text, change.start, change.end)
                verdict, note = reviewed.get((change.rule, where), ("unreviewed", ""))
                verdicts_seen[verdict] += 1
                listed.append(
                    f"- {name}: [{change.rule}] → {change.replacement!r}: `{where}` "
                    f"**{verdict}**{': ' + note if note else ''}"
                )
        lines.append(
            f"| {name} | {len(texts)} | {sentences:,} | {sum(verdicts_seen.values())} | "
            f"{verdicts_seen['accept']} | {verdicts_seen['reject']} | "
            f"{verdicts_seen['unreviewed']} |"
        )
    lines += ["", f"Every change ({len(listed)}):", "", *(listed or ["- none"])]
    lines += [
        "",
        f"Idempotence: fixing a fixed text again changed {idempotent[False]} of "
        f"{sum(idempotent.values())}.",
    ]
    return lines


def seed_section() -> list[str]:
    from toolkit.fix import fix
    from toolkit.settings import Settings

    seed = SEED.read_text(encoding="utf-8")
    reference = REFERENCE.read_text(encoding="utf-8")
    lines = [
        "### Seed article against a human post-edit",
        "",
        "Reference: `tests/data/seed_postedited.txt`, a careful minimal post-edit of "
        "`examples/seed_article.txt`. Sentence chrF of the whole text.",
        "",
        "| text | chrF | gain | changes applied |",
        "|---|---:|---:|---|",
    ]
    base = chrf(seed, reference)
    lines.append(f"| seed as scraped (no fix) | {base:.1f} | | |")
    for label, options in (
        ("`mtkit fix` (default: safe, confidence >= 0.8)", {}),
        ("`mtkit fix --unsafe-fixes`", {"unsafe": True}),
        ("`mtkit fix --deep --unsafe-fixes`", {"unsafe": True, "settings": Settings(fast=False)}),
    ):
        result = fix(seed, **options)
        if fix(result.text, **options).text != result.text:
            label += " (NOT idempotent)"
        score = chrf(result.text, reference)
        counts = collections.Counter(f.rule for f in result.applied)
        applied = ", ".join(f"{rule}×{n}" for rule, n in sorted(counts.items())) or "none"
        lines.append(f"| {label} | {score:.1f} | {score - base:+.2f} | {applied} |")
    return lines


def main() -> str:
    sets = {folder.name: articles(folder) for folder in SETS}
    clean = _clean_corpora()
    lines = ["## fix: corrections against post-edits, and no new errors", ""]
    for name, dev in sets.items():
        lines += [*dev_sections(dev, name), ""]
    lines += precision_section([a for dev in sets.values() for a in dev], clean)
    lines += ["", *clean_section(clean)]
    lines += ["", *seed_section()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    print(main())
