"""The batch options outside the CLI: RunOptions runs a task; the task builders."""

import json

from toolkit.batch import Stats
from toolkit.batch.options import RunOptions, check_task, fix_task, qe_task


def test_run_options_run_a_check_and_summarise(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "It said.”in fact no."}) + "\n{bad\n")
    out = tmp_path / "out.jsonl"
    options = RunOptions((str(feed),), output=str(out), quiet=True, timeout=30)
    stats = options.run(check_task(("punctuation",)))
    assert (stats.documents, stats.failed, stats.exit_code) == (2, 1, 1)
    assert options.summary(stats) == "2 document(s), 1 sentence(s), 1 failed"
    resumed = RunOptions((str(feed),), output=str(out), resume=True)
    assert (
        resumed.summary(Stats(0, 0, 0, 2))
        == "0 document(s), 0 sentence(s), 0 failed, 2 already done"
    )


def test_task_builders_carry_the_options():
    task = check_task(("PU",), ("PU102",), 0.5, fast=False, source_lang="ar")
    assert task.selection.select == ("PU",) and task.selection.min_confidence == 0.5
    assert task.settings.source_lang == "ar" and not task.settings.fast
    fix = fix_task(min_confidence=0.9, unsafe=True)
    assert fix.min_confidence == 0.9 and fix.unsafe
    assert qe_task(source_lang="tr").settings.source_lang == "tr"
