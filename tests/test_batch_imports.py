"""`mtkit check` and `toolkit.check` on one article import no heavy library (fast start)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "examples" / "seed_article.txt")
HEAVY = ("torch", "transformers", "spacy", "sentence_transformers", "dask", "pyarrow", "sumy")

PROBE = """
import sys
{run}
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(",".join(heavy), file=sys.stderr)
"""


def heavy_modules(run: str) -> str:
    code = PROBE.format(run=run, heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def test_library_check_imports_nothing_heavy():
    run = f"import toolkit\ntoolkit.check(open({SEED!r}, encoding='utf-8').read())"
    assert heavy_modules(run) == ""


def test_cli_check_imports_nothing_heavy():
    run = (
        "from cli import main\n"
        f"try:\n    main(['check', '--format', 'json', {SEED!r}])\n"
        "except SystemExit:\n    pass"
    )
    assert heavy_modules(run) == ""
