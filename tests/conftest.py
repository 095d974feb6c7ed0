"""Shared fixtures: paths to the data beside the checkout, a small valid scenario and an empty
evidence store.

Property tests draw their examples from a fixed seed, so a run is reproducible and CI never
fails by chance; ``HYPOTHESIS_PROFILE=explore`` draws fresh examples on every run (a failure
found there is then pinned with ``@example``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("reproducible", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the checkout")
    return SHARED


@pytest.fixture
def decide_files(shared_dir: Path) -> list[Path]:
    files = sorted((shared_dir / "data" / "decide").glob("*"))
    if not files:
        pytest.skip("no Decide input files in ../shared/data/decide")
    return files


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A new evidence store with nothing in it (a test file may define a ``db`` of its own)."""
    from pourparler.evidence.store import Store

    path = tmp_path / "e.db"
    with Store(path):
        pass
    return path
