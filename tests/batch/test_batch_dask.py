"""The Dask engine on a real in-process LocalCluster gives the serial run's records,
reading JSON Lines and Parquet partitions on the workers."""

import json

import pytest

from toolkit.batch import CheckTask, Engine, InputSpec, run_batch
from toolkit.pipeline import Selection
from toolkit.settings import Settings

TASK = CheckTask(Settings(fast=True), Selection(("punctuation",)))
TEXTS = ["It said.”in fact no.", "Clean text here.", "He spoke.Then he left."]

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.dask


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local.scheduler_address


def dask_engine(scheduler: str, blocksize: int = 8 << 20) -> Engine:
    return Engine(name="dask", scheduler=scheduler, blocksize=blocksize)


@pytest.fixture
def feed(tmp_path):
    """JSON Lines with the awkward rows: bad JSON, a blank line, no id, bad UTF-8."""
    file = tmp_path / "feed.jsonl"
    rows = [json.dumps({"id": f"d{i}", "text": TEXTS[i % 3]}).encode() for i in range(30)]
    rows[4] = b"{not json"
    rows[7] = b""
    rows[11] = json.dumps({"text": "No id here.”and more."}).encode()
    rows[15] = b'{"id": "bad", "text": "caf\xe9"}'
    file.write_bytes(b"\n".join(rows))  # no final newline
    return file


def test_dask_cluster_matches_serial(tmp_path, feed, cluster):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Another one.”and more.\n")
    spec = InputSpec((str(feed), str(docs)))
    serial, dask_out = tmp_path / "serial.jsonl", tmp_path / "dask.jsonl"
    run_batch(TASK, spec, output=str(serial), batch_size=4)
    engine = dask_engine(cluster, blocksize=200)  # about seven partitions of the feed
    stats = run_batch(TASK, spec, engine, str(dask_out), batch_size=4, ordered=True)
    assert dask_out.read_text() == serial.read_text()
    assert stats.documents == 30 and stats.failed == 2
    assert not list(tmp_path.glob(".*.parts"))  # part files merged and removed


def test_unordered_dask_run_has_the_same_records(tmp_path, feed, cluster):
    serial, dask_out = tmp_path / "serial.jsonl", tmp_path / "dask.jsonl"
    run_batch(TASK, InputSpec((str(feed),)), output=str(serial))
    run_batch(TASK, InputSpec((str(feed),)), dask_engine(cluster, 100), str(dask_out))
    assert sorted(dask_out.read_text().splitlines()) == sorted(serial.read_text().splitlines())


def test_parquet_row_groups_are_read_on_the_workers(tmp_path, cluster):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    file = tmp_path / "feed.parquet"
    table = pa.table(
        {
            "doc": [f"p{i}" if i != 5 else None for i in range(23)],
            "body": [TEXTS[i % 3] if i != 9 else None for i in range(23)],
        }
    )
    pq.write_table(table, file, row_group_size=5)
    spec = InputSpec((str(file),), text_field="body", id_field="doc")
    serial, dask_out = tmp_path / "serial.jsonl", tmp_path / "dask.jsonl"
    run_batch(TASK, spec, output=str(serial))
    stats = run_batch(TASK, spec, dask_engine(cluster), str(dask_out), ordered=True)
    assert dask_out.read_text() == serial.read_text()
    assert stats.documents == 23 and stats.failed == 1
    assert f'"id": "{file}:6"' in dask_out.read_text()  # a missing id named by its row


def test_the_client_does_not_read_the_rows(tmp_path, feed, cluster, monkeypatch):
    import toolkit.batch.inputs

    def refuse(path):
        raise AssertionError("the client read the input")

    monkeypatch.setattr(toolkit.batch.inputs, "_numbered_lines", refuse)
    out = tmp_path / "out.jsonl"
    stats = run_batch(TASK, InputSpec((str(feed),)), dask_engine(cluster, 200), str(out))
    assert stats.documents == 29  # 30 rows, one blank


def test_dask_resume_and_stdout(tmp_path, feed, cluster, capsys):
    out = tmp_path / "out.jsonl"
    first = feed.read_text(errors="replace").splitlines()[:3]
    out.write_text(  # records as a run writes them: id and row
        "".join(
            json.dumps({"id": json.loads(r)["id"], "row": n}) + "\n" for n, r in enumerate(first, 1)
        )
    )
    stats = run_batch(
        TASK, InputSpec((str(feed),)), dask_engine(cluster, 200), str(out), resume=True
    )
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert stats.skipped == 3 and stats.documents == 26 and len(ids) == len(set(ids)) == 29
    run_batch(TASK, InputSpec((str(feed),)), dask_engine(cluster, 200), "-", ordered=True)
    printed = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in printed][:3] == ["d0", "d1", "d2"]
    assert len(printed) == 29
