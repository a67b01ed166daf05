"""Settings are values: what one caller does with its profile cannot reach another's reading."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from planwatch.extract import ExtractSettings, load_profile
from planwatch.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PLAN = SAMPLES / "hwfrs-improvement-plan-2021-01.docx"


def test_a_returned_profile_cannot_be_changed() -> None:
    profile = load_profile()
    with pytest.raises(TypeError):
        profile.headers["action"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        profile.headers.clear()  # type: ignore[attr-defined]


def test_no_profile_is_shared_between_callers() -> None:
    # once, one cached profile was handed to every caller: editing it changed their readings
    first, second = load_profile(), load_profile()
    assert first == second and first is not second
    assert first.headers is not second.headers
    assert len(extract_file(PLAN, settings=ExtractSettings(profile=first))) == 50


def test_settings_are_hashable_and_travel_to_worker_processes() -> None:
    settings = ExtractSettings()
    assert hash(settings) == hash(pickle.loads(pickle.dumps(settings)))
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_a_profile_path_where_a_profile_belongs_is_named() -> None:
    with pytest.raises(TypeError, match="profile must be a Profile.*with_profile_file"):
        ExtractSettings(profile=Path("mine.toml"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="profile nowhere.toml is not a file"):
        ExtractSettings.with_profile_file(Path("nowhere.toml"))
