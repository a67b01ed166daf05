"""Parquet, Excel and JSON: typed columns a user can filter, sort and load as they are."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from planwatch.export import write_actions, write_changes
from planwatch.model import CHANGE_COLUMNS, COLUMNS


def test_parquet_columns_have_real_types(tmp_path, actions):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "actions.parquet"
    write_actions(actions, path)
    table = pq.read_table(path)
    types = {f.name: str(f.type) for f in table.schema}
    assert table.column_names == list(COLUMNS)
    assert types["edition_date"] == "date32[day]"
    assert types["due_end"] == "date32[day]"
    assert types["greyed"] == "bool"
    assert types["entry_no"] == "int64"
    assert types["source_page"] == "int64"
    assert types["lead_codes"].startswith("list<") and types["lead_codes"].endswith(": string>")
    assert types["action"] == "string"
    rows = table.to_pylist()
    assert rows[0]["due_end"] == date(2021, 9, 30)
    assert rows[1]["source_page"] is None
    assert rows[0]["lead_codes"] == ["GCP", "PM", "SCP"]
    assert rows[1]["lead_codes"] == []
    assert rows[1]["overdue"] is True
    assert table.schema.field("overdue").metadata[b"description"].startswith(b"true where due_end")


def test_parquet_changes(tmp_path, changes):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "changes.parquet"
    write_changes(changes, path)
    table = pq.read_table(path)
    assert table.column_names == list(CHANGE_COLUMNS)
    assert str(table.schema.field("new_edition").type) == "date32[day]"
    assert table.column("entry_no").to_pylist() == [1, None, None]


def test_excel_sheet_is_ready_to_filter(tmp_path, actions, make_action):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "actions.xlsx"
    write_actions([*actions, make_action(progress='=HYPERLINK("http://x")')], path)
    sheet = openpyxl.load_workbook(path)["actions"]
    header = [c.value for c in sheet[1]]
    assert header == list(COLUMNS)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}5"
    due_end = sheet.cell(2, COLUMNS.index("due_end") + 1)
    assert due_end.is_date
    assert due_end.value == datetime(2021, 9, 30)
    assert sheet.cell(2, COLUMNS.index("greyed") + 1).value is False
    assert sheet.cell(2, COLUMNS.index("entry_no") + 1).value == 1
    assert sheet.cell(2, COLUMNS.index("lead_codes") + 1).value == "GCP;PM;SCP"
    assert sheet.cell(2, COLUMNS.index("action") + 1).alignment.wrap_text
    assert sheet.column_dimensions["N"].width > sheet.column_dimensions["A"].width  # action
    formula = sheet.cell(5, COLUMNS.index("progress") + 1)
    assert formula.data_type == "s"
    # the text as printed, marked as text (Excel's quote prefix): no literal ' added
    assert formula.value == '=HYPERLINK("http://x")'
    assert formula.quotePrefix
    assert not sheet.cell(2, COLUMNS.index("progress") + 1).quotePrefix


def test_excel_rows_stream_out_as_they_are_written(tmp_path, actions, changes, monkeypatch):
    # A 32,000-row sheet built in memory took 17 s and 610 MB; a write-only workbook
    # streams each row to the file (bench/xlsx_export.py measures it). The sheets are
    # the same either way, so the test watches which kind of workbook is made.
    openpyxl = pytest.importorskip("openpyxl")
    made = []
    real = openpyxl.Workbook

    def recording(*args, **options):
        made.append(options.get("write_only", False))
        return real(*args, **options)

    monkeypatch.setattr(openpyxl, "Workbook", recording)
    write_actions(actions, tmp_path / "actions.xlsx")
    write_changes(changes, tmp_path / "changes.xlsx")
    assert made == [True, True]
    assert openpyxl.load_workbook(tmp_path / "actions.xlsx")["actions"].max_row == len(actions) + 1


def test_excel_raw_keeps_text_but_never_a_formula(tmp_path, make_action):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "actions.xlsx"
    write_actions([make_action(progress="=1+1")], path, raw=True)
    cell = openpyxl.load_workbook(path)["actions"].cell(2, COLUMNS.index("progress") + 1)
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert not cell.quotePrefix


def test_excel_changes_with_the_newer_edition(tmp_path, actions, changes):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "changes.xlsx"
    write_changes(changes, path, old=actions[:1], new=actions)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["actions", "changes"]
    sheet = book["changes"]
    assert [c.value for c in sheet[1]] == list(CHANGE_COLUMNS)
    assert sheet.max_row == 4
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(2, 2).is_date
    assert book["actions"].max_row == 4


def test_json_records_with_real_types(tmp_path, actions):
    path = tmp_path / "actions.json"
    write_actions(actions, path)
    rows = json.loads(path.read_text("utf-8"))
    assert len(rows) == 3
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["due_end"] == "2021-09-30"
    assert rows[0]["lead_codes"] == ["GCP", "PM", "SCP"]
    assert rows[0]["overdue"] is False
    assert rows[2]["entry_no"] == 2
    assert rows[1]["source_page"] is None
    assert rows[2]["edition_date"] is None
    assert rows[2]["progress"] == "Staff identified, courses booked – “Safe & Well” training"


def test_json_changes(tmp_path, changes):
    path = tmp_path / "changes.json"
    write_changes(changes, path)
    rows = json.loads(path.read_text("utf-8"))
    assert rows[0]["note"] == "closed"
    assert rows[0]["old_edition"] == "2021-07-01"
    assert rows[2]["old_edition"] is None
