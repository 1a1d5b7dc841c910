"""`mtkit fix`: outputs, in-place safety, diff, dry run, interactive review, config."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import toolkit.outputs
from toolkit.cli import main

GLUED = "It said.”in fact no.\n\nThen it rained.”and stopped.\n"
FIXED = "It said.” in fact no.\n\nThen it rained.” and stopped.\n"


def run(*args, input=None):
    """Invoke mtkit; fix runs with --fast (model checks load slowly and are tested elsewhere)."""
    args = [str(a) for a in args]
    if args[0] == "fix":
        args.insert(1, "--fast")
    return CliRunner().invoke(main, args, input=input)


@pytest.fixture
def glued(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(GLUED, encoding="utf-8")
    return path


def test_prints_fixed_text_and_summary(glued):
    result = run("fix", glued)
    assert result.exit_code == 0
    assert result.stdout == FIXED
    assert "2 fix(es) applied" in result.stderr
    assert glued.read_text(encoding="utf-8") == GLUED


def test_stdin_and_output_file_keep_crlf(tmp_path):
    out = tmp_path / "out.txt"
    result = run("fix", "-", "-o", out, input=GLUED.replace("\n", "\r\n").encode())
    assert result.exit_code == 0
    assert out.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_in_place_with_backup_keeps_bom(glued):
    glued.write_bytes(b"\xef\xbb\xbf" + GLUED.encode())
    result = run("fix", glued, "--in-place", "--backup", ".orig")
    assert result.exit_code == 0 and result.stdout == ""
    assert glued.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()
    assert Path(str(glued) + ".orig").read_bytes() == b"\xef\xbb\xbf" + GLUED.encode()


def test_output_onto_the_input_is_refused(glued):
    result = run("fix", glued, "-o", glued)
    assert result.exit_code == 2 and "use --in-place" in result.stderr
    assert glued.read_text(encoding="utf-8") == GLUED


@pytest.mark.parametrize(
    "args",
    [["--backup", ".bak"], ["--in-place", "--diff"], ["--in-place", "-o", "x.txt"]],
)
def test_option_conflicts_are_usage_errors(glued, args):
    result = run("fix", glued, *args)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_failed_write_leaves_the_original_untouched(glued, monkeypatch):
    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(toolkit.outputs.os, "fsync", broken_fsync)
    result = run("fix", glued, "--in-place")
    assert result.exit_code == 2 and "No space left" in result.stderr
    assert glued.read_text(encoding="utf-8") == GLUED
    assert sorted(p.name for p in glued.parent.iterdir()) == ["article.txt"]


def test_diff_and_dry_run_write_nothing(glued):
    diff = run("fix", glued, "--diff")
    assert diff.exit_code == 0
    assert "-It said.”in fact no.\n+It said.” in fact no.\n" in diff.stdout
    dry = run("fix", glued, "--dry-run")
    assert dry.stdout.splitlines() == [
        f"{glued}:1:8: [PU101] '.”' -> '.” '",
        f"{glued}:3:15: [PU101] '.”' -> '.” '",
    ]
    assert glued.read_text(encoding="utf-8") == GLUED


def test_min_confidence_and_ignore_flags(glued):
    assert run("fix", glued, "--min-confidence", "0.95").stdout == GLUED
    assert run("fix", glued, "--ignore", "PU101").stdout == GLUED


def test_interactive_accept_reject_and_edit(glued):
    result = run("fix", glued, "--interactive", input="n\ne\n.”  \n")
    assert result.exit_code == 0
    assert result.stdout == "It said.”in fact no.\n\nThen it rained.”  and stopped.\n"
    assert "Apply this change" in result.stderr and "(2/2)" in result.stderr


def test_interactive_apply_rest_and_help(glued):
    result = run("fix", glued, "-i", input="?\na\n")
    assert result.stdout == FIXED and "q skip rest" in result.stderr
    quit_all = run("fix", glued, "-i", input="q\n")
    assert quit_all.stdout == GLUED


def test_config_file_gives_defaults_and_flags_override(glued):
    (glued.parent / "mtkit.toml").write_text("min-confidence = 0.95\n", encoding="utf-8")
    assert run("fix", glued).stdout == GLUED
    assert run("fix", glued, "--min-confidence", "0.5").stdout == FIXED


def test_ignore_file_from_config(glued):
    (glued.parent / "ignore.tsv").write_text("PU101\t.”\n", encoding="utf-8")
    (glued.parent / "pyproject.toml").write_text(
        '[tool.mtkit]\nignore-file = "ignore.tsv"\n', encoding="utf-8"
    )
    assert run("fix", glued).stdout == GLUED


def test_report_is_written(glued, tmp_path):
    report = tmp_path / "report.html"
    result = run("fix", glued, "--report", report)
    assert result.exit_code == 0 and result.stdout == FIXED
    page = report.read_text(encoding="utf-8")
    assert page.count("<code>PU101</code>") == 2 and page.count("applied by fix") == 2


def test_missing_input_is_one_line(tmp_path):
    result = run("fix", tmp_path / "nope.txt")
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_in_place_keeps_file_mode(glued):
    glued.chmod(0o640)
    run("fix", glued, "--in-place")
    assert os.stat(glued).st_mode & 0o777 == 0o640
    assert glued.read_text(encoding="utf-8") == FIXED


def test_in_place_follows_a_symlink(glued):
    link = glued.parent / "link.txt"
    link.symlink_to(glued.name)
    assert run("fix", link, "--in-place").exit_code == 0
    assert link.is_symlink() and glued.read_text(encoding="utf-8") == FIXED


def test_write_file_refuses_unencodable_text(tmp_path):
    from toolkit.errors import InputError
    from toolkit.outputs import write_file

    path = tmp_path / "out.txt"
    path.write_bytes(b"old")
    with pytest.raises(InputError, match="cannot encode"):
        write_file(path, "snow \u2603", encoding="cp1252")
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_in_place_refuses_when_the_file_changed_meanwhile(glued, monkeypatch):
    import toolkit.fix

    real_fix = toolkit.fix.fix

    def fix_while_someone_saves(text, **kwargs):
        glued.write_text("Edited by a person.\n", encoding="utf-8")
        return real_fix(text, **kwargs)

    monkeypatch.setattr(toolkit.fix, "fix", fix_while_someone_saves)
    result = run("fix", glued, "--in-place")
    assert result.exit_code == 2 and "changed while it was being fixed" in result.stderr
    assert glued.read_text(encoding="utf-8") == "Edited by a person.\n"


@pytest.mark.parametrize(
    "text",
    [
        "It said.”in fact no.",  # no final newline, last line changed
        "It said.”in fact no.\n\nThe end came.",  # no final newline, last line unchanged
        "Line\u2028one said.”in fact.\r\nTwo.\n",  # a Unicode line separator and CRLF
        "It said.”in fact no.\n\nSource link",  # the deleted last line had no newline
    ],
)
def test_diff_applies_with_patch(tmp_path, text):
    import shutil
    import subprocess

    if not shutil.which("patch"):
        pytest.skip("patch is not installed")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    fixed = run("fix", path).stdout_bytes
    diff = tmp_path / "a.diff"
    diff.write_bytes(run("fix", path, "--diff").stdout_bytes)
    done = subprocess.run(["patch", str(path), str(diff)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert path.read_bytes() == fixed


def test_diff_marks_a_missing_final_newline():
    from toolkit.fix import fix

    diff = fix("a\nb said.”in", settings=None).diff("x")
    assert diff.endswith(
        "-b said.”in\n\\ No newline at end of file\n+b said.” in\n\\ No newline at end of file\n"
    )
