"""Settings are values: what one caller does with its profile cannot reach another's reading."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from planwatch.extract import ExtractSettings, load_profile
from planwatch.extract.keys import read_key_line
from planwatch.extract.sections import match_heading
from planwatch.frozen import FrozenDict
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


def test_changing_what_settings_hold_is_refused_and_a_later_reading_is_unchanged() -> None:
    settings = ExtractSettings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.ref_share = 0.1  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.content_shares["action"] = 0.1  # type: ignore[index]
    with pytest.raises(TypeError):
        settings.cells.dates.season_start_months["spring"] = 4  # type: ignore[index]
    with pytest.raises(TypeError):
        settings.profile.headers["action"] = ()  # type: ignore[index]
    # the plan's 50 action rows, counted by hand, under these settings and under fresh ones
    assert len(extract_file(PLAN, settings=settings)) == 50
    assert len(extract_file(PLAN, settings=ExtractSettings())) == 50


@pytest.mark.parametrize(
    ("knobs", "message"),
    [
        ({"header_search_rows": 0}, "ExtractSettings.header_search_rows must be a whole number"),
        ({"max_role_words": 2.5}, "ExtractSettings.max_role_words must be a whole number"),
        ({"max_head_chars": True}, "ExtractSettings.max_head_chars must be a whole number"),
        ({"ref_share": 2}, "ExtractSettings.ref_share must be a share above 0 and at most 1"),
        ({"key_share": 0.0}, "ExtractSettings.key_share must be a share above 0"),
        ({"numbers_only": float("nan")}, "ExtractSettings.numbers_only must be a share"),
        (
            {"content_shares": FrozenDict({"action": 0.6, "due": 0.7})},
            "ExtractSettings.content_shares must be a FrozenDict of a share for each of",
        ),
        (
            {"content_shares": {"action": 0.6, "due": 0.7, "status": 0.7, "ref": 0.8}},
            "ExtractSettings.content_shares must be a FrozenDict",
        ),
        (
            {"content_shares": FrozenDict({"action": 0.6, "due": 0.7, "status": 7, "ref": 0.8})},
            r"ExtractSettings.content_shares\['status'\] must be a share",
        ),
    ],
)
def test_a_bad_threshold_is_refused_by_name(knobs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ExtractSettings(**knobs)


def test_the_thresholds_are_read_from_the_settings_passed() -> None:
    # "Head of Prevention" is a role of three words: a key line under the default of nine,
    # a sentence where the caller allows two
    assert read_key_line("HoP – Head of Prevention", ExtractSettings()) == (
        "HoP",
        "Head of Prevention",
    )
    assert read_key_line("HoP – Head of Prevention", ExtractSettings(max_role_words=2)) is None
    # a heading of 31 characters opens a section unless headings are held to 30
    heading = "Area for Improvement 1: Culture"
    assert match_heading(heading, ExtractSettings()) is not None
    assert match_heading(heading, ExtractSettings(max_heading_chars=30)) is None
