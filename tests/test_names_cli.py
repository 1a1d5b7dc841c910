"""`mtkit names` and `mtkit check --gazetteer`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import main


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_names_shows_ranked_candidates_with_scores() -> None:
    result = run("names", "Youlf Saqr", "Deir al-Zur")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Youlf Saqr  (key='youlf saqr'")
    assert "close   Jurf al-Sakhar" in lines[1] and "جرف الصخر" in lines[1]
    deir = lines.index(next(line for line in lines if line.startswith("Deir al-Zur")))
    assert "variant Deir ez-Zor" in lines[deir + 1]


def test_names_json() -> None:
    result = run("names", "--format", "json", "-n", "3", "Kataeb Hezbollah")
    rows = json.loads(result.stdout)["Kataeb Hezbollah"]
    assert len(rows) == 3
    assert rows[0]["canonical"] == "Kataib Hezbollah" and rows[0]["verdict"] == "listed"
    assert rows[0]["type"] == "group"


def test_check_with_user_gazetteer(tmp_path: Path) -> None:
    style = tmp_path / "style.tsv"
    style.write_text("canonical\tvariants\ttype\nDeir al-Zour\tDeir ez-Zor\tplace\n", "utf-8")
    text = "Fighting in Deir ez-Zor and Raqqa in Syria.\n"
    result = run("check", "--select", "NM", "--gazetteer", str(style), "--format", "jsonl", "-",
                 input=text)  # fmt: skip
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["rule"], f["text"], f["suggestions"]) for f in found] == [
        ("NM103", "Deir ez-Zor", ["Deir al-Zour"])
    ]
    assert result.exit_code == 1


def test_missing_gazetteer_is_one_line_error(tmp_path: Path) -> None:
    result = run("check", "--gazetteer", str(tmp_path / "none.tsv"), "-", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"mtkit: error: gazetteer file not found: {tmp_path / 'none.tsv'}"
    ]


def test_names_shows_the_garbled_word_probability() -> None:
    result = run("names", "Youlf Saqr", "Baghdad")
    assert result.exit_code == 0, result.output
    headers = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    youlf, baghdad = (float(h.rpartition("garbled=")[2].rstrip(")")) for h in headers)
    assert youlf > 0.85 > 0.2 > baghdad
