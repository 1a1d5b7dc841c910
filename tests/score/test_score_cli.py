"""mtkit score: bad input is one clear line naming file and line (exit 2); spBLEU; spm train."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "wmt22_small"
REF, HYP = str(DATA / "ref.A.en"), str(DATA / "JDExploreAcademy.en")
HAS_MECAB = importlib.util.find_spec("MeCab") is not None


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_different_line_counts_name_both_files(tmp_path):
    short = write(tmp_path / "short.txt", b"one\ntwo\n")
    ref = write(tmp_path / "ref.txt", b"one\ntwo\nthree\n")
    result = run("score", "-r", ref, short)
    assert result.exit_code == 2
    assert "ref.txt: 3 lines but" in result.stderr and "short.txt has 2" in result.stderr
    assert "short.txt ends before line 3" in result.stderr and "Traceback" not in result.output


def test_empty_line_named_unless_allowed(tmp_path):
    hyp = write(tmp_path / "hyp.txt", b"one\n\nthree\n")
    ref = write(tmp_path / "ref.txt", b"one\ntwo\nthree\n")
    result = run("score", "-r", ref, hyp)
    assert result.exit_code == 2 and f"{hyp}:2: empty line" in result.stderr
    assert run("score", "-r", ref, hyp, "--allow-empty").exit_code == 0


def test_wrong_encoding_names_line_and_column(tmp_path):
    hyp = write(tmp_path / "hyp.txt", "one\ntwo\ncafé\n".encode("latin-1"))
    ref = write(tmp_path / "ref.txt", b"one\ntwo\nthree\n")
    result = run("score", "-r", ref, hyp)
    assert result.exit_code == 2
    assert f"{hyp}:3:4: not valid utf-8 (byte 0xe9)" in result.stderr
    assert run("score", "-r", ref, hyp, "--encoding", "latin-1").exit_code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["score", HYP], "at least one reference"),
        (["score", "-r", REF, HYP, "--metrics", "bleu,meteor"], "unknown metric 'meteor'"),
        (["score", "-r", REF, HYP, "--tokenize", "spm"], "needs --spm-model"),
        (["score", "-r", REF, HYP, "--tokenize", "moses"], "unknown tokenizer"),
        pytest.param(
            ["score", "-r", REF, HYP, "--tokenize", "ja-mecab"],
            "pip install 'sacrebleu[ja]'",
            marks=pytest.mark.skipif(HAS_MECAB, reason="sacrebleu[ja] is installed"),
        ),
        (["score", "-r", REF, "missing.txt"], "missing.txt: no such file"),
        (["score", "-r", REF, HYP, "--paired", "bs"], "at least two systems"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_line_split_like_sacrebleu(tmp_path):
    """Only \\n ends a segment (not \\u2028), trailing whitespace is stripped, BOM dropped."""
    from toolkit.score.inputs import read_segments

    path = write(tmp_path / "x.txt", "\ufeffa\u2028b \r\nc\t\n".encode())
    assert read_segments(path) == ["a\u2028b", "c"]


@pytest.fixture(scope="module")
def spm_model(tmp_path_factory) -> Path:
    from toolkit.score.spm import train

    folder = tmp_path_factory.mktemp("spm")
    corpus = folder / "corpus.txt"
    corpus.write_text((DATA / "ref.B.en").read_text(encoding="utf-8"), encoding="utf-8")
    return train(corpus, folder / "tiny", vocab_size=300)


def test_spm_train_command(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text((DATA / "ref.A.en").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("spm", "train", str(corpus), "-o", str(tmp_path / "m"), "--vocab-size", "200")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m.model").is_file() and (tmp_path / "m.vocab").is_file()
    assert result.stdout.strip() == str(tmp_path / "m.model")


def test_spbleu_with_local_model_equals_bleu_on_pretokenized_text(spm_model, tmp_path):
    import sacrebleu

    from toolkit.score.spm import load, model_id

    result = run("score", "-r", REF, HYP, "--metrics", "bleu", "--tokenize", "spm",
                 "--spm-model", str(spm_model), "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    [score] = json.loads(result.stdout)["systems"][0]["scores"]
    assert f"tok:spm-{model_id(spm_model)}" in score["signature"]
    assert model_id(spm_model).startswith("tiny-")
    processor = load(spm_model)

    def pieces(path: str) -> list[str]:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [" ".join(processor.EncodeAsPieces(line)) for line in lines]

    expected = sacrebleu.corpus_bleu(pieces(HYP), [pieces(REF)], tokenize="none")
    assert score["score"] == round(expected.score, 1)


def test_missing_spm_model_is_model_error(tmp_path):
    result = run("score", "-r", REF, HYP, "--tokenize", "spm", "--spm-model", str(tmp_path / "x"))
    assert result.exit_code == 2 and "no such SentencePiece model" in result.stderr


def test_tsv_has_header_and_segment_rows():
    result = run("score", "-r", REF, HYP, "--metrics", "chrf", "--segment-level", "--format", "tsv")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][:4] == ["system", "metric", "segment", "score"]
    assert rows[1][2] == "all" and rows[1][7].startswith("nrefs:1|")
    assert len(rows) == 2 + 120 and rows[-1][2] == "120"


def test_ragged_references_are_one_line_exit_2(tmp_path):
    hyp = write(tmp_path / "hyp.txt", b"one\ntwo\nthree\n")
    short = write(tmp_path / "short.txt", b"one\ntwo\n")
    ref = write(tmp_path / "ref.txt", b"one\ntwo\nthree\n")
    for args in (["-r", ref, "-r", short, hyp], [ref, short, "-i", hyp]):
        result = run("score", *args)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
        assert "short.txt: 2 lines but" in result.stderr
    tabs = write(tmp_path / "tabs.txt", b"one\tuno\ntwo\nthree\ttres\n")
    result = run("score", tabs, "-nr", "2", "-i", hyp)
    assert result.exit_code == 2 and f"{tabs}:2: 1 tab-separated field(s)" in result.stderr


def test_empty_reference_line_is_read_as_sacrebleu_reads_it(tmp_path):
    import subprocess
    import sys

    hyp = write(tmp_path / "hyp.txt", b"the cat sat\nit rained\n")
    ref = write(tmp_path / "ref.txt", b"the cat sat\n\n")
    expected = subprocess.run([sys.executable, "-m", "sacrebleu", ref, "-i", hyp, "-m", "bleu",
                               "chrf", "ter", "-f", "text", "-w", "3"], capture_output=True,
                              text=True, check=True, env={"NO_COLOR": "1"}).stdout  # fmt: skip
    result = run("score", ref, "-i", hyp, "-m", "bleu", "chrf", "ter", "-f", "text", "-w", "3")
    assert result.exit_code == 0 and result.stdout == expected
    empty = write(tmp_path / "empty.txt", b"")
    result = run("score", empty, "-i", hyp)
    assert result.exit_code == 2 and f"{empty}: empty file" in result.stderr


def test_gz_that_is_not_gzip_is_one_line_exit_2(tmp_path):
    import gzip

    hyp = write(tmp_path / "hyp.txt", b"one\ntwo\n")
    fake = write(tmp_path / "ref.gz", b"one\ntwo\n")
    result = run("score", fake, "-i", hyp)
    assert result.exit_code == 2 and "ref.gz: not a gzip file" in result.stderr
    truncated = write(tmp_path / "cut.gz", gzip.compress(b"one\ntwo\n" * 100)[:30])
    result = run("score", truncated, "-i", hyp)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    good = write(tmp_path / "good.gz", gzip.compress(b"one\n") + gzip.compress(b"two\n"))
    assert run("score", good, "-i", hyp, "-m", "chrf", "-b").stdout.strip() == "100.0"


def test_gzip_expanding_past_the_limit_is_refused(tmp_path, monkeypatch):
    import gzip

    import toolkit.score.inputs

    monkeypatch.setattr(toolkit.score.inputs, "MAX_DECOMPRESSED", 1000)
    bomb = write(tmp_path / "bomb.gz", gzip.compress(b"a" * 100_000))
    result = run("score", bomb, "-i", bomb)
    assert result.exit_code == 2 and "bomb.gz: expands to more than" in result.stderr


def test_bom_in_one_file_is_read_as_sacrebleu_reads_it(tmp_path):
    import subprocess
    import sys

    text = "The minister met the delegation on Tuesday.\nTalks resume next week.\n"
    hyp = write(tmp_path / "hyp.txt", b"\xef\xbb\xbf" + text.encode())
    ref = write(tmp_path / "ref.txt", text.encode())
    expected = subprocess.run([sys.executable, "-m", "sacrebleu", ref, "-i", hyp, "-b"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
    result = run("score", ref, "-i", hyp, "-b")
    assert result.exit_code == 0 and result.stdout == expected and expected.strip() != "100.0"
    assert "hyp.txt start(s) with a UTF-8 byte-order mark" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    dropped = run("score", ref, "-i", hyp, "-b", "--encoding", "utf-8-sig")
    assert dropped.stdout.strip() == "100.0" and not dropped.stderr
