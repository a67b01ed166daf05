"""Assembling canonical rows: statuses read through the document's own legend."""

from __future__ import annotations

import pytest

from planwatch.model import Extraction, PlanInfo, RawAction, Source
from planwatch.normalise.actions import normalise_extraction

LEGEND = {"Green": "On track", "Amber": "At risk", "Blue": "Complete"}


def _status_of(cell: str) -> tuple[str, str]:
    raw = RawAction(
        section_ref="AFI 1",
        section_title="",
        action_ref="1",
        entry_no=1,
        position=1,
        action="Review the on-call availability policy.",
        status_raw=cell,
    )
    extraction = Extraction(
        plan=PlanInfo("Northshire Fire and Rescue Service", "Action Plan", "March 2023"),
        actions=(raw,),
        keys={},
        legend=LEGEND,
    )
    (row,) = normalise_extraction(extraction, Source("plan.docx", "0" * 64, "docx"))
    return row.status, row.status_note


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Green", "ongoing"),
        ("G", "ongoing"),
        ("Blue", "complete"),
        ("B", "complete"),
        ("Amber", "open"),
        ("A", "open"),
    ],
)
def test_a_brag_letter_reads_like_its_colour_word_through_the_legend(cell, status):
    assert _status_of(cell)[0] == status
    assert _status_of(cell) == _status_of({"G": "Green", "B": "Blue", "A": "Amber"}.get(cell, cell))
