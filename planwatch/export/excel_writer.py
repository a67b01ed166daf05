"""Records as an Excel workbook: real dates, frozen header, autofilter, wrapped text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from planwatch.model import Action, Change

from .cells import format_cell, looks_like_formula
from .schema import TABLES, column_kinds

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 8, 60  # characters; longer text wraps
WIDTH_SAMPLE = 200  # rows looked at to size a column


def dump_actions(actions: Sequence[Action], fh: BinaryIO, *, raw: bool = False) -> None:
    """Write actions to ``fh`` as a workbook of one sheet named ``actions``."""
    from openpyxl import Workbook

    book = Workbook()
    _fill_sheet(book.active, "actions", actions, raw=raw)
    book.save(fh)


def dump_changes(
    changes: Sequence[Change],
    fh: BinaryIO,
    *,
    raw: bool = False,
    new: Sequence[Action] | None = None,
) -> None:
    """Write changes to sheet ``changes``, after sheet ``actions`` of the newer edition if given."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if new is not None:
        _fill_sheet(sheet, "actions", new, raw=raw)
        sheet = book.create_sheet()
    _fill_sheet(sheet, "changes", changes, raw=raw)
    book.save(fh)


def _fill_sheet(sheet: Worksheet, table: str, records: Sequence[object], *, raw: bool) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    kinds = column_kinds(TABLES[table][0])
    columns = list(kinds)
    sheet.title = table
    sheet.append(columns)
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
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    # openpyxl stores any string starting "=" as a formula; a string cell never runs
    cell.data_type = "s"
    # and Excel's own "text" mark keeps it text when a user edits the cell: the text
    # itself stays as printed (no literal ' added)
    if not raw and looks_like_formula(text):
        cell.quotePrefix = True


def _width(name: str, records: Sequence[object]) -> float:
    longest = max([len(name)] + [len(format_cell(getattr(r, name))) for r in records])
    return min(max(longest, MIN_WIDTH), MAX_WIDTH) + 2
