"""PDF renderings through LibreOffice, and a check of which table rows break across pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

SOFFICE = "soffice"
# the cell that opens the header row Word/LibreOffice repeats on each page
HEADER_CELL = "HWFRS Action Proposed"
_SPACE = re.compile(r"\s+")


def run_office(
    sources: list[Path], fmt: str, outdir: Path, timeout: int = 300
) -> subprocess.CompletedProcess:
    """Run one LibreOffice conversion of ``sources`` to ``fmt`` ("pdf", "odt", "doc:MS Word 97")
    into ``outdir``; return the finished process. Raise RuntimeError without soffice."""
    soffice = shutil.which(SOFFICE)
    if soffice is None:
        raise RuntimeError(
            "soffice not found: install LibreOffice (apt-get install -y libreoffice-writer-nogui) "
            "or run with --no-pdf"
        )
    # a private profile: a LibreOffice already running elsewhere would otherwise take the job
    with tempfile.TemporaryDirectory() as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def convert_to_pdf(docx: Path, outdir: Path) -> Path:
    """Return the PDF LibreOffice writes for `docx` into `outdir`; raise RuntimeError without it."""
    done = run_office([docx], "pdf", outdir)
    pdf = outdir / f"{docx.stem}.pdf"
    if done.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"{docx.name}: LibreOffice failed: {done.stderr.strip()}")
    return pdf


def _squash(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def _page_rows(page) -> list[list[str]]:
    """Return the table rows drawn on one page, top to bottom, cells without whitespace."""
    rows: list[list[str]] = []
    for table in page.find_tables():
        rows.extend([_squash(cell) for cell in row] for row in table.extract())
    return rows


def find_broken_rows(pdf: Path, rows: list[list[str]]) -> tuple[int, list[tuple[int, list[str]]]]:
    """Return the page count and (page, source row) of each table row split onto the next page.

    `rows` are the source's table rows (markup removed). A row counts as broken when a page ends
    with part of it and the next page repeats the header row, then goes on with the rest: the
    two parts of each cell after the first add up to the source cell. The first cell is left
    out because a merged action cell is drawn once, in the top row of its merge.
    """
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        pages = [_page_rows(page) for page in document.pages]
    source = [[_squash(cell) for cell in fields] for fields in rows]
    broken: list[tuple[int, list[str]]] = []
    for number, (ending, opening) in enumerate(zip(pages, pages[1:], strict=False), start=1):
        header = next(
            (i for i, r in enumerate(opening[:4]) if r and r[0] == _squash(HEADER_CELL)), None
        )
        if not ending or header is None or header + 1 >= len(opening):
            continue
        head, tail = ending[-1], opening[header + 1]
        for fields, squashed in zip(rows, source, strict=True):
            if _joins(head, tail, squashed):
                broken.append((number, fields))
                break
    return len(pages), broken


def _joins(head: list[str], tail: list[str], cells: list[str]) -> bool:
    """True when `head` and `tail` are the two parts of the row `cells`, first cell aside."""
    if not len(head) == len(tail) == len(cells):
        return False
    parts = list(zip(head[1:], tail[1:], cells[1:], strict=True))
    return all(h + t == c for h, t, c in parts) and any(h and t for h, t, _ in parts)
