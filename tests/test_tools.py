"""The builders under tools/ write their default outputs into this checkout's corpora/."""

import importlib
import pkgutil
from pathlib import Path

import pytest

import tools

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.mark.parametrize("name", [m.name for m in pkgutil.iter_modules(tools.__path__)])
def test_default_outputs_are_in_corpora(name):
    module = importlib.import_module(f"tools.{name}")
    outputs = [
        value
        for key, value in vars(module).items()
        if isinstance(value, Path) and key.endswith(("OUT", "OUTPUT"))
    ]
    assert all(CORPORA in path.parents for path in outputs)
