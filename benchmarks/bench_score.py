"""mtkit score: sacreBLEU parity and speed on WMT22 zh-en; QE against MQM human judgements.

Reads ../shared/data (wmt22_zhen/, mqm_ted_zhen_dev.tsv) relative to the repository root.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from corpus import DATA, require

ROOT = Path(__file__).resolve().parent.parent
SHARED = DATA
WMT = SHARED / "wmt22_zhen"
MQM = SHARED / "mqm_ted_zhen_dev.tsv"
WEIGHTS = {"major": 5.0, "minor": 1.0}


def _timed(command: list[str], runs: int = 3) -> tuple[float, float, str]:
    """Best CPU time (user + system, robust to a busy machine), best wall time, and output."""
    import resource

    cpu, wall, out = float("inf"), float("inf"), ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        wall = min(wall, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu, out = min(cpu, used), done.stdout
    return cpu, wall, out


def parity_and_speed() -> list[str]:
    """Both CLIs on the full test set, best of 3; the issue's bound is 1.2x sacreBLEU."""
    refs = [str(require(WMT / f"ref.{x}.en")) for x in "AB"]
    rows = ["| metric, systems | sacreBLEU CLI: CPU s (wall s) | mtkit CLI: CPU s (wall s) "
            "| CPU ratio | figures equal |", "|---|---|---|---|---|"]  # fmt: skip
    for system in ("JDExploreAcademy.en", "Online-W.en"):
        hyp = str(WMT / system)
        sacre_cmd = [sys.executable, "-m", "sacrebleu", *refs, "-i", hyp, "-m", "bleu", "chrf",
                     "-f", "text", "-w", "4", "-q"]  # fmt: skip
        mtkit_cmd = [sys.executable, "cli.py", "score", "-r", refs[0], "-r", refs[1], hyp,
                     "--width", "4", "--allow-empty"]  # fmt: skip
        sacre_cpu, sacre_wall, sacre_out = _timed(sacre_cmd)
        mtkit_cpu, mtkit_wall, mtkit_out = _timed(mtkit_cmd)
        expected = [line.strip() for line in sacre_out.splitlines()]
        got = [line.split(": ", 1)[1] for line in mtkit_out.splitlines()]
        rows.append(
            f"| BLEU+chrF, {system} (1,875 lines, 2 refs) | {sacre_cpu:.2f} ({sacre_wall:.2f}) "
            f"| {mtkit_cpu:.2f} ({mtkit_wall:.2f}) | {mtkit_cpu / sacre_cpu:.2f}x "
            f"| {'yes' if got == expected else 'NO'} |"
        )
    return rows


def mqm_segments() -> dict[tuple[str, str], dict]:
    """(system, seg_id) -> talk, source, target, mean MQM points over raters."""
    per_rater: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    info: dict[tuple[str, str], dict] = {}
    with require(MQM).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["system"], row["seg_id"])
            info.setdefault(
                key,
                {
                    "talk": row["doc"],
                    "order": int(row["doc_id"]),
                    "source": re.sub(r"</?v>", "", row["source"]),
                    "target": re.sub(r"</?v>", "", row["target"]),
                },
            )
            points = per_rater[key]
            points[row["rater"]] += _points(row["category"], row["severity"])
    for key, raters in per_rater.items():
        info[key]["mqm"] = sum(raters.values()) / len(raters)
    return info


def _points(category: str, severity: str) -> float:
    if category in ("No-error", "Source error"):
        return 0.0
    if category == "Non-translation!" or category.startswith("Non-translation"):
        return 25.0
    if severity.lower() == "minor" and category == "Fluency/Punctuation":
        return 0.1
    return WEIGHTS.get(severity.lower(), 0.0)


