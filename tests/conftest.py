"""Shared fixtures: where the bundled samples are, the one factory of hand-made Action rows,
and the one comparison of two forms of a plan's canonical rows."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from planwatch.model import Action

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


BLANK = dict(
    plan_id="hwfrs-prevention-cfc",
    organisation="Hereford & Worcester Fire and Rescue Service",
    plan_title="Prevention Cause for Concern Action Plan",
    edition_date=date(2021, 11, 17),
    source_file="cfc.txt",
    source_sha256="0" * 64,
    source_format="txt",
    source_page=None,
    section_ref="Objective 2",
    section_title="To develop and deliver a prevention strategy",
    action_id="",
    action_ref="",
    entry_no=1,
    action="",
    progress="",
    latest_update="",
    update_period="",
    due_raw="",
    due_start=None,
    due_end=None,
    due_precision="none",
    status="open",
    status_raw="",
    status_note="",
    lead_raw="",
    lead_codes=(),
    lead_roles=(),
    signed_off_by="",
    signed_off_date=None,
    greyed=False,
    overdue=False,
    warnings=(),
)


def word_plan(path: Path, title_lines: list[str], *tables: list[list[str]], after=()) -> Path:
    """Write a Word plan: title lines (the first in the Title style), then each table with
    an empty paragraph after it, then any closing paragraphs."""
    from docx import Document

    document = Document()
    for i, line in enumerate(title_lines):
        document.add_paragraph(line, style="Title" if i == 0 else None)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("")
    for line in after:
        document.add_paragraph(line)
    document.save(path)
    return path


def action(**fields) -> Action:
    """Return an Action with every field not given left blank."""
    return Action(**{**BLANK, **fields})


@pytest.fixture
def make_action():
    """The action factory: every field blank (the plan's identity aside) unless given."""
    return action


def _load_compare():
    spec = importlib.util.spec_from_file_location("matrix_compare", SAMPLES / "matrix/compare.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_COMPARE = _load_compare()
# where a row came from, not what it says: no two forms of a plan agree on these
NOT_COMPARED: frozenset[str] = _COMPARE.NOT_COMPARED


@pytest.fixture(scope="session")
def first_difference() -> Callable[..., str]:
    """first_difference(want, got, left_out=NOT_COMPARED): the first field in which two
    readings of one plan differ ("row 3 (1.2#1) due_end: ... != ..."), '' when they agree;
    the comparison `make matrix` uses (samples/matrix/compare.py)."""
    return _COMPARE.first_difference


# Three editions of one plan, written by hand: the April edition renumbers (1.3 -> 1.2),
# swaps 2.1 and 2.2 and drops 1.2; the July edition splits 1.1 in two (rural 1.1, urban
# 1.4), merges 2.2 into 2.1 and gives the freed number 1.3 to a new action.
SERIES_HEADER = "Ref\tAction\tLead\tTarget date\tStatus\tProgress\n"
SERIES_EDITIONS = {  # ref, action, lead, target date, status, progress
    "2022-01": [
        (
            "1.1",
            "Review the risk methodology used to target home fire safety visits.",
            "AM",
            "Mar 2022",
            "Open",
            "",
        ),
        (
            "1.2",
            "Publish the annual prevention evaluation report.",
            "AM",
            "31.12.21",
            "Open",
            "",
        ),
        (
            "1.3",
            "Train every watch manager in safeguarding referrals.",
            "GC",
            "Jun 2022",
            "Open",
            "Course designed.",
        ),
        (
            "2.1",
            "Recruit two additional protection inspectors for the north district.",
            "PM",
            "Sep 2022",
            "Open",
            "",
        ),
        (
            "2.2",
            "Audit the premises risk database against building control records.",
            "PM",
            "30.04.22",
            "Open",
            "",
        ),
    ],
    "2022-04": [
        (
            "1.1",
            "Review the risk methodology used to target home fire safety visits.",
            "AM",
            "Mar 2022",
            "Open",
            "",
        ),
        (
            "1.2",
            "Train every watch manager in safeguarding referrals.",
            "GC",
            "Sep 2022",
            "Open",
            "Course designed. First cohort trained in March.",
        ),
        (
            "2.1",
            "Audit the premises risk database against building control records.",
            "PM",
            "30.04.22",
            "Complete",
            "",
        ),
        (
            "2.2",
            "Recruit two additional protection inspectors for the north district.",
            "PM",
            "Sep 2022",
            "Open",
            "",
        ),
    ],
    "2022-07": [
        (
            "1.1",
            "Review the risk methodology used to target home fire safety visits in rural areas.",
            "AM",
            "Sep 2022",
            "Open",
            "",
        ),
        (
            "1.2",
            "Train every watch manager in safeguarding referrals.",
            "GC",
            "Sep 2022",
            "Open",
            "Course designed. First cohort trained in March.",
        ),
        (
            "1.3",
            "Set up a hoarding protocol with the local authority.",
            "GC",
            "Dec 2022",
            "Open",
            "",
        ),
        (
            "1.4",
            "Review the risk methodology used to target home fire safety visits in urban areas.",
            "AM",
            "Dec 2022",
            "Open",
            "",
        ),
        (
            "2.1",
            "Audit the premises risk database against building control records and recruit "
            "two additional protection inspectors.",
            "PM",
            "Dec 2022",
            "Open",
            "",
        ),
    ],
}
SERIES_MONTHS = {"2022-01": "January 2022", "2022-04": "April 2022", "2022-07": "July 2022"}


@pytest.fixture
def series_files(tmp_path) -> dict[str, Path]:
    """Return the three hand-written editions above as text plan files, by month."""
    files = {}
    for month, rows in SERIES_EDITIONS.items():
        path = tmp_path / f"northfield-{month}.txt"
        head = "Northfield Fire and Rescue Service\nHMICFRS Action Plan\n"
        text = f"{head}Updated: {SERIES_MONTHS[month]}\n{SERIES_HEADER}" + "".join(
            "\t".join(r) + "\n" for r in rows
        )
        path.write_text(text, encoding="utf-8")
        files[month] = path
    return files
