"""Plans printed as one small form per action: a label and its value on each row."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from planwatch.errors import NotAPlan
from planwatch.pipeline import extract_file


def forms(path: Path, *tables: list[tuple[str, str]]) -> Path:
    document = Document()
    document.add_paragraph("Hartmoor Fire and Rescue Service", style="Title")
    document.add_paragraph("Improvement Plan – June 2024")
    for pairs in tables:
        table = document.add_table(rows=len(pairs), cols=2)
        for r, (label, value) in enumerate(pairs):
            table.cell(r, 0).text, table.cell(r, 1).text = label, value
        document.add_paragraph("")
    document.save(path)
    return path


FIRST = [
    ("Ref", "P1"),
    ("Improvement action", "Recruit two more fire safety inspectors."),
    ("Lead officer", "Head of Protection"),
    ("Target date", "March 2025"),
    ("RAG", "Green"),
]
# the same labels in another order
SECOND = [
    ("Ref", "P2"),
    ("RAG", "Blue"),
    ("Improvement action", "Publish the risk-based inspection programme."),
    ("Target date", "30/09/2024"),
    ("Lead officer", "Head of Protection"),
]


def test_each_form_of_a_run_is_one_action(tmp_path):
    rows = extract_file(forms(tmp_path / "plan.docx", FIRST, SECOND))
    # with no legend, green is open and blue complete (docs/columns.md)
    assert [(r.action_ref, r.action, r.status, str(r.due_end)) for r in rows] == [
        ("P1", "Recruit two more fire safety inspectors.", "open", "2025-03-31"),
        ("P2", "Publish the risk-based inspection programme.", "complete", "2024-09-30"),
    ]
    assert rows[1].lead_roles == ("Head of Protection",)


def test_a_lone_form_is_no_action_table(tmp_path):
    # with no second form to agree with, its labels may as well be a key's or a sign-off's
    with pytest.raises(NotAPlan):
        extract_file(forms(tmp_path / "plan.docx", FIRST))


def test_how_many_fields_make_a_form_is_a_setting(tmp_path):
    from planwatch.extract import ExtractSettings

    path = forms(tmp_path / "plan.docx", FIRST, SECOND)
    # each form names its action and four fields more: ref, lead, target date, RAG
    assert len(extract_file(path, settings=ExtractSettings(min_form_fields=4))) == 2
    with pytest.raises(NotAPlan):
        extract_file(path, settings=ExtractSettings(min_form_fields=5))
