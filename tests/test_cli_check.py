import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from toolkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "finding.schema.json").read_text())
SEED = str(ROOT / "examples" / "seed_article.txt")


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_json_output_matches_schema_and_offsets(seed_text):
    result = run("check", "--format", "json", SEED)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    findings = report["files"][0]["findings"]
    assert findings
    for f in findings:
        assert seed_text[f["start"] : f["end"]] == f["text"]


def test_jsonl_has_path_and_validates():
    result = run("check", "--format", "jsonl", SEED)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["path"] == SEED for line in lines)
    for line in lines:
        jsonschema.validate(line, SCHEMA["$defs"]["finding"])


def test_text_output_is_compiler_style():
    result = run("check", SEED)
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{SEED}:") and "[PU101]" in first


def test_stdin_and_fail_on_never():
    result = run("check", "--fail-on", "never", "-", input="It said.”in fact no.\n".encode())
    assert result.exit_code == 0 and "PU101" in result.stdout


def test_select_unknown_rule_is_usage_error():
    result = run("check", "--select", "XX999", SEED)
    assert result.exit_code == 2 and "unknown rule" in result.stderr


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"caf\xe9 au lait\n", "not valid utf-8")],
)
def test_bad_input_is_one_line_exit_2(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_encoding_option_decodes_legacy_file(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("The café said.”in fact".encode("cp1252"))
    result = run("check", "--encoding", "cp1252", str(path))
    assert result.exit_code == 1 and "PU101" in result.stdout


@pytest.mark.parametrize(
    "args", [["check", "missing.txt"], ["check", "--bogus", SEED], ["check", "."]]
)
def test_errors_never_show_a_traceback(args):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_text_output_shows_a_window_of_an_enormous_line():
    """Bug: each finding printed its whole line; a one-megabyte paragraph with thousands of
    findings made `mtkit check` grow to 24 GB and be killed."""
    from toolkit import check
    from toolkit.render import CONTEXT, text_lines
    from toolkit.textio import Chunk

    filler = "word " * 100_000
    text = f"{filler}Iran 's army{filler}\nNext line ."
    found = check(text, rules=["PU"])
    finding = next(f for f in found if f.text == " 's")
    mark, shown, carets = text_lines("t.txt", Chunk(text, 0, 0), [finding])
    assert mark.startswith("t.txt:1:500005:")
    assert shown.startswith("    …") and shown.endswith("…")
    assert len(shown) <= 4 + 2 + 2 * CONTEXT + len(finding.text)
    assert shown[carets.index("^") : carets.index("^") + 3] == " 's"
    last = next(f for f in found if f.line == 2)
    _, shown, carets = text_lines("t.txt", Chunk(text, 0, 0), [last])
    assert shown == "    Next line ." and carets.endswith("^^")
