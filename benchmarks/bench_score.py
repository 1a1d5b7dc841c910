"""mtkit score: sacreBLEU parity and speed on WMT22 zh-en; QE against MQM human judgements.

Reads ../shared/data (wmt22_zhen/, mqm_ted_zhen_dev.tsv) relative to the repository root.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import time
from collections import defaultdict

from tools.shared_data import DATA, ROOT, require

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
    rows += ["", *_ter_speed(refs[0])]
    return rows


def _ter_speed(ref: str) -> list[str]:
    """TER with one reference: sacreBLEU's CLI against mtkit's (corpus, then segment level)."""
    hyp = str(WMT / "Online-W.en")
    sacre_cmd = [sys.executable, "-m", "sacrebleu", ref, "-i", hyp, "-m", "ter", "-w", "4"]
    sacre_cpu, sacre_wall, sacre_out = _timed(sacre_cmd, runs=1)
    rows = ["| TER, Online-W.en vs ref.A (1,875 lines) | CPU s | wall s | sacreBLEU CPU / "
            "this CPU | output equal to sacreBLEU's |", "|---|---|---|---|---|",
            f"| sacreBLEU CLI | {sacre_cpu:.2f} | {sacre_wall:.2f} | 1.00x | |"]  # fmt: skip
    variants = (("corpus", []), ("corpus, --jobs 1", ["--jobs", "1"]),
                ("--segment-level", ["--segment-level"]),
                ("--segment-level --jobs 1", ["--segment-level", "--jobs", "1"]))  # fmt: skip
    best: dict[str, tuple[float, float, str]] = {}
    for _ in range(3):  # interleaved, so that a burst of load elsewhere hits every variant
        for label, extra in variants:
            timed = _timed([sys.executable, "cli.py", "score", ref, "-i", hyp, "-m", "ter",
                            "-w", "4", *extra], runs=1)  # fmt: skip
            old = best.get(label, (float("inf"), float("inf"), ""))
            best[label] = (min(old[0], timed[0]), min(old[1], timed[1]), timed[2])
    for label, extra in variants:
        cpu, wall, out = best[label]
        same = "yes" if out == sacre_out else "NO"
        if "--segment-level" in extra:
            same = "(one score per segment)"
        rows.append(
            f"| mtkit, {label} | {cpu:.2f} | {wall:.2f} | {sacre_cpu / cpu:.1f}x | {same} |"
        )
    ratio = best["--segment-level --jobs 1"][0] / best["corpus, --jobs 1"][0]
    rows += ["", f"Sentence-level TER against corpus TER, one process each (best CPU of 3 "
             f"interleaved runs): {ratio:.2f}x. Both compute the same segment statistics "
             "once; the sentence scores are read off them (no second edit pass)."]  # fmt: skip
    return rows


def replayed_suite() -> list[str]:
    """sacreBLEU 2.6.0's test cases replayed by tests/test_score_sacrebleu_suite.py."""
    sys.path.insert(0, str(ROOT / "tests" / "score"))
    import test_score_sacrebleu_suite as suite

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/score/test_score_sacrebleu_suite.py"],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "MTKIT_SLOW_TESTS": "1"},
    )  # fmt: skip
    summary = done.stdout.strip().splitlines()[-1]
    return [
        f"sacreBLEU 2.6.0's test cases with local data, replayed through `mtkit score` options: "
        f"{summary} ({len(suite.CASES)} command-line cases, {len(suite.MOSES_P_VALS)} paired "
        f"bootstrap and {len(suite.MULTEVAL_P_VALS)} approximate randomization p-values; "
        f"skipped: the {len(suite.NOT_EXPRESSIBLE)} cases that feed BLEU raw statistics no "
        "text has, so no command line can express them)."
    ]


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


def _lm_bits(texts: list[str]) -> dict[str, float]:
    """SmolLM2 surprisal (bits) of each text, kept in mtkit's cache between runs."""
    from toolkit.cache import cached
    from toolkit.lm import default_model_path, load_lm

    model = default_model_path()

    def build() -> dict[str, float]:
        lm = load_lm(model)
        return {t: bits for t, (bits, _) in zip(texts, lm.total_bits(texts), strict=True)}

    return cached("bench-score-mqm-lm-bits", [require(MQM), model], build)


def _fit_share(evidence, words, lm_words, y) -> float:
    """The LM share of the prior (0..1, steps of 0.05) that ranks these segments best."""
    import numpy as np

    from toolkit.score.qe import PRIOR_POINTS_PER_WORD as PRIOR

    grid = np.linspace(0, 1, 21)
    return float(max(grid, key=lambda share: _tau(
        -(evidence + PRIOR * ((1 - share) * words + share * lm_words)), y)))  # fmt: skip