def qe_correlation() -> list[str]:
    import numpy as np
    import sacrebleu
    from scipy.stats import kendalltau, pearsonr

    from toolkit.score.qe import estimate

    segments = mqm_segments()
    reference = {seg: v["target"] for (system, seg), v in segments.items() if system == "ref"}
    outputs: dict[str, dict[str, str]] = defaultdict(dict)
    documents: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for (system, seg), v in segments.items():
        if system != "ref" and seg in reference:
            documents[(system, v["talk"])].append((v["order"], seg))
            outputs[seg][system] = v["target"]
    human, talks, features, scores = [], [], [], defaultdict(list)
    started = time.perf_counter()
    for (system, talk), items in sorted(documents.items()):
        items.sort()
        hyps = [segments[(system, seg)]["target"] for _, seg in items]
        srcs = [segments[(system, seg)]["source"] for _, seg in items]
        others = [[t for s, t in outputs[seg].items() if s != system] for _, seg in items]
        runs = {
            "with source": estimate(hyps, srcs).segments,
            "no source": estimate(hyps).segments,
            "with source + other systems (consensus)": estimate(
                hyps, srcs, alternatives=others
            ).segments,
        }
        for index, ((_, seg), hyp) in enumerate(zip(items, hyps, strict=True)):
            human.append(-segments[(system, seg)]["mqm"])
            talks.append(talk)
            for name, estimates in runs.items():
                scores[f"mtkit QE points, {name}"].append(-estimates[index].points)
            with_source = runs["with source"][index]
            scores["mtkit QE per-word score, with source"].append(with_source.score)
            scores["sentence-BLEU (has the reference)"].append(
                sacrebleu.sentence_bleu(hyp, [reference[seg]]).score
            )
            scores["sentence-chrF (has the reference)"].append(
                sacrebleu.sentence_chrf(hyp, [reference[seg]]).score
            )
            signals = dict(with_source.signals)
            features.append(
                [with_source.words, with_source.evidence - signals.get("length", 0),
                 signals.get("length", 0)]
            )  # fmt: skip
    took = time.perf_counter() - started
    # A linear model on (words, finding points, length points), fitted leave-one-talk-out.
    x, y, groups = np.array(features, float), -np.array(human), np.array(talks)
    fitted = np.zeros(len(y))
    for talk in sorted(set(talks)):
        train = groups != talk
        design = np.c_[x[train], np.ones(train.sum())]
        weights, *_ = np.linalg.lstsq(design, y[train], rcond=None)
        fitted[~train] = np.c_[x[~train], np.ones((~train).sum())] @ weights
    scores["linear fit on words + findings + length, leave-one-talk-out"] = list(-fitted)
    rows = [
        f"{len(human)} system-segments ({len(documents)} system×talk documents of 3 TED "
        "talks; the reference system `ref` is left out and used as the reference for BLEU "
        "and chrF). Human score: MQM per segment = mean over raters of the summed WMT "
        "weights (major 5, minor 1, minor punctuation 0.1, non-translation 25; source "
        f"errors 0). The three QE runs took {took:.0f} s.",
        "",
        "| scorer | Kendall tau-b | Pearson r |",
        "|---|---|---|",
    ]
    for name, values in scores.items():
        tau = kendalltau(values, human).statistic
        r = pearsonr(values, human).statistic
        rows.append(f"| {name} | {tau:.3f} | {r:.3f} |")
    fired = sum(1 for f in features if f[1] > 0)
    rows += [
        "",
        f"Findings or signals fired on {fired} of {len(features)} segments. QE points are "
        "0.1 per word (prior) plus finding and signal points; with other systems' outputs, "
        "0.05 per word plus 0.3 per word times (1 - mean chrF against them). The prior "
        "rates (0.1; 0.05 and 0.3) were chosen on this same dev set: two numbers, but not "
        "held out. Most of the correlation comes from segment length (longer segments "
        "hold more MQM points); the per-word score, which removes length, barely "
        "correlates. The leave-one-talk-out linear fit is the honest held-out figure.",
    ]
    return rows


def _pairs() -> dict[str, tuple[list[str], list[str]]]:
    """Human translation pairs: (sources, translations) per data set."""
    wmt_src = (require(WMT / "src.zh")).read_text(encoding="utf-8").split("\n")[:-1]
    wmt_ref = (WMT / "ref.A.en").read_text(encoding="utf-8").split("\n")[:-1]
    with require(SHARED / "ntrex_en_ar.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return {
        "WMT22 zh→en, ref.A (1,875 lines)": (wmt_src, wmt_ref),
        "NTREX ar→en, English original as translation (1,997 lines)": (
            [r[1] for r in rows],
            [r[0] for r in rows],
        ),
    }


def _figure(text: str):
    """The first figure written in digits (above 2) in a text, if any."""
    from toolkit.numbers import find_numbers

    return next((n for n in find_numbers(text) if n.kind == "digits" and n.value > 2), None)


