"""Word plans using features of Word's file format the other tests' plans do not: a
non-breaking hyphen, text formatted hidden, solid shading. Each was read wrongly with no
warning (exit 0). Each test builds its document in tmp_path and states by hand what Word
shows of it.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planwatch.pipeline import extract_file

HEADER = ("Ref", "Action", "Lead", "Target date", "Status")
TITLE = ("Avonford Fire and Rescue Service", "HMICFRS Action Plan", "Updated March 2023")


def _plan(path: Path, rows, write_cell) -> Path:
    """A Word plan of one table; ``write_cell(cell, row, column, text)`` fills each body cell."""
    document = Document()
    for i, line in enumerate(TITLE):
        document.add_paragraph(line, style="Title" if i == 0 else None)
    table = document.add_table(rows=len(rows) + 1, cols=len(HEADER))
    table.style = "Table Grid"
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            write_cell(table.cell(r, c), r, c, text)
    document.save(path)
    return path


def _with_hyphens(cell, _row, _col, text: str) -> None:
    """Write ``text`` with each "-" as Word's non-breaking hyphen (Ctrl+Shift+-)."""
    paragraph = cell.paragraphs[0]
    for k, part in enumerate(text.split("-")):
        if k:
            paragraph.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
        paragraph.add_run(part)


def test_a_non_breaking_hyphen_is_a_hyphen(tmp_path):
    rows = [
        ("1.1", "Review the on-call availability model", "AM", "Mar-23", "Complete"),
        ("1.2", "Publish the workforce plan", "HR", "31-03-2024", "On track"),
        ("1.3", "Embed the safe and well process", "GM", "Q4 2023-24", "Delayed"),
    ]
    read = extract_file(_plan(tmp_path / "hyphens.docx", rows, _with_hyphens))
    assert [(r.action, r.due_raw, str(r.due_start), str(r.due_end)) for r in read] == [
        ("Review the on-call availability model", "Mar-23", "2023-03-01", "2023-03-31"),
        ("Publish the workforce plan", "31-03-2024", "2024-03-31", "2024-03-31"),
        ("Embed the safe and well process", "Q4 2023-24", "2024-01-01", "2024-03-31"),
    ]


def test_text_formatted_hidden_is_not_read(tmp_path):
    # the author hid the old status and an internal note; Word shows neither
    hidden = {(1, 4): "On track ", (2, 1): "Internal note: do not publish. "}

    def write(cell, row, col, text):
        paragraph = cell.paragraphs[0]
        if (row, col) in hidden:
            run = paragraph.add_run(hidden[(row, col)])
            run._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
        paragraph.add_run(text)

    rows = [
        ("1.1", "Review the inspection programme", "AM", "Mar 2023", "Complete"),
        ("1.2", "Publish the workforce plan", "HR", "Jun 2023", "Not started"),
    ]
    read = extract_file(_plan(tmp_path / "hidden.docx", rows, write))
    assert [(r.action, r.status_raw, r.status) for r in read] == [
        ("Review the inspection programme", "Complete", "complete"),
        ("Publish the workforce plan", "Not started", "open"),
    ]


def test_a_status_told_by_solid_shading_is_read_by_the_legend(tmp_path):
    # Word's "Solid (100%)" pattern keeps the colour as the pattern's, the fill "auto"
    colours = {1: "0070C0", 2: "FF0000"}

    def write(cell, row, col, text):
        cell.text = text
        if col == 4:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "solid")
            shading.set(qn("w:color"), colours[row])
            shading.set(qn("w:fill"), "auto")
            cell._tc.get_or_add_tcPr().append(shading)

    rows = [
        ("1.1", "Review the inspection programme", "AM", "Mar 2023", ""),
        ("1.2", "Publish the workforce plan", "HR", "Jun 2023", ""),
    ]
    path = _plan(tmp_path / "solid.docx", rows, write)
    document = Document(path)
    document.add_paragraph("Key: Blue = Complete, Red = Off track")
    document.save(path)
    read = extract_file(path)
    assert [(r.action_ref, r.status) for r in read] == [("1.1", "complete"), ("1.2", "open")]


def test_a_numbered_title_alone_in_the_ref_column_names_the_section(tmp_path):
    # each table opens with its area's number and finding in the ref column, alone
    document = Document()
    document.add_paragraph(TITLE[0], style="Title")
    document.add_paragraph(TITLE[2])
    header = ("Action No", "Actions", "Responsibility", "Deadline")
    for rows in (
        [("1: The service should ensure its workforce plan is complete.", "", "", ""),
         ("1", "Evaluate the appraisal process", "Head of ICT", "2024-25"),
         ("2", "Refresh the learning system", "Head of ICT", "Q2 24/25")],
        [("2: The force should make sure it records crimes.", "", "", ""),
         ("3", "Audit the recruitment campaign", "ACFO", "Sept 2023")],
    ):  # fmt: skip
        table = document.add_table(rows=len(rows) + 1, cols=len(header))
        table.style = "Table Grid"
        for r, row in enumerate([header, *rows]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("")
    document.save(tmp_path / "numbered.docx")
    read = extract_file(tmp_path / "numbered.docx")
    assert [(r.section_ref, r.section_title, r.action_ref, r.entry_no) for r in read] == [
        ("1", "The service should ensure its workforce plan is complete.", "1", 1),
        ("1", "The service should ensure its workforce plan is complete.", "2", 1),
        ("2", "The force should make sure it records crimes.", "3", 1),
    ]
