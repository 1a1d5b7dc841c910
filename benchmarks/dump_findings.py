"""Dump every finding (and every fix) on the tuning sets and the clean-news precision texts, so
a refactor or speed change can prove that it changes no figure: dump before, dump after, and
compare the two files byte for byte.

    python benchmarks/dump_findings.py -o /tmp/before.jsonl
    ... change the code ...
    python benchmarks/dump_findings.py -o /tmp/after.jsonl --against /tmp/before.jsonl

One JSON line per document: its name, every finding of the default ``mtkit check`` (as in
``--format json``) and, for the annotated articles, the text ``mtkit fix`` makes of it.
``--against`` prints the documents that differ and exits 1 if any does. ``--no-fix`` skips
``fix`` (quicker); ``--no-precision`` skips the clean news.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from bench_precision import bbc_documents, ntrex_documents, wmt_reference_documents  # noqa: E402

from tools.shared_data import DATA  # noqa: E402

SETS = [DATA / "mtnews_dev", *sorted((HERE / "data").glob("mtnews_*"))]


def documents(precision: bool) -> Iterator[tuple[str, str, bool]]:
    """(name, text, whether it is an annotated article) of every document dumped."""
    for folder in SETS:
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.name}/{path.name}", path.read_text(encoding="utf-8"), True
    if precision:
        for label, texts in (
            ("bbc", bbc_documents()),
            ("ntrex", ntrex_documents()),
            ("wmt22_refs", wmt_reference_documents()),
        ):
            for number, text in enumerate(texts):
                yield f"{label}/{number}", text, False


def dump(output: Path, fix: bool, precision: bool) -> None:
    from toolkit.fix import fix as fix_text
    from toolkit.pipeline import Selection, check_chunks
    from toolkit.settings import Settings
    from toolkit.textio import Chunk

    settings, selection = Settings(), Selection()
    with output.open("w", encoding="utf-8") as out:
        for name, text, article in documents(precision):
            found = [
                f.to_dict()
                for _, findings in check_chunks([Chunk(text, 0, 0)], settings, selection)
                for f in findings
            ]
            record = {"doc": name, "findings": found}
            if fix and article:
                record["fixed"] = fix_text(text, settings=settings, selection=selection).text
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def differences(before: Path, after: Path) -> list[str]:
    """Names of the documents whose lines differ (or that only one file has)."""

    def lines(path: Path) -> dict[str, str]:
        rows = path.read_text(encoding="utf-8").splitlines()
        return {json.loads(row)["doc"]: row for row in rows}

    old, new = lines(before), lines(after)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--against", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--no-fix", action="store_true")
    parser.add_argument("--no-precision", action="store_true")
    options = parser.parse_args(args)
    dump(options.output, not options.no_fix, not options.no_precision)
    if options.against is None:
        return 0
    changed = differences(options.against, options.output)
    for name in changed:
        print(f"differs: {name}")
    print(f"{len(changed)} document(s) differ" if changed else "identical", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
