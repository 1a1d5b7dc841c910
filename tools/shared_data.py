"""Where the builders and benchmarks read the evaluation and source data mtkit does not ship.

BBC, NTREX-128, WMT22, MQM, the annotated dev articles and the raw lists the corpora were built
from live beside the clone as ``../shared/data``, or wherever ``MTKIT_SHARED_DATA`` says. The
shipped package never reads them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTKIT_SHARED_DATA") or ROOT.parent / "shared" / "data")


def require(path: Path) -> Path:
    """``path``, or exit with one clear line when the shared data is absent."""
    if not path.exists():
        sys.exit(
            f"data missing: {path}. The benchmarks and builders read evaluation data that mtkit "
            f"does not ship (BBC, NTREX-128, WMT22 and MQM files): put it at {DATA} or point "
            "MTKIT_SHARED_DATA at its folder."
        )
    return path
