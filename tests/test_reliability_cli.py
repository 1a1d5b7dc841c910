"""Issue 19, items 9, 10 and 14: text from the input never drives the terminal or a
Markdown viewer, resample counts are bounded, and odd values are refused with one line
instead of being accepted silently.
"""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

DATA = Path(__file__).resolve().parent / "data" / "wmt22_small"


def run(*args, input=None):
    args = [str(a) for a in args]
    if args[0] in ("fix", "check"):
        args.insert(1, "--fast")
    return CliRunner().invoke(main, args, input=input)


def refused(result) -> bool:
    lines = result.stderr.strip().splitlines()
    return result.exit_code == 2 and len(lines) == 1 and lines[0].startswith("mtkit: error: ")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It said ,it moved north.\n\nThe army left on Tuesday.\n", encoding="utf-8")
    return path


def test_item09_check_text_report_shows_escape_sequences_escaped(tmp_path):
    path = tmp_path / "esc.txt"
    path.write_text("The army said ,it \x1b[2Jmoved north .\x1b]0;TITLE\x07 Then \u202eit left.\n")
    result = run("check", path)
    assert result.exit_code == 1 and "PU102" in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x07\u202e")
    assert "\\x1b[2J" in result.stdout and "\\x07" in result.stdout
    lines = result.stdout.splitlines()
    shown, carets = lines[1], lines[2]  # the caret still points at the finding
    assert shown[carets.index("^") : carets.index("^") + 2] == " ,"


def test_item09_names_output_escapes_control_characters():
    result = run("names", "Jurf\x1b[2J al-Sakhar", "-n", "1")
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    assert "Jurf\\x1b[2J" in result.stdout


@pytest.mark.parametrize("option", ["--confidence-n", "--paired-n"])
def test_item10_resample_counts_are_bounded(tmp_path, option):
    ref = DATA / "ref.A.en"
    extra = ["--confidence"] if option == "--confidence-n" else ["--paired", "bs", ref]
    result = run("score", "-r", ref, ref, *extra, option, "100000000")
    assert refused(result) and "range" in result.stderr


def test_item10_brief_markdown_escapes_html_and_links(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Gunmen <script>alert(1)</script> attacked the [base](javascript:alert(1)) in Iraq "
        "on Tuesday, the army said.\n\nThe minister said three soldiers died in the attack.\n",
        encoding="utf-8",
    )
    result = run("brief", path, "--format", "md")
    assert result.exit_code == 0
    assert not re.search(r"(?<!\\)[<\[\]]", result.stdout)  # every < [ ] escaped
    assert "\\[base\\]" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{a}", "--min-confidence", "nan"],
        ["fix", "{a}", "--min-confidence", "nan"],
        ["batch", "check", "{a}", "--min-confidence", "nan"],
        ["batch", "check", "{a}", "--timeout", "nan"],
        ["batch", "check", "{a}", "--timeout", "inf"],
        ["summarize", "{a}", "--ratio", "nan"],
    ],
)
def test_item14_nan_and_inf_are_refused(article, args):
    result = run(*[str(article) if a == "{a}" else a for a in args])
    assert refused(result) and "finite" in result.stderr


def test_item14_gazetteer_without_header_is_refused(article, tmp_path):
    tsv = tmp_path / "names.tsv"
    tsv.write_text("Jurf al-Sakhar\tJurf as-Sakhr\n", encoding="utf-8")
    assert refused(run("check", article, "--gazetteer", tsv))


def test_item14_unknown_source_language_is_refused(article, tmp_path):
    assert refused(run("check", article, "--source-lang", "xx"))
    assert refused(run("batch", "check", article, "--source-lang", "xx"))
    (tmp_path / "mtkit.toml").write_text('source-lang = "xx"\n')
    assert refused(run("check", article))
    (tmp_path / "mtkit.toml").write_text('source-lang = "zh-Hans"\n')
    assert run("check", article).exit_code in (0, 1)  # the language, region dropped


def test_item14_empty_metric_list_is_refused():
    ref = DATA / "ref.A.en"
    assert refused(run("score", "-r", ref, ref, "--metrics", ","))


def test_item14_whitespace_only_file_is_not_scored(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \n")
    result = run("score", "--qe", blank)
    assert refused(result) and "blank" in result.stderr


def test_item14_spm_train_says_when_the_vocabulary_is_smaller(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text((DATA / "ref.A.en").read_text(encoding="utf-8")[:3000], encoding="utf-8")
    result = run("spm", "train", corpus, "-o", tmp_path / "m", "--vocab-size", "8000")
    assert result.exit_code == 0 and "pieces" in result.stderr and "8000" in result.stderr


def test_item14_spm_train_never_overwrites_its_corpus(tmp_path):
    corpus = tmp_path / "c.model"
    corpus.write_text("one line\n" * 50)
    assert refused(run("spm", "train", corpus, "-o", corpus))
    assert corpus.read_text() == "one line\n" * 50


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_item14_utf16_without_bom_is_read(tmp_path, encoding):
    path = tmp_path / "u.txt"
    path.write_bytes("The army said ,it moved north.\n".encode(encoding))
    result = run("check", path)
    assert result.exit_code == 1 and "PU102" in result.stdout
    binary = tmp_path / "b.dat"
    binary.write_bytes(bytes(range(256)) * 4)
    assert refused(run("check", binary))


def test_item09_qe_report_shows_segments_escaped(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("The army said ,it moved \x1b[2J north .\nA clean line here.\n")
    result = run("score", "--qe", hyp)
    assert result.exit_code == 0 and "\x1b" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "named", "other"), [("zh", "Chinese", "Arabic"), ("ar", "Arabic", "Chinese")]
)
def test_item18_calque_messages_name_the_chosen_source_language(tmp_path, lang, named, other):
    path = tmp_path / "calques.txt"
    path.write_text(
        "Yesterday, on Tuesday, officials said a warplane responded. "
        "The base was hit by a close-range ballistic missile attack.\n",
        encoding="utf-8",
    )
    result = run("check", "--source-lang", lang, path)
    lines = [line for line in result.stdout.splitlines() if "[CQ102]" in line or "[CQ103]" in line]
    assert len(lines) == 2
    assert all(f"(from {named} " in line and other not in line for line in lines)
