"""The pdfplumber engine: pdfminer parses each page, its objects become page records."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from planwatch.errors import UnreadableFile

from .pdf_records import Glyph, PageContent, ParsedPdf, Shape, is_bold, runs_of, to_hex


@contextmanager
def open_pdf(name: str, data: bytes) -> Iterator[ParsedPdf]:
    """Yield the PDF's pages as records; raise UnreadableFile if pdfminer cannot parse it."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            yield ParsedPdf(_page_count(pdf), _pages(pdf), _metadata(pdf.metadata))
    except PdfminerException as exc:
        raise _unreadable(name, exc.args[0] if exc.args else exc) from exc


def _pages(pdf) -> Iterator[PageContent]:
    for page in pdf.pages:
        chars = (
            Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], _bold(c))
            for c in page.chars
        )
        # by kind, each in paint order: the geometry reads them by kind
        shapes = tuple(_shape(o) for o in (*page.lines, *page.curves, *page.rects))
        yield PageContent(
            page.page_number,
            float(page.width),
            float(page.height),
            page.rotation,
            tuple(runs_of(chars)),
            shapes,
        )
        page.close()  # drop the page's parsed objects before the next


def _bold(char: dict) -> bool:
    return is_bold(str(char.get("fontname", "")))


def _shape(obj: dict) -> Shape:
    return Shape(
        kind=obj["object_type"],
        x0=obj["x0"],
        top=obj["top"],
        x1=obj["x1"],
        bottom=obj["bottom"],
        points=tuple(tuple(p) for p in obj.get("pts", ())),
        stroke=bool(obj.get("stroke")),
        fill=bool(obj.get("fill")),
        fill_colour=to_hex(obj.get("non_stroking_color")),
        stroke_colour=to_hex(obj.get("stroking_color")),
        line_width=float(obj.get("linewidth") or 0.0),
    )


def _page_count(pdf) -> int:
    # the page tree's own count: building every page first costs seconds on a huge file
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except (KeyError, TypeError):
        count = None
    return count if isinstance(count, int) else len(pdf.pages)


def _metadata(metadata: dict) -> dict[str, str]:
    out = {}
    for key in ("Title", "CreationDate", "ModDate"):
        value = metadata.get(key)
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if isinstance(value, str):
            out[key] = value
    return out


def _unreadable(name: str, cause: object) -> UnreadableFile:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return UnreadableFile(f"{name}: PDF is password-protected; save an unlocked copy")
    reason = str(cause) or type(cause).__name__
    return UnreadableFile(f"{name}: not a valid PDF ({reason})")
