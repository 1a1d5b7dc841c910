"""Mine n-grams over-represented in MT output against human references (calque candidates).

    python tools/mine_calques.py [--data ../shared/data] [--out corpora/calques/mined_zh.tsv]

Reads the line-aligned WMT22 zh-en outputs of two systems and the two human references of
the same 1,875 source lines (so topic words cancel out), counts word n-grams (2-5 tokens,
lower-cased, ``<s>`` marks a sentence start) on each side, and ranks them by the log-odds
ratio with an informative Dirichlet prior (Monroe et al. 2008).
The output keeps every candidate's counts so the choice of lexicon entries is auditable.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tools.shared_data import DATA

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[,;:]")
ORDERS = range(2, 6)
MIN_MT_COUNT = 5


def ngrams(lines: Iterable[str]) -> Counter[str]:
    """Counts of 2- to 5-grams; each line counts an n-gram once."""
    counts: Counter[str] = Counter()
    for line in lines:
        tokens = ["<s>", *(t.lower() for t in TOKEN.findall(line))]
        seen = {" ".join(tokens[i : i + n]) for n in ORDERS for i in range(len(tokens) - n + 1)}
        counts.update(gram for gram in seen if any(c.isalpha() for c in gram.replace("<s>", "")))
    return counts


def log_odds(mt: Counter[str], ref: Counter[str]) -> list[tuple[str, float]]:
    """z-scores of the log-odds ratio of MT vs reference use, with the pooled counts as prior."""
    prior = mt + ref
    n_mt, n_ref, n_prior = sum(mt.values()), sum(ref.values()), sum(prior.values())
    alpha0 = 1000.0
    scored = []
    for gram, count in mt.items():
        if count < MIN_MT_COUNT:
            continue
        alpha = alpha0 * prior[gram] / n_prior
        a, b = count + alpha, ref[gram] + alpha
        delta = math.log(a / (n_mt + alpha0 - a)) - math.log(b / (n_ref + alpha0 - b))
        scored.append((gram, delta / math.sqrt(1 / a + 1 / b)))
    return sorted(scored, key=lambda item: -item[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "corpora/calques/mined_zh.tsv")
    parser.add_argument("--top", type=int, default=300)
    args = parser.parse_args(argv)
    wmt = args.data / "wmt22_zhen"
    if not wmt.is_dir():
        raise SystemExit(f"missing {wmt}: this script needs the shared WMT22 data")

    def lines(name: str) -> list[str]:
        return (wmt / name).read_text(encoding="utf-8").splitlines()

    mt_lines = lines("JDExploreAcademy.en") + lines("Online-W.en")
    ref_lines = lines("ref.A.en") + lines("ref.B.en")
    mt, ref = ngrams(mt_lines), ngrams(ref_lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        out.write(
            "# n-grams over-represented in zh-en MT output vs human references; written by\n"
            "# tools/mine_calques.py from WMT22 generaltest2022 zh-en: JDExploreAcademy +\n"
            "# Online-W outputs vs ref.A + ref.B. mt/ref = lines containing the n-gram;\n"
            f"# {len(mt_lines)} lines each side. z = log-odds z-score (Monroe et al. 2008).\n"
            "ngram\tmt\tref\tz\n"
        )
        for gram, z in log_odds(mt, ref)[: args.top]:
            out.write(f"{gram}\t{mt[gram]}\t{ref[gram]}\t{z:.2f}\n")


if __name__ == "__main__":
    main()
