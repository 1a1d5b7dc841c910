"""Issue 19, data loss and exit codes: no command overwrites an input, leaves an existing
output changed when it fails, or ends in a traceback or exit 3 on a usage or input error.

Each test names the item of issue 19 it covers.
"""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

GLUED = "It said.”in fact no.\n\nThen it rained.”and stopped.\n"
FIXED = "It said.” in fact no.\n\nThen it rained.” and stopped.\n"


def run(*args, input=None):
    args = [str(a) for a in args]
    if args[0] in ("fix", "check"):
        args.insert(1, "--fast")
    return CliRunner().invoke(main, args, input=input)


def one_line_error(result, code=2):
    """Exit ``code`` with one error line on stderr (after any progress line), no traceback."""
    lines = result.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("mtkit: error: ")]
    return result.exit_code == code and len(errors) == 1 and errors[0] == lines[-1]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    return path


def test_item01_batch_output_onto_its_input_is_refused(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"id": 1, "text": "It said.”in fact no."}\n')
    before = feed.read_bytes()
    link = tmp_path / "hard.jsonl"
    os.link(feed, link)
    for extra in ([], ["--resume"]):
        for output in (feed, tmp_path / "." / "f.jsonl", link):
            result = run("batch", "check", feed, "-o", output, "-q", *extra)
            assert one_line_error(result) and "is an input" in result.stderr
            assert feed.read_bytes() == before


def test_item02_fix_report_onto_the_article_is_refused(article):
    result = run("fix", "--report", article, article)
    assert one_line_error(result) and "is an input" in result.stderr
    assert article.read_text(encoding="utf-8") == GLUED


def test_item02_fix_output_and_report_are_one_file_refused(article, monkeypatch):
    monkeypatch.chdir(article.parent)
    result = run("fix", article, "-o", "out.html", "--report", "./out.html")
    assert one_line_error(result) and "same output file" in result.stderr
    assert not (article.parent / "out.html").exists()


def test_item03_brief_output_onto_an_article_is_refused(article, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("The minister met the delegation on Tuesday.\n", encoding="utf-8")
    result = run("brief", "-o", other, article, other)
    assert one_line_error(result) and "is an input" in result.stderr
    assert other.read_text(encoding="utf-8").startswith("The minister")


def test_item03_check_output_onto_the_source_is_refused(article, tmp_path):
    source = tmp_path / "src.txt"
    source.write_text("المصدر\n", encoding="utf-8")
    result = run("check", article, "--src", source, "--format", "json", "-o", source)
    assert one_line_error(result) and source.read_text(encoding="utf-8") == "المصدر\n"


@pytest.mark.parametrize(
    "args",
    [["missing.jsonl"], ["f.jsonl", "--input-format", "parquet"], ["f.jsonl", "d", "--glob", "x*"]],
)
def test_item04_batch_failure_leaves_an_existing_output_alone(tmp_path, monkeypatch, args):
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(tmp_path)
    Path("f.jsonl").write_text('{"id": 1, "text": "Some text."}\n')
    Path("d").mkdir()
    Path("results.jsonl").write_text('{"id": "old", "findings": []}\n')
    result = run("batch", "check", *args, "-o", "results.jsonl", "-q")
    assert result.exit_code == 2
    assert Path("results.jsonl").read_text() == '{"id": "old", "findings": []}\n'


def test_item04_interrupted_batch_keeps_the_old_output_and_resume_replaces_it(tmp_path):
    import json

    from toolkit.batch import InputSpec, run_batch
    from toolkit.batch.tasks import Task

    class Stop(Task):
        name = "stop"

        def load(self):
            def run_one(item):
                if item.id == 3:
                    raise KeyboardInterrupt
                return {"n": item.id}, 1

            return run_one

    feed = tmp_path / "f.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in range(6)))
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n')
    with pytest.raises(KeyboardInterrupt):
        run_batch(Stop(), InputSpec((str(feed),)), output=str(out), batch_size=1)
    assert out.read_text() == '{"id": "old"}\n'
    partial = tmp_path / ".out.jsonl.partial"
    assert [json.loads(line)["id"] for line in partial.read_text().splitlines()] == [0, 1, 2]
    from toolkit.batch import CheckTask

    stats = run_batch(CheckTask(), InputSpec((str(feed),)), output=str(out), resume=True)
    assert stats.skipped == 3 and stats.documents == 3 and not partial.exists()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == list(range(6))


def test_item06_in_place_keeps_owner_mode_and_hard_links(article):
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    os.chown(article, 65534, 65534)
    article.chmod(0o600)
    link = article.with_name("link.txt")
    os.link(article, link)
    assert run("fix", article, "--in-place").exit_code == 0
    stat = article.stat()
    assert (stat.st_uid, stat.st_gid, stat.st_mode & 0o777) == (65534, 65534, 0o600)
    assert stat.st_nlink == 2 and link.read_text(encoding="utf-8") == FIXED
    single = article.with_name("single.txt")
    single.write_text(GLUED, encoding="utf-8")
    os.chown(single, 65534, 65534)
    assert run("fix", single, "--in-place", "--backup", ".orig").exit_code == 0
    assert single.stat().st_uid == 65534 and single.read_text(encoding="utf-8") == FIXED
    backup = single.with_name("single.txt.orig")
    assert backup.stat().st_uid == 65534 and backup.read_text(encoding="utf-8") == GLUED


def test_item06_in_place_rewrite_keeps_hard_links_without_root(article):
    link = article.with_name("link.txt")
    os.link(article, link)
    assert run("fix", article, "--in-place").exit_code == 0
    assert article.stat().st_ino == link.stat().st_ino
    assert link.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in article.parent.iterdir()) == ["a.txt", "link.txt"]


