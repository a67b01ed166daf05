"""Build the unseen-layout plans (plans.py) as Word documents.

Run from the repository root: ``.venv/bin/python samples/unseen/build.py``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from plans import LEFT, PLANS, Grid, Plan, Shaded

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the seed samples' renderer: one way to write files

from docx_render import _fix_zip_times, _set_page, write_if_changed  # noqa: E402

AUTHOR = "Corporate Performance Team"
WHITE = "FFFFFF"


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
    core.created, core.modified, core.last_printed = plan.modified, plan.modified, plan.modified
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _add_grid(document, grid: Grid) -> None:
    """Add one "Table Grid" table: texts first, then LEFT spans, then ABOVE merges."""
    table = document.add_table(rows=len(grid.rows), cols=len(grid.rows[0]))
    table.style = "Table Grid"
    for i, specs in enumerate(grid.rows):
        header = i in grid.header_rows
        if header and grid.repeat_header:
            _repeat_as_header(table.rows[i])
        for j, spec in enumerate(specs):
            if spec is None or spec is LEFT:
                continue
            cell = table.cell(i, j)
            _write(cell, spec.text if isinstance(spec, Shaded) else spec, header, grid)
            if isinstance(spec, Shaded):
                _fill(cell, spec.fill)
            elif header and grid.header_fill:
                _fill(cell, grid.header_fill)
    _merge_spans(table, grid)


def _write(cell, text: str, header: bool, grid: Grid) -> None:
    """Write each line of the text as its own paragraph; header text bold, white if asked."""
    from docx.shared import RGBColor

    for n, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if not line:
            continue
        run = paragraph.add_run(line)
        run.bold = header or None
        if header and grid.header_white:
            run.font.color.rgb = RGBColor.from_string(WHITE)


def _merge_spans(table, grid: Grid) -> None:
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


def main() -> int:
    """Build every plan; print what was written."""
    for plan in PLANS:
        path = HERE / f"{plan.stem}.docx"
        written = write_if_changed(path, render_plan(plan))
        print(f"{path.name}: {'written' if written else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
