"""Rules every extraction keeps: a broken one raises BrokenInvariant, never ships quietly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planwatch.model import Extraction, PlanInfo, RawAction, Source, TableVerdict
from planwatch.normalise.actions import normalise_plan
from planwatch.normalise.invariants import BrokenInvariant

SOURCE = Source("plan.docx", "0" * 64, "docx")
FIRST = RawAction("AFI 1", "", "1", 1, 1, "Review the policy.", status_raw="Open", table=1, row=2)
SECOND = replace(FIRST, action_ref="2", position=2, action="Train crews.", row=3)


def extraction(*actions: RawAction, kind: str = "actions") -> Extraction:
    return Extraction(
        plan=PlanInfo("Northshire Fire and Rescue Service", "Action Plan", "March 2023"),
        actions=actions,
        keys={},
        tables=(TableVerdict(1, kind, "header row 1 matched"),),
    )


def test_a_sound_extraction_passes():
    rows = normalise_plan(extraction(FIRST, SECOND), SOURCE).actions
    assert [(r.action_id, r.entry_no) for r in rows] == [("AFI 1/1", 1), ("AFI 1/2", 1)]


@pytest.mark.parametrize(
    ("actions", "kind", "message"),
    [
        ((replace(FIRST, action=" "),), "actions", "has no action text"),
        ((FIRST, replace(FIRST, entry_no=3, row=3)), "actions", "entries numbered [1, 3]"),
        ((FIRST,), "key", "read from table 1, read as key"),
        ((FIRST,), "legend", "read from table 1, read as legend"),
    ],
)
def test_a_broken_rule_raises(actions, kind, message):
    with pytest.raises(BrokenInvariant, match=message.replace("[", r"\[").replace("]", r"\]")):
        normalise_plan(extraction(*actions, kind=kind), SOURCE)


def test_the_same_ref_in_one_section_gets_two_ids_not_one():
    rows = normalise_plan(extraction(FIRST, replace(SECOND, action_ref="1")), SOURCE).actions
    assert [r.action_id for r in rows] == ["AFI 1/1", "AFI 1/1#2"]


def test_a_date_in_the_status_column_is_a_status_not_understood(tmp_path) -> None:
    # found in a PDF whose columns were read one place over: 'Mar 2021' under Status
    import docx

    from planwatch.pipeline import extract_file

    document = docx.Document()
    document.add_paragraph("Eastfield Fire and Rescue Service")
    document.add_paragraph("HMICFRS Improvement Plan – June 2023")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["Ref", "Action", "Target date", "Status"], strict=True
    ):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells,
        ["1.1", "Review the risk model for every station", "Mar 2021", "Mar 2021"],
        strict=True,
    ):
        cell.text = text
    document.save(tmp_path / "plan.docx")
    (row,) = extract_file(tmp_path / "plan.docx")
    assert (row.status, row.status_raw) == ("", "Mar 2021")
    assert "status not understood: 'Mar 2021'" in row.warnings
