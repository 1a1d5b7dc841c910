"""Time and memory of whole commands as the input grows from 0.25 to 4 MB of ordinary news:
``check``, ``fix``, ``summarize``, ``brief`` and ``score --qe``, each a fresh ``mtkit``
process, CPU seconds and peak resident memory from the kernel (``wait4``). Growth is the
slope of log CPU time over log size (1.0 is linear). ``fix`` / ``check`` at 1 MB is the
ratio of the least CPU of each over ``RATIO_PAIRS`` alternating runs (one run swings by a
quarter on a shared machine). Also ``brief`` on 260 KB of nested brackets. ``--quick``: up
to 1 MB."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_articles import mtkit
from bench_precision import bbc_documents, ntrex_documents, wmt_reference_documents

SIZES_MB = (0.25, 0.5, 1, 2, 4)
QUICK_SIZES_MB = (0.25, 0.5, 1)
COMMANDS = {
    "check": ["check"],
    "fix": ["fix"],
    "summarize": ["summarize"],
    "brief": ["brief"],
    "score --qe": ["score", "--qe"],
}
TIMEOUT = 1200
RATIO_PAIRS = 3
MEMORY_LIMIT_MB = 500


def news(size: int) -> str:
    """About ``size`` characters of human news (BBC, NTREX, WMT22 references), repeated
    when the sources run out, cut at a paragraph end."""
    pool = "\n\n".join(bbc_documents() + ntrex_documents() + wmt_reference_documents())
    text = pool
    while len(text) < size:
        text += "\n\n" + pool
    return text[: text.rfind("\n\n", 0, size)] + "\n"


def run(args: list[str], path: Path) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak MB, outcome) of one mtkit process."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen([mtkit(), *args, str(path)], stdout=sink, stderr=sink)
        deadline = started + TIMEOUT
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, 0, "timeout"
            time.sleep(0.05)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    outcome = "ok" if code in (0, 1) else f"exit {code}"
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, outcome


def growth(points: list[tuple[float, float]]) -> float | None:
    """Slope of log CPU over log size between the smallest and largest completed runs."""
    points = [(size, cpu) for size, cpu in points if cpu > 0]
    if len(points) < 2:
        return None
    (s0, c0), (s1, c1) = points[0], points[-1]
    return math.log(c1 / c0) / math.log(s1 / s0)


def ratio_pairs(results: dict[str, list], folder: Path) -> list[tuple[float, float]]:
    """(check CPU, fix CPU) at 1 MB: the table's run and ``RATIO_PAIRS - 1`` more pairs,
    alternating, when the table has both commands at 1 MB."""
    one = {name: next((r for r in rows if r[0] == 1), None) for name, rows in results.items()}
    if not (one.get("check") and one.get("fix")) or {one["check"][4], one["fix"][4]} != {"ok"}:
        return []
    pairs = [(one["check"][2], one["fix"][2])]
    path = folder / f"news_{one['check'][0]}.txt"  # as main() named it
    for _ in range(RATIO_PAIRS - 1):
        pairs.append((run(COMMANDS["check"], path)[1], run(COMMANDS["fix"], path)[1]))
        print(f"scale: 1 MB check / fix: {pairs[-1][0]:.1f} / {pairs[-1][1]:.1f} s CPU",
              file=sys.stderr, flush=True)  # fmt: skip
    return pairs


def main() -> str:
    """``MTKIT_SCALE_COMMANDS`` (``fix,check``) and ``MTKIT_SCALE_SIZES`` (``2,4``) re-run a
    part of the table (an hour of CPU in all); the section then says which part it is."""
    quick = bool(os.environ.get("MTKIT_BENCH_QUICK"))
    sizes = QUICK_SIZES_MB if quick else SIZES_MB
    if chosen := os.environ.get("MTKIT_SCALE_SIZES"):
        sizes = tuple(float(s) for s in chosen.split(","))
    commands = os.environ.get("MTKIT_SCALE_COMMANDS", ",".join(COMMANDS)).split(",")
    results: dict[str, list[tuple[float, float, float, float, str]]] = {c: [] for c in commands}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"news_{size}.txt"
            path.write_text(news(int(size * 1_000_000)), encoding="utf-8")
            for name in commands:
                wall, cpu, peak, outcome = run(COMMANDS[name], path)
                results[name].append((size, wall, cpu, peak, outcome))
                # as it goes: the whole run takes an hour or more of CPU
                print(f"scale: {name} {size:g} MB: {cpu:.1f} s CPU, {peak:.0f} MB, {outcome}",
                      file=sys.stderr, flush=True)  # fmt: skip
        pairs = ratio_pairs(results, Path(tmp))
        nested = Path(tmp) / "nested.txt"
        depth = 65_000
        nested.write_text("(" * depth + "word" + ")" * depth + "\n" + "[{" * 32_000, "utf-8")
        brackets = run(["brief"], nested)
    lines = [
        "## scale: time and memory from 0.25 to 4 MB",
        "",
        "Each command a fresh `mtkit` process on human news (BBC, NTREX and WMT22 reference "
        "texts, repeated past 1.3 MB), paragraphs separated by blank lines. CPU seconds "
        "(user + system) and peak resident memory of the process; *growth* is the slope of "
        f"log CPU over log size (1.0: linear). Target: growth near 1, peak under "
        f"{MEMORY_LIMIT_MB} MB, `fix` at most 1.5x `check` at 1 MB."
        + (" **--quick: up to 1 MB.**" if quick else ""),
        "",
        "| command | " + " | ".join(f"{s:g} MB" for s in sizes) + " | growth | peak MB |",
        "|---|" + "---:|" * (len(sizes) + 2),
    ]
    for name, rows in results.items():
        cells = [f"{cpu:.1f} s" if outcome == "ok" else outcome for _, _, cpu, _, outcome in rows]
        slope = growth([(size, cpu) for size, _, cpu, _, outcome in rows if outcome == "ok"])
        peak = max(row[3] for row in rows)
        lines.append(
            f"| `{name}` | " + " | ".join(cells) + f" | {'-' if slope is None else f'{slope:.2f}'}"
            f" | {peak:.0f} |"
        )
    if pairs:
        checks, fixes = zip(*pairs, strict=True)
        runs = ", ".join(f"{f:.1f} / {c:.1f} s" for c, f in pairs)
        lines += [
            "",
            f"`fix` / `check` CPU at 1 MB: {min(fixes) / min(checks):.2f}x (least CPU of "
            f"{len(pairs)} alternating runs each; fix / check per pair: {runs}).",
        ]
    wall, cpu, peak, outcome = brackets
    lines += [
        "",
        f"`brief` on 260 KB of nested brackets: {cpu:.1f} s CPU, {peak:.0f} MB ({outcome}).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    sys.path[:0] = [str(here.parent), str(here)]
    print(main())
