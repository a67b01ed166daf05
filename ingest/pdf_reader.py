"""Read PDF plans (as Word or LibreOffice export them) into the neutral Document.

A PDF holds no tables, only glyphs, rules and filled boxes. Each page is read
once: ruled tables from the drawn rules (pdfplumber's table finder), glyphs
bucketed into their cells, fills from the boxes under the cells; a page with
no rules but text in aligned columns is read as a borderless table. Then the
pages are assembled: page heads and feet dropped, tables run over pages
stitched into one (see ``pdf_grid``), lines grouped into paragraphs.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from planwatch.errors import UnreadableFile
from planwatch.model import Document, Source

from .limits import Limits
from .pdf_borderless import find_borderless
from .pdf_layout import MARGIN_BAND, PageLayout, PhysicalLine, assemble, in_margin
from .pdf_safety import check_page_count, check_streams
from .pdf_tables import fills_of, find_ruled
from .pdf_text import group_lines, make_line, split_columns
from .progress import page_done

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def read_pdf(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a PDF; raise UnreadableFile if it cannot be read."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    check_streams(path.name, data, limits)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            # the page tree's own count: building every page first costs seconds on a huge file
            total = _page_count(pdf)
            check_page_count(path.name, total, limits)
            pages: list[PageLayout] = []
            for number, page in enumerate(pdf.pages, 1):
                check_page_count(path.name, number, limits)  # a page tree whose Count lies
                pages.append(_read_page(page, _carried_columns(pages[-1] if pages else None)))
                page.close()  # drop the page's parsed objects before the next
                page_done(path.name, number, max(total, number))
            properties = _properties(pdf.metadata)
    except PdfminerException as exc:
        raise _unreadable(path, exc.args[0] if exc.args else exc) from exc
    if not any(p.chars for p in pages):
        raise UnreadableFile(
            f"{path.name}: PDF has no text layer (scanned image?); "
            "planwatch needs a PDF with selectable text"
        )
    return Document(source=source, blocks=assemble(pages), properties=properties)


def _read_page(page, carry: list[float]) -> PageLayout:
    chars = page.chars
    fills = fills_of(page.rects)
    fragments, loose = find_ruled(page, chars, fills)
    lines = [
        PhysicalLine(make_line(group), [make_line(part) for part in split_columns(group)])
        for group in group_lines(loose)
    ]
    if not fragments:
        head = MARGIN_BAND * float(page.height)
        fragments, lines = find_borderless(
            lines, page.page_number, float(page.width), carry, fills, head
        )
    return PageLayout(page.page_number, float(page.height), lines, fragments, len(chars))


def _page_count(pdf) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except (KeyError, TypeError):
        count = None
    return count if isinstance(count, int) else len(pdf.pages)


def _carried_columns(before: PageLayout | None) -> list[float]:
    """Return the column starts of a borderless table closing the page before."""
    if before is None or not before.fragments or before.fragments[-1].ruled:
        return []
    last = before.fragments[-1]
    # a running foot or page number may stand under the table
    below = [pl.whole for pl in before.lines if pl.whole.top > last.bottom]
    if any(not in_margin(before, line.top, line.bottom) for line in below):
        return []
    return last.edges[:-1]


def _unreadable(path: Path, cause: object) -> UnreadableFile:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return UnreadableFile(f"{path.name}: PDF is password-protected; save an unlocked copy")
    reason = str(cause) or type(cause).__name__
    return UnreadableFile(f"{path.name}: not a valid PDF ({reason})")


def _properties(metadata: dict) -> dict[str, str]:
    out = {}
    for ours, theirs in (("title", "Title"), ("created", "CreationDate"), ("modified", "ModDate")):
        value = metadata.get(theirs)
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if isinstance(value, str) and value.strip():
            out[ours] = value.strip() if ours == "title" else _iso_date(value)
    return out


def _iso_date(value: str) -> str:
    """Return a PDF date ("D:20210115103000+00'00'") as ISO 8601, or as given."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return value.strip()
    year, month, day, hour, minute, second = (g or "00" for g in match.groups())
    date = f"{year}-{month if month != '00' else '01'}-{day if day != '00' else '01'}"
    return f"{date}T{hour}:{minute}:{second}"
