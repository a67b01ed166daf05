import dataclasses
from datetime import date

import pytest

from planwatch.frozen import FrozenDict
from planwatch.normalise.dates import DateSettings, parse_due
from planwatch.normalise.leads import resolve_leads
from planwatch.normalise.settings import NormaliseSettings
from planwatch.normalise.signoffs import SignOff, parse_signoff
from planwatch.normalise.statuses import fill_colour, parse_status
from planwatch.normalise.vocabulary import Vocabulary, load_vocabulary

METEOROLOGICAL = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def test_settings_name_the_bad_setting():
    with pytest.raises(TypeError, match="normalise setting dates must be a DateSettings"):
        NormaliseSettings(dates={"day_first": True})
    with pytest.raises(TypeError, match="normalise setting vocabulary must be a Vocabulary"):
        NormaliseSettings(vocabulary={"done": "complete"})


def test_a_vocabulary_naming_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown status 'finished' for 'done' in \\[statuses\\]"):
        Vocabulary(words=(("done", "finished"),), rag=(), rag_letters=())
    with pytest.raises(ValueError, match="'x' names 'mauve', which \\[rag\\] lacks"):
        Vocabulary(words=(), rag=(("red", "open"),), rag_letters=(("x", "mauve"),))


def test_settings_are_read_only_and_a_users_words_stay_with_their_settings(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[statuses]\ncomplete = ["ratified"]\n')
    theirs = NormaliseSettings.with_vocabulary_file(mine)
    with pytest.raises(dataclasses.FrozenInstanceError):
        theirs.vocabulary = load_vocabulary()  # type: ignore[misc]
    assert parse_status("Ratified", theirs).value == "complete"
    assert parse_status("Ratified").value is None  # the shipped words are unchanged


@pytest.mark.parametrize(
    ("knobs", "message"),
    [
        ({"status_typo_min_chars": 0}, "status_typo_min_chars must be at least 1"),
        ({"lead_typo_min_chars": -1}, "lead_typo_min_chars must be at least 1"),
        ({"min_fill_chroma": 300}, "min_fill_chroma must be 0 to 255"),
        ({"neutral_chroma": -1}, "neutral_chroma must be 0 to 255"),
        ({"grey_levels": (0xF3, 0x60)}, "grey_levels must be"),
        ({"grey_levels": range(0x60, 0xF3)}, "grey_levels must be"),
        ({"fill_hues": (("red", 15, 0),)}, "fill_hues must hold"),
    ],
)
def test_a_bad_threshold_is_refused_by_name(knobs, message):
    with pytest.raises(ValueError, match=message):
        NormaliseSettings(**knobs)


def test_a_bad_year_range_is_refused_by_name():
    with pytest.raises(ValueError, match="date setting plausible_years must be a non-empty range"):
        DateSettings(plausible_years=range(2000, 1990))


def test_the_thresholds_are_read_from_the_settings_passed():
    assert parse_status("Compelte").value == "complete"
    assert parse_status("Compelte", NormaliseSettings(status_typo_min_chars=9)).value is None
    key = {"GCP": "Group Commander"}
    assert resolve_leads("CGP", key).codes == ("GCP",)
    assert resolve_leads("CGP", key, settings=NormaliseSettings(lead_typo_min_chars=4)).codes == (
        "CGP",
    )
    faint = NormaliseSettings(min_fill_chroma=200)
    assert fill_colour("FFC7CE") == "red"  # spreadsheet "bad" pink: chroma 0xFF - 0xC7 = 56
    assert fill_colour("FFC7CE", faint) is None
    assert fill_colour("0070C0", NormaliseSettings(fill_hues=(("green", 0, 361),))) == "green"
    # a greenish grey, channels 0xB0 to 0xC0 apart by 16: neutral grey by default, no colour
    # (under the chroma a colour needs) where neutral means 8 apart at most
    assert fill_colour("B0C0B0") == "grey"
    assert fill_colour("B0C0B0", NormaliseSettings(neutral_chroma=8)) is None
    # D9D9D9 is a mid grey unless greys end below its 0xD9
    assert fill_colour("D9D9D9", NormaliseSettings(grey_levels=(0x60, 0xD0))) is None


def test_the_plausible_years_are_read_from_the_date_settings():
    assert parse_due("March 2021").start == date(2021, 3, 1)
    later = DateSettings(plausible_years=range(2022, 2100))
    assert parse_due("March 2021", settings=later).start is None


@pytest.mark.parametrize(
    ("knobs", "message"),
    [
        ({"max_date_words": 0}, "date setting max_date_words must be at least 1"),
        ({"max_free_text_chars": True}, "date setting max_free_text_chars must be at least 1"),
        ({"max_quoted_dates": 0}, "date setting max_quoted_dates must be at least 1"),
        (
            {"season_start_months": FrozenDict({"spring": 3})},
            "date setting season_start_months must be a FrozenDict giving a month 1 to 12 for"
            " each of spring, summer, autumn, fall, winter",
        ),
        (
            {"season_start_months": FrozenDict(dict(METEOROLOGICAL, winter=13))},
            "date setting season_start_months must be",
        ),
    ],
)
def test_a_bad_date_setting_is_refused_by_name(knobs, message):
    with pytest.raises(ValueError, match=message):
        DateSettings(**knobs)


def test_how_many_dates_a_warning_quotes_is_read_from_the_date_settings():
    due = parse_due("Mar 2021 / June 2021", settings=DateSettings(max_quoted_dates=1))
    assert due.warnings == ("several dates in one cell: 'June 2021' and 1 more",)


def test_a_bad_shading_word_count_is_refused_by_name():
    with pytest.raises(ValueError, match="normalise setting max_status_words must be at least 1"):
        NormaliseSettings(max_status_words=0)


def test_the_seasons_and_date_lengths_are_read_from_the_settings_passed():
    # meteorological spring is March to May; a plan whose spring starts in April says so
    april = DateSettings(season_start_months=FrozenDict(dict(METEOROLOGICAL, spring=4)))
    assert parse_due("Spring 2022").start == date(2022, 3, 1)
    spring = parse_due("Spring 2022", settings=april)
    assert (spring.start, spring.end) == (date(2022, 4, 1), date(2022, 6, 30))
    # "Thursday 27 July 2021" is a date of four words; held to three, "Thursday" is a name
    assert parse_signoff("AD Thursday 27 July 2021") == SignOff(
        "AD Thursday 27 July 2021", "AD", date(2021, 7, 27)
    )
    short = parse_signoff("AD Thursday 27 July 2021", DateSettings(max_date_words=3))
    assert (short.by, short.on) == ("AD Thursday", date(2021, 7, 27))
