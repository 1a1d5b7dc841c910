"""The batch options outside the CLI: RunOptions runs a task; the task builders."""

import json

from click.testing import CliRunner

from toolkit.batch import Stats
from toolkit.batch.inputs import InputSpec
from toolkit.batch.options import RunOptions, check_task, fix_task, qe_task
from toolkit.cli import main
from toolkit.config import Config, IgnoreList

TEXT = "The army said it ,had retaken the town .\n"


def test_run_options_run_a_check_and_summarise(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "It said.”in fact no."}) + "\n{bad\n")
    out = tmp_path / "out.jsonl"
    options = RunOptions(InputSpec((str(feed),)), output=str(out), quiet=True, timeout=30)
    stats = options.run(check_task(Config(), ("punctuation",)))
    assert (stats.documents, stats.failed, stats.exit_code) == (2, 1, 1)
    assert options.summary(stats) == "2 document(s), 1 sentence(s), 1 failed"
    resumed = RunOptions(InputSpec((str(feed),)), output=str(out), resume=True)
    assert (
        resumed.summary(Stats(0, 0, 0, 2))
        == "0 document(s), 0 sentence(s), 0 failed, 2 already done"
    )


def test_task_builders_carry_the_options():
    task = check_task(Config(), ("PU",), ("PU102",), 0.5, fast=False, source_lang="ar")
    assert task.selection.select == ("PU",) and task.selection.min_confidence == 0.5
    assert task.settings.source_lang == "ar" and not task.settings.fast
    fix = fix_task(Config(), min_confidence=0.9, unsafe=True)
    assert fix.min_confidence == 0.9 and fix.unsafe
    assert qe_task(Config(), source_lang="tr").settings.source_lang == "tr"


def test_task_builders_take_the_configuration_where_no_flag_is_given():
    ignored = IgnoreList(frozenset({("PU", ",had")}))
    config = Config(ignore=("CA",), min_confidence=0.7, source_lang="fa", ignored=ignored)
    task = check_task(config)
    assert task.selection.ignore == ("CA",) and task.selection.min_confidence == 0.7
    assert task.settings.source_lang == "fa" and task.ignored is ignored
    assert check_task(config, min_confidence=0.2).selection.min_confidence == 0.2
    assert fix_task(config).min_confidence == 0.7 and fix_task(config).ignored is ignored
    qe = qe_task(config)
    assert qe.selection.ignore == ("CA",) and qe.selection.min_confidence == 0.7
    assert qe.settings.source_lang == "fa" and qe.ignored is ignored


def test_batch_summarize_takes_no_configuration(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    refused = CliRunner().invoke(main, ["batch", "summarize", str(article), "--config", "x.toml"])
    assert refused.exit_code == 2 and "No such option '--config'" in refused.stderr


def _rules(output: str) -> set[str]:
    return {f["rule"][:2] for line in output.splitlines() for f in json.loads(line)["findings"]}


def test_batch_check_honours_mtkit_toml_as_check_does(tmp_path):
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    article.write_text(TEXT, encoding="utf-8")
    arguments = ["batch", "check", str(article), "-q"]
    assert "PU" in _rules(CliRunner().invoke(main, arguments).stdout)
    (tmp_path / "mtkit.toml").write_text("ignore = ['PU']\n", encoding="utf-8")
    single = CliRunner().invoke(main, ["check", str(article), "--format", "json"])
    findings = json.loads(single.stdout)["files"][0]["findings"]
    assert all(not f["rule"].startswith("PU") for f in findings)
    assert "PU" not in _rules(CliRunner().invoke(main, arguments).stdout)
    other = tmp_path / "other.toml"
    other.write_text("select = ['PU']\n", encoding="utf-8")
    assert _rules(CliRunner().invoke(main, [*arguments, "--config", str(other)]).stdout) == {"PU"}
