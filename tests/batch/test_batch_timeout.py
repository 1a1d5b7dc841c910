"""--timeout: a document that takes too long becomes an error record; the run goes on."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import pytest
from click.testing import CliRunner

from toolkit.batch import Engine, InputSpec, Task, run_batch
from toolkit.batch.inputs import Item
from toolkit.batch.timeout import DocumentTimeout, time_limit
from toolkit.cli import main


@dataclass(frozen=True)
class Slow(Task):
    """Hangs on documents whose text says "hang" (in Python, or in one catastrophic regex)."""

    name: ClassVar[str] = "slow"
    regex: bool = False

    def load(self) -> Callable[[Item], tuple[dict, int]]:
        def run(item: Item) -> tuple[dict, int]:
            if "hang" in (item.text or ""):
                if self.regex:  # exponential backtracking, inside one C call
                    re.match(r"(a+)+$", "a" * 40 + "b")
                try:
                    while True:
                        time.sleep(0.01)
                except Exception:  # a detector's broad except must not swallow the timeout
                    pass
            return {"length": len(item.text or "")}, 1

        return run


@pytest.fixture
def feed(tmp_path):
    file = tmp_path / "feed.jsonl"
    texts = ["fine", "hang here", "fine too", "also fine", "hang again", "last"]
    file.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    return file


def records(path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


@pytest.mark.parametrize("jobs", [1, 2])
def test_slow_documents_become_error_records(feed, tmp_path, jobs):
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    stats = run_batch(
        Slow(), InputSpec((str(feed),)), Engine(jobs), str(out), batch_size=2, timeout=0.2
    )
    got = records(out)
    assert time.monotonic() - started < 20
    assert stats.documents == 6 and stats.failed == 2
    assert got["d1"]["error"] == got["d4"]["error"] == "timed out after 0.2 s"
    assert got["d2"]["length"] == 8 and "error" not in got["d5"]


def test_a_runaway_regex_is_stopped(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    stats = run_batch(Slow(regex=True), InputSpec((str(feed),)), output=str(out), timeout=0.2)
    assert stats.failed == 2 and records(out)["d3"]["length"] == 9


def test_the_limit_is_lifted_after_the_document():
    with time_limit(0.2):
        pass
    time.sleep(0.3)  # no late alarm
    with pytest.raises(DocumentTimeout), time_limit(0.05):
        time.sleep(1)


def test_outside_the_main_thread_a_timer_thread_stops_python_code():
    outcome = []

    def work() -> None:
        try:
            with time_limit(0.1):
                while True:
                    sum(range(1000))
        except DocumentTimeout as error:
            outcome.append(str(error))
        with time_limit(0.1):
            pass
        time.sleep(0.2)
        outcome.append("after")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome == ["timed out after 0.1 s", "after"]


def test_cli_timeout_option(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(
        main,
        ["batch", "check", "-q", "--select", "PU", "--timeout", "5", str(feed), "-o", str(out)],
    )
    assert done.exit_code == 0 and len(records(out)) == 6
    bad = CliRunner().invoke(main, ["batch", "check", "--timeout", "0", str(feed)])
    assert bad.exit_code == 2
