"""Plans in house styles beyond the generator's, written by hand: each form read right, or
warned of where the document leaves it open. The red-team plans (tests/redteam) hold one
document per form; these hold another, worded differently, with expected values written by
hand from what each document prints."""

from __future__ import annotations

from planwatch.pipeline import extract_file
from tests.conftest import word_plan


def _first(rows, ref):
    (row,) = [r for r in rows if r.action_ref == ref and r.entry_no == 1]
    return row


def test_the_latest_of_update_columns_printed_latest_first(tmp_path):
    # the newest period's column stands first here, and no column is headed "update"
    path = word_plan(
        tmp_path / "harbour.docx",
        ["Harbourside Fire and Rescue Service", "Inspection Improvement Plan", "Updated: May 2024"],
        [
            ["No.", "What we will do", "Owner", "By when", "March 2024 position",
             "December 2023 position", "RAG"],
            ["1", "Publish a new protection strategy for high-rise buildings.", "GM Protection",
             "June 2024", "Strategy out for consultation.", "First draft written.", "Amber"],
            ["2", "Recruit two more fire safety inspectors.", "GM Protection", "April 2024",
             "Both posts filled.", "Interviews held.", "Green"],
        ],
    )  # fmt: skip
    rows = extract_file(path)
    first = _first(rows, "1")
    assert (first.latest_update, first.update_period) == (
        "Strategy out for consultation.",
        "March 2024 position",
    )
    assert _first(rows, "2").latest_update == "Both posts filled."
    assert first.progress == "First draft written."  # the earlier position: progress so far