def qe_correlation() -> list[str]:
    """QE against MQM: each system scored on its own, beside the length baseline and chrF.

    The LM share of the prior is fitted on two talks and applied to the third (for each
    talk in turn); the figures pool those held-out predictions."""
    import numpy as np
    import sacrebleu

    from toolkit.score.qe import BITS_PER_WORD, LM_SHARE, PRIOR_POINTS_PER_WORD, estimate

    segments = mqm_segments()
    reference = {seg: v["target"] for (system, seg), v in segments.items() if system == "refB"}
    documents: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for (system, seg), v in segments.items():
        if system not in ("ref", "refB") and seg in reference:
            documents[(system, v["talk"])].append((v["order"], seg))
    human, keys, hyps_all, scores = [], [], [], defaultdict(list)
    evidence, words = [], []
    started = time.perf_counter()
    fired = 0
    for (system, talk), items in sorted(documents.items()):
        items.sort()
        hyps = [segments[(system, seg)]["target"] for _, seg in items]
        srcs = [segments[(system, seg)]["source"] for _, seg in items]
        estimates = estimate(hyps, srcs).segments
        for (_, seg), hyp, estimated in zip(items, hyps, estimates, strict=True):
            human.append(-segments[(system, seg)]["mqm"])
            keys.append((system, talk, seg))
            hyps_all.append(hyp)
            fired += estimated.evidence > 0
            evidence.append(estimated.evidence)
            words.append(estimated.words)
            scores["mtkit QE, fast (no LM), with source"].append(-estimated.points)
    took = time.perf_counter() - started
    started = time.perf_counter()
    bits = _lm_bits(sorted(set(hyps_all)))
    lm_took = time.perf_counter() - started
    y = np.array(human, float)
    evidence_a, words_a = np.array(evidence), np.array(words, float)
    lm_words = np.array([bits[h] for h in hyps_all]) / BITS_PER_WORD
    talks = np.array([talk for _, talk, _ in keys])
    held_out, shares = np.zeros(len(y)), {}
    for talk in sorted(set(talks)):
        train = talks != talk
        shares[talk] = share = _fit_share(evidence_a[train], words_a[train], lm_words[train],
                                          y[train])  # fmt: skip
        held_out[~train] = -(evidence_a[~train] + PRIOR_POINTS_PER_WORD * (
            (1 - share) * words_a[~train] + share * lm_words[~train]))  # fmt: skip
    scores["mtkit QE --deep (SmolLM2 surprisal), with source, share fitted on the other "
           "talks"] = list(held_out)  # fmt: skip
    every_share = _fit_share(evidence_a, words_a, lm_words, y)
    for hyp, (_, _, seg) in zip(hyps_all, keys, strict=True):
        scores["minus the number of tokens (baseline)"].append(-len(hyp.split()))
        scores["sentence-chrF against refB (has a reference)"].append(
            sacrebleu.sentence_chrf(hyp, [reference[seg]]).score
        )
    mean_of_others = _others_mean(keys, y)
    baseline = np.array(scores["minus the number of tokens (baseline)"], float)
    items = np.array([seg for _, _, seg in keys])
    systems = [system for system, _, _ in keys]
    rows = [
        f"{len(human)} system-segments: 13 MT systems × {len(set(items))} source segments of 3 "
        "TED talks, each system's file estimated on its own with its source (no other "
        "systems passed). `ref` and `refB` are human translations; `refB` is the reference for "
        "chrF (the raters scored `ref` worse than every MT system, so it is no reference). "
        "Human score: MQM per segment = mean over raters of the summed WMT weights (major 5, "
        "minor 1, minor punctuation 0.1, non-translation 25; source errors 0). Segment "
        "Kendall tau-b pools all system-segments; the CI of the difference from the length "
        "baseline resamples source segments (500 bootstrap samples). System level: "
        "pairwise accuracy over the 78 pairs of systems, by mean points per segment. "
        f"QE took {took:.0f} s without the LM; the LM's surprisal of the "
        f"{len(set(hyps_all))} distinct outputs {lm_took:.0f} s (0 when cached).",
        "",
        f"`--deep` replaces a share of the per-word prior by SmolLM2-135M's total surprisal "
        f"(bits / {BITS_PER_WORD:g} bits per word). The share is fitted on two talks and "
        "applied to the held-out third, for each talk in turn (fitted shares: "
        + ", ".join(f"{share:g} without {talk}" for talk, share in shares.items())
        + f"; on all three talks: {every_share:g}, shipped as LM_SHARE = {LM_SHARE:g}).",
        "",
        "| scorer | segment tau-b | tau-b minus baseline [95% CI] | system pairwise accuracy |",
        "|---|---|---|---|",
    ]
    for name, values in scores.items():
        x = np.array(values, float)
        tau = _tau(x, y)
        low, high = _bootstrap_gain(x, baseline, y, items)
        gain = f"{tau - _tau(baseline, y):+.3f} [{low:+.3f}, {high:+.3f}]"
        gain = "" if name.startswith("minus") else gain
        rows.append(f"| {name} | {tau:.3f} | {gain} | {_pairwise(x, y, systems):.2f} |")
    x = mean_of_others
    rows.append(f"| not a metric: mean human MQM of the other 12 systems on the same segment "
                f"| {_tau(x, y):.3f} | {_tau(x, y) - _tau(baseline, y):+.3f} | |")  # fmt: skip
    rows += [
        "",
        "Per held-out talk (segment tau-b within the talk):",
        "",
        "| talk | system-segments | minus tokens | QE fast | QE --deep |",
        "|---|---|---|---|---|",
    ]
    fast = np.array(scores["mtkit QE, fast (no LM), with source"])
    for talk in sorted(set(talks)):
        m = talks == talk
        rows.append(f"| {talk} | {m.sum()} | {_tau(baseline[m], y[m]):.3f} | "
                    f"{_tau(fast[m], y[m]):.3f} | {_tau(held_out[m], y[m]):.3f} |")  # fmt: skip
    rows += [
        "",
        f"Findings or signals fired on {fired} of {len(human)} segments. The last row of the "
        "first table is a ceiling, not a scorer: it knows how hard human raters found each "
        "source segment, yet ranks only a little better than length, because most of the "
        "variance of MQM lies between the systems' outputs of one segment (which one has an "
        "error), where neither length nor surprisal says much.",
    ]
    return rows


