"""A sacreBLEU command line run as ``mtkit score`` prints what ``sacrebleu`` prints."""

from __future__ import annotations

import gzip
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "wmt22_small"
LINES = 10


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """r1 r2 (references), h1 h2 (systems), rr (r1 and r2 tab-separated), *.gz copies."""
    folder = tmp_path_factory.mktemp("sacre")
    sources = {"r1": "ref.A.en", "r2": "ref.B.en", "h1": "JDExploreAcademy.en", "h2": "Online-W.en"}
    texts = {}
    for name, source in sources.items():
        lines = (DATA / source).read_text(encoding="utf-8").splitlines()[:LINES]
        texts[name] = lines
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        with gzip.open(folder / f"{name}.gz", "wt", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    rows = ["\t".join(pair) for pair in zip(texts["r1"], texts["r2"], strict=True)]
    (folder / "rr").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = ["\t".join(pair) for pair in zip(texts["h1"], texts["h2"], strict=True)]
    (folder / "hh").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def sacrebleu(folder: Path, args: list[str], stdin: bytes | None) -> str:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "SACREBLEU_SEED": "12345"}
    done = subprocess.run([sys.executable, "-m", "sacrebleu", *args], input=stdin, cwd=folder,
                          capture_output=True, env=env, check=True)  # fmt: skip
    return done.stdout.decode("utf-8").rstrip("\n")


COMMANDS = [
    "r1 -i h1 -m bleu chrf ter -f text",
    "r1 r2 -i h1 -m bleu chrf ter -f text -w 4 -sh",
    "rr -nr 2 -i h1 -m bleu chrf ter -b -w 4",
    "r1.gz r2.gz -i h1.gz",
    "r1 -i h1 h2 -m bleu chrf ter -f text",
    "r1 -i h1 h2 -m bleu chrf ter",
    "r1 -i h1 h2 -m bleu chrf ter -f latex",
    "r1 -i h1 h2 -m bleu chrf --paired-bs -f text --paired-bs-n 100",
    "r1 -i h1 h2 -m bleu ter --paired-ar -f text --paired-ar-n 50 -j 2",
    "r1 -i h1 -m bleu -sl -w 3",
    "r1 -i h1 -m ter -sl -w 3 -sh",
    "r1 r2 -i h1 -m chrf -sl -cw 2 -b",
    "r1 -i h1 -m bleu chrf ter --confidence -cin 50",
    "r1 -i h1 -m bleu chrf --confidence -cin 50 -f text",
    "r1 -i h1 -s floor -sv 0.3 -tok intl -lc --force -f text",
    "r1 -i h1 -s add-k -f text",
    "r1 -i h1 -s none -tok char -f text",
    "r1 -i h1 -m chrf --chrf-beta 3 -cc 4 -cw 1 --chrf-whitespace --chrf-lowercase "
    "--chrf-eps-smoothing -w 4",
    "r1 -i h1 -m ter --ter-case-sensitive --ter-no-punct --ter-normalized --ter-asian-support",
    "r1 -i h1 -l en-zh -f text",
    "r1 -f text < h1",
    "r1 -f text < hh",
    "r1 --paired-bs -pbsn 20 < hh",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_mtkit_prints_what_sacrebleu_prints(folder, command, monkeypatch):
    args = shlex.split(command.split(" < ")[0])
    stdin = (folder / command.split(" < ")[1]).read_bytes() if " < " in command else None
    expected = sacrebleu(folder, args, stdin)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("SACREBLEU_SEED", "12345")
    result = CliRunner().invoke(main, ["score", *args], input=stdin)
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip("\n") == expected


def test_sacrebleu_json_format_with_mtkit_options(folder):
    args = ["-r", str(folder / "r1"), str(folder / "h1"), "--metrics", "bleu,ter"]
    result = CliRunner().invoke(main, ["score", *args, "--format", "sacrebleu-json"])
    expected = sacrebleu(folder, ["r1", "-i", str(folder / "h1"), "-m", "bleu", "ter"], None)
    assert result.exit_code == 0 and result.stdout.rstrip("\n") == expected


def test_flores_tokenizer_loads_a_local_model(folder, tmp_path):
    from toolkit.score.spm import train

    corpus = tmp_path / "corpus.txt"
    corpus.write_text((DATA / "ref.B.en").read_text(encoding="utf-8"), encoding="utf-8")
    model = train(corpus, tmp_path / "tiny", vocab_size=300)
    models = tmp_path / "sacrebleu" / "models"
    models.mkdir(parents=True)
    (models / "flores200sacrebleuspm").write_bytes(model.read_bytes())
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "SACREBLEU": str(tmp_path / "sacrebleu")}
    command = [sys.executable, "-m", "sacrebleu", "r1", "-i", "h1"]
    command += ["-tok", "flores200", "-f", "text"]
    done = subprocess.run(command, cwd=folder, capture_output=True, env=env, check=True)
    arguments = ["score", str(folder / "r1"), "-i", str(folder / "h1"), "-tok", "flores200"]
    result = CliRunner().invoke(main, [*arguments, "--spm-model", str(model), "-f", "text"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == done.stdout.decode().strip()
    assert "tok:flores200" in result.stdout


def test_flores_tokenizer_without_a_model_says_what_to_give(folder, monkeypatch, tmp_path):
    import sacrebleu.utils

    monkeypatch.setattr(sacrebleu.utils, "SACREBLEU_DIR", str(tmp_path))
    result = CliRunner().invoke(main, ["score", str(folder / "r1"), "-i", str(folder / "h1"),
                                       "-tok", "spBLEU-1K"])  # fmt: skip
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "needs --spm-model PATH" in result.stderr and "never downloads" in result.stderr


@pytest.mark.parametrize("option", ["-t wmt17", "--echo src", "--list", "--download wmt17", "-d"])
def test_test_set_options_are_refused_without_network(folder, option):
    result = CliRunner().invoke(main, ["score", str(folder / "r1"), *option.split()])
    assert result.exit_code == 2 and "network" in result.stderr
