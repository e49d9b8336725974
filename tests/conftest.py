"""Shared fixtures: the corpora in ../shared (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

# app, client, librarian and token fixtures; the browser tests' Chromium; both modes
pytest_plugins = ["tests.librarian_support", "tests.browser_support", "tests.postgres_support"]

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
HAARETZ_SEED = "000_45b8fe0913e6acba.txt"
OPINDIA_SEED = "002_ec901710d7344171.txt"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared corpora beside the project")
    return path


@pytest.fixture(scope="session")
def corpus() -> Path:
    """../shared/corpus, or skip."""
    return _need(CORPUS)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(CORPUS / "seeds")


@pytest.fixture(scope="session")
def haaretz_seed(seeds_dir: Path) -> Path:
    return seeds_dir / HAARETZ_SEED


@pytest.fixture(scope="session")
def opindia_seed(seeds_dir: Path) -> Path:
    return seeds_dir / OPINDIA_SEED
