"""`toolkit.check` and `mtkit check` on one article import no heavy library (fast start)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "examples" / "seed_article.txt")
HEAVY = ("torch", "transformers", "spacy", "sentence_transformers", "dask", "pyarrow", "sumy")

PROBE = f"""
import json, sys
def heavy():
    return sorted(m for m in {HEAVY!r} if m in sys.modules)
import toolkit
toolkit.check(open({SEED!r}, encoding="utf-8").read())
library = heavy()
from toolkit.cli import main
try:
    main(["check", "--format", "json", {SEED!r}])
except SystemExit:
    pass
print(json.dumps({{"library": library, "cli": heavy()}}), file=sys.stderr)
"""


def test_check_imports_nothing_heavy():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    imported = json.loads(done.stderr.strip().splitlines()[-1])
    assert imported == {"library": [], "cli": []}
