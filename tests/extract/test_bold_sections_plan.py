"""A hand-written plan (samples/emphasis) naming its areas in bold inside the action table,
with a second table where bold is only emphasis; read from Word, its LibreOffice PDF, and
LibreOffice's HTML and OpenDocument exports of it (the .xlsx form holds no bold).

Every expected value is read off samples/emphasis/plans.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.extract import extract_document
from planwatch.ingest import PdfSettings, read_document
from planwatch.model import Table
from planwatch.pipeline import extract_file

PLAN = (
    Path(__file__).resolve().parents[2]
    / "samples/emphasis/ravensmoor-fire-improvement-plan-2023-06"
)

EXPECTED = [
    ("", "Protection", "1.1", "Review the risk-based inspection programme against the"
     " community risk profile."),
    ("", "Protection", "1.2", "Recruit and train four additional fire safety inspectors."),
    ("", "Prevention", "2.1", "Deliver safe and well visits to every household over 80 in"
     " the county."),
    ("", "Prevention", "2.2", "Evaluate the outcomes of targeted visits each quarter."),
    ("", "Response", "3.1", "Review crewing of on-call engines at night."),
    ("", "Response", "3.2", "Publish on-call availability figures each month."),
    # each action's own bold title, and a long bold opening line, stay in the action
    ("Objective 4", "People", "4.1", "Values training All staff complete the values and"
     " behaviours course."),
    ("Objective 4", "People", "4.2", "Fair recruitment Review interview panels for balance"
     " and training."),
    ("Objective 4", "People", "4.3", "Every supervisor promoted this year completes the"
     " leadership programme within twelve months, with a mentor."),
    ("Objective 4", "People", "4.4", "Exit interviews Offer one to every leaver and report"
     " themes to the board."),
    ("Objective 4", "People", "4.5", "Wellbeing Train a wellbeing champion on every station."),
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".odt"])
def test_bold_area_names_set_the_section_and_bold_titles_stay_in_the_action(suffix):
    rows = [
        (a.section_ref, a.section_title, a.action_id, a.action)
        for a in extract_file(PLAN.with_suffix(suffix))
    ]
    assert rows == EXPECTED


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".odt"])
def test_the_bold_lines_are_counted_as_context_and_nothing_is_left_over(suffix):
    read = extract_document(read_document(PLAN.with_suffix(suffix)))
    assert read.findings == ()
    areas, titles = (t for t in read.tables if t.kind == "actions")
    # "Protection" and "Response" taken from their cells, and the "Prevention" row
    assert areas.tally.context == 3
    assert titles.tally.context == 0
    assert areas.tally.unaccounted == titles.tally.unaccounted == 0


def test_both_pdf_engines_record_the_same_bold_first_lines():
    def heads(engine: str) -> list[str]:
        document = read_document(PLAN.with_suffix(".pdf"), pdf=PdfSettings(engine=engine))
        tables = [b for b in document.blocks if isinstance(b, Table)]
        return [c.bold_head for t in tables for row in t.rows for c in row.cells]

    pdfium = heads("pdfium")
    assert "Protection" in pdfium and "Prevention" in pdfium and "Response" in pdfium
    assert pdfium == heads("pdfplumber")