def bilingual() -> list[str]:
    """BI findings on human translations (mostly false alarms) and recall on planted errors."""
    import random
    from collections import Counter

    from toolkit.checks.bilingual import BilingualCheck
    from toolkit.document import Document

    check = BilingualCheck()
    rows = ["| data | segments | BI findings (rule: count) | per 100 segments |",
            "|---|---|---|---|"]  # fmt: skip
    recall = [
        "| data | planted error | segments | found by the expected rule | figure's place "
        "inside the span | span's share of the segment |",
        "|---|---|---|---|---|---|",
    ]
    rng = random.Random(7)
    for name, (sources, targets) in _pairs().items():
        started = time.perf_counter()
        found = check.run(Document("\n".join(targets), source="\n".join(sources)))
        took = time.perf_counter() - started
        counts = ", ".join(
            f"{rule}: {n}" for rule, n in sorted(Counter(f.rule for f in found).items())
        )
        rows.append(f"| {name} ({took:.1f} s) | {len(targets)} | {counts} | "
                    f"{100 * len(found) / len(targets):.1f} |")  # fmt: skip
        clean = {f.line for f in found}
        candidates = [i for i, t in enumerate(targets) if i + 1 not in clean and _figure(t)]
        sample = rng.sample(candidates, min(150, len(candidates)))
        for error, rule in (("number altered (+1 to one figure)", "BI102"),
                            ("number deleted", "BI101")):  # fmt: skip
            planted = list(targets)
            for i in sample:
                number = _figure(planted[i])
                new = str(int(number.value) + 1) if "altered" in error else ""
                text = planted[i]
                planted[i] = text[: number.start] + new + text[number.end :]
            hits = check.run(Document("\n".join(planted), source="\n".join(sources)))
            lines = {f.line for f in hits if f.rule in (rule, "BI101", "BI102")}
            exact = {f.line: f for f in hits if f.rule == rule}
            caught = sum(1 for i in sample if i + 1 in lines)
            right = [i for i in sample if i + 1 in exact]
            # where the figure was (or is): inside the finding's span, and the span's share
            at = [_figure(targets[i]).start for i in right]
            inside = sum(
                exact[i + 1].column - 1 <= pos <= exact[i + 1].column - 1 + len(exact[i + 1].text)
                for i, pos in zip(right, at, strict=True)
            )
            share = sum(len(exact[i + 1].text) / len(planted[i]) for i in right)
            share /= max(1, len(right))
            recall.append(f"| {name} | {error} | {len(sample)} | {len(right)} ({caught} by "
                          f"either) | {inside} | {share:.0%} |")  # fmt: skip
    return [*rows, "", *recall, "", *_sentences(check, rng)]


def _sentences(check, rng) -> list[str]:
    """Sentence omission/addition (BI106/BI107) where source and translation are not line
    aligned: WMT22 zh-en in 6-line paragraphs, the source joined without separators (so one
    source "sentence" may hold several lines) or one line each."""
    from toolkit.document import Document

    sources, targets = _pairs()["WMT22 zh→en, ref.A (1,875 lines)"]
    rows = ["| source joined | paragraphs | BI106/BI107 on the human translation | sentence "
            "dropped: more BI106/BI105 | unrelated sentence added: more BI107/BI105 |",
            "|---|---|---|---|---|"]  # fmt: skip
    for label, joiner in (("no separator", ""), ("one line each", "\n")):
        alarms = dropped = added = paragraphs = 0
        for i in range(0, len(targets) - 5, 6):
            src, lines = joiner.join(sources[i : i + 6]), targets[i : i + 6]

            def counts(text: str, src: str = src) -> tuple[int, int, int]:
                rules = [f.rule for f in check.run(Document(text, source=src))]
                return rules.count("BI106"), rules.count("BI107"), rules.count("BI105")

            clean = counts(" ".join(lines))
            k = rng.randrange(1, 5)
            less = counts(" ".join(lines[:k] + lines[k + 1 :]))
            more = counts(" ".join([*lines[:k], targets[(i + 900) % len(targets)], *lines[k:]]))
            paragraphs += 1
            alarms += clean[0] + clean[1]
            dropped += less[0] + less[2] > clean[0] + clean[2]
            added += more[1] + more[2] > clean[1] + clean[2]
        rows.append(f"| {label} | {paragraphs} | {alarms} | {dropped} | {added} |")
    return rows


def main() -> str:
    sys.path.insert(0, str(ROOT))
    lines = ["## score", "", "### sacreBLEU parity and speed (WMT22 zh-en, full test set)", ""]
    lines += parity_and_speed()
    lines += ["", "### Bilingual check on human translations and planted errors", ""]
    lines += bilingual()
    lines += ["", "### QE against MQM human judgements (mqm_ted_zhen_dev.tsv)", ""]
    lines += qe_correlation()
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
