"""Shared test fixtures: where the repository's samples and the shared reference data live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"


def need_shared(path: Path) -> Path:
    """Skip the calling test, with the reason, when ../shared (the reference data) is absent."""
    if not path.exists():
        pytest.skip(f"reference data not found at {path} (../shared is not beside this checkout)")
    return path
