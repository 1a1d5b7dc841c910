"""Batch throughput of `mtkit batch check`: serial, --jobs 2, and a local Dask cluster; and
time and peak memory of `mtkit batch check -` on a growing stdin.

Goal (issue 9): at least 1.7x speed-up with --jobs 2 on this 2-core machine. Wall clock of
the whole command (process start, worker start, reading and writing JSON Lines included),
every default (non-model) detector. Goal (issue 19): stdin is read as it streams in, so time
grows linearly with its size and memory does not grow with it.
MTKIT_BENCH_QUICK=1 uses a quarter of the documents and smaller streams.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import stream_of

from tools.shared_data import ROOT

DETECTORS: tuple[str, ...] = ()  # the default detectors
RUNS = (
    ("serial", ()),
    ("--jobs 2", ("--jobs", "2")),
    ("--engine dask --scheduler local --jobs 2", ("--engine", "dask", "--jobs", "2")),
)


def mtkit() -> list[str]:
    import shutil

    found = shutil.which("mtkit")
    return [found] if found else [sys.executable, str(ROOT / "cli.py")]


def records(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(lines, key=lambda line: json.loads(line)["id"])


def main() -> str:
    quick = bool(os.environ.get("MTKIT_BENCH_QUICK"))
    target = 10_000 if quick else 40_000
    lines = ["## batch: parallel speed-up", ""]
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        documents = sentences = 0
        with feed.open("w", encoding="utf-8") as out:
            for text, count in stream_of(target):
                out.write(json.dumps({"id": f"doc{documents}", "text": text}) + "\n")
                documents, sentences = documents + 1, sentences + count
        lines += [
            f"{documents:,} news documents ({sentences:,} sentences) as JSON Lines, "
            f"`{' '.join(('mtkit batch check', *DETECTORS))}` (default detectors), wall clock "
            "of the whole command "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start):",
            "",
            "| run | wall s | CPU s | documents/s | sentences/s | speed-up (wall) "
            "| idle-machine estimate | same records |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        baseline, baseline_cpu, reference = 0.0, 0.0, None
        for label, options in RUNS:
            output = Path(folder) / f"out{len(label)}.jsonl"
            command = [*mtkit(), "batch", "check", *DETECTORS, "-q", "-o", str(output)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([*command, *options, str(feed)], check=True, cwd=folder)
            took = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            got = records(output)
            reference = reference or got
            baseline, baseline_cpu = baseline or took, baseline_cpu or cpu
            workers = 1 if label == "serial" else 2
            lines.append(
                f"| `{label}` | {took:.1f} | {cpu:.1f} | {documents / took:,.0f} "
                f"| {sentences / took:,.0f} | **{baseline / took:.2f}x** "
                f"| {workers * baseline_cpu / cpu:.2f}x | {'yes' if got == reference else 'NO'} |"
            )
    lines += [
        "",
        "The idle-machine estimate is workers x serial CPU / parallel CPU: the speed-up if the "
        "extra CPU a parallel run spends (worker start, pickling) were its only cost. Wall-clock "
        "speed-ups measured while other jobs load the machine understate it.",
        "",
        *stdin_growth(quick),
    ]
    return "\n".join(lines)


def stdin_growth(quick: bool) -> list[str]:
    """`mtkit batch check -` over news text piped in, 0.25 to 4 MB: CPU time, CPU time per MB
    and peak memory (the child's maximum resident set, measured in a fresh parent each run)."""
    sizes = (0.25, 0.5, 1.0) if quick else (0.25, 0.5, 1.0, 2.0, 4.0)
    text = "".join(doc.strip() + "\n\n" for doc, _ in stream_of(10_000)).encode()
    lines = [
        "### batch from stdin: read as it streams in",
        "",
        "News text piped into `mtkit batch check - -o out.jsonl` (one document, read in 1 MiB "
        "chunks as it arrives, as `mtkit check -` reads it; before issue 19 batch read all of "
        "stdin first: `yes text. | mtkit batch check -` reached 8.4 GB in 36 s). CPU seconds, "
        "so that other jobs on the machine do not count; peak memory is the process's maximum "
        "resident set, which grows with the findings and per-document state the checks keep:",
        "",
        "| stdin MB | CPU s | CPU s per MB | peak RSS MB |",
        "|---:|---:|---:|---:|",
    ]
    measure = (
        "import resource, subprocess, sys\n"
        "data = sys.stdin.buffer.read()\n"
        "subprocess.run(sys.argv[1:], input=data, check=True)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            stdin = (text * (int(size * 2**20) // len(text) + 1))[: int(size * 2**20)]
            stdin = stdin[: stdin.rfind(b"\n") + 1]
            command = [*mtkit(), "batch", "check", "-", "-q", "-o", f"{folder}/out.jsonl"]
            done = subprocess.run(
                [sys.executable, "-c", measure, *command],
                input=stdin,
                capture_output=True,
                check=True,
            )
            cpu, peak_kb = done.stdout.split()
            lines.append(
                f"| {size:g} | {float(cpu):.1f} | {float(cpu) / size:.1f} "
                f"| {int(peak_kb) / 1024:.0f} |"
            )
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(main())
