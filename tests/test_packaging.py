"""The wheel installs the package only: the ``mtkit`` command lives inside it, and the root
``cli.py`` is a shim for checkouts, never a bare top-level ``cli`` module in site-packages."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_console_script_and_the_wheel_hold_only_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["mtkit"] == "toolkit.cli:main"
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["only-include"] == ["toolkit"]


def test_the_root_shim_runs_the_packaged_command():
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "mtkit" in done.stdout
