"""Batch runs: serial and --jobs give the same records, bad documents are reported, --resume."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import pytest
from click.testing import CliRunner

from toolkit.batch import CheckTask, Engine, InputSpec, Task, run_batch
from toolkit.batch.inputs import Item
from toolkit.batch.output import Writer, done_keys
from toolkit.batch.runner import results
from toolkit.cli import main
from toolkit.errors import UsageError
from toolkit.pipeline import Selection
from toolkit.settings import Settings

# Batch mechanics: two light checks (the detectors have their own tests).
FAST = CheckTask(Settings(fast=True), Selection(("punctuation", "calques")))

TEXTS = [
    "It said.”in fact no.",
    "A clean sentence about the budget.",
    "The minister spoke.Then he left.",
    "Nothing to see here.",
]


@pytest.fixture
def feed(tmp_path):
    file = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": TEXTS[i % 4]}) for i in range(40)]
    lines.insert(5, "{not json")
    file.write_text("\n".join(lines) + "\n")
    return file


def records(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_serial_check_records_in_order_with_errors(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    stats = run_batch(FAST, InputSpec((str(feed),)), output=str(out), batch_size=4)
    got = records(out)
    assert stats.documents == 41 and stats.failed == 1 and stats.sentences == 40
    assert [r["id"] for r in got][:6] == ["d0", "d1", "d2", "d3", "d4", f"{feed}:6"]
    assert got[5]["error"].startswith("invalid JSON") and "findings" not in got[5]
    assert [f["rule"] for f in got[0]["findings"]].count("PU101") == 1
    assert got[0]["row"] == 1 and got[0]["path"] == str(feed)


@pytest.mark.parametrize("ordered", [True, False])
def test_jobs_2_gives_the_serial_records(feed, tmp_path, ordered):
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    run_batch(FAST, InputSpec((str(feed),)), output=str(serial), batch_size=3)
    run_batch(
        FAST,
        InputSpec((str(feed),)),
        Engine(jobs=2),
        output=str(parallel),
        batch_size=3,
        ordered=ordered,
    )
    want, got = records(serial), records(parallel)
    if ordered:
        assert got == want
    else:
        assert sorted(got, key=lambda r: r["row"]) == want


@dataclass(frozen=True)
class Flaky(Task):
    """Fails on one document, and interrupts the run (like Ctrl-C) on another."""

    name: ClassVar[str] = "flaky"
    bad: str = ""
    interrupt: str = ""

    def load(self) -> Callable[[Item], tuple[dict, int]]:
        def run(item: Item) -> tuple[dict, int]:
            if item.id == self.bad:
                raise ValueError("pathological")
            if item.id == self.interrupt:
                raise KeyboardInterrupt
            return {"length": len(item.text)}, 1

        return run


def test_a_failing_document_does_not_stop_the_run(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    stats = run_batch(Flaky(bad="d3"), InputSpec((str(feed),)), output=str(out))
    got = {r["id"]: r for r in records(out)}
    assert got["d3"]["error"] == "ValueError: pathological"
    assert got["d4"]["length"] > 0 and stats.failed == 2


def test_interrupted_run_keeps_flushed_batches_and_resume_finishes(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch(Flaky(interrupt="d9"), InputSpec((str(feed),)), output=str(out), batch_size=4)
    kept = [r["id"] for r in records(out)]
    assert kept == ["d0", "d1", "d2", "d3", "d4", f"{feed}:6", "d5", "d6"]
    with out.open("a") as handle:
        handle.write('{"id": "torn", "len')  # a crash in the middle of a write
    stats = run_batch(Flaky(), InputSpec((str(feed),)), output=str(out), resume=True)
    ids = [r["id"] for r in records(out)]
    assert stats.skipped == 8 and stats.documents == 33
    assert len(ids) == len(set(ids)) == 41 and "torn" not in ids


def test_done_keys_refuses_a_file_that_is_not_mtkit_output(tmp_path):
    out = tmp_path / "other.jsonl"
    out.write_text("not json\n")
    with pytest.raises(Exception, match="not an mtkit record"):
        done_keys(str(out))
    assert not done_keys(str(tmp_path / "absent.jsonl"))


def test_resume_needs_an_output_file():
    with pytest.raises(UsageError):
        Writer("-", resume=True)


def test_engine_options_are_validated():
    with pytest.raises(UsageError):
        Engine(jobs=1, name="spark")
    with pytest.raises(UsageError):
        Engine(jobs=1, scheduler="tcp://x:1")


def test_results_unordered_window_returns_every_batch():
    from concurrent.futures import ThreadPoolExecutor

    from toolkit.batch.tasks import process

    class Threads:  # a WorkerPool of threads
        def __init__(self, pool):
            self.pool = pool

        def submit(self, task, batch, timeout):
            return self.pool.submit(process, task, batch, timeout)

    batches = [[Item(f"{b}.{i}", "p", text="A text.") for i in range(3)] for b in range(10)]
    with ThreadPoolExecutor(2) as pool:
        got = list(results(Flaky(), batches, Threads(pool), workers=2, ordered=False))
    assert sorted(r.record["id"] for batch in got for r in batch) == sorted(
        item.id for batch in batches for item in batch
    )


def test_cli_batch_check_writes_records_and_exit_code(feed, tmp_path):
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(
        main,
        ["batch", "check", str(feed), "-o", str(out), "--select", "PU101", "-j", "2", "--fast"],
    )
    assert result.exit_code == 1  # one document failed
    assert "41 document(s)" in result.stderr and "1 failed" in result.stderr
    got = records(out)
    assert len(got) == 41
    assert {f["rule"] for r in got for f in r.get("findings", [])} == {"PU101"}
    result = CliRunner().invoke(
        main, ["batch", "check", "-q", "--select", "PU", "--resume", str(feed), "-o", str(out)]
    )
    assert result.exit_code == 0 and result.stderr == "" and len(records(out)) == 41


def test_cli_batch_directory_with_a_bad_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("It said.”in fact no.\n")
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "latin.txt").write_bytes(b"caf\xe9 au lait\n")
    result = CliRunner().invoke(
        main, ["batch", "check", "-q", "--select", "PU", "--ordered", str(tmp_path / "in")]
    )
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"].rsplit("/", 1)[1] for r in got] == ["empty.txt", "good.txt", "latin.txt"]
    assert "empty input" in got[0]["error"] and "not valid utf-8" in got[2]["error"]
    assert got[1]["findings"][0]["rule"] == "PU101"
    assert result.exit_code == 1


class Terminal:
    """A stderr that says it is a terminal and keeps what is written."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_bar_on_a_terminal_only(feed, tmp_path, monkeypatch):
    import sys

    from toolkit.batch.progress import Progress

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run_batch(Flaky(), InputSpec((str(feed),)), output=str(tmp_path / "o"), progress=Progress())
    assert "41/41" in terminal.text and "sentences/s" in terminal.text
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    run_batch(
        Flaky(), InputSpec((str(feed),)), output=str(tmp_path / "o"), progress=Progress(quiet=True)
    )
    assert quiet.text == ""


