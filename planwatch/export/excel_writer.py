"""Records as an Excel workbook: real dates, frozen header, autofilter, wrapped text."""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from planwatch.model import Action, Change

from .cells import format_cell, looks_like_formula
from .schema import TABLES, column_kinds

if TYPE_CHECKING:
    from openpyxl import Workbook

DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 8, 60  # characters; longer text wraps
WIDTH_SAMPLE = 200  # rows looked at to size a column


def dump_actions(actions: Sequence[Action], fh: BinaryIO, *, raw: bool = False) -> None:
    """Write actions to ``fh`` as a workbook of one sheet named ``actions``."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)  # rows stream out: memory stays flat on large editions
    _fill_sheet(book, "actions", actions, raw=raw)
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

    book = Workbook(write_only=True)
    if new is not None:
        _fill_sheet(book, "actions", new, raw=raw)
    _fill_sheet(book, "changes", changes, raw=raw)
    book.save(fh)


def _fill_sheet(book: Workbook, table: str, records: Sequence[object], *, raw: bool) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    kinds = column_kinds(TABLES[table][0])
    columns = list(kinds)
    sheet = book.create_sheet(table)
    # a streamed sheet takes its layout before its first row
    for col_no, name in enumerate(columns, start=1):
        width = _width(name, records[:WIDTH_SAMPLE])
        sheet.column_dimensions[get_column_letter(col_no)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(records) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EA")
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    sheet.append(header)
    styles = _cell_styles(sheet)
    for record in records:
        row = []
        for name in columns:
            value = getattr(record, name)
            cell = WriteOnlyCell(sheet)
            if kinds[name] in ("string", "list"):
                text = _legal(format_cell(value))
                # openpyxl stores any string starting "=" as a formula: a string cell never
                # runs, and Excel's own quote prefix keeps it text when a user edits the
                # cell; the text itself stays as printed (no literal ' added)
                cell.value, cell.data_type = text, "s"
                marked = not raw and looks_like_formula(text)
                cell._style = copy(styles["formula" if marked else "text"])
            else:
                cell.value = value
                cell._style = copy(styles["date" if isinstance(value, date) else "text"])
            row.append(cell)
        sheet.append(row)


def _cell_styles(sheet: object) -> dict[str, object]:
    """Return the three cell styles of a body, built once (setting a style per cell is slow)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    styles = {}
    for kind in ("text", "date", "formula"):
        cell = WriteOnlyCell(sheet)
        cell.alignment = wrap
        if kind == "date":
            cell.number_format = DATE_FORMAT
        if kind == "formula":
            cell.quotePrefix = True
        styles[kind] = cell._style
    return styles


def _legal(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # openpyxl refuses control characters XML cannot hold (a stray "\x07" from Word)
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _width(name: str, records: Sequence[object]) -> float:
    longest = max([len(name)] + [len(format_cell(getattr(r, name))) for r in records])
    return min(max(longest, MIN_WIDTH), MAX_WIDTH) + 2
