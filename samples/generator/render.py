"""A generated plan to .docx bytes (python-docx, in its drawn page geometry) and to PDF
(LibreOffice, many files per run)."""

from __future__ import annotations

import io
from pathlib import Path

from docx_render import _fix_zip_times
from grid_render import Grid, _add_grid
from pdf_render import run_office

from .compose import GeneratedPlan

# geometry -> (landscape, margin cm, font pt)
GEOMETRY = {
    "a4_landscape_11": (True, 2.54, 11),
    "a4_portrait_10": (False, 2.0, 10),
    "a4_landscape_9_narrow": (True, 1.27, 9),
}
FONT = "Arial"


def _set_geometry(document, geometry: str) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    landscape, margin, size = GEOMETRY[geometry]
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        wide, high = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
        section.page_width, section.page_height = wide, high
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(margin))
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2"):
        fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        document.styles[name].font.name = FONT
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    document.styles["Normal"].font.size = Pt(size)


def render_docx(plan: GeneratedPlan) -> bytes:
    """Return the plan's .docx bytes (fixed dates and zip times: the same seed, the same bytes)."""
    from datetime import UTC, datetime

    import docx

    document = docx.Document()
    _set_geometry(document, plan.choices["geometry"])
    for block in plan.blocks:
        if isinstance(block, Grid):
            _add_grid(document, block)
        else:
            document.add_paragraph(block.text, style=block.style)
    stamp = datetime(2023, 1, 1, 9, 0, tzinfo=UTC)
    core = document.core_properties
    core.title, core.author = plan.title, "Performance Team"
    core.created = core.modified = core.last_printed = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def write_docx(plan: GeneratedPlan, folder: Path) -> Path:
    path = folder / f"{plan.stem}.docx"
    path.write_bytes(render_docx(plan))
    return path


def convert_many(docx_files: list[Path], outdir: Path, timeout: int = 900) -> list[Path]:
    """Convert the files with one LibreOffice run in a private profile; return the PDFs made.

    Raise RuntimeError when soffice is not installed."""
    run_office(docx_files, "pdf", outdir, timeout)
    made = [outdir / f"{path.stem}.pdf" for path in docx_files]
    return [pdf for pdf in made if pdf.exists()]
