"""The Dask engine on a real in-process LocalCluster gives the serial run's records."""

import json

import pytest

from toolkit.batch import CheckTask, Engine, InputSpec, run_batch
from toolkit.pipeline import Selection
from toolkit.settings import Settings

TASK = CheckTask(Settings(fast=True), Selection(("punctuation",)))

distributed = pytest.importorskip("distributed")


def test_dask_cluster_matches_serial(tmp_path):
    feed = tmp_path / "feed.jsonl"
    texts = ["It said.”in fact no.", "Clean text here.", "He spoke.Then he left."]
    feed.write_text(
        "\n".join(json.dumps({"id": f"d{i}", "text": texts[i % 3]}) for i in range(30)) + "\n"
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Another one.”and more.\n")
    spec = InputSpec((str(feed), str(docs)))
    serial, dask_out = tmp_path / "serial.jsonl", tmp_path / "dask.jsonl"
    run_batch(TASK, spec, output=str(serial), batch_size=4)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        engine = Engine(name="dask", scheduler=cluster.scheduler_address)
        stats = run_batch(TASK, spec, engine, str(dask_out), batch_size=4, ordered=True)
    assert dask_out.read_text() == serial.read_text()
    assert stats.documents == 31 and stats.failed == 0
