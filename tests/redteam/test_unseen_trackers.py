"""Excel trackers and web pages written by hand in layouts neither the samples nor the
generator make. Each test records a plan read wrongly with no warning (exit 0): a row lost,
a cell's text read into nothing or into the wrong column.

Each test builds its document in tmp_path and states by hand what the document prints.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from planwatch.pipeline import extract_file, read_file

TITLE = ("Avonford Fire and Rescue Service", "HMICFRS Action Plan", "Updated: March 2023")
AREA = "The service should ensure it allocates enough resources to its inspection programme."


def tracker(path: Path, rows, fills=None, title=TITLE) -> Path:
    """A workbook of one sheet: the title lines, a blank row, then ``rows`` from the
    header down; ``fills`` maps (row, column) of ``rows`` (0-based) to a hex fill."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    for line in title:
        sheet.append([line])
    sheet.append([])
    for row in rows:
        sheet.append(list(row))
    for (r, c), colour in (fills or {}).items():
        cell = sheet.cell(row=len(title) + 2 + r, column=c + 1)
        cell.fill = PatternFill("solid", fgColor=colour)
    book.save(path)
    return path


def page(path: Path, body: str, head: str = "") -> Path:
    """A web page: the title lines as a paragraph, a heading and a paragraph, then ``body``."""
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>HMICFRS Action Plan</title>"
        f"{head}</head><body><p>{TITLE[0]}</p><h1>{TITLE[1]}</h1><p>{TITLE[2]}</p>{body}"
        "</body></html>",
        encoding="utf-8",
    )
    return path


def _html_table(rows) -> str:
    head, *body = rows
    cells = "".join(f"<th>{t}</th>" for t in head)
    lines = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in body)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{lines}</tbody></table>"


AREA_ON_EVERY_ROW = [
    ("Ref", "Area for Improvement", "Action", "Lead", "Target Date", "Progress Update"),
    ("1.1", AREA, "Review the inspection programme", "AM Protection", "Mar 2023",
     "Scoping completed in October."),
    ("", AREA, "", "", "", "Programme approved by SLT in February."),
    ("1.2", AREA, "Develop a workforce plan", "Director of People", "Q4 2022/23", ""),
]  # fmt: skip


def test_a_tracker_printing_the_area_on_every_row_keeps_an_actions_second_entry(tmp_path):
    # the second row repeats the area beside a progress entry, its ref and action empty:
    # the next entry of 1.1, not a row naming the area
    for path in (
        tracker(tmp_path / "area.xlsx", AREA_ON_EVERY_ROW),
        page(tmp_path / "area.html", _html_table(AREA_ON_EVERY_ROW)),
    ):
        rows = extract_file(path)
        assert [(r.action_id, r.entry_no, r.progress) for r in rows] == [
            ("1.1", 1, "Scoping completed in October."),
            ("1.1", 2, "Programme approved by SLT in February."),
            ("1.2", 1, ""),
        ], path.name
        assert {r.section_title for r in rows} == {AREA}


def test_a_block_under_a_section_line_keeps_the_columns_of_the_block_above(tmp_path):
    # the second area's one action has no update yet, so its block ends a column short of
    # the first; its "Complete" target and status make no header of it
    path = tracker(
        tmp_path / "blocks.xlsx",
        [
            ("Ref", "Improvement Action", "Lead Officer", "Target date", "BRAG", "Q3 Update"),
            ("AFI 1: The service should improve how it engages with its community.",),
            ("1.1", "Introduce business continuity arrangements", "AD SCP", "2022-23",
             "Complete", "Workshop held with station managers in January."),
            ("1.2", "Audit the wellbeing support offer", "Head of ICT", "Oct 2022", "Red", ""),
            (),
            ("AFI 2: The service should allocate enough resources to inspection.",),
            ("2.1", "Establish the risk-based inspection programme", "Superintendent",
             "Complete", "Complete"),
        ],
    )  # fmt: skip
    rows = extract_file(path)
    assert [(r.section_ref, r.action_ref, r.lead_raw, r.status) for r in rows] == [
        ("AFI 1", "1.1", "AD SCP", "complete"),
        ("AFI 1", "1.2", "Head of ICT", "open"),
        ("AFI 2", "2.1", "Superintendent", "complete"),
    ]


