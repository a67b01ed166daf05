"""Read PDF plans (as Word or LibreOffice export them) into the neutral Document.

A PDF holds no tables, only glyphs, rules and filled boxes. Each page is read
once, by an engine (``pdf_engines``) that turns a parser's page into plain records
(``pdf_records``): ruled tables from the drawn rules (``pdf_cells``), glyphs
bucketed into their cells, fills from the boxes under the cells; a page with
no rules but text in aligned columns is read as a borderless table. Then the
pages are assembled: page heads and feet dropped, tables run over pages
stitched into one (see ``pdf_grid``), lines grouped into paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.errors import UnreadableFile
from planwatch.model import Document, Source

from .limits import Limits
from .pdf_borderless import find_borderless
from .pdf_engines import engine
from .pdf_layout import (
    PageLayout,
    PhysicalLine,
    assemble,
    in_margin,
    rejoin_cells,
    without_running_lines,
)
from .pdf_overflow import adopt_overflow
from .pdf_overlap import overlapping_text
from .pdf_records import PageContent
from .pdf_runs import line_runs, read_physical_line
from .pdf_safety import check_page_count, check_streams
from .pdf_settings import DEFAULT_PDF_SETTINGS, PdfSettings
from .pdf_tables import fills_of, find_ruled
from .progress import page_done

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def read_pdf(
    path: Path,
    source: Source,
    data: bytes,
    limits: Limits,
    pdf: PdfSettings = DEFAULT_PDF_SETTINGS,
) -> Document:
    """Return the Document of a PDF; raise UnreadableFile if it cannot be read."""
    check_streams(path.name, data, limits)
    with engine(pdf.engine)(path.name, data) as parsed:
        check_page_count(path.name, parsed.page_count, limits)
        pages: list[PageLayout] = []
        for content in parsed.pages:
            check_page_count(path.name, content.number, limits)  # a page tree whose Count lies
            carry = _carried_columns(pages[-1] if pages else None)
            pages.append(_read_page(content, carry, pdf))
            page_done(path.name, content.number, max(parsed.page_count, content.number))
        properties = _properties(parsed.info)
    if not any(p.chars for p in pages):
        raise UnreadableFile(
            f"{path.name}: PDF has no text layer (scanned image?); "
            "planwatch needs a PDF with selectable text"
        )
    pages, words = rejoin_cells(pages, pdf)
    pages = without_running_lines(pages, pdf)
    blocks, breaks = assemble(pages, words, pdf)
    notes = _guesses(pages) + breaks
    return Document(source=source, blocks=blocks, properties=properties, notes=notes)


def _read_page(page: PageContent, carry: list[float], settings: PdfSettings) -> PageLayout:
    fills = fills_of(page.shapes)
    fragments, loose = find_ruled(page, fills, settings)
    lines = []
    for group in line_runs(loose, settings):
        lines.append(PhysicalLine(*read_physical_line(group, settings)))
    band = settings.margin_band * page.height
    adopted: list[str] = []
    if fragments:
        fragments, lines, adopted = adopt_overflow(fragments, lines, settings)
    else:
        fragments, lines = find_borderless(
            lines, page.number, page.width, carry, fills, band, settings
        )
    notes = (*overlapping_text(page.runs, settings), *adopted)
    return PageLayout(
        page.number, page.height, lines, fragments, page.glyph_count, band, page.width, notes
    )


def _guesses(pages: list[PageLayout]) -> tuple[str, ...]:
    """Return a reading note for each table cell whose text the reader had to guess."""
    cells = [
        (page.number, cell)
        for page in pages
        for fragment in page.fragments
        for row in fragment.rows
        for cell in row
    ]
    # a join after a slash ("appliances/" + "vehicles") is no guess: with or without the
    # author's space there, the canonical text is one (normalise/texts.py)
    broken = [
        f"page {number}: {join} read as one word broken at a line end; the first part"
        " fills its line, so it may be a word of its own wrapped at a space"
        for number, cell in cells
        for join in cell.guesses
    ]
    drawn = [f"page {page.number}: {note}" for page in pages for note in page.notes]
    return tuple(broken + drawn)


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


def _properties(info: dict[str, str]) -> dict[str, str]:
    out = {}
    for ours, theirs in (("title", "Title"), ("created", "CreationDate"), ("modified", "ModDate")):
        value = info.get(theirs)
        if value and value.strip():
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
