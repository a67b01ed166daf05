"""The three PDF producers of the matrix, and the check that a PDF holds all its text.

LibreOffice converts the .docx variant; headless Chromium prints, and WeasyPrint
renders, its HTML rendering. Each PDF is dated with the document's own
modification time (a producer stamps the clock at export), as a publisher's
export would carry it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from pdf_render import run_office

PRODUCERS = ("libreoffice", "chromium", "weasyprint")
_DATES = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}")


def libreoffice(docxs: list[Path], outdir: Path) -> None:
    """Convert every .docx to ``outdir/<stem>.pdf`` in one LibreOffice run; a file it could
    not convert has no PDF, which the matrix reports."""
    run_office(docxs, "pdf", outdir, timeout=1800)


def chromium(html_path: Path, pdf: Path, running: bool) -> None:
    """Print the HTML file to ``pdf`` with headless Chromium (its own head and foot if running)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
        ]
        if not running:
            command.append("--no-pdf-header-footer")
        command.append(html_path.resolve().as_uri())
        subprocess.run(command, capture_output=True, timeout=300, check=False)


def weasyprint(html_path: Path, pdf: Path) -> None:
    """Render the HTML file to ``pdf`` with WeasyPrint."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    HTML(filename=str(html_path)).write_pdf(str(pdf))


def stamp(pdf: Path, modified: str) -> None:
    """Date the PDF's CreationDate and ModDate with ``modified`` (ISO), lengths unchanged."""
    digits = re.sub(r"\D", "", modified)[:14].ljust(14, "0").encode()
    data = pdf.read_bytes()
    pdf.write_bytes(_DATES.sub(lambda m: m.group(1) + digits, data))


def missing_text(pdf: Path, docx_text: str) -> str:
    """Return what of the document's text the PDF does not show inside its pages ('' if none).

    A producer that clips a table wider than the paper drops its glyphs past the page
    edge (or draws them there): counted letter by letter, some are missing.
    """
    import pdfplumber

    shown: Counter[str] = Counter()
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            width, height = float(page.width), float(page.height)
            for c in page.chars:
                if c["x0"] >= -0.5 and c["x1"] <= width + 0.5 and 0 <= c["top"] <= height:
                    text = unicodedata.normalize("NFKC", c["text"])
                    shown.update(ch for ch in text if ch.isalnum())
            page.close()
    want = Counter(ch for ch in docx_text if ch.isalnum())
    lost = want - shown
    return "".join(sorted(lost.elements()))[:40]
