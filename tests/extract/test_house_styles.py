"""Plans in house styles beyond the generator's, written by hand: each form read right, or
warned of where the document leaves it open. The red-team plans (tests/redteam) hold one
document per form; these hold another, worded differently, with expected values written by
hand from what each document prints."""

from __future__ import annotations

from planwatch.pipeline import extract_file, read_file
from tests.conftest import word_plan


def _first(rows, ref):
    (row,) = [r for r in rows if r.action_ref == ref and r.entry_no == 1]
    return row


def test_the_latest_of_update_columns_printed_latest_first(tmp_path):
    # the newest period's column stands first here, and no column is headed "update"
    path = word_plan(
        tmp_path / "harbour.docx",
        ["Harbourside Fire and Rescue Service", "Inspection Improvement Plan", "Updated: May 2024"],
        [
            ["No.", "What we will do", "Owner", "By when", "March 2024 position",
             "December 2023 position", "RAG"],
            ["1", "Publish a new protection strategy for high-rise buildings.", "GM Protection",
             "June 2024", "Strategy out for consultation.", "First draft written.", "Amber"],
            ["2", "Recruit two more fire safety inspectors.", "GM Protection", "April 2024",
             "Both posts filled.", "Interviews held.", "Green"],
        ],
    )  # fmt: skip
    rows = extract_file(path)
    first = _first(rows, "1")
    assert (first.latest_update, first.update_period) == (
        "Strategy out for consultation.",
        "March 2024 position",
    )
    assert _first(rows, "2").latest_update == "Both posts filled."
    assert first.progress == "First draft written."  # the earlier position: progress so far


def _owner_plan(tmp_path, lead: str):
    return word_plan(
        tmp_path / "fenland.docx",
        ["Fenland Fire and Rescue Service", "HMICFRS Action Plan", "Updated: 2 April 2024"],
        [
            ["Abbreviation", "Full title"],
            ["AM Ops", "Area Manager, Operations"],
            ["GM Protection", "Group Manager, Protection"],
            ["HoCR", "Head of Community Risk"],
        ],
        [
            ["Ref", "Action", "Owner", "Due", "Status"],
            ["P1", "Audit every high-rise premises in the county.", lead, "Sept 2024", "Ongoing"],
        ],
    )


def test_a_key_table_code_of_whole_words_resolves(tmp_path):
    (row,) = extract_file(_owner_plan(tmp_path, "GM Protection / HoCR"))
    assert row.lead_codes == ("GM Protection", "HoCR")
    assert row.lead_roles == ("Group Manager, Protection", "Head of Community Risk")
    assert row.warnings == ()


def test_a_list_of_leads_naming_a_code_the_key_lacks_is_warned(tmp_path):
    (row,) = extract_file(_owner_plan(tmp_path, "HoCR, Stn Mgr Training Centre"))
    assert row.lead_codes == ()
    assert "lead 'HoCR, Stn Mgr Training Centre' read as one role written out" in row.warnings[0]


_ACTIVITY_HEADER = ["Action No", "Improvement activity", "Responsible officer", "Completion", "RAG"]


def test_a_table_carried_on_without_its_header_keeps_its_rows(tmp_path):
    path = word_plan(
        tmp_path / "tamar.docx",
        ["Tamar Fire and Rescue Service", "Improvement Plan", "Position at 31 March 2024"],
        [
            _ACTIVITY_HEADER,
            ["1", "Review how on-call availability is reported to the board.", "AM Response",
             "Q1 2024/25", "Green"],
        ],
        [
            ["2", "Agree a new on-call pay model with the representative bodies.", "HRD",
             "Q2 2024/25", "Amber"],
            ["3", "Test the new availability system with three stations.", "AM Response",
             "Q3 2024/25", "Green"],
            ["4", "Report the trial's results to the fire authority.", "AM Response",
             "Q4 2024/25", "Green"],
        ],
    )  # fmt: skip
    extraction = extract_file(path)
    assert [r.action_ref for r in extraction] == ["1", "2", "3", "4"]
    assert [r.due_raw for r in extraction][1:3] == ["Q2 2024/25", "Q3 2024/25"]
    assert extraction[3].lead_raw == "AM Response"


def test_a_table_carried_on_with_one_row_of_short_cells_seen_above_keeps_it(tmp_path):
    # the row carried on has no date, status or prose but its action: its owner and its
    # "TBC" are what those columns held above, which is all the evidence one row can give
    path = word_plan(
        tmp_path / "tamar.docx",
        ["Tamar Fire and Rescue Service", "Improvement Plan", "Position at 31 March 2024"],
        [
            ["Improvement activity", "Responsible officer", "Completion", "Update"],
            ["Review how on-call availability is reported to the board.", "AM Response",
             "TBC", "Draft report written for the next board meeting."],
            ["Agree a new on-call pay model with the representative bodies.", "HRD",
             "To be confirmed", "Talks with the representative bodies began in May."],
        ],
        [["Test the new availability system with three stations.", "HRD", "TBC", ""]],
    )  # fmt: skip
    rows = extract_file(path)
    assert [(r.action, r.lead_raw, r.due_raw) for r in rows][2] == (
        "Test the new availability system with three stations.",
        "HRD",
        "TBC",
    )
    assert len(rows) == 3


