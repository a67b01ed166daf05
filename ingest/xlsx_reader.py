"""Read Excel action trackers (.xlsx): every visible sheet, merged ranges and fills kept.

Values are read as Excel last saved them (``data_only``): no formula is ever
evaluated. Workbooks are opened in openpyxl's normal mode, not ``read_only``,
because only the normal mode gives merged ranges, row and column visibility;
the package checks (size when unpacked, no DTD) run first, and openpyxl parses
the XML through defusedxml. Hidden sheets, rows and columns are skipped and
named in the document's notes.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from planwatch.errors import UnreadableFile
from planwatch.model import Block, Cell, Document, Paragraph, Row, Source, Table

from .excel_formats import date_text
from .limits import Limits
from .sniff import OLE, is_encrypted_package
from .xml_safety import check_office_package

_SHEET = Any  # an openpyxl worksheet


def read_xlsx(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a workbook: each visible sheet's tables and title lines."""
    book = _open(path, data, limits)
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    notes = [
        f"sheet '{ws.title}' is hidden: skipped" for ws in book.worksheets if ws not in visible
    ]
    blocks: list[Block] = []
    for ws in visible:
        # a workbook of several sheets names each part by its sheet: it is context
        if len(visible) > 1:
            blocks.append(Paragraph(ws.title, "Heading 1"))
        grid, skipped = _grid(ws)
        notes += [f"sheet '{ws.title}': {what} hidden: skipped" for what in skipped]
        blocks += _blocks(grid)
    props = book.properties
    found = {"title": props.title, "created": props.created, "modified": props.modified}
    properties = {
        k: v.isoformat() if isinstance(v, datetime) else str(v) for k, v in found.items() if v
    }
    return Document(source=source, blocks=tuple(blocks), properties=properties, notes=tuple(notes))


def _open(path: Path, data: bytes, limits: Limits) -> Any:
    import openpyxl

    if is_encrypted_package(data):
        raise UnreadableFile(
            f"{path.name}: Excel workbook is password-protected; save an unprotected copy"
        )
    if data.startswith(OLE):
        raise UnreadableFile(
            f"{path.name}: not a valid Excel workbook (an OLE file, probably Excel 97-2003"
            " .xls; save it as .xlsx)"
        )
    try:
        check_office_package(path.name, data, "xl/workbook.xml", "Excel workbook", limits)
        with warnings.catch_warnings():
            # "Workbook contains no default style": openpyxl's notes on odd files, not ours
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                io.BytesIO(data), read_only=False, data_only=True, keep_links=False,
                rich_text=False,
            )
    except UnreadableFile:
        raise
    # openpyxl raises whatever its parsers raise on a damaged part (zip, lxml, ElementTree,
    # defusedxml, its own descriptors' TypeError and ValueError): each is the file's fault
    except Exception as exc:
        raise UnreadableFile(f"{path.name}: not a valid Excel workbook ({exc})") from exc


def _grid(ws: _SHEET) -> tuple[list[list[Cell]], list[str]]:
    """Return the sheet's visible rows as full grids of cells, and what was hidden."""
    merges = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    covered = {
        (r, c): (m.min_row, m.min_col)
        for m in merges.values()
        for r in range(m.min_row, m.max_row + 1)
        for c in range(m.min_col, m.max_col + 1)
        if (r, c) != (m.min_row, m.min_col)
    }
    hidden_rows = [r for r, d in ws.row_dimensions.items() if d.hidden and r <= ws.max_row]
    hidden_cols = [k for k, d in ws.column_dimensions.items() if d.hidden]
    columns = [c for c in range(1, ws.max_column + 1) if not _column_hidden(ws, c)]
    grid = []
    for r in range(1, ws.max_row + 1):
        if r in hidden_rows:
            continue
        grid.append([_cell(ws, r, c, merges, covered) for c in columns])
    skipped = [f"row {r}" for r in hidden_rows] + [f"column {k}" for k in hidden_cols]
    return grid, skipped


def _column_hidden(ws: _SHEET, col: int) -> bool:
    from openpyxl.utils import get_column_letter

    dim = ws.column_dimensions.get(get_column_letter(col))
    return bool(dim is not None and dim.hidden)


