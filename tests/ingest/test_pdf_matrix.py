"""A seeded subset of the page-geometry matrix: each PDF gives the rows of its .docx.

The PDFs under ``matrix/`` were printed by LibreOffice, Chromium and WeasyPrint from
the samples laid out at other paper sizes, margins, font sizes and row settings
(``samples/matrix``; ``make matrix`` runs all of it, ``samples/matrix/pick.py`` drew
these). What each PDF must give is what its own .docx gives: truth by construction.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from planwatch.pipeline import extract_file

HERE = Path(__file__).parent / "matrix"

CASES = [line.split("\t") for line in (HERE / "cases.tsv").read_text(encoding="utf-8").splitlines()]
PRODUCERS = ("libreoffice", "chromium", "weasyprint")
# the page-break classes each producer must show somewhere in the subset
CLASSES = (
    "cut row",
    "header alone at foot",
    "merged cell over break",
    "no repeated header",
    "repeated header",
)
# what the reader still gets wrong, with the first difference as the matrix found it
KNOWN: dict[tuple[str, str, str], str] = {}


@cache
def _docx_rows(geometry: str, stem: str):
    return tuple(extract_file(HERE / geometry / f"{stem}.docx"))


def _params():
    for geometry, producer, stem, names in CASES:
        reason = KNOWN.get((geometry, producer, stem))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(
            geometry, producer, stem, id=f"{producer}-{geometry}-{stem}-{names}", marks=marks
        )


@pytest.mark.parametrize(("geometry", "producer", "stem"), list(_params()))
def test_pdf_gives_the_rows_of_its_docx(geometry, producer, stem, first_difference):
    want = list(_docx_rows(geometry, stem))
    got = extract_file(HERE / geometry / producer / f"{stem}.pdf")
    assert want, "the .docx gives no rows"
    assert first_difference(want, got) == ""


def test_subset_covers_every_class_from_every_producer():
    shown = {(producer, name) for _, producer, _, names in CASES for name in names.split(",")}
    missing = [(p, c) for p in PRODUCERS for c in CLASSES if (p, c) not in shown]
    assert not missing
    assert ("chromium", "no wrap space") in shown
    assert ("weasyprint", "filled-path borders") in shown


def test_a_slash_at_a_line_end_reads_as_the_docx_reads_it():
    # WeasyPrint writes no space where it wraps: "appliances/" at a line end over
    # "vehicles." may have had the author's space after the slash (the .docx has one); the
    # canonical text drops that space in every format, so the reading is no guess
    stem = "hwfrs-improvement-plan-2021-01"
    pdf = extract_file(HERE / "a4-portrait" / "weasyprint" / f"{stem}.pdf")
    docx = _docx_rows("a4-portrait", stem)
    texts = [
        [row.action for row in rows if "appliances/" in row.action or "gathering/" in row.action]
        for rows in (docx, pdf)
    ]
    assert texts[0] == texts[1] == [
        "Deliver new MDTs to operational appliances/vehicles.",
        "Review operational intelligence gathering/updating process.",
    ]