def test_a_headerless_table_of_counts_after_the_actions_is_no_continuation(tmp_path):
    path = word_plan(
        tmp_path / "tamar.docx",
        ["Tamar Fire and Rescue Service", "Improvement Plan", "Position at 31 March 2024"],
        [
            _ACTIVITY_HEADER,
            ["1", "Review how on-call availability is reported to the board.", "AM Response",
             "Q1 2024/25", "Green"],
            ["2", "Agree a new on-call pay model with the representative bodies.", "HRD",
             "Q2 2024/25", "Amber"],
        ],
        [["Effectiveness", "4", "2", "1", "1"], ["People", "3", "0", "2", "1"]],
    )  # fmt: skip
    assert [r.action_ref for r in extract_file(path)] == ["1", "2"]


_DEE = ["Dee Valley Fire and Rescue Service", "Improvement Plan", "Updated: 1 July 2024"]


def test_a_row_of_counts_in_the_action_column_is_no_action(tmp_path):
    path = word_plan(
        tmp_path / "dee.docx",
        _DEE,
        [
            ["Ref", "Action", "Lead", "Due", "Status"],
            ["2.1", "Refresh the safe and well visit training.", "HoP", "Dec 2024", "Closed"],
            ["2.2", "Publish the prevention strategy.", "HoP", "Mar 2025", "Open"],
            ["Totals", "Actions: 2", "", "", "Closed: 1"],
        ],
    )
    extraction = extract_file(path)
    assert [(r.action_ref, r.entry_no, r.status) for r in extraction] == [
        ("2.1", 1, "complete"),
        ("2.2", 1, "open"),
    ]


def test_a_row_of_bare_numbers_under_an_action_is_its_entry(tmp_path):
    path = word_plan(
        tmp_path / "dee.docx",
        _DEE,
        [
            ["Ref", "Action", "Lead", "Due", "Progress", "Budget", "Spent", "Status"],
            ["2.1", "Refit the training tower.", "GM Training", "Dec 2024", "Tender out.",
             "20", "0", "Open"],
            ["", "", "", "", "Works begun.", "20", "15", ""],
        ],
    )  # fmt: skip
    extraction = extract_file(path)
    assert [(r.action_ref, r.entry_no, r.progress) for r in extraction] == [
        ("2.1", 1, "Tender out."),
        ("2.1", 2, "Works begun."),
    ]


_WOLDS = ["Wolds Constabulary", "Vetting Action Plan", "Updated: 3 June 2024"]
_VETTING_HEADER = ["No.", "Recommendation", "Lead", "Deadline", "RAG"]


def test_an_action_carried_on_over_two_rows_is_one_action(tmp_path):
    path = word_plan(
        tmp_path / "wolds.docx",
        _WOLDS,
        [
            _VETTING_HEADER,
            ["V1", "Record the reasons for every vetting decision that departs from", "PSD",
             "Aug 2024", "Amber"],
            ["", "the guidance, and review a sample each quarter.", "", "", ""],
            ["", "", "", "", ""],
            ["V2", "Publish the vetting appeals process.", "PSD", "Jul 2024", "Green"],
        ],
    )  # fmt: skip
    rows = extract_file(path)
    assert [(r.action_ref, r.entry_no) for r in rows] == [("V1", 1), ("V2", 1)]
    assert rows[0].action == (
        "Record the reasons for every vetting decision that departs from the guidance,"
        " and review a sample each quarter."
    )


def test_a_row_of_capitalised_action_text_alone_is_a_new_action_with_a_warning(tmp_path):
    path = word_plan(
        tmp_path / "wolds.docx",
        _WOLDS,
        [
            _VETTING_HEADER,
            ["V1", "Publish the vetting appeals process.", "PSD", "Jul 2024", "Green"],
            ["", "Brief every supervisor on the process.", "", "", ""],
        ],
    )
    read = read_file(path)
    assert [r.action for r in read.actions] == [
        "Publish the vetting appeals process.",
        "Brief every supervisor on the process.",
    ]
    assert read.warnings == (
        "table 1 row 3: action text alone ('Brief every supervisor on the process.'), read as"
        " a new action; it may carry on the action above ('Publish the vetting appeals"
        " process.')",
    )


def test_action_text_running_on_into_a_progress_row_joins_its_action(tmp_path):
    # what a PDF gives where an action cell merged down over its next entry runs on into it
    path = word_plan(
        tmp_path / "wolds.docx",
        _WOLDS,
        [
            ["No.", "Recommendation", "Lead", "Deadline", "Update"],
            ["V1", "Audit a sample of vetting files each month and report", "PSD", "Aug 2024",
             "First audit done."],
            ["", "findings to the board.", "", "", "Second audit booked."],
        ],
    )  # fmt: skip
    rows = extract_file(path)
    assert [(r.action_ref, r.entry_no, r.progress) for r in rows] == [
        ("V1", 1, "First audit done."),
        ("V1", 2, "Second audit booked."),
    ]
    assert {r.action for r in rows} == {
        "Audit a sample of vetting files each month and report findings to the board."
    }