GREEN, AMBER, BLUE, RED = "00B050", "FFC000", "0070C0", "FF0000"


def test_a_status_told_by_colour_alone_is_read_in_every_block_by_the_legend_below(tmp_path):
    # two blank rows part the tracker; its RAG column holds no text, only colours, which
    # the legend under it names: a swatch beside each meaning
    rows = [
        ("Ref", "Action", "Lead", "Target Date", "RAG"),
        ("1.1", "Review the risk-based inspection programme", "AM Protection", "Mar 2023"),
        ("1.2", "Develop a workforce plan", "Director of People", "Q4 2022/23"),
        (),
        (),
        ("2.1", "Introduce a new appraisal process", "HR Manager", "31/03/2023"),
        ("2.2", "Publish a revised protection policy", "Head of Protection", "Jun 2023"),
        (),
        ("Key:",),
        ("", "Complete"),
        ("", "On track"),
        ("", "Off track"),
    ]
    fills = {(1, 4): GREEN, (2, 4): RED, (5, 4): BLUE, (6, 4): GREEN}
    fills |= {(9, 0): BLUE, (10, 0): GREEN, (11, 0): RED}
    read = read_file(tracker(tmp_path / "rag.xlsx", rows, fills))
    assert [(r.action_ref, r.status) for r in read.actions] == [
        ("1.1", "ongoing"),
        ("1.2", "open"),
        ("2.1", "complete"),
        ("2.2", "ongoing"),
    ]
    assert not [f for f in read.findings if f.kind != "reading_note"]


def test_a_progress_label_beside_a_status_label_gives_the_progress(tmp_path):
    # "Progress" names the status column in some plans and the progress in others: beside
    # a status of its own, or holding no status word, it is the progress
    block = (
        "<h2>AFI 1: The service should allocate enough resources to inspection.</h2>"
        "<p><strong>Action:</strong> Review the inspection programme</p>"
        "<p><strong>Lead:</strong> AM Protection</p><p><strong>Due:</strong> March 2023</p>"
        "<p><strong>Status:</strong> In progress</p>"
        "<p><strong>Progress:</strong> Scoping completed in October.</p>"
        "<h2>AFI 2: The service should plan its workforce.</h2>"
        "<p><strong>Action:</strong> Develop a workforce plan</p>"
        "<p><strong>Progress:</strong> Not started</p>"
    )
    rows = extract_file(page(tmp_path / "labels.html", block))
    assert [(r.section_ref, r.status_raw, r.progress) for r in rows] == [
        ("AFI 1", "In progress", "Scoping completed in October."),
        ("AFI 2", "Not started", ""),
    ]


def test_a_numbered_line_over_an_actions_labels_gives_its_ref(tmp_path):
    block = (
        "<h2>AFI 1: The service should allocate enough resources to inspection.</h2>"
        "<h3>Action 1.1</h3><p>Action: Review the inspection programme</p>"
        "<p>Lead: AM Protection</p><p>Due: March 2023</p>"
        "<h3>Action 1.2</h3><p>Action: Develop a workforce plan</p>"
        "<p>Lead: Director of People</p><p>Due: Q4 2022/23</p>"
    )
    rows = extract_file(page(tmp_path / "numbered.html", block))
    assert [(r.action_id, r.action, r.lead_raw, r.due_raw) for r in rows] == [
        ("1.1", "Review the inspection programme", "AM Protection", "March 2023"),
        ("1.2", "Develop a workforce plan", "Director of People", "Q4 2022/23"),
    ]


def test_labels_the_page_shows_only_on_small_screens_stay_out_of_the_cells(tmp_path):
    # each cell repeats its column's title for phones, hidden by the page's own stylesheet
    # on a wide screen; a note hidden on small screens alone stays in
    label = '<span class="cell-label">{}</span>'
    rows = [("Ref", "Action", "Lead", "Target date")] + [
        tuple(label.format(title) + text for title, text in zip(
            ("Ref", "Action", "Lead", "Target date"), values, strict=True))
        for values in (
            ("1.1", "Review the inspection programme", "AM Protection", "March 2023"),
            ("1.2", 'Develop a workforce plan<span class="wide"> (phase 1)</span>',
             "Director of People", "Q4 2022/23"),
        )
    ]  # fmt: skip
    style = (
        "<style>.cell-label{display:none}.wide{display:none}"
        "@media (max-width: 600px){.cell-label{display:block}}"
        "@media (min-width: 601px){.wide{display:inline}}</style>"
    )
    read = extract_file(page(tmp_path / "labels.html", _html_table(rows), head=style))
    assert [(r.action_ref, r.action, r.lead_raw, r.due_raw) for r in read] == [
        ("1.1", "Review the inspection programme", "AM Protection", "March 2023"),
        ("1.2", "Develop a workforce plan (phase 1)", "Director of People", "Q4 2022/23"),
    ]


