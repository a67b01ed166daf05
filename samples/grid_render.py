"""Invented plans as data (paragraphs and bordered grids) and their Word and PDF renderings.

The layout samples (samples/layouts, samples/development) describe their plans with these records
and build them with `build_main`.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx_render import _fix_zip_times, _set_page, write_if_changed
from pdf_render import convert_to_pdf

# A cell merged into the cell above it (a vertical merge, "w:vMerge continue")
ABOVE = None
WHITE = "FFFFFF"
# LibreOffice writes "/CreationDate(D:20261127215417Z')" with the clock at export time
_PDF_CREATED = re.compile(rb"/CreationDate\(D:\d{14}")


class _Left:
    """A cell merged into the cell to its left (a horizontal span, "w:gridSpan")."""


LEFT = _Left()


@dataclass(frozen=True)
class Shaded:
    """A cell with a solid background fill (upper-case RRGGBB)."""

    text: str
    fill: str


@dataclass(frozen=True)
class BoldHead:
    """A cell whose first line is printed bold (all of it, where it has one line)."""

    text: str
    fill: str | None = None


CellSpec = str | Shaded | BoldHead | _Left | None


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "Normal"


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[CellSpec, ...], ...]
    header_rows: tuple[int, ...] = (0,)  # rows printed bold (and shaded with header_fill)
    bold_rows: tuple[int, ...] = ()  # other rows printed bold, headers or not
    header_fill: str | None = None  # header shading
    header_white: bool = False  # header text white (on a dark fill)
    repeat_header: bool = True  # header rows marked to repeat on each page
    widths_cm: tuple[float, ...] = ()  # fixed column widths; none: Word fits the columns


@dataclass(frozen=True)
class Plan:
    stem: str
    blocks: tuple[Para | Grid, ...]
    title: str  # the file's core properties
    modified: datetime
    created: datetime | None = None  # None: created when last modified


def build_main(
    description: str,
    plans: tuple[Plan, ...],
    outdir: Path,
    author: str,
    argv: list[str] | None = None,
) -> int:
    """Build every plan into `outdir`, printing what was written; return the exit status."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF step")
    args = parser.parse_args(argv)
    try:
        for plan in plans:
            written = write_plan(plan, outdir, author, pdf=not args.no_pdf)
            print(f"{plan.stem}: {', '.join(written) or 'up to date'}")
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def write_plan(plan: Plan, outdir: Path, author: str, pdf: bool) -> list[str]:
    """Write the plan's .docx and (optionally) LibreOffice .pdf; return the names (re)written."""
    docx_path, pdf_path = outdir / f"{plan.stem}.docx", outdir / f"{plan.stem}.pdf"
    written = [docx_path.name] if write_if_changed(docx_path, render_plan(plan, author)) else []
    # LibreOffice stamps each PDF with the time: convert only when the .docx is newer
    stale = not pdf_path.exists() or pdf_path.stat().st_mtime < docx_path.stat().st_mtime
    if pdf and stale:
        convert_to_pdf(docx_path, outdir)
        _stamp_pdf(pdf_path, plan.modified)
        written.append(pdf_path.name)
    return written


def render_plan(plan: Plan, author: str) -> bytes:
    """Return the bytes of the plan's .docx: paragraphs in their styles, bordered tables."""
    import docx

    document = docx.Document()
    _set_page(document)
    for block in plan.blocks:
        if isinstance(block, Grid):
            _add_grid(document, block)
        else:
            document.add_paragraph(block.text, style=block.style)
    core = document.core_properties
    core.title, core.author, core.last_modified_by = plan.title, author, author
    core.created = plan.created or plan.modified
    core.modified, core.last_printed = plan.modified, plan.modified
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _add_grid(document, grid: Grid) -> None:
    """Add one "Table Grid" table: widths and texts first, then LEFT spans, then ABOVE merges."""
    table = document.add_table(rows=len(grid.rows), cols=len(grid.rows[0]))
    table.style = "Table Grid"
    if grid.widths_cm:
        _set_widths(table, grid.widths_cm)
    for i, specs in enumerate(grid.rows):
        header = i in grid.header_rows
        if header and grid.repeat_header:
            _repeat_as_header(table.rows[i])
        for j, spec in enumerate(specs):
            if spec is None or spec is LEFT:
                continue
            cell = table.cell(i, j)
            text = spec.text if isinstance(spec, Shaded | BoldHead) else spec
            bold = header or i in grid.bold_rows
            _write(cell, text, header, grid, isinstance(spec, BoldHead), bold)
            if isinstance(spec, Shaded | BoldHead) and spec.fill:
                _fill(cell, spec.fill)
            elif header and grid.header_fill:
                _fill(cell, grid.header_fill)
    # merged after the texts are written, so that python-docx does not join the texts
    _merge_spans(table, grid)


def _set_widths(table, widths_cm: tuple[float, ...]) -> None:
    """Fix every column and cell to its width: Word reads the cells', LibreOffice the grid's."""
    from docx.shared import Cm

    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)


def _write(
    cell, text: str, header: bool, grid: Grid, bold_head: bool = False, bold: bool = False
) -> None:
    """Write each line of the text as its own paragraph; header text bold, white if asked,
    all of it bold where ``bold``, the first line where ``bold_head``."""
    from docx.shared import RGBColor

    for n, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if not line:
            continue
        run = paragraph.add_run(line)
        run.bold = header or bold or (bold_head and n == 0) or None
        if header and grid.header_white:
            run.font.color.rgb = RGBColor.from_string(WHITE)


def _merge_spans(table, grid: Grid) -> None:
    """Join each run of LEFT cells to the cell it continues, then each run of ABOVE cells."""
    rows = grid.rows
    for i, specs in enumerate(rows):
        for j, spec in enumerate(specs):
            if spec is not LEFT and j + 1 < len(specs) and specs[j + 1] is LEFT:
                end = j + 1
                while end + 1 < len(specs) and specs[end + 1] is LEFT:
                    end += 1
                table.cell(i, j).merge(table.cell(i, end))
    for j in range(len(rows[0])):
        for i in range(len(rows)):
            if rows[i][j] is not None and i + 1 < len(rows) and rows[i + 1][j] is None:
                end = i + 1
                while end + 1 < len(rows) and rows[end + 1][j] is None:
                    end += 1
                table.cell(i, j).merge(table.cell(end, j))


def _fill(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_as_header(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _stamp_pdf(pdf_path: Path, when: datetime) -> None:
    """Date the PDF as if exported when the .docx was last saved, not when the build ran.

    The new stamp has the same length as the old, so the PDF's byte offsets stay valid.
    """
    data = pdf_path.read_bytes()
    stamp = f"/CreationDate(D:{when:%Y%m%d%H%M%S}".encode()
    stamped, count = _PDF_CREATED.subn(stamp, data)
    if count != 1:
        raise RuntimeError(f"{pdf_path.name}: expected one CreationDate, found {count}")
    pdf_path.write_bytes(stamped)
