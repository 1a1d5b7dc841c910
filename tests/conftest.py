"""Shared fixtures (the seed article, the path of tests/data) and the test markers.

Tests are marked by what they need, from the fixtures they use: ``model`` (a model built by the
test or a parser), ``browser`` (Chromium through Playwright), ``dask`` (a Dask cluster); select
or skip them with ``-m``, as in ``pytest -m "not browser"``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


# marker -> fixtures whose use puts a test under it
MARKED_FIXTURES = {
    "model": {"tiny_lm", "tiny_model", "tiny_encoder"},
    "browser": {"browser", "page"},
    "dask": {"cluster"},
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in MARKED_FIXTURES.items():
            if used & fixtures:
                item.add_marker(marker)
