"""mtkit score --qe: MQM-style points per segment, triage order, consensus, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.findings import Finding
from toolkit.score.qe import (
    PRIOR_POINTS_PER_WORD,
    disagreement,
    estimate,
    finding_points,
    score_of,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data" / "wmt22_small"


def finding(severity: str, kind: str = "name", confidence: float = 1.0) -> Finding:
    return Finding(0, 1, 1, 1, "x", kind, "c", severity, "m", confidence=confidence)


def test_mqm_weights():
    assert finding_points(finding("critical")) == 25
    assert finding_points(finding("major")) == 5
    assert finding_points(finding("minor")) == 1
    assert finding_points(finding("minor", "punctuation")) == 0.1
    assert finding_points(finding("major", confidence=0.5)) == 2.5
    assert score_of(5, 20) == 75 and score_of(50, 10) == 0 and score_of(1, 1) == 80


def test_copied_segment_is_worst_and_carries_its_reason():
    hyps = ["The talks will resume next week in Geneva.", "他说，会谈将继续下去。"]
    sources = ["会谈将于下周在日内瓦恢复。", "他说，会谈将继续下去。"]
    report = estimate(hyps, sources)
    worst = report.worst[0]
    assert worst.line == 2 and any(f.rule == "BI104" for f in worst.findings)
    clean = report.segments[0]
    assert clean.findings == ()
    assert clean.points == PRIOR_POINTS_PER_WORD * clean.words
    assert report.score == score_of(sum(s.points for s in report.segments), 8 + 1)


def test_consensus_penalises_the_outlier():
    assert disagreement("The cat sat on the mat.", ["The cat sat on the mat."]) == 0
    others = ["The cat sat on the mat.", "The cat was sitting on the mat."]
    assert disagreement("Stock markets fell sharply.", others) > 0.7


def test_qe_cli_json_triage_and_consensus(tmp_path):
    paths = []
    for name in ("Online-W.en", "JDExploreAcademy.en", "ref.B.en", "src.zh"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (tmp_path / name).write_text("".join(lines[:30]), encoding="utf-8")
        paths.append(str(tmp_path / name))
    *systems, source = paths
    result = CliRunner().invoke(
        main, ["score", "--qe", "--src", source, *systems, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    assert [r["system"] for r in reports] == systems
    first = reports[0]
    assert "consensus" in first["signature"] and "source:yes" in first["signature"]
    segments = first["segments"]
    assert sorted(s["line"] for s in segments) == list(range(1, 31))
    evidence = [sum(v for k, v in s["signals"].items() if k not in ("prior", "disagreement"))
                + len(s["findings"]) for s in segments]  # fmt: skip
    assert evidence[0] > 0 and evidence[-1] == 0
    assert 0 <= first["score"] <= 100


def test_qe_text_without_source(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("It said.”in fact no.\nA clean sentence of several words.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "--qe", str(hyp)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{hyp}: QE ") and "source:no" in lines[0]
    assert lines[1].startswith(f"{hyp}:1: ") and "[PU101]" in lines[2]


def test_qe_source_line_count_mismatch_is_exit_2(tmp_path):
    src = tmp_path / "src.txt"
    src.write_text("一。\n二。\n三。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "--qe", "--src", str(src), str(DATA / "ref.A.en")])
    assert result.exit_code == 2 and "lines but" in result.stderr


def test_reference_scoring_does_not_import_torch():
    code = (
        "import sys; from click.testing import CliRunner; import toolkit.cli as cli;"
        f"r = CliRunner().invoke(cli.main, ['score', '-r', {str(DATA / 'ref.A.en')!r},"
        f" {str(DATA / 'Online-W.en')!r}]); assert r.exit_code == 0, r.output;"
        "print(sorted(m for m in ('torch', 'transformers', 'spacy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "[]", done.stderr


def test_worst_first_follows_the_printed_score(tmp_path):
    """Issue 19 item 20: the triage order is the order of the score each line prints."""
    hyp = tmp_path / "hyp.txt"
    lines = (DATA / "Online-W.en").read_text(encoding="utf-8").splitlines()[:40]
    hyp.write_text("\n".join([*lines, "他说，会谈将继续下去。", "Short one."]) + "\n", "utf-8")
    for fmt in ("json", "tsv", "text"):
        result = CliRunner().invoke(main, ["score", "--qe", str(hyp), "--format", fmt])
        assert result.exit_code == 0, result.output
        if fmt == "json":
            scores = [s["score"] for s in json.loads(result.stdout)[0]["segments"]]
        elif fmt == "tsv":
            scores = [float(row.split("\t")[2]) for row in result.stdout.splitlines()[2:]]
        else:
            line = re.compile(rf"{re.escape(str(hyp))}:\d")
            rows = [r for r in result.stdout.splitlines() if line.match(r)]
            scores = [float(row.split(": ")[1].split()[0]) for row in rows]
        assert len(scores) > 1 and scores == sorted(scores), fmt


class _FixedLM:
    """Stands in for a causal LM: total bits proportional to characters (no model loaded)."""

    def total_bits(self, texts, batch=16, max_tokens=256):
        return [(2.0 * len(t), len(t.split())) for t in texts]


def test_lm_surprisal_takes_its_share_of_the_prior_and_is_named():
    from toolkit.score import qe

    hyps = ["A short line.", "A much longer line with unusual polysyllabic vocabulary."]
    report = estimate(hyps, lm=_FixedLM(), lm_name="tiny")
    assert f"lm:tiny@{qe.LM_SHARE:g}" in report.signature
    for segment, text in zip(report.segments, hyps, strict=True):
        signals = dict(segment.signals)
        lm_points = PRIOR_POINTS_PER_WORD * qe.LM_SHARE * 2.0 * len(text) / qe.BITS_PER_WORD
        assert signals["lm"] == pytest.approx(lm_points) and segment.evidence == 0
        assert segment.points == pytest.approx(signals["lm"] + signals["prior"])
    assert "lm:no" in estimate(hyps).signature


def test_lm_option_needs_qe_and_a_model_that_exists(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("A line.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "-r", str(hyp), str(hyp), "--deep"])
    assert result.exit_code == 2 and "--qe" in result.stderr
    result = CliRunner().invoke(main, ["score", "--qe", str(hyp), "--lm", str(tmp_path / "none")])
    assert result.exit_code != 0 and "no such file" in result.output + result.stderr


def test_a_long_file_is_estimated_in_chunks_of_whole_lines(monkeypatch):
    import toolkit.score.qe as qe

    hyps = [f"Line {i} said it ,had {'retaken' if i % 3 else 'lost'} the town ." for i in range(40)]
    whole = qe.estimate(hyps)
    monkeypatch.setattr(qe, "CHUNK_CHARS", 200)
    assert len(list(qe._chunks(hyps))) > 5
    chunked = qe.estimate(hyps)
    text = "\n".join(hyps)
    for one, other in zip(whole.segments, chunked.segments, strict=True):
        assert one == other and one.findings
        assert all(text[f.start : f.end] == f.text for f in other.findings)
