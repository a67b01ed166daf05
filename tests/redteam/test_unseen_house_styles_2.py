"""A second set of plans written by hand in house styles that neither the samples, the
generator nor test_unseen_house_styles.py make. Each test records a plan read wrongly with no
warning on the misread field (exit 0), or refused although a person reads it at a glance.

Each test builds its document in tmp_path and states by hand what the document prints. Each
was a strict xfail until its misread was fixed, when the mark went.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planwatch.pipeline import extract_file
from tests.conftest import word_plan as plan


def by_ref(rows, ref):
    (row,) = [r for r in rows if r.action_ref == ref and r.entry_no == 1]
    return row


def shaded_plan(path: Path, title_lines, rows, fills, notes=()) -> Path:
    """A Word plan of one table; fills maps (row, column) to a hex shading of that cell."""
    document = Document()
    for i, line in enumerate(title_lines):
        document.add_paragraph(line, style="Title" if i == 0 else None)
    for line in notes:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for (r, c), colour in fills.items():
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), colour)
        table.cell(r, c)._tc.get_or_add_tcPr().append(shading)
    document.save(path)
    return path


def test_a_status_column_headed_position_gives_the_status(tmp_path):
    path = plan(
        tmp_path / "wealdham.docx",
        [
            "Wealdham Constabulary",
            "Response to HMICFRS Cause of Concern: Investigations",
            "Updated 14 February 2024",
        ],
        [
            ["No.", "Action required", "Lead", "Target", "Position"],
            [
                "(i)",
                "Review investigative supervision standards.",
                "DCI Crime",
                "TBC",
                "Not started",
            ],
            [
                "(ii)",
                "Publish an investigation quality dashboard.",
                "DCI Crime",
                "30/06/2024",
                "Achieved",
            ],
            ["(iii)", "Replace the case management system.", "Head of IT", "2025", "Superseded"],
        ],
    )
    rows = extract_file(path)
    assert [(r.action_ref, r.status) for r in rows] == [
        ("(i)", "open"),
        ("(ii)", "complete"),
        ("(iii)", "cancelled"),
    ]


def test_a_column_of_refs_headed_afi_gives_the_action_refs(tmp_path):
    path = plan(
        tmp_path / "dunmere.docx",
        [
            "Dunmere Fire and Rescue Service",
            "HMICFRS Improvement Plan 2023-25",
            "Version 4 – May 2024",
        ],
        [
            ["AFI", "Our planned response", "Who", "When", "Progress", "RAG"],
            [
                "P1",
                "Improve the quality of safe and well visits.",
                "Head of Prevention",
                "Q2 2024/25",
                "12/01/24 – New form drafted.",
                "Green",
            ],
            [
                "P2",
                "Evaluate the youth engagement programme.",
                "Head of Prevention",
                "Q4 2023/24",
                "15/02/24 – Evaluation commissioned.",
                "Red",
            ],
        ],
    )
    rows = extract_file(path)
    assert [r.action_ref for r in rows] == ["P1", "P2"]
    assert by_ref(rows, "P2").action == "Evaluate the youth engagement programme."
    assert not any(r.section_title in ("P1", "P2") for r in rows)


def test_status_shown_by_the_action_cells_shading_follows_the_printed_key(tmp_path):
    path = shaded_plan(
        tmp_path / "borrowdale.docx",
        ["Borrowdale Fire and Rescue Service", "Improvement Plan", "Updated: 1 March 2024"],
        [
            ["Ref", "Action", "Lead", "Due"],
            ["1", "Refresh the operational risk information policy.", "GM Ops", "31/01/2024"],
            ["2", "Roll out mobile data terminals to all appliances.", "GM Ops", "30/06/2024"],
        ],
        {(1, 1): "0070C0", (2, 1): "00B050"},
        notes=[
            "Colour key: blue shading – action complete; green shading – on track;"
            " amber – at risk; red – off track."
        ],
    )
    rows = extract_file(path)
    assert by_ref(rows, "1").status == "complete"
    assert by_ref(rows, "1").overdue is False
    assert by_ref(rows, "2").status == "ongoing"  # green shading: on track
    assert any("0070C0" in w for w in by_ref(rows, "1").warnings)


def test_a_key_table_of_initials_and_posts_resolves_the_leads(tmp_path):
    path = plan(
        tmp_path / "greystone.docx",
        ["Greystone Police", "HMICFRS PEEL 2023 Action Plan", "Updated: 2 April 2024"],
        [
            ["Initials", "Post"],
            ["ACC LP", "Assistant Chief Constable, Local Policing"],
            ["HoPSD", "Head of Professional Standards Department"],
        ],
        [
            ["Ref", "Action", "Owner", "Target", "Status"],
            [
                "1",
                "Improve neighbourhood abstraction monitoring.",
                "ACC LP",
                "Q1 2024/25",
                "Ongoing",
            ],
            [
                "2",
                "Reduce the time taken to finalise misconduct cases.",
                "HoPSD",
                "Q4 2024/25",
                "Ongoing",
            ],
        ],
    )
    rows = extract_file(path)
    assert by_ref(rows, "2").lead_roles == ("Head of Professional Standards Department",)
    assert by_ref(rows, "1").lead_roles == ("Assistant Chief Constable, Local Policing",)


RIBBLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Ribble Valley Police</title></head>"
    "<body><h1>Ribble Valley Police</h1><h2>Our response to HMICFRS recommendations</h2>"
    "<p>Last updated: 4 June 2024</p>"
    "<h3>Recommendation 1</h3><dl>"
    "<dt>Recommendation</dt><dd>The force should improve how it identifies repeat victims of"
    " domestic abuse.</dd>"
    "<dt>Our response</dt><dd>We have introduced a repeat victim flag on our crime system.</dd>"
    "<dt>Status</dt><dd>Complete</dd><dt>Update</dt><dd>Flag live since January 2024.</dd></dl>"
    "<h3>Recommendation 2</h3><dl>"
    "<dt>Recommendation</dt><dd>The force should reduce the backlog of digital forensic"
    " examinations.</dd>"
    "<dt>Our response</dt><dd>We are recruiting six digital forensic investigators.</dd>"
    "<dt>Status</dt><dd>In progress</dd><dt>Update</dt><dd>Four investigators in post.</dd></dl>"
    "</body></html>"
)


def test_labelled_blocks_keep_the_recommendation_text_as_the_section_title(tmp_path):
    path = tmp_path / "ribble.html"
    path.write_text(RIBBLE, encoding="utf-8")
    rows = extract_file(path)
    assert [(r.section_ref, r.status) for r in rows] == [
        ("Recommendation 1", "complete"),
        ("Recommendation 2", "ongoing"),
    ]
    assert rows[0].section_title == (
        "The force should improve how it identifies repeat victims of domestic abuse."
    )


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_labelled_blocks_printed_by_chromium_keep_every_recommendation(tmp_path):
    html = tmp_path / "ribble.html"
    html.write_text(RIBBLE, encoding="utf-8")
    pdf = tmp_path / "ribble.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                shutil.which("chromium"),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                html.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=False,
        )
    rows = extract_file(pdf)
    assert [(r.section_ref, r.status) for r in rows] == [
        ("Recommendation 1", "complete"),
        ("Recommendation 2", "ongoing"),
    ]


def form_plan(path: Path) -> Path:
    """One small form table per action: the labels in the first column, values beside them."""
    document = Document()
    document.add_paragraph("Carrick Police", style="Title")
    document.add_paragraph("PEEL Areas for Improvement – Action Plan")
    document.add_paragraph("As at 31 January 2024")
    for values in [
        (
            "AFI 1",
            "Improve the timeliness of response to emergency calls.",
            "Supt Contact",
            "31/07/2024",
            "In progress",
            "Call handler recruitment complete.",
        ),
        (
            "AFI 2",
            "Make sure victims are updated on their cases.",
            "Ch Insp Victim Care",
            "30/09/2024",
            "Complete",
            "Victim update policy in force.",
        ),
    ]:
        labels = ("Action ref", "Action", "Owner", "Deadline", "Status", "Update")
        table = document.add_table(rows=len(labels), cols=2)
        table.style = "Table Grid"
        for r, (label, value) in enumerate(zip(labels, values, strict=True)):
            table.cell(r, 0).text, table.cell(r, 1).text = label, value
        document.add_paragraph("")
    document.save(path)
    return path


def test_a_form_table_per_action_is_read(tmp_path):
    rows = extract_file(form_plan(tmp_path / "carrick.docx"))
    assert [(r.action_ref, r.status) for r in rows] == [("AFI 1", "ongoing"), ("AFI 2", "complete")]
    assert by_ref(rows, "AFI 1").action == "Improve the timeliness of response to emergency calls."
    assert str(by_ref(rows, "AFI 1").due_end) == "2024-07-31"


ARDEN = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Arden FRS</title></head><body>"
    "<h1>Arden Fire and Rescue Service</h1><h2>HMICFRS Improvement Plan – progress</h2>"
    "<p>Updated: 20 September 2024</p>"
    "<p><strong>Progress RAG:</strong> Amber</p>"
    "<p><strong>Action 1.1:</strong> Improve how we evaluate our prevention work.</p>"
    "<p><strong>Owner:</strong> Head of Prevention</p>"
    "<p><strong>Target completion:</strong> Q3 2024/25</p>"
    "<p><strong>Latest update:</strong> Evaluation framework drafted.</p><hr>"
    "<p><strong>Progress RAG:</strong> Blue</p>"
    "<p><strong>Action 1.2:</strong> Publish a prevention strategy.</p>"
    "<p><strong>Owner:</strong> Head of Prevention</p>"
    "<p><strong>Target completion:</strong> Q1 2024/25</p>"
    "<p><strong>Latest update:</strong> Strategy published in May.</p><hr>"
    "</body></html>"
)


def test_labelled_paragraphs_with_the_ref_in_the_label_are_read(tmp_path):
    path = tmp_path / "arden.html"
    path.write_text(ARDEN, encoding="utf-8")
    rows = extract_file(path)
    assert [r.action for r in rows] == [
        "Improve how we evaluate our prevention work.",
        "Publish a prevention strategy.",
    ]
    assert [str(r.due_end) for r in rows] == ["2024-12-31", "2024-06-30"]
    assert rows[1].status == "complete"
