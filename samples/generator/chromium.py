"""Generated plans printed to PDF by headless Chromium, from the HTML rendering of each .docx,
as the matrix prints a Word document (samples/matrix: html_render.py, producers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from .compose import GeneratedPlan
from .render import GEOMETRY

_MATRIX = str(Path(__file__).resolve().parent.parent / "matrix")
if _MATRIX not in sys.path:
    sys.path.insert(0, _MATRIX)

from geometry import MARGINS_CM, Geometry  # noqa: E402
from html_render import render_html  # noqa: E402
from producers import chromium  # noqa: E402

_MARGIN_NAMES = {cm: name for name, cm in MARGINS_CM.items()}


def print_many(plans: list[GeneratedPlan], docx_files: list[Path], outdir: Path) -> list[Path]:
    """Print each plan's .docx (as HTML) to ``outdir/<stem>.pdf``; return the PDFs made.

    Raise RuntimeError when chromium is not installed."""
    outdir.mkdir(parents=True, exist_ok=True)
    made = []
    for plan, docx in zip(plans, docx_files, strict=True):
        name = plan.choices["geometry"]
        landscape, margin, size = GEOMETRY[name]
        geometry = Geometry(name, landscape=landscape, margins=_MARGIN_NAMES[margin], font_pt=size)
        html = outdir / f"{plan.stem}.html"
        html.write_text(render_html(docx.read_bytes(), geometry), encoding="utf-8")
        pdf = outdir / f"{plan.stem}.pdf"
        chromium(html, pdf, running=False)
        if pdf.exists():
            made.append(pdf)
    return made
