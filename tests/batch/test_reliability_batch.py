"""Issue 19, batch runs: no record silently dropped, no bad record that stops a corpus run,
bounded memory from stdin, and workers that never outlive their parent.

Each test names the item of issue 19 it covers.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.batch import CheckTask, Engine, FixTask, InputSpec, run_batch
from toolkit.batch.tasks import Task
from toolkit.cli import main
from toolkit.pipeline import Selection
from toolkit.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
LIGHT = CheckTask(Settings(fast=True), Selection(("punctuation",)))


def records(path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def write_feed(path, rows) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_item05_resume_keeps_duplicate_ids_and_tells_7_from_the_string_7(tmp_path):
    text = "It said.”in fact no."
    rows = [{"id": 7, "text": text}, {"id": "7", "text": text}, {"id": 7, "text": text}]
    rows += [{"id": i, "text": text} for i in range(3)]
    feed = write_feed(tmp_path / "f.jsonl", rows)
    out = tmp_path / "out.jsonl"
    full = run_batch(LIGHT, InputSpec((str(feed),)), output=str(out))
    assert full.documents == 6
    everything = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert [r["id"] for r in records(out)] == [7, "7", 7, 0, 1, 2]
    out.write_text("".join(everything[:1]), encoding="utf-8")  # a crash after one record
    resumed = run_batch(LIGHT, InputSpec((str(feed),)), output=str(out), resume=True)
    assert resumed.skipped == 1 and resumed.documents == 5
    assert canonical(records(out)) == canonical(map(json.loads, everything))


def canonical(rows) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True) for row in rows)


class Killer(Task):
    """Kills its worker process on the document with id "kill"."""

    name = "killer"

    def load(self):
        def run(item):
            if item.id == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            return {"length": len(item.text)}, 1

        return run


def test_item07_bad_records_become_error_records_and_the_run_goes_on(tmp_path):
    good = {"text": "It said.”in fact no."}
    lines = [json.dumps({"id": i, **good}) for i in range(60)]
    lines[10] = "[" * 200_000 + "]" * 200_000  # nesting no parser follows
    lines[20] = json.dumps({"id": "\udc80", **good})  # a lone surrogate in the id
    lines[30] = json.dumps({"id": 30, "text": "Bad \udc80 text.”in"})
    lines[40] = json.dumps({"id": 40, "text": "(" * 100_000 + ")" * 100_000})
    feed = tmp_path / "f.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for task in (LIGHT, FixTask(Settings(fast=True), Selection(("punctuation",)))):
        out = tmp_path / f"{task.name}.jsonl"
        stats = run_batch(task, InputSpec((str(feed),)), output=str(out), batch_size=7)
        got = records(out)
        assert stats.documents == 60 and len(got) == 60
        assert "nested too deeply" in got[10]["error"]
        assert got[20]["id"] == "\udc80" and "error" not in got[20]
        assert got[30]["id"] == 30 and got[59]["id"] == 59
        again = run_batch(task, InputSpec((str(feed),)), output=str(out), resume=True)
        assert again.skipped == 60 and again.documents == 0


def test_item07_a_worker_that_dies_costs_one_error_record(tmp_path):
    rows = [{"id": f"d{i}", "text": "Some text."} for i in range(12)]
    rows[5]["id"] = "kill"
    feed = write_feed(tmp_path / "f.jsonl", rows)
    out = tmp_path / "out.jsonl"
    stats = run_batch(
        Killer(), InputSpec((str(feed),)), Engine(jobs=2), str(out), batch_size=3, ordered=True
    )
    got = records(out)
    assert [r["id"] for r in got] == [row["id"] for row in rows]
    assert stats.failed == 1 and "worker process died" in got[5]["error"]
    assert all(r["length"] == 10 for i, r in enumerate(got) if i != 5)


class Crasher(Task):
    """Crashes its process natively (a segfault, as a C extension might) on id "crash"."""

    name = "crasher"

    def load(self):
        def run(item):
            if item.id == "crash":
                import ctypes
                import faulthandler

                faulthandler.disable()  # no traceback dump on the test's stderr
                ctypes.string_at(0)
            return {"length": len(item.text)}, 1

        return run


def test_item07_a_native_crash_in_a_serial_run_costs_one_error_record(tmp_path):
    rows = [{"id": f"d{i}", "text": "Some text."} for i in range(7)]
    rows[4]["id"] = "crash"
    feed = write_feed(tmp_path / "f.jsonl", rows)
    out = tmp_path / "out.jsonl"
    stats = run_batch(Crasher(), InputSpec((str(feed),)), Engine(jobs=1), str(out), batch_size=2)
    got = records(out)
    assert [r["id"] for r in got] == [row["id"] for row in rows]
    assert stats.failed == 1 and "worker process died" in got[4]["error"]
    assert all(r["length"] == 10 for i, r in enumerate(got) if i != 4)


def test_item11_batch_from_stdin_streams_in_bounded_chunks(monkeypatch):
    import io

    from toolkit import textio
    from toolkit.batch.tasks import item_chunks

    class Source(io.RawIOBase):
        """A long stdin, like `yes "text."` (64 MiB, not endless: a run that reads it whole
        fails the test rather than the machine), counting what was read."""

        read_bytes = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            if Source.read_bytes >= 64 << 20:
                return 0
            data = b"text.\n" * (len(buffer) // 6)
            buffer[: len(data)] = data
            Source.read_bytes += len(data)
            return len(data)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Source())))
    (item,) = InputSpec(("-",)).items()
    chunks = item_chunks(item)
    for _ in range(5):
        assert len(next(chunks).text) <= textio.CHUNK_CHARS
    assert Source.read_bytes < 16 << 20  # read as it goes, not whole


def test_item11_a_document_too_long_to_read_whole_is_an_error_record(tmp_path, monkeypatch):
    from toolkit.batch import tasks

    monkeypatch.setattr(tasks, "MAX_DOCUMENT_CHARS", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Some text here.\n" * 200, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    stats = run_batch(FixTask(Settings(fast=True)), InputSpec((str(big),)), output=str(out))
    assert stats.failed == 1 and "document longer than" in records(out)[0]["error"]


def test_item12_jobs_are_capped_at_documents_and_cpus_unless_forced(tmp_path):
    from toolkit.batch.inputs import InputSpec
    from toolkit.batch.options import RunOptions
    from toolkit.batch.runner import cpus

    feed = write_feed(tmp_path / "f.jsonl", [{"id": i, "text": "Text."} for i in range(4)])
    jobs, why = RunOptions(InputSpec((str(feed),)), jobs=300).workers()
    assert jobs == min(4, cpus()) and why
    assert RunOptions(InputSpec((str(feed),)), jobs=300, force_jobs=True).workers() == (300, "")
    result = CliRunner().invoke(
        main, ["batch", "check", str(feed), "--jobs", "300", "-o", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 0 and "--jobs 300 lowered to" in result.stderr
    assert len(records(tmp_path / "o.jsonl")) == 4


def _children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(child) for child in text.split()}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_item12_workers_die_with_their_parent(tmp_path, stop):
    paragraph = "The army said ,it moved north .The minister spoke.Then he left. " * 20
    feed = write_feed(tmp_path / "f.jsonl", [{"id": i, "text": paragraph} for i in range(3000)])
    args = ["batch", "check", str(feed), "-o", str(tmp_path / "o.jsonl"), "-j", "2"]
    code = f"from toolkit.cli import main; main({[*args, '--force-jobs', '-q']!r})"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", code], env=env)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers) >= 2, "the workers did not start"
        parent.send_signal(stop)
        parent.wait(30)
        deadline = time.monotonic() + 15
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(map(_alive, workers))
    finally:
        for pid in {parent.pid, *_children(parent.pid), *filter(_alive, workers)}:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_wrong_text_field_is_refused_before_the_output_is_touched(tmp_path):
    feed = write_feed(tmp_path / "in.jsonl", [{"id": 1, "text": "It said ,it moved."}, {"id": 2}])
    out = tmp_path / "out.jsonl"
    out.write_text('{"kept": true}\n')
    args = ["batch", "check", str(feed), "-o", str(out)]
    refused = CliRunner().invoke(main, [*args, "--text-field", "body"])
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        f"mtkit: error: {feed}: the first record has no field 'body' (fields: id, text)"
    )
    assert out.read_text() == '{"kept": true}\n'
    ran = CliRunner().invoke(main, args)  # a later record without it is an error record
    assert ran.exit_code == 1
    assert [r.get("error") for r in records(out)] == [None, "field 'text' is missing"]
