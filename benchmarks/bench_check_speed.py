"""Speed of `mtkit check`: cold start, sentences/s per core (per check), flat memory on a stream.

Goals (issue 9): cold start under 1 s; at least 1,000 sentences/s per core with the default
non-model detectors (LanguageTool checks about 30 English sentences/s); peak memory under
500 MB and flat while streaming 1,000,000 sentences. MTKIT_BENCH_QUICK=1 (run.py --quick)
streams 100,000 sentences instead.
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

from corpus import ROOT, news_documents, write_stream

SEED = ROOT / "examples" / "seed_article.txt"
HEAVY = ("torch", "transformers", "spacy", "sentence_transformers", "dask", "pyarrow", "sumy")


def mtkit() -> list[str]:
    found = shutil.which("mtkit")
    return [found] if found else [sys.executable, str(ROOT / "cli.py")]


def cold_start(*options: str, runs: int = 5) -> float:
    """Median wall time of `mtkit check` on the seed article, in a fresh process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [*mtkit(), "check", *options, "--fail-on", "never", str(SEED)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def heavy_imports(*options: str) -> str:
    probe = (
        "import sys\nfrom cli import main\n"
        f"try:\n    main(['check', *{list(options)!r}, {str(SEED)!r}])\n"
        "except SystemExit:\n    pass\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def throughput(fast: bool) -> tuple[int, float, dict[str, float]]:
    """Sentences, total seconds and seconds per check, one core, over the news documents."""
    from toolkit.document import Document
    from toolkit.pipeline import Selection, _checks_for, run_checks
    from toolkit.settings import Settings

    settings, selection = Settings(fast=fast), Selection()
    docs = news_documents()
    run_checks(Document(docs[0]), settings, selection)  # load lexicons and models first
    sentences = sum(len(Document(doc).sentences) for doc in docs)
    started = time.perf_counter()
    for doc in docs:
        run_checks(Document(doc), settings, selection)
    total = time.perf_counter() - started
    per_check: dict[str, float] = {}
    for check in _checks_for(settings):
        started = time.perf_counter()
        for doc in docs:
            check.run(Document(doc))
        per_check[check.name] = time.perf_counter() - started
    return sentences, total, per_check


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def streaming_memory(sentences: int, folder: Path) -> tuple[int, float, float, list[float], float]:
    """Sentences, file MB, seconds, RSS samples (MB) over the run and peak RSS of the process."""
    file = folder / "stream.txt"
    written = write_stream(file, sentences)
    command = [*mtkit(), "check", "--fast", "--format", "jsonl", "--fail-on", "never", str(file)]
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
    took = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"mtkit check failed on the stream (exit {process.returncode})")
    return written, file.stat().st_size / 2**20, took, samples, usage.ru_maxrss / 1024


def main() -> str:
    quick = bool(os.environ.get("MTKIT_BENCH_QUICK"))
    lines = ["## check: speed", ""]
    cold, cold_fast = cold_start(), cold_start("--fast")
    lines += [
        "Cold start, `mtkit check` on the seed article (median of 5, wall clock): "
        f"**{cold:.2f} s** default, **{cold_fast:.2f} s** with `--fast` (goal < 1 s).",
        f"Heavy modules imported by the default run: {heavy_imports() or 'none'}; "
        f"with `--fast`: {heavy_imports('--fast') or 'none'}.",
        "",
        "| detectors | sentences | seconds | sentences/s per core |",
        "|---|---:|---:|---:|",
    ]
    breakdown = {}
    for label, fast in (("default", False), ("--fast (non-model)", True)):
        sentences, total, per_check = throughput(fast)
        breakdown[label] = (sentences, per_check)
        lines.append(f"| {label} | {sentences:,} | {total:.2f} | **{sentences / total:,.0f}** |")
    sentences, per_check = breakdown["default"]
    lines += [
        "",
        "Goal: at least 1,000 sentences/s per core with the non-model detectors "
        "(LanguageTool: about 30). Each check alone, same documents (Document build included):",
        "",
        "| check | seconds | sentences/s |",
        "|---|---:|---:|",
    ]
    for name, seconds in sorted(per_check.items(), key=lambda item: -item[1]):
        lines.append(f"| {name} | {seconds:.2f} | {sentences / seconds:,.0f} |")
    target = 100_000 if quick else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        written, size, took, samples, peak = streaming_memory(target, Path(folder))
    quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] for q in (1, 2, 3, 4)]
    lines += [
        "",
        f"Streaming {written:,} sentences ({size:.0f} MB file) through "
        f"`mtkit check --fast --format jsonl`: {took:.0f} s ({written / took:,.0f} sentences/s), "
        f"**peak RSS {peak:.0f} MB** (goal < 500 MB, flat); RSS at 25/50/75/100% of the run: "
        + " / ".join(f"{mb:.0f}" for mb in quarters)
        + " MB.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(main())
