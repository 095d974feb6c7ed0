"""Shared fixtures: paths to the data beside the checkout, and a small valid scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

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
