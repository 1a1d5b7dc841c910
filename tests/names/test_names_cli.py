"""`mtkit names` and `mtkit check --gazetteer`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.errors import InputError


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
    found = json.loads(result.stdout)["Kataeb Hezbollah"]
    rows = found["candidates"]
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


def test_names_json_carries_what_the_text_shows() -> None:
    """Issue 19 item 19: the garbled-word probability, key and skeleton are in the JSON."""
    text = run("names", "Youlf Saqr").stdout.splitlines()[0]
    found = json.loads(run("names", "--format", "json", "Youlf Saqr").stdout)["Youlf Saqr"]
    for field in ("key", "sounds", "skeleton"):
        assert f"{field}={found[field]!r}" in text
    assert f"garbled={found['garbled']:.2f}" in text and found["garbled"] > 0.85


@pytest.mark.parametrize(
    "content",
    [
        "Jurf al-Sakhar\tJurf al-Sakhr\n",  # no header
        "name\tvariants\nJurf al-Sakhar\tJurf al-Sakhr\n",  # no canonical column
        "canonical\tspelling\nJurf al-Sakhar\tJurf al-Sakhr\n",  # an unknown column
        "",  # empty
    ],
)
def test_gazetteer_without_header_or_with_wrong_columns_is_one_line_error(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "desk.tsv"
    path.write_text(content, encoding="utf-8")
    for command in (
        ["check", "--gazetteer", str(path), "-"],
        ["names", "--gazetteer", str(path), "X"],
    ):
        result = run(*command, input="Text.\n")
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "header" in lines[0] and "canonical" in lines[0]


def test_gzip_bomb_gazetteer_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19 item 10: decompression is bounded (here at 1 MB instead of 256 MB)."""
    from toolkit.names import gazetteer

    monkeypatch.setattr(gazetteer, "MAX_FILE_BYTES", 1 << 20)
    path = tmp_path / "bomb.tsv.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(b"canonical\n")
        for _ in range(8):
            handle.write(b"A" * (1 << 20))
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="larger than 1 MB"):
        gazetteer.read_file(path)
