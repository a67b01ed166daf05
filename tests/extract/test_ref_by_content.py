"""A column headed as the area ("AFI", "Cause of concern") that holds a ref of its own beside
each action is the ref column; one whose value stands over several actions stays the area."""

from __future__ import annotations

from planwatch.extract import read_tables
from planwatch.ingest import read_document
from planwatch.pipeline import extract_file
from tests.conftest import word_plan

TITLE = ["Tarnside Police", "PEEL Action Plan", "Updated: 3 June 2024"]


def test_a_ref_beside_each_action_under_an_area_header_is_the_actions_ref(tmp_path):
    path = word_plan(
        tmp_path / "plan.docx",
        TITLE,
        [
            ["Cause of concern", "Action", "Lead", "Status"],
            ["C1", "Audit the recording of crimes reported online.", "Head of Crime", "Open"],
            ["C2", "Train call handlers in the crime recording rules.", "Head of Crime", "Open"],
            ["C3", "Report compliance monthly to the chief officers.", "DCC", "Complete"],
        ],
    )
    rows = extract_file(path)
    assert [(r.action_ref, r.section_title) for r in rows] == [("C1", ""), ("C2", ""), ("C3", "")]
    warnings = read_tables(read_document(path)).warnings
    assert "table 1: column 1 'Cause of concern' read as ref by its content" in warnings


def test_an_area_standing_over_several_actions_stays_their_section(tmp_path):
    path = word_plan(
        tmp_path / "plan.docx",
        TITLE,
        [
            ["AFI", "Action", "Lead", "Status"],
            ["AFI 1", "Audit the recording of crimes reported online.", "Head of Crime", "Open"],
            ["AFI 1", "Train call handlers in the crime recording rules.", "Head of Crime", "Open"],
            ["AFI 2", "Report compliance monthly to the chief officers.", "DCC", "Complete"],
        ],
    )
    rows = extract_file(path)
    assert [r.section_ref or r.section_title for r in rows] == ["AFI 1", "AFI 1", "AFI 2"]
    assert [r.action_ref for r in rows] == ["", "", ""]
