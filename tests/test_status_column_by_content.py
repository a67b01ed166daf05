"""A column whose header usually names progress but whose cells are all status words is
read as the status column, with a warning naming the reading."""

from __future__ import annotations

from planwatch.pipeline import extract_file
from tests.conftest import word_plan as plan


def test_a_progress_column_of_status_words_gives_the_status(tmp_path):
    path = plan(
        tmp_path / "marshdown.docx",
        ["Marshdown Fire and Rescue Service", "Inspection improvement plan", "June 2024"],
        [
            ["Ref", "What we will do", "Owner", "Due", "Progress made"],
            [
                "A1",
                "Refresh the risk-based inspection programme.",
                "AM Prot",
                "03/2024",
                "Complete",
            ],
            [
                "A2",
                "Train crews in the new site-specific risk form.",
                "AM Ops",
                "09/2024",
                "Discharged",
            ],
            ["A3", "Move on-call pay to the new system.", "HR Mgr", "2025", "Not started"],
        ],
    )
    rows = extract_file(path)
    assert [(r.action_ref, r.status) for r in rows] == [
        ("A1", "complete"),
        ("A2", "complete"),
        ("A3", "open"),
    ]


def test_a_progress_column_of_sentences_stays_progress(tmp_path):
    path = plan(
        tmp_path / "marshdown.docx",
        ["Marshdown Fire and Rescue Service", "Inspection improvement plan", "June 2024"],
        [
            ["Ref", "What we will do", "Owner", "Due", "Status", "Progress made"],
            [
                "A1",
                "Refresh the inspection programme.",
                "AM Prot",
                "03/2024",
                "Complete",
                "The programme was approved by the board in March.",
            ],
            [
                "A2",
                "Train crews in the new risk form.",
                "AM Ops",
                "09/2024",
                "Ongoing",
                "Two of the four watches have been trained so far.",
            ],
        ],
    )
    rows = extract_file(path)
    assert [r.progress for r in rows][0].startswith("The programme was approved")