def _cell(ws: _SHEET, r: int, c: int, merges: dict, covered: dict) -> Cell:
    if (r, c) in covered:
        return Cell("", _fill(ws.cell(*covered[(r, c)])), merged=True)
    cell = ws.cell(r, c)
    merge = merges.get((r, c))
    spans = (
        (merge.max_col - merge.min_col + 1, merge.max_row - merge.min_row + 1) if merge else (1, 1)
    )
    text = _text(cell)
    # a cell's font is the whole cell's: its first line alone in bold is rich text, not read
    head = text if text and cell.font is not None and cell.font.b else ""
    return Cell(text, _fill(cell), col_span=spans[0], row_span=spans[1], bold_head=head)


def _text(cell: Any) -> str:
    """Return a cell's value as Excel shows it: dates in the cell's own number format."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime | date | time):
        return date_text(value, cell.number_format)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and "." not in cell.number_format:
        return str(int(value))
    return " ".join(str(value).split())


def _fill(cell: Any) -> str | None:
    """Return a solid fill as RRGGBB (ARGB with the alpha dropped), None if unfilled."""
    from openpyxl.styles.colors import COLOR_INDEX

    fill = cell.fill
    if fill is None or fill.fill_type != "solid" or fill.fgColor is None:
        return None
    colour = fill.fgColor
    if colour.type == "rgb" and isinstance(colour.rgb, str) and len(colour.rgb) == 8:
        return colour.rgb[2:].upper()
    if colour.type == "indexed" and isinstance(colour.indexed, int) and colour.indexed < 64:
        return COLOR_INDEX[colour.indexed][2:].upper()
    return None  # a theme colour: its RGB lives in the theme part, not read here


def _trimmed(grid: list[list[Cell]], reach: int) -> list[list[Cell]]:
    """Return a table without the empty sheet columns to its right (another table's width).

    A cell shaded with no text is kept where the sheet has text in its column (a RAG
    column told by colour alone, under its title in the part of the table above).
    """
    shaded = (i + 1 for row in grid for i, c in enumerate(row[:reach]) if c.fill is not None)
    width = max(_width(grid), max(shaded, default=0))
    return [row[:width] for row in grid]


def _width(rows: list[list[Cell]]) -> int:
    """Return how many columns the rows use, up to their rightmost text or merged slot."""
    return max((i + 1 for row in rows for i, c in enumerate(row) if c.text or c.merged), default=0)


def _blocks(grid: list[list[Cell]]) -> Iterator[Block]:
    """Yield the sheet's title lines and tables; a lone leading cell is a line, not a row."""
    reach = _width(grid)
    for run in _runs(grid):
        while run and _is_line(run[0]):
            yield Paragraph(next(c.text for c in run.pop(0) if c.text))
        if run:
            rows = tuple(Row(tuple(cells)) for cells in _trimmed(run, reach))
            yield Table(rows, width=reach)


def _runs(grid: list[list[Cell]]) -> list[list[list[Cell]]]:
    """Return the sheet's rows parted into tables at the blank rows that end one.

    Trackers leave blank spacer rows inside a table, so a blank row ends a table
    only when two or more come together, or the row after it is a lone line or
    reaches further right than the table above (another table's header).
    """
    runs: list[list[list[Cell]]] = [[]]
    blanks: list[list[Cell]] = []
    for row in grid:
        if not any(c.text for c in row):
            blanks.append(row)
            continue
        run = runs[-1]
        if run and blanks and (len(blanks) > 1 or _is_line(row) or _width([row]) > _width(run)):
            runs.append([])
        elif run:
            run += blanks
        runs[-1].append(row)
        blanks = []
    return [run for run in runs if run]


def _is_line(row: list[Cell]) -> bool:
    """True for a row holding one unmerged text: a title or note line above a table; not
    an unshaded text beside a shaded empty cell (a colour and its meaning, in a legend)."""
    filled = [c for c in row if c.text or c.merged]
    if len(filled) != 1 or filled[0].col_span != 1:
        return False
    return filled[0].fill is not None or all(c.fill is None for c in row if not c.text)
