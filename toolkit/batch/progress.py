"""A progress bar on stderr (documents, sentences/s, ETA), only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import Any


class Progress:
    """Counts documents and sentences; draws a tqdm bar when stderr is a terminal."""

    def __init__(self, total: int | None = None, quiet: bool = False) -> None:
        self.documents = 0
        self.sentences = 0
        self._started = time.perf_counter()
        self._bar: Any = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def expect(self, total: int | None) -> None:
        """Set the number of documents expected, for the ETA."""
        if self._bar is not None and total:
            self._bar.total = total
            self._bar.refresh()

    def update(self, documents: int, sentences: int) -> None:
        self.documents += documents
        self.sentences += sentences
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.rate:,.0f} sentences/s", refresh=False)
            self._bar.update(documents)

    @property
    def rate(self) -> float:
        """Sentences per second so far."""
        return self.sentences / max(time.perf_counter() - self._started, 1e-9)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
