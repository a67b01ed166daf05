"""Columns read by what their cells hold: unfamiliar headers, and action-like headers over numbers.

Each plan is written here with python-docx; the expected rows are read off the text below.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from planwatch.cli import cli
from planwatch.extract import extract_document
from planwatch.ingest import read_document
from planwatch.pipeline import extract_file


def _plan(tmp_path: Path, blocks: list) -> Path:
    document = docx.Document()
    document.add_paragraph("Westmoor Fire and Rescue Service", style="Title")
    document.add_paragraph("HMICFRS Action Plan – March 2023")
    for block in blocks:
        if isinstance(block, str):
            document.add_heading(block, level=2)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for r, cells in enumerate(block):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    path = tmp_path / "westmoor-plan.docx"
    document.save(path)
    return path


UNFAMILIAR = [
    ["REF", "DELIVERABLES", "OWNER", "TIMELINE", "WHERE WE ARE"],
    ["1.1", "Publish a revised prevention strategy for the county", "AM P", "31/03/2023", "Green"],
    ["1.2", "Train every watch manager in the new safe and well visit", "GM T", "June 2023",
     "Complete"],
    ["1.3", "Review the referral routes agreed with the county council", "AM P", "Q2 2023/24",
     "Amber"],
]


def test_unfamiliar_headers_are_read_by_content_with_a_warning(tmp_path):
    actions = extract_file(_plan(tmp_path, ["Recommendation 1: Prevention", UNFAMILIAR]))
    assert [(a.action_ref, a.due_raw, a.status) for a in actions] == [
        ("1.1", "31/03/2023", "open"),
        ("1.2", "June 2023", "complete"),
        ("1.3", "Q2 2023/24", "open"),
    ]
    assert actions[0].action == "Publish a revised prevention strategy for the county"
    assert actions[0].section_ref == "Recommendation 1"


def test_explain_names_the_roles_read_by_content(tmp_path):
    path = _plan(tmp_path, ["Recommendation 1: Prevention", UNFAMILIAR])
    out = CliRunner().invoke(cli, ["extract", "--explain", str(path)]).output
    assert "column 2 'DELIVERABLES' -> action (content: prose 1.00)" in out
    assert "column 2 content: prose 1.00" in out
    assert "column 4 'TIMELINE' -> due (content: date 1.00)" in out
    assert "column 5 'WHERE WE ARE' -> status (content: status 1.00)" in out
    warning = "warning (document): table 1: column 2 'DELIVERABLES' read as action by its content"
    assert warning in out


COUNTS = [
    ["Area", "Actions", "Complete", "Status"],
    ["Prevention", "4", "2", "1"],
    ["Protection", "6", "3", "2"],
    ["People", "12", "7", "4"],
]

ACTIONS = [
    ["Ref", "Action", "Lead", "Target date", "Status"],
    ["2.1", "Recruit two more fire safety inspectors", "GM T", "Sept 2023", "Ongoing"],
    ["2.2", "Audit every high-rise premises in the county", "GM T", "Dec 2023", "Not started"],
]


def test_a_table_of_counts_is_skipped_and_keeps_the_section(tmp_path):
    path = _plan(tmp_path, ["Recommendation 2: Protection", COUNTS, ACTIONS])
    actions = extract_file(path)
    assert [(a.section_ref, a.action_id, a.status) for a in actions] == [
        ("Recommendation 2", "2.1", "ongoing"),
        ("Recommendation 2", "2.2", "open"),
    ]
    out = CliRunner().invoke(cli, ["extract", "--explain", str(path)]).output
    assert "table 1: skipped: column 2 (action by its header) holds numbers only" in out


def test_a_version_history_is_not_an_action_table(tmp_path):
    history = [
        ["Version", "Date", "Changes"],
        ["1.0", "01/02/2023", "First issue of the plan to the strategic leadership board"],
        ["1.1", "01/03/2023", "Progress updates added for every recommendation after review"],
    ]
    path = _plan(tmp_path, [history, "Recommendation 2: Protection", ACTIONS])
    assert [a.action_id for a in extract_file(path)] == ["2.1", "2.2"]


def _cover(tmp_path: Path, line: str) -> Path:
    document = docx.Document()
    document.add_paragraph("Westmoor Fire and Rescue Service", style="Title")
    document.add_paragraph("HMICFRS Action Plan")
    document.add_paragraph(line)
    table = document.add_table(rows=len(ACTIONS), cols=len(ACTIONS[0]))
    for r, cells in enumerate(ACTIONS):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("line", "edition"),
    [
        ("Progress report – March 2022", date(2022, 3, 1)),
        ("Version 3.1 – June 2021", date(2021, 6, 1)),
        ("Position at 31 March 2022", date(2022, 3, 31)),
        ("As at Q2 2022/23", date(2022, 7, 1)),
        ("Review date: 14 November 2022", date(2022, 11, 14)),
    ],
)
def test_edition_date_printed_on_the_cover(tmp_path, line, edition):
    actions = extract_file(_cover(tmp_path, line))
    assert {a.edition_date for a in actions} == {edition}


def test_a_key_of_codes_with_spaces_dots_ampersands_and_brackets(tmp_path):
    key = [
        ["Code", "Meaning"],
        ["Hd of Comms", "Head of Communications"],
        ["Ch. Supt Ops", "Chief Superintendent (Operations)"],
        ["H&S", "Health and Safety Manager"],
        ["ACO (F)", "Assistant Chief Officer (Finance)"],
    ]
    path = _plan(tmp_path, ["Recommendation 2: Protection", ACTIONS, key])
    assert extract_document(read_document(path)).keys == {
        "Hd of Comms": "Head of Communications",
        "Ch. Supt Ops": "Chief Superintendent (Operations)",
        "H&S": "Health and Safety Manager",
        "ACO (F)": "Assistant Chief Officer (Finance)",
    }
