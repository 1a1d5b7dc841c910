"""The world gazetteer's cost (issue 16): first build, size on disk, memory, cold start after.

Each measure runs in a fresh process with an empty ``MTKIT_CACHE_DIR`` (a temporary folder):

* first run: `mtkit check` on the seed article with nothing cached, which builds the world
  tier (GeoNames cities500 and ISO 3166-2 into SQLite, ``toolkit/names/world.py``) and every
  other cache entry (the in-memory gazetteer tier, word indexes, lexicons);
* the world tier alone: ``world.build`` into a file (time, peak memory, size);
* after the build: `mtkit check` and `mtkit names` cold (median of 3 wall and CPU seconds,
  the highest peak RSS). Goal: cold start < 1 s and < 400 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_check_speed import mtkit

from tools.shared_data import ROOT

SEED = ROOT / "examples" / "seed_article.txt"
RUNS = 3


def run(command: list[str], cache: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of ``command`` with this cache folder."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["MTKIT_CACHE_DIR"] = str(cache)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    error = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed: {error[-500:]}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cold(command: list[str], cache: Path) -> tuple[float, float, float]:
    """Median wall and CPU seconds, highest peak RSS, of RUNS runs."""
    runs = [run(command, cache) for _ in range(RUNS)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        max(r[2] for r in runs),
    )


def mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def main() -> str:
    check = [*mtkit(), "check", "--fail-on", "never", str(SEED)]
    names = [*mtkit(), "names", "Menbic", "Deer Al Blah", "Qing Yuan"]
    world_only = [
        sys.executable,
        "-c",
        "import sys; from pathlib import Path; from toolkit.names.world import build; "
        "build(Path(sys.argv[1]))",
    ]
    with tempfile.TemporaryDirectory(prefix="mtkit-bench-") as folder:
        cache = Path(folder) / "cache"
        cache.mkdir(mode=0o700)
        first = run(check, cache)
        files = sorted(p for p in cache.iterdir() if not p.name.startswith("."))
        world = [p for p in files if p.name.startswith("gazetteer-world")]
        total = sum(mb(p) for p in files)
        entries = ", ".join(f"{p.name.rsplit('-', 1)[0]} {mb(p):.1f}" for p in files if mb(p) >= 1)
        after_check = cold(check, cache)
        after_names = cold(names, cache)
        alone = Path(folder) / "world.sqlite"
        build = run([*world_only, str(alone)], cache)
        world_mb = mb(alone)
    rows = [
        ("first `mtkit check` with an empty cache (builds every cache entry)", *first, ""),
        ("world tier build alone (`world.build`: 234,908 places, ISO 3166-2)", *build, ""),
        ("`mtkit check` seed article, after the build (median of 3)", *after_check, ""),
        ("`mtkit names` three look-ups, after the build (median of 3)", *after_names, ""),
    ]
    table = [
        "| run | wall s | CPU s | peak RSS MB |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |" for name, wall, cpu, rss, _ in rows),
    ]
    # CPU seconds: on a shared machine the wall time is mostly waiting for a core.
    ok = after_check[1] < 1.0 and max(after_check[2], after_names[2]) < 400
    return "\n".join(
        [
            "## gazetteer: the world tier's build, size and cold start",
            "",
            "Issue 16: report the first build time, the index size on disk and the peak "
            "memory; after the first build, `check` starts in < 1 s and stays < 400 MB. "
            "Method: `benchmarks/bench_gazetteer.py` docstring.",
            "",
            *table,
            "",
            f"World tier on disk: **{world_mb:.1f} MB** (SQLite: places, name keys, a deletion "
            f"index over consonant skeletons); the whole cache after the first run "
            f"{total:.1f} MB ({entries}; {len(world)} world file).",
            "",
            f"After the build: `check` cold start {after_check[1]:.2f} CPU s "
            f"({after_check[0]:.2f} s wall on this machine's load), peak "
            f"{after_check[2]:.0f} MB; `names` {after_names[1]:.2f} CPU s, "
            f"{after_names[2]:.0f} MB: "
            + ("**meets** the goal (< 1 s, < 400 MB)." if ok else "**misses** the goal."),
        ]
    )


if __name__ == "__main__":
    print(main())
