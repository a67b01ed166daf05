"""Excel trackers: sheets, merged ranges, fills, dates as shown, hidden parts noted, no formulas."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from planwatch.errors import UnreadableFile
from planwatch.ingest import Limits, read_document
from planwatch.model import Paragraph, Table
from planwatch.pipeline import extract_file


def _tracker(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet["A1"] = "Westshire Fire and Rescue Service"
    sheet["A2"] = "HMICFRS Action Plan"
    sheet["A3"] = "Updated: March 2023"
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due date", "Status"])
    sheet.append(["1.1", "Review the risk model", "AM", datetime(2021, 2, 1), "Complete"])
    sheet["D6"].number_format = "mmm-yy"
    sheet["E6"].fill = PatternFill("solid", fgColor="FF00B050")
    sheet.append(["1.2", "Train every crew", "AM", datetime(2021, 9, 30), "Open"])
    sheet["D7"].number_format = "dd.mm.yy"
    sheet.append(["1.3", "A withdrawn action", "AM", "Mar 22", "Open"])
    sheet.row_dimensions[8].hidden = True
    sheet.append(["1.4", "Publish the plan", "", "=TODAY()", "Open"])
    sheet.merge_cells("B9:C9")
    old = book.create_sheet("Archive")
    old.sheet_state = "hidden"
    old["A1"] = "Ref"
    book.save(path)
    return path


def test_tracker_sheet_read_as_shown(tmp_path: Path) -> None:
    doc = read_document(_tracker(tmp_path / "tracker.xlsx"))
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        "Westshire Fire and Rescue Service",
        "HMICFRS Action Plan",
        "Updated: March 2023",
    ]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r.texts for r in table.rows] == [
        ("Ref", "Action", "Lead", "Due date", "Status"),
        ("1.1", "Review the risk model", "AM", "Feb-21", "Complete"),
        ("1.2", "Train every crew", "AM", "30.09.21", "Open"),
        # the formula was never calculated by Excel here, so it has no value: none is invented
        ("1.4", "Publish the plan", "", "", "Open"),
    ]
    assert table.rows[1].cells[4].fill == "00B050"
    assert table.rows[3].cells[1].col_span == 2 and table.rows[3].cells[2].merged
    assert doc.notes == (
        "sheet 'Archive' is hidden: skipped",
        "sheet 'Tracker': row 8 hidden: skipped",
    )


def test_tracker_extracts_with_hidden_parts_warned(tmp_path: Path) -> None:
    rows = extract_file(_tracker(tmp_path / "tracker.xlsx"))
    assert [r.action_id for r in rows] == ["1.1", "1.2", "1.4"]
    assert (rows[0].due_start, rows[0].due_end) == (
        datetime(2021, 2, 1).date(),
        datetime(2021, 2, 28).date(),
    )
    assert rows[0].status == "complete" and rows[0].source_format == "xlsx"


def test_sheets_of_a_workbook_name_their_parts(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Effectiveness"
    book.active.append(["Ref", "Action"])
    book.create_sheet("People").append(["Ref", "Action"])
    book.save(tmp_path / "two.xlsx")
    doc = read_document(tmp_path / "two.xlsx")
    assert [(type(b).__name__, getattr(b, "text", "")) for b in doc.blocks] == [
        ("Paragraph", "Effectiveness"),
        ("Table", ""),
        ("Paragraph", "People"),
        ("Table", ""),
    ]


def test_zip_bomb_refused_before_inflating(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 2**20))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnreadableFile, match="bomb.xlsx: unpacks to 30 MB.*zip bomb"):
        read_document(path, Limits(max_inflated_bytes=20 * 2**20))


def test_damaged_workbook_named(tmp_path: Path) -> None:
    data = _tracker(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="cut.xlsx: not a valid Excel workbook"):
        read_document(path)


# the OLE2 compound-file signature Office writes, and the stream an encrypted package holds
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = OLE + bytes(500) + "EncryptedPackage".encode("utf-16-le")


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (OLE + bytes(1024), "not a valid Excel workbook (an OLE file, probably Excel 97-2003 .xls"),
        (ENCRYPTED, "Excel workbook is password-protected"),
    ],
)
def test_an_ole_file_named_xlsx_is_named_for_what_it_is(tmp_path: Path, body, says) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(body)
    with pytest.raises(UnreadableFile, match=re.escape(f"old.xlsx: {says}")):
        read_document(path)


def test_broken_sheet_xml_named(tmp_path: Path) -> None:
    good = _tracker(tmp_path / "good.xlsx")
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<sheetData>", b"<sheetData><row r=1 <")
            dst.writestr(info.filename, body)
    with pytest.raises(UnreadableFile, match="broken.xlsx: not a valid Excel workbook"):
        read_document(path)


def test_zip_of_an_unknown_version_named(tmp_path: Path) -> None:
    # found by fuzzing: zipfile raises NotImplementedError for a version it lacks
    data = bytearray(_tracker(tmp_path / "good.xlsx").read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (219).to_bytes(2, "little")  # "needs zip 21.9"
    path = tmp_path / "future.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableFile, match="future.xlsx: not a valid Excel workbook"):
        read_document(path)


def test_a_row_of_one_bold_cell_names_the_section_of_the_rows_below(tmp_path):
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Westshire Fire and Rescue Service Action Plan, March 2023"])
    for row in (
        ["Ref", "Action", "Lead", "Status"],
        ["Protection"],
        ["1.1", "Review the inspection programme.", "GM P", "Open"],
        ["1.2", "Recruit four inspectors.", "GM P", "Complete"],
        ["Prevention"],
        ["2.1", "Train crews in safe and well visits.", "GM V", "Open"],
    ):
        sheet.append(row)
    for name in ("A2", "B2", "C2", "D2", "A3", "A6"):
        sheet[name].font = Font(bold=True)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    table = next(b for b in read_document(path).blocks if isinstance(b, Table))
    assert [c.bold_head for c in table.rows[1].cells] == ["Protection", "", "", ""]
    assert [(a.section_title, a.action_id) for a in extract_file(path)] == [
        ("Protection", "1.1"),
        ("Protection", "1.2"),
        ("Prevention", "2.1"),
    ]
