import pytest

from planwatch.errors import PlanwatchError
from planwatch.normalise.settings import NormaliseSettings
from planwatch.normalise.statuses import Status, parse_status, status_from_fill
from planwatch.normalise.vocabulary import load_vocabulary


@pytest.mark.parametrize(
    ("raw", "value", "note"),
    [
        # The Target Date column of seed 000 doubles as its status column.
        ("Complete", "complete", ""),
        ("Deferred", "deferred", ""),
        ("Ongoing", "ongoing", ""),
        ("ongoing", "ongoing", ""),
        (
            "Complete (staff identified and courses booked)",
            "complete",
            "staff identified and courses booked",
        ),
        ("Completed", "complete", ""),
        ("Closed", "complete", ""),
        ("Done", "complete", ""),
        ("Achieved", "complete", ""),
        ("Embedded", "complete", ""),
        ("Discharged", "complete", ""),
        ("<i>Complete</i>", "complete", ""),
        ("<B>Complete</B>", "complete", ""),  # tags in capitals
        ("In progress", "ongoing", ""),
        ("On track", "ongoing", ""),
        ("Business as usual", "ongoing", ""),
        ("BAU", "ongoing", ""),
        ("On hold", "deferred", "On hold"),
        ("Paused", "deferred", "Paused"),
        ("Cancelled", "cancelled", ""),
        ("Withdrawn", "cancelled", ""),
        ("Superseded", "cancelled", ""),
        ("No longer required", "cancelled", ""),
        ("Not started", "open", ""),
        ("Open", "open", ""),
        ("Planned", "open", ""),
        ("Overdue", "open", "Overdue"),
        ("Delayed", "open", "Delayed"),
        ("Delayed due to Covid-19", "open", "Delayed; due to Covid-19"),
        ("Completed - Dec 2020", "complete", "Dec 2020"),
    ],
)
def test_status_words(raw, value, note):
    assert parse_status(raw) == Status(value, raw, note)


@pytest.mark.parametrize(
    ("raw", "value", "note"),
    [
        ("Green", "open", "Green"),
        ("G", "open", "Green"),
        ("Amber", "open", "Amber"),
        ("A", "open", "Amber"),
        ("Red", "open", "Red"),
        ("R", "open", "Red"),
        ("Blue", "complete", "Blue"),
        ("B", "complete", "Blue"),
        ("Grey", "complete", "Grey"),
        ("Amber - awaiting funding", "open", "Amber; awaiting funding"),
    ],
)
def test_rag_words_keep_the_colour_as_note(raw, value, note):
    assert parse_status(raw) == Status(value, raw, note)


@pytest.mark.parametrize("raw", ["Mar 2021", "Feb 21", "30.09.21", "Q4 2021/2022"])
def test_a_date_is_not_a_status(raw):
    assert parse_status(raw) == Status(None, raw)


def test_empty_text_is_no_status():
    assert parse_status("") == Status(None, "")


def test_unknown_text_is_kept_with_a_warning():
    assert parse_status("banana") == Status(
        None, "banana", warnings=("status not understood: 'banana'",)
    )


def test_a_misspelt_word_is_read_with_a_warning():
    assert parse_status("Compelte") == Status(
        "complete", "Compelte", warnings=("status 'Compelte' read as complete",)
    )


def test_a_user_file_extends_the_vocabulary(tmp_path):
    extra = tmp_path / "more.toml"
    extra.write_text('[statuses]\ncomplete = ["signed off"]\ncancelled = ["delayed"]\n')
    settings = NormaliseSettings(vocabulary=load_vocabulary(extra))
    assert parse_status("Signed off", settings).value == "complete"
    assert parse_status("Delayed", settings).value == "cancelled"
    assert parse_status("Ongoing", settings).value == "ongoing"


def test_a_bad_vocabulary_file_names_the_problem(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text('[statuses]\nfinished = ["signed off"]\n')
    with pytest.raises(PlanwatchError, match="unknown status 'finished'"):
        load_vocabulary(extra)


@pytest.mark.parametrize(
    ("fill", "value", "note"),
    [
        ("FF0000", "open", "Red"),
        ("FFC7CE", "open", "Red"),  # spreadsheet "bad" pink
        ("FFC000", "open", "Amber"),
        ("#ffc000", "open", "Amber"),
        ("FFEB9C", "open", "Amber"),  # spreadsheet "neutral" yellow
        ("00B050", "open", "Green"),
        ("C6EFCE", "open", "Green"),  # spreadsheet "good" green
        ("0070C0", "complete", "Blue"),
        ("D9D9D9", "complete", "Grey"),
        ("FFFFC000", "open", "Amber"),  # ARGB
    ],
)
def test_fill_colours_read_as_rag(fill, value, note):
    status = status_from_fill(fill)
    assert (status.value, status.raw, status.note) == (value, "", note)
    assert len(status.warnings) == 1


@pytest.mark.parametrize("fill", [None, "", "FFFFFF", "000000", "7030A0", "not a colour"])
def test_no_or_unknown_fill_is_no_status(fill):
    assert status_from_fill(fill) is None


def test_a_document_legend_overrides_the_default_colours():
    status = status_from_fill("00B050", {"Green": "Completed"})
    assert (status.value, status.note) == ("complete", "Green")
    assert status.warnings == ("status read from fill 00B050 by the legend",)
    assert status_from_fill("123456", {"#123456": "Deferred"}).value == "deferred"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("75% complete", "ongoing"),
        ("25 % done", "ongoing"),
        ("100%", "complete"),
        ("0% complete", "open"),
    ],
)
def test_a_percentage_is_how_far_through_kept_as_the_note(raw, value):
    assert parse_status(raw) == Status(value, raw, raw)


def test_a_percentage_over_100_is_not_understood():
    assert parse_status("150%").value is None


@pytest.mark.parametrize(
    ("raw", "value", "note"),
    [
        # whole sentences stating a status, as trackers written in prose print them
        ("This action remains complete", "complete", ""),
        ("This action remains complete.", "complete", ""),
        ("The recommendation has now been discharged", "complete", ""),
        ("Action is on track", "ongoing", ""),
        ("This action is currently on hold", "deferred", "on hold"),
        (
            "The action has been superseded by the new People Strategy",
            "cancelled",
            "by the new People Strategy",
        ),
        ("Work has not started", "open", ""),
        ("It is now complete (signed off at board)", "complete", "signed off at board"),
    ],
)
def test_status_sentences(raw, value, note):
    assert parse_status(raw) == Status(value, raw, note)


@pytest.mark.parametrize(
    ("raw", "value", "note"),
    [
        ("Closed – business as usual", "complete", "business as usual"),
        ("Awaiting review", "ongoing", "Awaiting review"),
        ("Awaiting sign-off", "ongoing", "Awaiting sign-off"),
        ("Proposed for closure", "ongoing", "Proposed for closure"),
        ("Partially met", "ongoing", "Partially met"),
        ("Met", "complete", ""),
        ("Not met", "open", ""),
        ("Not yet due", "open", ""),
        ("Fully implemented", "complete", ""),
    ],
)
def test_more_status_words(raw, value, note):
    assert parse_status(raw) == Status(value, raw, note)


@pytest.mark.parametrize(
    "raw",
    ["This action is being looked at", "The work is with finance", "Meeting arranged in May"],
)
def test_sentences_naming_no_status_are_not_read_and_warn(raw):
    read = parse_status(raw)
    assert read.value is None
    assert read.warnings == (f"status not understood: '{raw}'",)
