"""Speed of `mtkit check`: cold start, sentences/s per core (per check), flat memory on a stream.

Goals (issue 9): cold start under 1 s; at least 1,000 sentences/s per core with the default
non-model detectors (LanguageTool checks about 30 English sentences/s); peak memory under
500 MB and flat while streaming 1,000,000 sentences through every default detector.
MTKIT_BENCH_QUICK=1 (run.py --quick) streams 100,000 sentences instead.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import news_documents, write_stream

from tools.shared_data import ROOT

SEED = ROOT / "examples" / "seed_article.txt"
# (sentences, extra options) of the streaming runs, normal and --quick: default detectors.
STREAMS = {False: ((1_000_000, ()),), True: ((100_000, ()),)}
NO_NAMES = ("--ignore", "names,consistency")
HEAVY = ("torch", "transformers", "spacy", "sentence_transformers", "dask", "pyarrow", "sumy")


def mtkit() -> list[str]:
    found = shutil.which("mtkit")
    return [found] if found else [sys.executable, str(ROOT / "cli.py")]


# An installed package has its bytecode compiled; a machine that sets PYTHONDONTWRITEBYTECODE
# would time Python's compiler instead of mtkit.
INSTALLED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=INSTALLED
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cold_start(*options: str, runs: int = 3) -> tuple[float, float]:
    """Median wall and CPU seconds of `mtkit check` on the seed article, in a fresh process,
    after one run that writes the bytecode and the disk cache (as after installing)."""
    command = [*mtkit(), "check", *options, "--fail-on", "never", str(SEED)]
    timed(command)
    runs_ = [timed(command) for _ in range(runs)]
    return statistics.median(r[0] for r in runs_), statistics.median(r[1] for r in runs_)


def heavy_imports(*options: str) -> str:
    probe = (
        "import sys\nfrom toolkit.cli import main\n"
        f"try:\n    main(['check', *{list(options)!r}, {str(SEED)!r}])\n"
        "except SystemExit:\n    pass\n"
        f"print('heavy:' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    marked = [line for line in done.stderr.splitlines() if line.startswith("heavy:")]
    return marked[-1].removeprefix("heavy:") if marked else "(probe failed)"


def throughput(*options: str) -> tuple[int, float, float, dict[str, float]]:
    """Sentences, wall and CPU seconds, and CPU seconds per check, over the news documents;
    ``options`` is ``()``, ``("--deep",)`` or ``("--ignore", "CHECKS")``."""
    from toolkit.document import Document
    from toolkit.pipeline import Selection, _checks_for, run_checks
    from toolkit.settings import Settings

    settings = Settings(fast=options != ("--deep",))
    options = () if options == ("--deep",) else options
    selection = Selection(ignore=tuple(options[1].split(","))) if options else Selection()
    docs = news_documents()
    run_checks(Document(docs[0]), settings, selection)  # load lexicons and models first
    sentences = sum(len(Document(doc).sentences) for doc in docs)
    started, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        run_checks(Document(doc), settings, selection)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    per_check: dict[str, float] = {}
    for check in _checks_for(settings):
        started = time.process_time()
        for doc in docs:
            check.run(Document(doc))
        per_check[check.name] = time.process_time() - started
    return sentences, wall, cpu, per_check


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def streaming_memory(
    sentences: int, folder: Path, *options: str
) -> tuple[int, float, float, float, list[float], float]:
    """Sentences, file MB, wall and CPU seconds, RSS samples (MB) and peak RSS of the run."""
    file = folder / "stream.txt"
    written = write_stream(file, sentences)
    command = [*mtkit(), "check", *options, "--format", "jsonl", "--fail-on", "never"]
    command.append(str(file))
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples: list[float] = []

    def sample() -> None:
        while process.poll() is None:
            try:
                samples.append(rss_mb(process.pid))
            except OSError:
                break
            time.sleep(0.5)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    watcher.join()
    took, cpu = time.perf_counter() - started, usage.ru_utime + usage.ru_stime
    if process.returncode != 0:
        raise RuntimeError(f"mtkit check failed on the stream (exit {process.returncode})")
    # Sampled, not ru_maxrss: Linux carries the benchmark's own RSS over the fork into it.
    return written, file.stat().st_size / 2**20, took, cpu, samples, max(samples, default=0.0)


def main() -> str:
    quick = bool(os.environ.get("MTKIT_BENCH_QUICK"))
    lines = ["## check: speed", ""]
    load = os.getloadavg()[0]
    cold, cold_cpu = cold_start()
    lines += [
        f"Load average when it started: {load:.1f} on {os.cpu_count()} cores (other jobs "
        "inflate wall-clock times; CPU times are the steadier measure).",
        "",
        "Cold start, `mtkit check` on the seed article (default detectors, no model; median "
        f"of 3): **{cold:.2f} s** wall, **{cold_cpu:.2f} s** CPU (goal < 1 s). Heavy modules "
        f"imported: {heavy_imports() or 'none'}.",
        "",
        "| detectors | sentences | wall s | CPU s | sentences per CPU-second (one core) |",
        "|---|---:|---:|---:|---:|",
    ]
    breakdown = {}
    runs = (
        ("default (no model)", ()),
        ("default without names", NO_NAMES),
        ("`--deep` (spaCy parses for pronouns and agreement)", ("--deep",)),
    )
    for label, options in runs:
        sentences, wall, cpu, per_check = throughput(*options)
        breakdown[label] = (sentences, per_check)
        lines.append(
            f"| {label} | {sentences:,} | {wall:.2f} | {cpu:.2f} | **{sentences / cpu:,.0f}** |"
        )
    sentences, per_check = breakdown["default (no model)"]
    lines += [
        "",
        "Goal: at least 1,000 sentences/s per core with the non-model detectors "
        "(LanguageTool: about 30). Each check alone, same documents (Document build included; "
        "names and consistency share one name analysis per document, which each pays here):",
        "",
        "| check | CPU s | sentences per CPU-second |",
        "|---|---:|---:|",
    ]
    for name, seconds in sorted(per_check.items(), key=lambda item: -item[1]):
        lines.append(f"| {name} | {seconds:.2f} | {sentences / seconds:,.0f} |")
    lines += ["", "Streaming one large file (documents separated by blank lines):", ""]
    lines += ["| command | sentences | file MB | wall s | CPU s | sentences per CPU-s "]
    lines[-1] += "| peak RSS MB (sampled every 0.5 s) | RSS at 25/50/75/100% of the run |"
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for target, options in STREAMS[quick]:
        with tempfile.TemporaryDirectory() as folder:
            written, size, took, cpu, samples, peak = streaming_memory(
                target, Path(folder), *options
            )
        quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] for q in (1, 2, 3, 4)]
        lines.append(
            f"| `{' '.join(('mtkit check', *options))}` | {written:,} | {size:.0f} | {took:.0f} "
            f"| {cpu:.0f} | {written / cpu:,.0f} | **{peak:.0f}** | "
            + " / ".join(f"{mb:.0f}" for mb in quarters)
            + " |"
        )
    lines += [
        "",
        "Goal: peak RSS under 500 MB and flat over 1,000,000 sentences, every default "
        "(non-model) detector running" + (" (--quick streams 100,000)." if quick else "."),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(main())
