"""Each sample plan in the other forms services publish: web page, OpenDocument, Excel tracker.

The web page and the .odt are LibreOffice's own exports of the .docx (``soffice
--convert-to html|odt``), as a council's web team or a LibreOffice user makes
them. The .xlsx is the plan laid out as one tracker sheet with openpyxl, read
from the .docx with python-docx: each paragraph a line in column A, each table
its rows with merged ranges and fills, a blank row around each table.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from docx_render import ZIP_DATE_TIME, write_if_changed
from pdf_render import run_office

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORMATS = ("html", "odt", "xlsx")


def convert_with_office(source: Path, fmt: str) -> bytes:
    """Return LibreOffice's export of ``source`` as ``fmt`` ("html", "odt", "doc")."""
    with tempfile.TemporaryDirectory() as work:
        done = run_office([source], "doc:MS Word 97" if fmt == "doc" else fmt, Path(work), 120)
        made = Path(work) / f"{source.stem}.{fmt}"
        if done.returncode != 0 or not made.exists():
            raise RuntimeError(f"{source.name}: LibreOffice failed: {done.stderr.strip()}")
        return made.read_bytes()


def build_doc(docx: Path) -> bool:
    """Write the Word 97-2003 form of ``docx`` beside it; return True if it was rewritten.

    It is saved from the .odt: LibreOffice 7.4 saving this .docx straight to .doc
    flattens its last table into one paragraph, which saving the .odt does not.
    """
    odt = docx.with_suffix(".odt")
    return write_if_changed(docx.with_suffix(".doc"), convert_with_office(odt, "doc"))


def render_xlsx(docx: Path) -> bytes:
    """Return the plan of ``docx`` as a one-sheet Excel tracker."""
    import docx as python_docx
    import openpyxl
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = python_docx.Document(str(docx))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    row = 1
    for element in document.element.body:
        if element.tag == f"{_W}p":
            text = Paragraph(element, document).text.strip()
            if text:
                sheet.cell(row, 1, text)
                row += 1
        elif element.tag == f"{_W}tbl":
            # a blank row either side: the sheet's reader tells tables apart by them
            row += 1 + _write_table(sheet, Table(element, document), row + 1) + 1
    core = document.core_properties
    book.properties.title, book.properties.created = core.title, core.created
    buffer = io.BytesIO()
    book.save(buffer)
    return _restamp(buffer.getvalue(), core.modified)


def _restamp(data: bytes, modified) -> bytes:
    """Return the workbook with its save time set to the plan's own (openpyxl stamps now)."""
    out = io.BytesIO()
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            # a fixed zip timestamp so that rebuilding gives identical bytes
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_DATE_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _write_table(sheet, table, top: int) -> int:
    """Write the table's rows from row ``top``, merged and shaded as in Word; return how many."""
    from openpyxl.styles import PatternFill

    grid = [[cell._tc for cell in row.cells] for row in table.rows]
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if _starts_merge(grid, r, c):
                target = sheet.cell(top + r, c + 1, "\n".join(p.text for p in cell.paragraphs))
                fill = cell._tc.xpath("./w:tcPr/w:shd/@w:fill")
                if fill and fill[0].lower() != "auto":
                    target.fill = PatternFill("solid", fgColor="FF" + fill[0].upper())
    for r, c, rows, cols in _merges(grid):
        sheet.merge_cells(
            start_row=top + r,
            start_column=c + 1,
            end_row=top + r + rows - 1,
            end_column=c + cols,
        )
    return len(grid)


def _starts_merge(grid, r: int, c: int) -> bool:
    tc = grid[r][c]
    return not (c and grid[r][c - 1] is tc) and not (
        r and c < len(grid[r - 1]) and grid[r - 1][c] is tc
    )


def _merges(grid) -> list[tuple[int, int, int, int]]:
    """Return (row, column, rows, columns) of each cell Word spans over more than one slot."""
    found = []
    for r, row in enumerate(grid):
        for c, tc in enumerate(row):
            if not _starts_merge(grid, r, c):
                continue
            cols = 1
            while c + cols < len(row) and row[c + cols] is tc:
                cols += 1
            rows = 1
            while r + rows < len(grid) and c < len(grid[r + rows]) and grid[r + rows][c] is tc:
                rows += 1
            if rows > 1 or cols > 1:
                found.append((r, c, rows, cols))
    return found


def build_formats(docx: Path) -> list[str]:
    """Write the .html, .odt and .xlsx of ``docx`` beside it; return the names rewritten."""
    written = []
    for fmt in FORMATS:
        target = docx.with_suffix(f".{fmt}")
        data = render_xlsx(docx) if fmt == "xlsx" else convert_with_office(docx, fmt)
        if write_if_changed(target, data):
            written.append(target.name)
    return written