def test_estimate_counts_documents(feed, tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "docs" / name).write_text("Text.")
    assert InputSpec((str(feed), str(tmp_path / "docs"))).estimate() == 41 + 2
    assert InputSpec(("-",)).estimate() is None


def test_batch_fix_and_summarize_records(feed, tmp_path):
    from toolkit.batch import FixTask, SummarizeTask

    fixed, summaries = tmp_path / "fixed.jsonl", tmp_path / "summaries.jsonl"
    selection = Selection(("PU101",))
    run_batch(FixTask(Settings(fast=True), selection), InputSpec((str(feed),)), output=str(fixed))
    got = {r["id"]: r for r in records(fixed)}
    assert got["d0"]["text"] == "It said.” in fact no." and got["d0"]["changed"]
    assert [f["rule"] for f in got["d0"]["applied"]] == ["PU101"]
    assert got["d1"]["text"] == TEXTS[1] and not got["d1"]["changed"]
    run_batch(SummarizeTask("1", "lead"), InputSpec((str(feed),)), output=str(summaries))
    got = {r["id"]: r for r in records(summaries)}
    assert got["d1"]["summary"] == TEXTS[1] and got["d1"]["method"] == "lead"


def test_bad_task_options_fail_before_the_output_is_touched(feed, tmp_path):
    from toolkit.batch import SummarizeTask

    out = tmp_path / "keep.jsonl"
    out.write_text('{"id": "old"}\n')
    with pytest.raises(UsageError, match="unknown summary method"):
        run_batch(SummarizeTask("1", "nope"), InputSpec((str(feed),)), output=str(out))
    assert out.read_text() == '{"id": "old"}\n'


def test_interrupt_with_jobs_stops_workers_and_resume_finishes(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    engine = Engine(jobs=2)
    with pytest.raises(KeyboardInterrupt):
        run_batch(
            Flaky(interrupt="d20"),
            InputSpec((str(feed),)),
            engine,
            str(out),
            batch_size=4,
            ordered=True,
        )
    kept = [r["id"] for r in records(out)]
    assert 0 < len(kept) <= 21 and "d20" not in kept
    order = [f"d{i}" for i in range(40)]
    order.insert(5, f"{feed}:6")
    assert kept == order[: len(kept)]
    stats = run_batch(Flaky(), InputSpec((str(feed),)), engine, str(out), resume=True)
    assert stats.skipped == len(kept) and len({r["id"] for r in records(out)}) == 41


def test_batch_qe_scores_segments_with_their_source(tmp_path):
    from toolkit.batch import QETask

    feed = tmp_path / "mt.jsonl"
    rows = [
        {"id": "a", "hyp": "He said.The minister left.\nA clean line of text.", "src": "قال\nسطر"},
        {"id": "b", "hyp": "One line.\nTwo lines.", "src": "سطر"},
    ]
    feed.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n")
    out = tmp_path / "qe.jsonl"
    spec = InputSpec((str(feed),), text_field="hyp", source_field="src")
    run_batch(QETask(Settings(fast=True)), spec, output=str(out))
    a, b = records(out)
    assert [s["line"] for s in a["segments"]] == [1, 2] and 0 <= a["score"] <= 100
    assert "PU101" in {f["rule"] for f in a["segments"][0]["findings"]}
    assert b["error"] == "2 line(s) of text but 1 of source"


@dataclass(frozen=True)
class CountsLoads(Task):
    """Appends its process id to ``log`` each time it loads."""

    name: ClassVar[str] = "counts-loads"
    log: str = ""

    def load(self) -> Callable[[Item], tuple[dict, int]]:
        import os

        with open(self.log, "a") as handle:
            handle.write(f"{os.getpid()}\n")
        return lambda item: ({}, 1)


def test_workers_do_not_reload_the_task_per_batch(feed, tmp_path):
    log = tmp_path / "loads.txt"
    out = tmp_path / "out.jsonl"
    run_batch(
        CountsLoads(str(log)), InputSpec((str(feed),)), Engine(jobs=2), str(out), batch_size=2
    )
    assert len(records(out)) == 41
    assert len(log.read_text().split()) == 1  # loaded once, before the workers fork
