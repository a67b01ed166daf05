"""Shared fixtures: where the bundled samples are."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES
