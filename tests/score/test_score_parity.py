"""mtkit score prints sacreBLEU's own figures: compared with its CLI on the same files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "wmt22_small"
REF_A, REF_B = str(DATA / "ref.A.en"), str(DATA / "ref.B.en")
JD, OW = str(DATA / "JDExploreAcademy.en"), str(DATA / "Online-W.en")


def sacrebleu(*args: str) -> str:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "SACREBLEU_SEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-m", "sacrebleu", *args, "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def mtkit(*args: str) -> str:
    result = CliRunner().invoke(main, ["score", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def lines_after_path(output: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in output.splitlines()]


@pytest.mark.parametrize(
    "refs, width, sacre_args, mtkit_args",
    [
        ([REF_A, REF_B], "1", ["-m", "bleu", "chrf"], []),
        (
            [REF_A],
            "4",
            ["-m", "bleu", "chrf", "--chrf-word-order", "2"],
            ["--metrics", "bleu,chrf++"],
        ),
        (
            [REF_A, REF_B],
            "2",
            ["-m", "bleu", "chrf", "-tok", "intl", "-lc", "--chrf-lowercase"],
            ["--tokenize", "intl", "--lowercase", "--chrf-lowercase"],
        ),
        ([REF_A], "3", ["-m", "bleu", "-tok", "char"], ["--metrics", "bleu", "--tokenize", "char"]),
        (
            [REF_A, REF_B],
            "2",
            ["-m", "bleu", "-tok", "zh"],
            ["--metrics", "bleu", "--tokenize", "zh"],
        ),
    ],
)
def test_corpus_lines_equal_sacrebleu(refs, width, sacre_args, mtkit_args):
    expected = sacrebleu(*refs, "-i", OW, *sacre_args, "-f", "text", "-w", width)
    ref_args = [arg for ref in refs for arg in ("-r", ref)]
    got = mtkit(*ref_args, OW, *mtkit_args, "--width", width, "--allow-empty")
    assert lines_after_path(got) == [line.strip() for line in expected.splitlines()]


def test_ter_equals_sacrebleu(tmp_path):
    # TER is slow; 15 segments are enough to test parity.
    paths = []
    for source in (REF_A, REF_B, JD):
        path = tmp_path / Path(source).name
        lines = Path(source).read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:15]), encoding="utf-8")
        paths.append(str(path))
    expected = sacrebleu(paths[0], paths[1], "-i", paths[2], "-m", "ter", "-f", "text", "-w", "3")
    got = mtkit("-r", paths[0], "-r", paths[1], paths[2], "--metrics", "ter", "--width", "3")
    assert lines_after_path(got) == [expected.strip()]


def test_confidence_equals_sacrebleu():
    expected = sacrebleu(REF_A, "-i", JD, "-m", "bleu", "chrf", "--confidence", "-cin", "300", "-f",
                         "text", "-w", "2")  # fmt: skip
    got = mtkit("-r", REF_A, JD, "--confidence", "--confidence-n", "300", "--width", "2")
    assert lines_after_path(got) == [line.strip() for line in expected.splitlines()]
    assert "bs:300|seed:12345" in got


FIGURE = re.compile(r"(?<![=(] )\b\d+\.\d+(?: \(\d+\.\d+ ± \d+\.\d+\))?(?= *(?:│|\(p|$))")
P_VALUE = re.compile(r"\(p = \d\.\d+\)\*?")


@pytest.mark.parametrize(
    "sacre_args, mtkit_args",
    [
        (["--paired-bs", "--paired-bs-n", "200"], ["--paired", "bs", "--paired-n", "200"]),
        (["--paired-ar", "--paired-ar-n", "60"], ["--paired", "ar", "--paired-n", "60"]),
    ],
)
def test_paired_tests_equal_sacrebleu(sacre_args, mtkit_args):
    table = sacrebleu(REF_A, "-i", JD, OW, "-m", "bleu", "chrf", *sacre_args, "-f", "text",
                      "-w", "2")  # fmt: skip
    got = mtkit("-r", REF_A, JD, OW, *mtkit_args, "--width", "2")
    figures = [line.split(" = ", 1)[1].replace("(μ = ", "(") for line in got.splitlines()]
    table_rows = table.split("Paired ")[0]
    assert len(FIGURE.findall(table_rows)) == 4 and len(P_VALUE.findall(table_rows)) == 2
    assert [FIGURE.search(f).group() for f in figures] == FIGURE.findall(table_rows)
    assert [p for f in figures for p in P_VALUE.findall(f)] == P_VALUE.findall(table_rows)
    signatures = re.findall(r"^ - \S+\s+(\S+)$", table, re.M)
    assert signatures == [line.split("|", 1)[1].split(" = ")[0] for line in got.splitlines()[:2]]


def test_paired_json_works_for_many_systems():
    report = json.loads(mtkit("-r", REF_A, JD, OW, REF_B, JD, "--paired", "bs", "--paired-n", "50",
                              "--format", "json"))  # fmt: skip
    assert report["baseline"] == JD
    assert [s["system"] for s in report["systems"]] == [
        JD,
        OW,
        REF_B,
    ]  # the baseline again: skipped
    second = report["systems"][1]["scores"][0]
    assert second["metric"] == "BLEU" and 0 <= second["p_value"] <= 1
    assert "bs:50|seed:12345" in second["signature"]


def test_segment_level_equals_sacrebleu_sentence_scores():
    for metric, flag in (("bleu", "bleu"), ("chrf", "chrf")):
        expected = sacrebleu(REF_A, REF_B, "-i", JD, "-m", flag, "-sl", "-w", "3")
        got = mtkit("-r", REF_A, "-r", REF_B, JD, "--metrics", metric, "--segment-level",
                    "--width", "3")  # fmt: skip
        wanted = [line.split(" = ")[1].split()[0] for line in expected.splitlines()]
        mine = [line.split(" = ")[1] for line in got.splitlines() if re.match(r".*:\d+: ", line)]
        assert mine == wanted
        signature = expected.splitlines()[0].split(" = ")[0]
        assert f"segments {signature}" in got


def test_python_api_matches_sacrebleu_api():
    import sacrebleu as sb

    from toolkit.score import ScoreOptions
    from toolkit.score.reference import evaluate

    refs = [Path(p).read_text(encoding="utf-8").splitlines() for p in (REF_A, REF_B)]
    hyps = Path(JD).read_text(encoding="utf-8").splitlines()
    [[bleu, chrf]] = evaluate([("jd", hyps)], refs, ["bleu", "chrf++"], ScoreOptions())
    assert bleu.score == sb.corpus_bleu(hyps, refs).score
    assert chrf.score == sb.corpus_chrf(hyps, refs, word_order=2).score
