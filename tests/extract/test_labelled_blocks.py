"""Plans written as labelled paragraphs, one block per area, in any format and label order."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from planwatch.errors import NotAPlan
from planwatch.pipeline import extract_file

PAGE = """<html><head><title>HMICFRS action plan</title></head><body>
<nav><a href="/">Home</a></nav>
<h1>Westfield Fire and Rescue Service</h1><p>HMICFRS Inspection Action Plan</p>
<p>Updated: March 2023</p>
<h2>Area for improvement 1</h2>
<p>The service should make sure its firefighters have good access to risk information.</p>
<p>Status: Complete</p>
<p>Our response: Review every site-specific risk record and publish them to the MDTs.</p>
<p>Update: All 412 records reviewed; published in February.</p>
<h2>Area for improvement 2</h2>
<p>The service should improve how it evaluates its prevention work.</p>
<p>Our response</p><p>Adopt an evaluation framework for every prevention campaign.</p>
<p>Status: In progress</p>
</body></html>"""


def test_a_web_page_of_labelled_blocks_extracts(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(PAGE, encoding="utf-8")
    first, second = extract_file(path)
    assert (first.section_ref, first.action_id, first.entry_no) == (
        "Area for improvement 1", "Area for improvement 1/1", 1
    )
    assert first.section_title == (
        "The service should make sure its firefighters have good access to risk information."
    )
    assert first.action == "Review every site-specific risk record and publish them to the MDTs."
    assert first.progress == "All 412 records reviewed; published in February."
    assert (first.status, first.status_raw) == ("complete", "Complete")
    # a label alone on its line gives the text of the paragraph after it
    assert second.action == "Adopt an evaluation framework for every prevention campaign."
    assert (second.action_id, second.status, second.progress) == (
        "Area for improvement 2/1", "ongoing", ""
    )
    assert first.organisation == "Westfield Fire and Rescue Service"


def test_the_same_blocks_in_a_word_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Eastfield Fire and Rescue Service")
    document.add_paragraph("HMICFRS Improvement Plan – June 2023")
    document.add_heading("Area for improvement 3", level=2)
    document.add_paragraph("The service should review its fleet maintenance.")
    document.add_paragraph("Update: Contract awarded in May.")
    document.add_paragraph("Our response: Tender a new fleet maintenance contract.")
    document.save(tmp_path / "plan.docx")
    (row,) = extract_file(tmp_path / "plan.docx")
    assert (row.action_id, row.action, row.progress, row.status) == (
        "Area for improvement 3/1", "Tender a new fleet maintenance contract.",
        "Contract awarded in May.", "open",
    )


def test_blocks_with_no_action_are_still_no_plan(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(
        "<html><body><h2>Area for improvement 1</h2><p>Status: Complete</p>"
        "<p>Contact: press office</p></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(NotAPlan, match="news.html: no action table found"):
        extract_file(path)


def test_numbered_labels_open_each_block_whatever_the_order_of_its_labels(tmp_path: Path) -> None:
    # the status comes before each numbered label: met again, it opens the next block
    path = tmp_path / "plan.html"
    path.write_text(
        "<html><body><h1>Fenwick Fire and Rescue Service</h1><p>Improvement plan</p>"
        "<p>Status as of: 31/08/2024</p>"
        "<p>Current status: Complete</p><p>Item 4: Replace the breathing apparatus sets.</p>"
        "<p>Update: Sets in service.</p><p>Update: Old sets sold.</p>"
        "<p>Current status: Not started</p><p>Item 5: Review the on-call pay model.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    first, second = extract_file(path)
    assert (first.action_ref, first.action, first.status) == (
        "4", "Replace the breathing apparatus sets.", "complete"
    )
    # two updates of one block stay in it: a label met again opens no block with no action
    assert first.progress == "Sets in service. Old sets sold."
    assert (second.action_ref, second.action, second.status, second.progress) == (
        "5", "Review the on-call pay model.", "open", ""
    )
