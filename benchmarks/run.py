"""Run every benchmark and write benchmarks/RESULTS.md.

Each benchmark is a module ``benchmarks/bench_*.py`` with ``main() -> str`` returning a
Markdown section; sections are also kept in ``benchmarks/results/<name>.md`` so one can be
re-run alone: ``python benchmarks/run.py boilerplate``. ``--quick`` sets MTKIT_BENCH_QUICK=1,
which the long benchmarks read to use smaller inputs (their sections say so).
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"{mem:.0f} GiB RAM, Python {platform.python_version()}"
    )


def run(name: str) -> None:
    spec = importlib.util.spec_from_file_location(name, HERE / f"bench_{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    started = time.perf_counter()
    section = module.main().rstrip()
    took = time.perf_counter() - started
    stamp = time.strftime("%Y-%m-%d")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.md").write_text(
        f"{section}\n\n_Measured {stamp} on {machine()}; benchmark ran {took:.0f} s"
        f"{' (--quick)' if os.environ.get('MTKIT_BENCH_QUICK') else ''}._\n",
        encoding="utf-8",
    )


def collect() -> None:
    sections = [p.read_text(encoding="utf-8").rstrip() for p in sorted(RESULTS.glob("*.md"))]
    header = (
        "# mtkit benchmark results\n\n"
        "Written by `python benchmarks/run.py` (all) or `python benchmarks/run.py NAME`"
        " (one `benchmarks/bench_NAME.py`). Each section names the machine it ran on.\n"
    )
    (HERE / "RESULTS.md").write_text(header + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8")


USAGE = """usage: python benchmarks/run.py [--quick] [--collect] [NAME ...]

Runs the named benchmarks (all by default) and writes benchmarks/RESULTS.md from the sections
in benchmarks/results/. --quick: smaller inputs where a benchmark supports it. --collect: only
rebuild RESULTS.md from the saved sections. Known benchmarks: {known}"""


def main(args: list[str]) -> None:
    known = sorted(p.stem[6:] for p in HERE.glob("bench_*.py"))
    if "-h" in args or "--help" in args:
        print(USAGE.format(known=", ".join(known)))
        return
    if "--collect" in args:
        collect()
        return
    if "--quick" in args:
        os.environ["MTKIT_BENCH_QUICK"] = "1"
    if unknown_flags := [arg for arg in args if arg.startswith("-") and arg != "--quick"]:
        sys.exit(f"unknown option {unknown_flags[0]}\n{USAGE.format(known=', '.join(known))}")
    names = [arg for arg in args if not arg.startswith("-")]
    if unknown := sorted(set(names) - set(known)):
        sys.exit(f"no benchmark {', '.join(unknown)} (known: {', '.join(known)})")
    sys.path[:0] = [str(HERE.parent), str(HERE)]
    for name in names or known:
        print(f"benchmark {name} ...", file=sys.stderr)
        run(name)
    collect()


if __name__ == "__main__":
    main(sys.argv[1:])
