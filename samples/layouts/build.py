"""Build the layout test plans (plans.py) as Word documents and LibreOffice PDFs.

Run from the repository root: ``.venv/bin/python samples/layouts/build.py [--no-pdf]``.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import datetime
from pathlib import Path

from plans import PLANS, Grid, Plan, Shaded

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the seed samples' renderers: one way to write files

from docx_render import _fix_zip_times, _set_page, write_if_changed  # noqa: E402
from pdf_render import convert_to_pdf  # noqa: E402

AUTHOR = "Performance and Planning Team"
# LibreOffice writes "/CreationDate(D:20261127215417Z')" with the clock at export time
_PDF_CREATED = re.compile(rb"/CreationDate\(D:\d{14}")


def render_plan(plan: Plan) -> bytes:
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
    core.title, core.author, core.last_modified_by = plan.title, AUTHOR, AUTHOR
    core.created, core.modified, core.last_printed = plan.created, plan.modified, plan.modified
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _add_grid(document, grid: Grid) -> None:
    """Add one "Table Grid" table; ABOVE cells join the cell above them, Shaded cells are filled."""
    from docx.shared import Cm

    table = document.add_table(rows=len(grid.rows), cols=len(grid.rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    for i, specs in enumerate(grid.rows):
        row = table.rows[i]
        if i < grid.header_rows:
            _repeat_as_header(row)
        for j, spec in enumerate(specs):
            cell = row.cells[j]
            if grid.widths_cm:
                cell.width = Cm(grid.widths_cm[j])
            if spec is None:
                continue
            text = spec.text if isinstance(spec, Shaded) else spec
            if text:
                cell.paragraphs[0].add_run(text).bold = i < grid.header_rows or None
            if isinstance(spec, Shaded):
                _fill(cell, spec.fill)
    for j, column in enumerate(table.columns):
        if grid.widths_cm:
            column.width = Cm(grid.widths_cm[j])
    # merge each run of ABOVE cells into the cell where it starts (after texts are written,
    # so that python-docx does not join the texts)
    for j in range(len(grid.rows[0])):
        for i, specs in enumerate(grid.rows):
            if specs[j] is not None and (i + 1 < len(grid.rows) and grid.rows[i + 1][j] is None):
                end = i + 1
                while end + 1 < len(grid.rows) and grid.rows[end + 1][j] is None:
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


def build(plan: Plan, pdf: bool) -> list[str]:
    """Write the plan's .docx and (optionally) .pdf; return the names (re)written."""
    docx_path, pdf_path = HERE / f"{plan.stem}.docx", HERE / f"{plan.stem}.pdf"
    written = [docx_path.name] if write_if_changed(docx_path, render_plan(plan)) else []
    # LibreOffice stamps each PDF with the time: convert only when the .docx is newer
    stale = not pdf_path.exists() or pdf_path.stat().st_mtime < docx_path.stat().st_mtime
    if pdf and stale:
        convert_to_pdf(docx_path, HERE)
        _stamp_pdf(pdf_path, plan.modified)
        written.append(pdf_path.name)
    return written


def _stamp_pdf(pdf_path: Path, when: datetime) -> None:
    """Date the PDF as if exported when the .docx was last saved, not when this script ran.

    The new stamp has the same length as the old, so the PDF's byte offsets stay valid.
    """
    data = pdf_path.read_bytes()
    stamp = f"/CreationDate(D:{when:%Y%m%d%H%M%S}".encode()
    stamped, count = _PDF_CREATED.subn(stamp, data)
    if count != 1:
        raise RuntimeError(f"{pdf_path.name}: expected one CreationDate, found {count}")
    pdf_path.write_bytes(stamped)


def main(argv: list[str] | None = None) -> int:
    """Build every layout plan; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF step")
    args = parser.parse_args(argv)
    try:
        for plan in PLANS:
            print(f"{plan.stem}: {', '.join(build(plan, not args.no_pdf)) or 'up to date'}")
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