@pytest.mark.parametrize(
    "make",
    [
        "check_output_dir",
        "output_missing_folder",
        "encoding_rot13",
        "dangling_link",
        "link_loop",
        "backup_path",
        "read_only",
        "unknown_encoding_fix",
        "utf16_without_bom_given",
        "brief_date_out_of_range",
    ],
)
def test_item13_usage_and_input_errors_are_exit_2_with_one_line(
    article, tmp_path, make, monkeypatch
):
    if make == "check_output_dir":
        args = ["check", article, "--format", "json", "-o", tmp_path]
    elif make == "output_missing_folder":
        args = ["fix", article, "-o", tmp_path / "missing" / "x.txt"]
    elif make == "encoding_rot13":
        args = ["check", article, "--encoding", "rot13"]
    elif make == "dangling_link":
        (tmp_path / "dl.txt").symlink_to(tmp_path / "nowhere.txt")
        args = ["fix", tmp_path / "dl.txt", "--in-place"]
    elif make == "link_loop":
        (tmp_path / "l1").symlink_to(tmp_path / "l2")
        (tmp_path / "l2").symlink_to(tmp_path / "l1")
        args = ["fix", tmp_path / "l1", "--in-place"]
    elif make == "backup_path":
        args = ["fix", article, "--in-place", "--backup", "/x"]
    elif make == "read_only":
        import tempfile

        def read_only(*a, **k):
            raise OSError(30, "Read-only file system")

        monkeypatch.setattr(tempfile, "mkstemp", read_only)
        args = ["fix", article, "--in-place"]
    elif make == "utf16_without_bom_given":
        args = ["check", article, "--encoding", "utf-16"]
    elif make == "brief_date_out_of_range":
        args = ["brief", article, "--date", "0001-01-01"]
    else:
        args = ["fix", article, "--encoding", "no-such-codec"]
    result = run(*args)
    assert one_line_error(result), result.stderr
    assert article.read_text(encoding="utf-8") == GLUED


@pytest.mark.parametrize(
    ("missing", "args", "extra"),
    [
        (["torch"], ["summarize", "a.txt", "--method", "embed"], "ml"),
        (["dask", "distributed"], ["batch", "check", "a.txt", "--engine", "dask"], "batch"),
    ],
)
def test_item13_a_missing_optional_package_names_its_extra(tmp_path, missing, args, extra):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("One sentence here. Another one there. A third one.\n")
    code = (
        "import sys\n"
        f"for name in {missing!r}: sys.modules[name] = None  # as if not installed\n"
        f"from toolkit.cli import main; main({args!r})"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert f"pip install 'mtkit[{extra}]'" in done.stderr


def test_item13_one_line_errors_escape_control_characters(tmp_path):
    result = run("check", tmp_path / "x\x1b[2J.txt")
    assert one_line_error(result) and "\x1b" not in result.stderr
    assert "\\x1b[2J" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "check", "{feed}", "--encoding", "bogus"],
        ["batch", "check", "{feed}", "--input-format", "lines", "--encoding", "rot13"],
        ["batch", "check", "{feed}", "-o", "/dev/full"],
        ["check", "{feed}", "--format", "json", "-o", "/dev/full"],
        ["fix", "{dir}", "--in-place"],
    ],
)
def test_item13_batch_and_device_errors_are_exit_2_with_one_line(tmp_path, args):
    if not Path("/dev/full").exists() and "/dev/full" in args:
        pytest.skip("no /dev/full")
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"id": 1, "text": "It said.”in fact no."}\n')
    where = {"{feed}": str(feed), "{dir}": str(tmp_path)}
    result = run(*[where.get(a, a) for a in args], *(["-q"] if args[0] == "batch" else []))
    assert one_line_error(result), result.stderr
    assert "/dev/full" not in args or "/dev/full: cannot write" in result.stderr


def test_item01_an_output_inside_an_input_folder_is_not_read_as_input(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("It said.”in fact no.\n")
    out = folder / "out.txt"
    out.write_text("An earlier output.\n")
    result = run("batch", "check", folder, "-o", out, "-q")
    assert result.exit_code == 0
    ids = [line.split('"id": ')[1].split(",")[0] for line in out.read_text().splitlines()]
    assert ids == [f'"{folder / "a.txt"}"']
