"""Write the small PDFs the PDF reader tests read, through LibreOffice as councils do.

Run from the repository root: ``.venv/bin/python tests/ingest/pdf_fixtures/make_fixtures.py``
(needs ``soffice`` on the PATH). Each PDF is made from a .docx built here.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

HERE = Path(__file__).parent

# a plan table with its borders switched off
BORDERLESS = [
    ("Ref", "Action", "Completion Date", "Lead"),
    ("1.1", "Add the cause for concern onto the Prevention Risk Register", "26.07.21", "GCP PM"),
    (
        "1.2",
        "Review of data sources and systems, seeking 3 quotes for replacement geographic "
        "information and modelling software, linked to joint system with Protection",
        "30.09.21",
        "SCH GCP",
    ),
    ("1.3", "Attend regional FRS Prevention working group meetings", "ongoing", "PM"),
]

RUNNING_TEXT = (
    "The Service has extended its home fire safety checks to include questions about "
    "vulnerable people. Further training is needed to give staff more confidence in this process."
)

# narrow cells that wrap inside hyphenated and slashed words
WRAPS = [
    ("Ref", "Action"),
    ("1", "Run the staff Well-being survey"),
    ("2", "Review the fleet and/or garage list"),
    ("3", "Update the risk - information and mapping"),
]


def _document() -> docx.Document:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    return document


def _table(document: docx.Document, rows, borders: bool, widths=None) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if borders:
        table.style = "Table Grid"
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
            if widths:
                table.cell(r, c).width = widths[c]


def build_borderless(path: Path) -> None:
    document = _document()
    document.add_paragraph("Objective 1:")
    _table(document, BORDERLESS, borders=False)
    document.add_paragraph("Signed off by the Prevention Improvement Panel.")
    document.save(path)


def build_wraps(path: Path) -> None:
    document = _document()
    _table(document, WRAPS, borders=True, widths=[Cm(1.5), Cm(2.4)])
    document.save(path)


def build_running(path: Path) -> None:
    """Three pages of paragraphs under a running head, with "Page N" at the foot."""
    document = _document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "HMICFRS Improvement Plan: January 2021 update"
    foot = section.footer.paragraphs[0]
    foot.add_run("Page ")
    _page_field(foot)
    for n in range(1, 4):
        document.add_paragraph(f"Section {n}")
        document.add_paragraph(RUNNING_TEXT)
        if n < 3:
            document.add_page_break()
    document.save(path)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, "PAGE"),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == "PAGE" else "w:t")
            element.text = text
        run._r.append(element)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        builds = (
            ("borderless", build_borderless),
            ("wraps", build_wraps),
            ("running", build_running),
        )
        for name, build in builds:
            source = work / f"{name}.docx"
            build(source)
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                check=True,
                capture_output=True,
            )
            shutil.copy(work / f"{name}.pdf", HERE / f"{name}.pdf")


if __name__ == "__main__":
    main()
