"""`mtkit check` streams big files: findings of later chunks keep whole-file offsets and
decide the exit code, while text and jsonl output keep no list of findings."""

import functools
import json

from click.testing import CliRunner

import toolkit.textio
from toolkit.cli import main


def test_a_slip_in_the_last_chunk_of_a_big_file(tmp_path, monkeypatch):
    chunks = functools.partial(toolkit.textio.iter_chunks, size=4000)  # 1 MB in real runs
    monkeypatch.setattr(toolkit.textio, "iter_chunks", chunks)
    file = tmp_path / "big.txt"
    clean = "The minister met the delegation in the capital on Tuesday.\n\n" * 300
    text = clean + "It said.”in fact no.\n"
    file.write_text(text, encoding="utf-8")
    assert len(list(chunks(str(file)))) > 4
    result = CliRunner().invoke(
        main, ["check", "--select", "PU101", "--format", "jsonl", str(file)]
    )
    (finding,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert text[finding["start"] : finding["end"]] == finding["text"] == ".”"
    assert finding["line"] == 601
    result = CliRunner().invoke(main, ["check", "--select", "PU101", str(file)])
    assert result.exit_code == 1 and "1 finding(s) in 1 file(s)" in result.stderr
    assert result.stdout.startswith(f"{file}:601:8:")
    result = CliRunner().invoke(main, ["check", "--select", "PU101", "--format", "json", str(file)])
    assert len(json.loads(result.stdout)["files"][0]["findings"]) == 1
