"""Keys written as lines (under a heading, with none, after the actions) and section boxes
(a small table naming the area above its action table), in hand-written Word plans.

Every expected value is read off the document text written here.
"""

from __future__ import annotations

from pathlib import Path

import docx

from planwatch.extract import extract_document
from planwatch.ingest import read_document
from planwatch.pipeline import extract_file

HEADER = ("Ref", "Action", "Lead", "Status")


def _table(document, rows) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(rows, table.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=True):
            cell.text = text
    document.add_paragraph("")


def _write(path: Path, blocks) -> Path:
    """Write a .docx of a title and blocks: a str is a paragraph, a tuple of rows a table."""
    document = docx.Document()
    document.add_paragraph("Westford Police PEEL Action Plan")
    document.add_paragraph("Position at 31 March 2023")
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _table(document, block)
    document.save(path)
    return path


ACTIONS = (
    HEADER,
    ("1.1", "Audit a sample of crime reports each month.", "DCI CRU / Ch Supt Ops", "Open"),
    ("1.2", "Refresh crime recording training for investigators.", "CFO (Fin)", "Complete"),
)
KEY_LINES = (
    "DCI CRU – Detective Chief Inspector, Crime Recording Unit",
    "Ch Supt Ops – Chief Superintendent Operations",
    "CFO (Fin) – Chief Finance Officer",
)


def _key(path: Path) -> dict[str, str]:
    return extract_document(read_document(path)).keys


def _leads(path: Path) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(a.lead_codes, a.lead_roles) for a in extract_file(path)]


EXPECTED_LEADS = [
    (
        ("DCI CRU", "Ch Supt Ops"),
        ("Detective Chief Inspector, Crime Recording Unit", "Chief Superintendent Operations"),
    ),
    (("CFO (Fin)",), ("Chief Finance Officer",)),
]


def test_a_key_written_as_lines_under_a_heading_resolves_codes_with_spaces(tmp_path):
    plan = _write(tmp_path / "plan.docx", ["Glossary", *KEY_LINES, ACTIONS])
    assert _leads(plan) == EXPECTED_LEADS


def test_a_key_written_as_lines_after_the_actions_with_no_heading(tmp_path):
    lines = [line.replace(" – ", ": ") for line in KEY_LINES]
    plan = _write(tmp_path / "plan.docx", [ACTIONS, *lines])
    assert _leads(plan) == EXPECTED_LEADS


def test_labelled_lines_are_no_key(tmp_path):
    """'Status: Open' and 'Owner: Finance' name fields, not codes: they make no key."""
    blocks = ["Status: Open", "Owner: Finance team", "Update: Training booked", ACTIONS]
    assert _key(_write(tmp_path / "plan.docx", blocks)) == {}


def test_one_code_line_with_no_heading_is_no_key(tmp_path):
    plan = _write(tmp_path / "plan.docx", ["CFO (Fin) – Chief Finance Officer", ACTIONS])
    assert _key(plan) == {}


def test_a_box_table_above_each_action_table_names_its_section(tmp_path):
    blocks = [
        (("AFI 1", "The force should improve how it records crimes."),),
        (HEADER, ("1", "Audit crime reports.", "DCC", "Open")),
        (("AFI 2", "The force should make sure vetting decisions are recorded."),),
        (HEADER, ("1", "Set up a vetting appeals panel.", "ACC", "Open")),
    ]
    rows = extract_file(_write(tmp_path / "plan.docx", blocks))
    assert [(r.section_ref, r.action_id) for r in rows] == [
        ("AFI 1", "AFI 1/1"),
        ("AFI 2", "AFI 2/1"),
    ]
    assert [r.section_title for r in rows] == [
        "The force should improve how it records crimes.",
        "The force should make sure vetting decisions are recorded.",
    ]


def test_a_section_box_joined_to_the_tables_by_a_page_break_still_names_its_section():
    """As a PDF reader gives it: AFI 2's box at the foot of page 1 read as the last row of
    AFI 1's table, AFI 3's box at the top of page 2 read as a row above the next header."""
    from planwatch.model import Cell, Document, Paragraph, Row, Source, Table

    def row(*texts, page=1):
        return Row(tuple(Cell(t) for t in texts), page=page)

    header = ("Ref", "Action", "Owner", "Target date")
    first = Table(
        (
            row("AFI 1", "The force should improve how it records crimes."),
            row(*header),
            row("1.1", "Audit crime reports each month.", "DCC", "March 2023"),
            row("AFI 2", "", "The force should review its vetting decisions.", ""),
        )
    )
    second = Table(
        (
            row(*header, page=2),
            row("2.1", "Set up a vetting appeals panel.", "ACC", "June 2023", page=2),
            row("AFI 3", "", "The force should answer calls faster.", "", page=2),
            row(*header, page=2),
            row("3.1", "Recruit call handlers.", "ACC", "May 2023", page=2),
        )
    )
    document = Document(
        Source("plan.docx", "0" * 64, "docx"), (Paragraph("PEEL Action Plan"), first, second)
    )
    actions = extract_document(document).actions
    assert [(a.section_ref, a.action_ref, a.section_title) for a in actions] == [
        ("AFI 1", "1.1", "The force should improve how it records crimes."),
        ("AFI 2", "2.1", "The force should review its vetting decisions."),
        ("AFI 3", "3.1", "The force should answer calls faster."),
    ]