def test_an_areas_title_in_the_first_cell_under_the_header_names_the_section(tmp_path):
    # the action column comes first, and each area's title stands in its first cell alone,
    # unmerged, running on over the empty cells beside it
    path = tracker(
        tmp_path / "titles.xlsx",
        [
            ("Action", "Lead", "Target Date", "Status"),
            ("AFI 1: The service should allocate enough resources to inspection.",),
            ("Review the inspection programme", "AM Protection", "Mar 2023", "In progress"),
            ("Develop a workforce plan", "Director of People", "Q4 2022/23", "Not started"),
            ("AFI 2: The service should plan its workforce.",),
            ("Introduce a new appraisal process", "HR Manager", "31/03/2023", "Complete"),
        ],
    )
    rows = extract_file(path)
    assert [(r.section_ref, r.section_title, r.action) for r in rows] == [
        ("AFI 1", "The service should allocate enough resources to inspection.",
         "Review the inspection programme"),
        ("AFI 1", "The service should allocate enough resources to inspection.",
         "Develop a workforce plan"),
        ("AFI 2", "The service should plan its workforce.", "Introduce a new appraisal process"),
    ]  # fmt: skip


def test_a_status_shown_as_an_icon_is_read_from_its_alt_text(tmp_path):
    icon = "<img src='rag-{0}.png' alt='{1}'>"
    rows = [
        ("Ref", "Action", "Owner", "Deadline", "Status"),
        ("1.1", "Review the inspection programme", "AM Protection", "Mar 2023",
         icon.format("blue", "Complete")),
        ("1.2", "Develop a workforce plan", "Director of People", "Q4 2022/23",
         icon.format("amber", "On track")),
    ]  # fmt: skip
    read = extract_file(page(tmp_path / "icons.html", _html_table(rows)))
    assert [(r.action_ref, r.status_raw, r.status) for r in read] == [
        ("1.1", "Complete", "complete"),
        ("1.2", "On track", "ongoing"),
    ]


def test_a_key_sheet_saying_what_each_status_means_gives_no_actions(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    for row in (
        ("Ref", "Action", "Lead Officer", "Target Date", "Status"),
        ("1.1", "Review the inspection programme", "AM Protection", "Mar 2023", "Complete"),
        ("1.2", "Develop a workforce plan", "Director of People", "Q4 2022/23", "On track"),
    ):
        sheet.append(row)
    key = book.create_sheet("Key")
    for row in (
        ("Status", "Meaning"),
        ("Complete", "Action finished and evidence provided"),
        ("On track", "Progressing to plan"),
        ("Not started", "Work not yet begun"),
    ):
        key.append(row)
    book.save(tmp_path / "key.xlsx")
    rows = extract_file(tmp_path / "key.xlsx")
    assert [(r.action_ref, r.action, r.status) for r in rows] == [
        ("1.1", "Review the inspection programme", "complete"),
        ("1.2", "Develop a workforce plan", "ongoing"),
    ]


def test_a_ref_of_two_levels_typed_at_the_start_of_the_action_is_its_ref(tmp_path):
    rows = [
        ("Action", "Lead", "Target Date", "Status"),
        ("1.1 Review the inspection programme", "AM Protection", "Mar 2023", "Complete"),
        ("1.2 Develop a workforce plan", "Director of People", "Q4 2022/23", "In progress"),
        ("1.10 Introduce a new appraisal process", "HR Manager", "31/03/2023", "Not started"),
    ]
    read = extract_file(tracker(tmp_path / "refs.xlsx", rows))
    assert [(r.action_id, r.action) for r in read] == [
        ("1.1", "Review the inspection programme"),
        ("1.2", "Develop a workforce plan"),
        ("1.10", "Introduce a new appraisal process"),
    ]
