"""The PDFium engine: PDFium (through pypdfium2) parses each page, read into page records.

Glyph boxes are set the way pdfminer sets them (``pdf_pdfium_glyphs``), so both engines feed the
geometry the same page: from the glyph's origin, its advance width across, and
from the font's descent to one font size above it up. Paths are cut into
subpaths and named line, rect or curve by the shared rule; form XObjects are
flattened into the page, and the page's /Rotate is applied to every point.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from planwatch.errors import UnreadableFile

from .pdf_pdfium_glyphs import page_runs, text_calls
from .pdf_pdfium_paths import ObjectCalls, painted
from .pdf_records import PageContent, ParsedPdf, one_run

_PASSWORD = 4  # FPDF_ERR_PASSWORD


@contextmanager
def open_pdf(name: str, data: bytes) -> Iterator[ParsedPdf]:
    """Yield the PDF's pages as records; raise UnreadableFile if PDFium cannot load it."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _unreadable(name, exc) from exc
    try:
        info = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items() if v}
        yield ParsedPdf(len(pdf), _pages(pdf), info)
    finally:
        pdf.close()


def _unreadable(name: str, exc: Exception) -> UnreadableFile:
    if getattr(exc, "err_code", None) == _PASSWORD:
        return UnreadableFile(f"{name}: PDF is password-protected; save an unlocked copy")
    # "Failed to load document (PDFium: Data format error)." -> "PDFium: Data format error"
    reason = str(exc).removeprefix("Failed to load document ").rstrip(".").strip("() ")
    reason = reason or "damaged"
    return UnreadableFile(f"{name}: not a valid PDF ({reason})")


def _pages(pdf) -> Iterator[PageContent]:
    calls, objects = text_calls(), ObjectCalls()
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            at = _placement(page)
            shapes, blanks = painted(page, at, objects)
            width, height = page.get_size()
            yield PageContent(
                index + 1,
                width,
                height,
                page.get_rotation(),
                (*page_runs(page, at, calls), *map(one_run, blanks)),
                shapes,
            )
        finally:
            page.close()


def _placement(page) -> tuple:
    """Return the matrix taking a point of PDF space to (x, top) on the page as shown."""
    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation()
    if rotation == 90:
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)  # (y - bottom, x - left)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom)  # (right - x, y - bottom)
    if rotation == 270:
        return (0.0, -1.0, -1.0, 0.0, top, right)  # (top - y, right - x)
    return (1.0, 0.0, 0.0, -1.0, -left, top)  # (x - left, top - y)
