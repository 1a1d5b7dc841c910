"""`mtkit summarize` and `mtkit brief` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "examples" / "seed_article.txt")


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_summarize_text_and_json(seed_text: str) -> None:
    text = run("summarize", SEED, "-n", "2")
    assert text.exit_code == 0, text.output
    data = json.loads(run("summarize", SEED, "-n", "2", "--format", "json").stdout)
    assert data["method"] == "mmr" and len(data["sentences"]) == 2
    assert text.stdout.strip() == data["summary"]
    for s in data["sentences"]:
        assert seed_text[s["start"] : s["end"]] == s["text"]


def test_summarize_stdin_methods_and_lengths() -> None:
    article = (
        b"The river rose in Mosul on Monday after heavy rain. Officials said it was the "
        b"highest level in 20 years. Rescue teams moved families from homes near the river. "
        b"More rain is expected on Wednesday."
    )
    for args in (["--method", "lead", "-n", "1"], ["--ratio", "0.5"], ["--words", "12"]):
        result = run("summarize", "-", *args, input=article)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip()
    lead = run("summarize", "-", "--method", "lead", "-n", "1", input=article)
    assert lead.stdout.strip() == "The river rose in Mosul on Monday after heavy rain."


def test_summarize_usage_errors(tmp_path: Path) -> None:
    both = run("summarize", SEED, "-n", "2", "--words", "30")
    assert both.exit_code == 2 and "exactly one summary length" in both.stderr
    missing = run("summarize", str(tmp_path / "none.txt"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    model = run("summarize", SEED, "--method", "lead", "--model", "x")
    assert model.exit_code == 2 and "takes no model" in model.stderr
    bad = run("summarize", SEED, "--method", "abstractive", "--model", str(tmp_path / "m"))
    assert bad.exit_code == 2 and "no such file" in bad.stderr
    language = run("summarize", SEED, "--lang", "xx")
    assert language.exit_code == 2 and "unknown language 'xx'" in language.stderr
    assert run("summarize", SEED, "--lang", "en", "-n", "1").exit_code == 0


def test_brief_formats(tmp_path: Path) -> None:
    md = run("brief", SEED, "--date", "2024-01-24")
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# The United States launches raids")
    assert "Jurf al-Sakhar (place)" in md.stdout and "Tuesday = 2024-01-23" in md.stdout
    out = tmp_path / "brief.html"
    page = run("brief", SEED, "--format", "html", "-o", str(out))
    assert page.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")
    data = json.loads(run("brief", SEED, "--format", "json").stdout)
    assert data["topics"][0]["stories"][0]["title"].startswith("The United States")
    assert run("brief", SEED, "--date", "24/01/2024").exit_code == 2