def _others_mean(keys, y):
    """Per system-segment: the mean human score of the other systems on that segment."""
    import numpy as np

    by_segment: dict[str, list[float]] = defaultdict(list)
    for (_, _, seg), value in zip(keys, y, strict=True):
        by_segment[seg].append(value)
    return np.array([
        (sum(by_segment[seg]) - value) / (len(by_segment[seg]) - 1)
        for (_, _, seg), value in zip(keys, y, strict=True)
    ])  # fmt: skip


def _tau(x, y) -> float:
    from scipy.stats import kendalltau

    return float(kendalltau(x, y).statistic)


def _bootstrap_gain(x, baseline, y, items, samples: int = 500) -> tuple[float, float]:
    """95% interval of tau(x) - tau(baseline), resampling source segments with all systems."""
    import numpy as np

    rng = np.random.default_rng(17)
    unique = np.unique(items)
    members = {item: np.flatnonzero(items == item) for item in unique}
    gains = []
    for _ in range(samples):
        chosen = np.concatenate([members[i] for i in rng.choice(unique, len(unique))])
        gains.append(_tau(x[chosen], y[chosen]) - _tau(baseline[chosen], y[chosen]))
    return float(np.percentile(gains, 2.5)), float(np.percentile(gains, 97.5))


def _pairwise(x, y, systems: list[str]) -> float:
    """Share of system pairs ordered as the humans order them (mean score per segment)."""
    from itertools import combinations

    names = sorted(set(systems))
    index = {name: [i for i, s in enumerate(systems) if s == name] for name in names}
    metric = {name: x[index[name]].mean() for name in names}
    truth = {name: y[index[name]].mean() for name in names}
    pairs = list(combinations(names, 2))
    right = sum((metric[a] - metric[b]) * (truth[a] - truth[b]) > 0 for a, b in pairs)
    return right / len(pairs)


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
        "inside or touching the span | span's share of the segment |",
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
            # where the figure was (or is): inside the finding's span (or touching it: "On May
            # , ..." once "23" is gone), and the span's share of the segment
            at = [_figure(targets[i]).start for i in right]
            inside = sum(
                exact[i + 1].column - 3 <= pos <= exact[i + 1].column + len(exact[i + 1].text) + 1
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
    lines += ["", *replayed_suite()]
    lines += ["", "### Bilingual check on human translations and planted errors", ""]
    lines += bilingual()
    lines += ["", "### QE against MQM human judgements (mqm_ted_zhen_dev.tsv)", ""]
    lines += qe_correlation()
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
