"""Records as an Excel workbook: real dates, frozen header, autofilter, wrapped text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change

from .cells import format_cell, neutralise
from .schema import column_kinds

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 8, 60  # characters; longer text wraps
WIDTH_SAMPLE = 200  # rows looked at to size a column


def save_actions(actions: Sequence[Action], path: Path, *, raw: bool = False) -> None:
    """Write actions to one sheet named ``actions``."""
    from openpyxl import Workbook

    book = Workbook()
    _fill_sheet(book.active, "actions", actions, Action, COLUMNS, raw=raw)
    book.save(path)


def save_changes(
    changes: Sequence[Change],
    path: Path,
    *,
    raw: bool = False,
    new: Sequence[Action] | None = None,
) -> None:
    """Write changes to sheet ``changes``, after sheet ``actions`` of the newer edition if given."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if new is not None:
        _fill_sheet(sheet, "actions", new, Action, COLUMNS, raw=raw)
        sheet = book.create_sheet()
    _fill_sheet(sheet, "changes", changes, Change, CHANGE_COLUMNS, raw=raw)
    book.save(path)


def _fill_sheet(
    sheet: Worksheet,
    title: str,
    records: Sequence[object],
    record_type: type,
    columns: Sequence[str],
    *,
    raw: bool,
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    kinds = column_kinds(record_type)
    sheet.title = title
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_no, record in enumerate(records, start=2):
        for col_no, name in enumerate(columns, start=1):
            value = getattr(record, name)
            cell = sheet.cell(row=row_no, column=col_no)
            if kinds[name] in ("string", "list"):
                _put_text(cell, format_cell(value), raw=raw)
            else:
                cell.value = value
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            cell.alignment = wrap
    for col_no, name in enumerate(columns, start=1):
        width = _width(name, records[:WIDTH_SAMPLE])
        sheet.column_dimensions[get_column_letter(col_no)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _put_text(cell: object, text: str, *, raw: bool) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # openpyxl refuses control characters XML cannot hold (a stray "\x07" from Word)
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text if raw else neutralise(text)
    # openpyxl stores any string starting "=" as a formula; keep raw text as text
    cell.data_type = "s"


def _width(name: str, records: Sequence[object]) -> float:
    longest = max([len(name)] + [len(format_cell(getattr(r, name))) for r in records])
    return min(max(longest, MIN_WIDTH), MAX_WIDTH) + 2
