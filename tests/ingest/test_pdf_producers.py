"""The PDF reader on plans drawn the way producers other than LibreOffice draw them.

The files come from ``pdf_producers/make_producers.py`` (reportlab and matplotlib); what
each should read as is written out here by hand from what that script puts in.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest

from planwatch.ingest import read_document
from planwatch.model import Document, Paragraph, Table
from planwatch.normalise.fills import is_grey
from planwatch.pipeline import extract_file

HERE = Path(__file__).parent / "pdf_producers"

HEADER = ("Ref", "Action", "Lead", "Target date", "Status")
SHORT_PLAN = [
    HEADER,
    (
        "1.1",
        "Review the fire safety audit programme for high-rise premises and publish the results",
        "GC Protection",
        "Mar 2021",
        "Complete",
    ),
    (
        "1.2",
        "Train all on-call crews in water rescue before the flood season",
        "AM Response",
        "Q4 2021/2022",
        "Ongoing",
    ),
    ("1.3", "Replace the station fleet and/or equipment plan", "Head of Fleet", "30.09.21", "Open"),
]
LONG_PLAN = [
    HEADER,
    (
        "2.1",
        "Carry out a review of the on-call duty system, including the pay model, the "
        "availability targets for each station and the way crews book on and off duty",
        "AM Response",
        "Mar 2021",
        "Complete",
    ),
    (
        "2.2",
        "Introduce a new performance management framework so that every manager reviews the "
        "objectives of each member of staff twice a year and records the outcome",
        "Head of HR",
        "Jun 2021",
        "Ongoing",
    ),
    ("2.3", "Publish the workforce plan", "Head of HR", "Sep 2021", "Open"),
    (
        "2.4",
        "Develop a coaching and mentoring scheme open to all staff, with trained mentors in "
        "every district, a published guide and a yearly report to the Senior Leadership Board "
        "on how many staff have taken part, what they thought of it and what will change next "
        "year as a result; the scheme will be evaluated by an outside body after its first full "
        "year and the evaluation will be shared with the representative bodies and all staff "
        "through the intranet",
        "GC Training",
        "Q4 2021/2022",
        "Ongoing",
    ),
    (
        "2.5",
        "Review the equality impact assessments of all workforce policies",
        "Head of HR",
        "Dec 2021",
        "Open",
    ),
    (
        "2.6",
        "Set up a staff survey every year and publish an action plan in response to the "
        "results, agreed with the representative bodies",
        "Head of HR",
        "Mar 2022",
        "Open",
    ),
    (
        "2.7",
        "Make sure that fitness assessments are recorded for all operational staff and that "
        "support is offered to those who do not meet the standard",
        "GC Training",
        "30.09.21",
        "Complete",
    ),
    (
        "2.8",
        "Improve the recording of training for on-call staff by moving every station onto the "
        "new training records system",
        "GC Training",
        "Q3 2021/2022",
        "Ongoing",
    ),
]
NAVY, GREY, TINT, STRIPE = "1F3864", "D9D9D9", "DCE6F1", "E7EEF8"


@functools.cache
def _read(name: str) -> Document:
    return read_document(HERE / f"{name}.pdf")


def _only_table(name: str) -> Table:
    (table,) = [b for b in _read(name).blocks if isinstance(b, Table)]
    return table


@pytest.mark.parametrize(
    "name",
    [
        "stroked_lines",  # every rule one stroked line (Microsoft Print to PDF)
        "cell_boxes",  # each cell its own stroked box, shared edges twice (Google Docs)
        "one_path",  # the whole grid one stroked path of many pieces (browser PDF engines)
        "tiles",  # each cell a tinted tile, white gaps between, no rules (cell spacing)
        "thick_frame",  # a 3 pt frame and 0.5 pt inner rules, as filled boxes (Word)
        "rules_across_only",  # rules between rows only (Word's "Plain Table" styles)
        "word_per_word",  # one text object per word, spaces left as gaps
        "word_per_glyph",  # one text object per glyph, kerned
        "narrow_gaps",  # words 0.22 em apart, no space glyph (Calibri's space)
        "rotated",  # landscape as a portrait page turned by /Rotate 90
        "rotated_270",  # and by /Rotate 270, each line drawn twice 0.4 pt apart (fake bold)
        "zebra",  # filled rows under stroked rules, white on navy header
        "fills_only",  # the same fills with no rules at all
        "platypus_zebra",  # a reporting tool's grid with striped rows
        "page_border",  # a stroked page border round the text and the table
    ],
)
def test_each_cell_reads_as_written(name: str) -> None:
    table = _only_table(name)
    assert [r.texts for r in table.rows] == SHORT_PLAN
    paragraphs = [b.text for b in _read(name).blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["Hereford & Worcester FRS Improvement Plan"]


@pytest.mark.parametrize(
    ("name", "fills"),
    [
        ("zebra", [NAVY, GREY, TINT, None]),
        ("fills_only", [NAVY, GREY, TINT, None]),
        ("platypus_zebra", [NAVY, None, STRIPE, None]),
        ("matplotlib", [None, GREY, None, None]),
    ],
)
def test_row_fills_reach_every_cell(name: str, fills: list[str | None]) -> None:
    rows = _only_table(name).rows
    assert [{c.fill for c in r.cells} for r in rows] == [{f} for f in fills]
    assert [is_grey(r.cells[0].fill) for r in rows] == [f == GREY for f in fills]


def test_a_row_spanning_every_column_reads_once() -> None:
    rows = _only_table("spans").rows
    area = rows[0].cells
    assert area[0].text == (
        "Area for improvement 1: The service should make sure it audits high-risk premises"
    )
    assert (area[0].col_span, [c.merged for c in area]) == (5, [False, True, True, True, True])
    assert [r.texts for r in rows[1:]] == SHORT_PLAN


def test_cells_spanning_rows_stay_whole_where_their_side_rules_are_drawn_row_by_row() -> None:
    # the action, lead and ref span two progress rows; their side rules end, unclosed,
    # at the second progress row, and the action's text runs on below that line
    rows = _only_table("row_span_pieces").rows
    assert [r.texts for r in rows] == [
        ("Ref", "Action", "Lead", "Status", "Update"),
        ("1", "Review the demand strategy", "Supt Contact", "Amber", "Strategy drafted"),
        ("2", "Introduce a call-back service for non-emergency calls", "Ch Insp Control",
         "Green", "Pilot live in the north"),
        ("", "", "", "Green", "Pilot extended to the whole force"),
    ]  # fmt: skip
    assert [c.merged for c in rows[3].cells] == [True, True, True, False, False]
    read = extract_file(HERE / "row_span_pieces.pdf")
    entries = [(a.action_id, a.entry_no, a.action) for a in read]
    assert entries[1:] == [
        ("2", 1, "Introduce a call-back service for non-emergency calls"),
        ("2", 2, "Introduce a call-back service for non-emergency calls"),
    ]


def test_a_cell_moved_whole_to_the_next_page_joins_its_row() -> None:
    # the action of ref 3 did not fit at the page foot and stands alone on page 2, in a
    # row empty where its row on page 1 has text; the ref's box is open at the foot
    rows = _only_table("moved_cell").rows
    assert [(r.page, r.texts) for r in rows] == [
        (1, ("Ref", "Action", "Lead", "Target date", "Status")),
        (1, ("1", "Review the fleet plan", "Head of Fleet", "Mar 2021", "Green")),
        (1, ("3", "Improve the quality of victim needs assessments", "DCI Public Protection",
             "31/01/2023", "Green")),
        (2, ("", "Check that victims are updated", "DCI Public Protection", "31/03/2023",
             "Red")),
    ]  # fmt: skip
    assert rows[3].cells[0].merged  # the ref spans both actions


def test_a_totals_row_under_an_action_s_last_row_stays_a_row_of_its_own() -> None:
    # the action's last words stand in a row of their own down to the page foot; the
    # totals row on page 2 fills only cells that row leaves empty, one line each: a row
    # of its own, not cells moved whole (they would have fitted beside the action's words)
    rows = _only_table("totals_after_own_row").rows
    assert [(r.page, r.texts) for r in rows[1:]] == [
        (1, ("2.3", "Train all station-based crews to", "Head of Protection", "Dec 2021",
             "Open")),
        (1, ("", "deliver safe and well visits every quarter.", "", "", "")),
        (2, ("Total actions: 1", "", "Complete: 0", "", "")),
    ]  # fmt: skip
    read = extract_file(HERE / "totals_after_own_row.pdf")
    assert [(a.action_id, a.action) for a in read] == [
        ("2.3", "Train all station-based crews to deliver safe and well visits every quarter."),
    ]


def test_a_form_at_the_head_of_a_page_is_a_form_of_its_own() -> None:
    # three forms of the same two columns, the third at the head of page 2: it starts
    # with the first label again, so it does not go on the form at the foot of page 1
    tables = [b for b in _read("forms_over_break").blocks if isinstance(b, Table)]
    assert [[r.texts[1] for r in t.rows][:2] for t in tables] == [
        ["1.1", "Review the fleet plan"],
        ["1.2", "Train all crews in water rescue"],
        ["1.3", "Publish the workforce plan"],
    ]
    read = extract_file(HERE / "forms_over_break.pdf")
    assert [(a.action_id, a.action, a.lead_raw, a.due_raw, a.status) for a in read] == [
        ("1.1", "Review the fleet plan", "Head of Fleet", "Mar 2021", "complete"),
        ("1.2", "Train all crews in water rescue", "AM Response", "Jun 2021", "ongoing"),
        ("1.3", "Publish the workforce plan", "Head of HR", "Sep 2021", "open"),
    ]


def test_a_form_value_cut_between_its_paragraphs_by_a_page_goes_on_under_its_label() -> None:
    # the second form's lead is two paragraphs, 'DCFO' ending page 1 and 'ACO(F)' heading
    # page 2 in a row whose label cell is empty: still the lead of that form's action
    read = extract_file(HERE / "form_value_over_break.pdf")
    assert [(a.action_id, a.action, a.lead_raw, a.due_raw, a.status) for a in read] == [
        ("1.1", "Review the fleet plan", "Head of Fleet", "Mar 2021", "complete"),
        ("1.2", "Train all crews in water rescue", "DCFO ACO(F)", "Jun 2021", "ongoing"),
        ("1.3", "Publish the workforce plan", "Head of HR", "Sep 2021", "open"),
    ]
    assert all(a.warnings == () for a in read)


def test_a_form_heading_a_page_after_a_key_of_its_columns_is_a_form_of_its_own() -> None:
    # a key of two columns, drawn to the forms' columns, ends page 1; page 2 opens with a
    # form whose labels run down its first column as the forms before the key do
    read = extract_file(HERE / "form_after_key.pdf")
    assert [(a.action_id, a.lead_raw, a.source_page) for a in read] == [
        ("1.1", "Head of Fleet", 1),
        ("1.2", "AM Response", 1),
        ("1.3", "Head of HR", 2),
    ]


def test_a_table_at_the_head_of_a_page_under_its_own_header_is_a_table_of_its_own() -> None:
    # the table at the foot of page 1 has no header (it goes on the one above it); page 2
    # starts with the header printed over the first table: a new table, not more rows
    tables = [b for b in _read("tables_over_break").blocks if isinstance(b, Table)]
    assert [[(r.page, r.texts[0]) for r in t.rows] for t in tables] == [
        [(1, "Ref"), (1, "1.1")],
        [(1, "1.2")],
        [(2, "Ref"), (2, "2.1")],
    ]
    read = extract_file(HERE / "tables_over_break.pdf")
    assert [(a.action_id, a.action) for a in read] == [
        ("1.1", "Review the fleet plan"),
        ("1.2", "Train all crews in water rescue"),
        ("2.1", "Publish the workforce plan"),
    ]


def test_an_action_spanning_its_entries_cut_by_a_page_break_keeps_both_entries() -> None:
    # 1.1's action spans its two progress entries; the break falls after the first: the
    # action's rest and the second entry's progress open page 2. The table shows its
    # actions span rows (2.1), and the progress at the foot ended its paragraph, so the
    # row on page 2 is the second entry, not the first one's rest; the reading says so
    document = _read("span_over_break")
    read = extract_file(HERE / "span_over_break.pdf")
    action = "Deliver refresher training in crime recording standards to all investigators"
    assert [(a.action_id, a.entry_no, a.action, a.progress) for a in read] == [
        ("1.1", 1, action, "Monthly audits held."),
        ("1.1", 2, action, "Funding has been secured."),
        ("2.1", 1, "Publish the workforce plan", "Draft agreed."),
        ("2.1", 2, "Publish the workforce plan", "Plan published."),
    ]
    assert [note.split(";")[0] for note in document.notes] == [
        "page 2: the first row of a table read as a new row beside column 2's cell running on"
        " from page 1 (cells of that column span rows elsewhere)"
    ]


def test_a_cell_merged_down_from_a_table_s_last_row_on_a_page_runs_on_beside_a_new_row() -> None:
    # the area's cell opens in the table's only row on page 1 and is cut there (a marked
    # wrap); beside its rest on page 2 every other cell opens a text of its own under one
    # that ended its paragraph: a new row under the area merged down, no rest of the first
    document = _read("span_opening_at_foot")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    area = "Area 4: The service should assure itself that its workforce plan meets its needs."
    assert [(r.page, r.texts, r.cells[0].row_span) for r in table.rows[1:]] == [
        (1, (area, "Train all crews to deliver safe visits.", "Q4 2022/23", "Supt North"), 2),
        (2, ("", "Evaluate the outcomes of visits.", "Q1 2023/24", "AM Response"), 1),
    ]
    assert document.notes == (
        "page 2: the first row of a table read as a new row beside column 1's cell running on"
        " from page 1 (the cells beside it open texts of their own); it may be the rest of"
        " the row above",
    )


def test_a_new_ref_at_the_head_of_a_page_ends_the_action_spanning_rows_above() -> None:
    # ref 1 and its action span both entries down to the foot of page 1; the action's
    # last line leaves no room for "Evaluate", yet ref 2 opens page 2 beside it: the
    # action there is ref 2's, not the rest of ref 1's
    read = extract_file(HERE / "group_at_foot.pdf")
    first = "Deliver refresher training in crime recording standards."
    assert [(a.action_id, a.entry_no, a.action, a.progress) for a in read] == [
        ("1", 1, first, "Audits held."),
        ("1", 2, first, "Funding secured."),
        ("2", 1, "Evaluate the outcomes of visits.", "Scoping done."),
    ]


def test_a_one_line_ref_flush_with_its_narrow_column_does_not_join_the_next_row() -> None:
    # "3.12" fills its column to the edge, so no wrap space fits after it; it is one
    # line, and every other cell of its row ended there: 3.13 on page 2 is a row of its own
    read = extract_file(HERE / "flush_ref_at_foot.pdf")
    assert [(a.action_id, a.action, a.due_raw) for a in read] == [
        ("3.11", "Publish a prevention communications plan", "30.11.21"),
        ("3.12", "Assure home safety visits", "31.12.21"),
        ("3.13", "Review the referral system", "30.11.21"),
    ]


def test_a_ref_broken_over_lines_flush_with_its_column_does_not_join_the_next_row() -> None:
    # "3." over "12" fills the ref column to its edge, so no wrap space fits after it; one
    # word broken for want of room is as likely whole as one line: every other cell of
    # its row ended its text there, so 3.13 on page 2 is a row of its own
    read = extract_file(HERE / "broken_ref_at_foot.pdf")
    assert [(a.action_id, a.action, a.due_raw) for a in read] == [
        ("3.11", "Publish a prevention communications plan", "30.11.21"),
        ("3.12", "Assure the home fire safety visits", "31.12.21"),
        ("3.13", "Review the referral system", "30.11.21"),
    ]


def test_a_cell_moved_whole_beside_a_cut_cell_s_rest_joins_its_row() -> None:
    # the action at the foot of page 1 is cut, its target date moved whole to page 2
    # (its first lines did not fit): both stand in page 2's first row, which is the rest
    read = extract_file(HERE / "moved_beside_cut.pdf")
    assert [(a.action_id, a.action, a.due_raw, a.status_raw) for a in read] == [
        ("1.3", "Evaluate the model.", "Mar 2023", "Open"),
        ("1.4", "Share referrals of vulnerable people with the county council in real time.",
         "second half of 2022/23", "On track"),
        ("1.5", "Publish the results.", "Jun 2023", "Open"),
    ]  # fmt: skip


def test_one_line_rows_either_side_of_a_page_break_stay_apart() -> None:
    # no wrap marks: "DCC" and "Deputy Chief Constable" each leave too little room for the
    # next page's first word, but a paragraph cut by a page break keeps two lines on one
    # side at least (orphan and widow control), so one line each side is no cut
    rows = _only_table("one_line_rows_at_foot").rows
    assert [(r.page, r.texts) for r in rows if not r.header] == [
        (1, ("ACC", "Assistant Chief Constable")),
        (1, ("DCC", "Deputy Chief Constable")),
        (2, ("Supt", "Superintendent, Force Contact")),
        (2, ("DI", "Detective Inspector")),
    ]


def test_a_bold_section_title_at_the_head_of_a_page_does_not_finish_the_totals_above() -> None:
    # "Total actions: 1" is flush with its cell's edge at the foot of page 1, as a cut
    # line would be; page 2 opens, under the repeated header, with the next section's
    # title in bold in that column: a row of its own, so the totals stay totals
    read = extract_file(HERE / "section_after_totals.pdf")
    assert [(a.action_id, a.entry_no, a.section_title, a.action, a.status_raw) for a in read] == [
        ("1.1", 1, "Investigating crime", "Publish a prevention communications plan", "Open"),
        ("2.1", 1, "Protecting vulnerable people", "Review the referral system", "Open"),
    ]


def test_a_bold_title_alone_at_a_page_head_opens_its_section() -> None:
    # page 1 ends on an entry whose ref and action cells are empty; page 2 opens with the
    # next section's title alone in the ref column, all in bold, as the table prints its
    # other titles: no ref cell moved whole to the next page
    read = extract_file(HERE / "title_under_entry.pdf")
    assert [(a.action_id, a.entry_no, a.section_title, a.progress) for a in read] == [
        ("2.1", 1, "Crime data integrity", "Audits in place."),
        ("2.1", 2, "Crime data integrity", "Evaluation report due to be presented to the board."),
        ("3.1", 1, "Responding to the public", "Scoping complete."),
    ]


def test_with_no_wrap_marks_a_full_last_line_at_the_foot_is_no_span_cut_over_the_page() -> None:
    # the table's actions span rows ("Publish the plan" over two entries), and the last
    # action at the foot ends on a line too full for "Building": with no wrap mark to
    # prove it cut, page 2's first row is the next action, not that one's rest
    read = extract_file(HERE / "action_after_span.pdf")
    assert [(a.action_id, a.entry_no, a.action, a.progress) for a in read] == [
        ("1", 1, "Publish the plan", "Draft agreed."),
        ("1", 2, "Publish the plan", "Plan published."),
        ("2", 1, "Formalise independent scrutiny of promotion", "Terms agreed."),
        ("3", 1, "Building a toolkit", "Toolkit ready."),
    ]


def test_an_area_cell_cut_by_a_page_break_keeps_its_rest() -> None:
    # the area spans its row and both actions; its last lines stand in its column of
    # page 2's first row, beside that row's own ref and action
    rows = _only_table("area_over_break").rows
    area = "The force should make sure it has enough trained detectives to investigate crime"
    assert [(r.page, r.texts) for r in rows[1:]] == [
        (1, ("2", area, "", "")),
        (1, ("2.1", "", "Hire detectives", "Det Supt Crime")),
        (2, ("2.2", "", "Offer retention payments", "Head of HR")),
    ]
    assert [r.cells[1].merged for r in rows[2:]] == [True, True]


def test_an_area_cell_and_the_row_beside_it_cut_by_one_page_break() -> None:
    # page 2's first row holds the area's last lines and the rest of action 2.1
    rows = _only_table("area_and_row_over_break").rows
    area = "The force should make sure it has enough trained detectives to investigate crime"
    hire = "Hire detectives for every team in the force, as the workforce plan sets out"
    assert [(r.page, r.texts) for r in rows[1:]] == [
        (1, ("2", area, "", "")),
        (1, ("2.1", "", hire, "Det Supt Crime")),
        (2, ("2.2", "", "Offer retention payments", "Head of HR")),
    ]


def test_a_cell_line_drawn_below_the_table_is_read_back_into_its_cell_with_a_note() -> None:
    # the area's last line stands just under the bottom rule, in its column; the review
    # date further down stays a paragraph
    document = _read("text_below_table")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    area = "The force should make sure it has enough trained detectives to investigate crime"
    assert [r.texts for r in table.rows[1:]] == [
        ("2", area, "", ""),
        ("2.1", "", "Hire detectives", "Det Supt Crime"),
    ]
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [
        "Next review: March 2024"
    ]
    assert [n for n in document.notes if "drawn under a table" in n] == [
        "page 1: 'investigate crime' drawn under a table, in the column of a cell its text"
        " fills to the foot, read as that cell's last line"
    ]


def test_a_cell_line_drawn_across_the_bottom_rule_at_a_page_foot_stays_in_its_cell() -> None:
    # the cut row's box ends through a line of its action, and the next line stands under
    # it; the action's rest heads page 2 under the repeated header: one action, whole
    read = extract_file(HERE / "text_across_foot.pdf")
    assert [(a.action_ref, a.action) for a in read] == [
        ("1.1", "Publish the plan"),
        (
            "1.2",
            "Review the risk-based inspection programme against the community risk profile"
            " and report the results to the fire authority",
        ),
        ("1.3", "Train every crew"),
    ]


def test_text_drawn_over_other_text_is_reported_and_bold_by_overprinting_is_not() -> None:
    # "investigators." drawn over "This action carries forward": neither can be read back
    # (y: the run's foot from the page's top, 595 - 506 pt to the baseline, and its descent)
    notes = [n for n in _read("text_over_text").notes if "drawn over other text" in n]
    assert notes == [
        "page 1: text drawn over other text at x 100, y 91 ('This action carries' and"
        " 'investigators.'); what is read there may be garbled"
    ]
    assert not [n for n in _read("rotated_270").notes if "drawn over other text" in n]


def test_a_span_ending_a_sentence_at_the_foot_is_not_carried_on_and_that_is_noted() -> None:
    # the area's cell spans its actions to the foot of page 1 and ends "emergency calls.",
    # a line too full for the next word; page 2 opens with "Total actions: 2" in its column.
    # With no wrap marks the rest of a cut area and a cell of its own look alike: a text
    # opening a sentence after one ended is read as a cell of its own, and that is reported
    read = extract_file(HERE / "totals_under_area.pdf")
    area = "The force should improve how it answers emergency calls."
    assert [(a.action_ref, a.section_ref, a.section_title, a.action) for a in read] == [
        ("2.1", "AFI2", area, "Answer 999 calls sooner"),
        ("2.2", "AFI2", area, "Staff the call centre"),
    ]
    notes = [n for n in _read("totals_under_area").notes if "ends a sentence" in n]
    assert notes == [
        "page 2: 'Total actions: 2' read as a cell of its own under column 1's cell spanning"
        " rows from page 1, whose text ends a sentence there; it may be that cell's rest"
    ]


def test_a_span_showing_only_its_bold_head_at_the_foot_goes_on_over_the_page() -> None:
    # the action's cell, merged over its two entries, holds only its bold head at the foot
    # of page 1, with room to spare; its text heads page 2 beside the rest of the second
    # entry's comment: no cell ends on its bold head, so both run on
    read = extract_file(HERE / "bold_head_at_foot.pdf")
    assert [(a.action_id, a.entry_no, a.section_title, a.action, a.progress) for a in read] == [
        ("Recommendation 3/1", 1, "Protecting people", "Review the inspection plan.",
         "Scoping complete."),
        ("Recommendation 3/1", 2, "Protecting people", "Review the inspection plan.",
         "Evaluation report due to be presented to the board."),
        ("Recommendation 3/2", 1, "Protecting people", "Train every crew.", "Not started."),
    ]  # fmt: skip


def test_centred_lines_join_with_spaces() -> None:
    # "courses" centred over "booked" stops short of the cell edge by design
    rows = _only_table("centred").rows
    assert [r.texts[3:] for r in rows[1:]] == [
        ("Mar 2021", "Complete (staff identified and courses booked)"),
        ("Q4 2021/2022", "Deferred to 2022/23"),
    ]


def test_a_word_flush_with_the_cell_edge_is_told_from_a_broken_word() -> None:
    # no wrap marks, and each first part fills its line: "registered" and "sex" are two
    # words that make none, "Recomm" + "endations" a piece that is no word; "every" +
    # "one" also make one word, so that reading is named as a guess
    document = _read("flush_words")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [r.texts[1:3] for r in table.rows[1:]] == [
        ("Manage registered sex offenders", "DCI"),
        ("Recommendations agreed", "Supt"),
        ("Audit", "Sent to everyone"),
    ]
    assert [n for n in document.notes if "broken at a line end" in n] == [
        "page 1: 'every' + 'one' read as one word broken at a line end; the first part"
        " fills its line, so it may be a word of its own wrapped at a space"
    ]


def test_a_word_filling_its_line_before_a_wrap_at_a_space_keeps_the_space() -> None:
    # no wrap marks, and each first word fills its line: "Outcomes" is a word the word list
    # sees less often, "station-based" ends in a word, "appointed;" ends a clause, and
    # "programme" (broken in turn, "program" + "me") is the British spelling of a word,
    # "audits" the plural of one
    rows = _only_table("flush_pairs").rows
    assert rows[1].texts[1:] == (
        "Outcomes of targeted visits",
        "station-based crews",
        "appointed; recruitment",
        "inspection programme",
        "protection audits",
    )


def test_a_word_broken_at_the_page_foot_joins_its_rest_on_the_next_page() -> None:
    # every area's "Recommendation" breaks after "Recomme"; area 3 is cut by the page
    # break right there, its "Recomme" alone at the foot, "ndation 3: ..." over the page
    rows = _only_table("broken_at_foot").rows
    assert [(r.page, r.texts[0]) for r in rows[1:]] == [
        (1, "Recommendation 1: Audit high-risk premises"),
        (1, "Recommendation 2: Train on-call crews"),
        (1, "Recommendation 3: Replace the fleet plan"),
        (2, "Recommendation 4: Publish the survey"),
    ]
    assert rows[3].texts[1] == "Replace the station fleet and equipment plan with a new one"


def test_a_word_ending_the_page_keeps_its_space_before_a_word_broken_over_lines() -> None:
    # "inspection" fills the last line at the foot of page 1 and page 2 opens with
    # "programm" | "e": the word on the next page is "programme", a word, so the break at
    # the foot was a wrap at a space, not one word broken for want of room
    (_, cut) = extract_file(HERE / "broken_after_foot.pdf")
    action = "Review the risk-based inspection programme against the community risk profile."
    assert (cut.action_ref, cut.action, cut.lead_raw) == ("1.2", action, "AM Resp")


def test_a_row_cut_with_a_line_moved_over_by_widow_control_joins_its_rest() -> None:
    # the action's part on page 1 ends 22 pt above its cell's foot, two lines over the page
    rows = _only_table("widow_at_foot").rows
    assert [(r.page, r.texts) for r in rows[1:]] == [
        (1, ("1", "Review the fleet plan", "Head of Fleet")),
        (1, ("2", "Introduce a risk-based targeting model for home fire safety checks using"
             " partner data and the latest incident figures for every district",
             "GC Protection")),
        (2, ("3", "Publish the survey", "Head of HR")),
    ]  # fmt: skip


def test_a_word_broken_though_the_padding_says_it_fits_joins() -> None:
    # the producer's text area ends 0.4 pt inside the edge the left padding implies, so
    # "Completed" was broken with 0.3 pt to spare by that edge
    rows = _only_table("inner_edge").rows
    assert [r.texts[4] for r in rows[1:]] == ["Completed"] * 3


def test_matplotlib_table_reads_its_short_cells() -> None:
    assert [r.texts for r in _only_table("matplotlib").rows] == [
        HEADER,
        ("1.1", "Review the fire safety audit", "GC Protection", "Mar 2021", "Complete"),
        ("1.2", "Train crews in water rescue", "AM Response", "Q4 2021/2022", "Ongoing"),
        ("1.3", "Replace the fleet plan", "Head of Fleet", "30.09.21", "Open"),
    ]


def test_ligature_glyphs_read_as_their_letters() -> None:
    assert [r.texts[1] for r in _only_table("ligatures").rows[1:]] == [
        "Review the fire safety audit programme",  # "ﬁ"
        "Train crews in flood and water rescue",  # "ﬂ"
        "Publish the office fitness flow chart",  # "ﬃ", "ﬁ", "ﬂ"
    ]


def test_superscript_ordinals_stay_in_their_line() -> None:
    rows = _only_table("ordinals").rows[1:]
    assert [r.texts[3] for r in rows] == [
        "31st March 2021",
        "22nd June 2021",
        "30th September 2021",
    ]
    assert rows[1].texts[1] == "Report to the 2nd Fire Authority meeting"


@pytest.mark.parametrize(
    ("name", "repeated", "pages"),
    [
        # rows kept whole: 2.7 moves to page 2, under the header again or not
        ("repeat_header", True, [1] * 7 + [2] * 2),
        ("no_repeat_header", False, [1] * 7 + [2] * 2),
        # 2.7 cut at the foot of page 1, its row left open there (reportlab), no wrap space
        ("cut_rows", True, [1] * 8 + [2]),
        ("cut_rows_no_header", False, [1] * 8 + [2]),
        # the running head a ruled table of its own: title | "Page 1 of 2"
        ("head_table", False, [1] * 8 + [2]),
        # no rules at all, so the table is found from its columns on each page
        ("borderless_long", True, [1] * 7 + [2] * 2),
        ("borderless_cut", False, [1] * 8 + [2]),
    ],
)
def test_table_over_pages_keeps_each_row_once(name: str, repeated: bool, pages: list[int]) -> None:
    table = _only_table(name)
    assert [r.texts for r in table.rows] == LONG_PLAN
    assert [r.page for r in table.rows] == pages
    assert [r.header for r in table.rows] == [repeated] + [False] * 8
    # the running head and "Page 1 of 2" at the foot of each page are dropped
    assert not [b for b in _read(name).blocks if isinstance(b, Paragraph)]


def test_a_new_row_after_a_full_one_line_row_stays_a_row() -> None:
    # no wrap spaces: "programme" ends its line with no room for "Establishing"
    rows = _only_table("full_line_at_foot").rows
    assert [(r.page, r.texts[0], r.texts[1]) for r in rows[3:]] == [
        (1, "1.3", "Publish the fleet replacement programme"),
        (2, "1.4", "Establishing a joint control room with Shropshire"),
    ]


@pytest.mark.parametrize("name", ["stroked_lines", "thick_frame", "word_per_glyph", "rotated"])
def test_actions_come_out_of_the_short_plan(name: str) -> None:
    actions = extract_file(HERE / f"{name}.pdf")
    assert [(a.action_ref, a.lead_raw, a.due_start, a.status) for a in actions] == [
        ("1.1", "GC Protection", date(2021, 3, 1), "complete"),
        ("1.2", "AM Response", date(2022, 1, 1), "ongoing"),
        ("1.3", "Head of Fleet", date(2021, 9, 30), "open"),
    ]
    assert actions[2].action == "Replace the station fleet and/or equipment plan"


@pytest.mark.parametrize("name", ["cut_rows", "cut_rows_no_header", "head_table", "borderless_cut"])
def test_actions_come_out_of_the_long_plan_once(name: str) -> None:
    actions = extract_file(HERE / f"{name}.pdf")
    assert [a.action_ref for a in actions] == [f"2.{n}" for n in range(1, 9)]
    cut = actions[6]  # 2.7, cut at the foot of page 1
    assert cut.action == LONG_PLAN[7][1]
    assert (cut.lead_raw, cut.due_raw, cut.status, cut.source_page) == (
        "GC Training",
        "30.09.21",
        "complete",
        1,
    )


def test_zebra_grey_row_is_the_greyed_action() -> None:
    actions = extract_file(HERE / "zebra.pdf")
    assert [(a.action_ref, a.greyed) for a in actions] == [
        ("1.1", True),
        ("1.2", False),
        ("1.3", False),
    ]


@pytest.mark.xfail(
    strict=True,
    reason="no wrap marks: a cell cut between two paragraphs looks like a new row's cell, and "
    "a row joins the one above only if every cell it fills ran on (else a one-line row with a "
    "full action line swallows the next row; see full_line_at_foot)",
)
def test_a_row_cut_between_paragraphs_of_one_cell_reads_once() -> None:
    rows = _only_table("paragraph_cut").rows
    assert [r.texts for r in rows[1:]] == [
        (
            "1.3",
            "Replace the station fleet and equipment plan with a rolling ten-year programme",
            "Head of Fleet and Head of Estates Deputy: GC Fleet",
            "30.09.21",
            "Open",
        )
    ]


def test_a_paragraph_ending_a_page_on_the_widest_line_stays_whole() -> None:
    # no line wraps, so the widest line is no sign of the right margin: the paragraph
    # closing page 1 ends there, and the one opening page 2 is a paragraph of its own
    paragraphs = [b.text for b in _read("paragraphs_over_page").blocks]
    assert paragraphs == [
        "AFI 1",
        "Our response: Review the audit programme for high-rise premises.",
        "Status: Complete",
        "AFI 2",
        "Our response: Introduce a risk-based targeting model for safety checks.",
        "Status: Not met",
    ]


def test_a_line_before_an_opening_bracket_keeps_its_space() -> None:
    # no wrap marks, and "31/01/2023" fills its line: no line breaks inside a word
    # before an opening bracket, so "(was" starts a word of its own
    assert _only_table("bracket_after_date").rows[1].texts[3] == (
        "Revised: 31/01/2023 (was 30/11/2022)"
    )


def test_a_lone_word_line_keeps_its_space() -> None:
    # no wrap marks, and less room left than the next line's "M": a small letter then
    # a capital is no word running on
    assert _only_table("lone_word").rows[1].texts[4] == "Cancelled Merged with 1.2"


def test_words_broken_inside_a_narrow_cell_join_without_a_space() -> None:
    # refs and statuses too long for their cells broken where the next letter no longer
    # fits ("R1." + "10", "Comple" + "ted"); "Not" + "started" wraps at a space
    assert [(r.texts[0], r.texts[4]) for r in _only_table("broken_words").rows[1:]] == [
        ("R1.10", "Completed"),
        ("R1.11", "Not started"),
        ("R2.1", "Cancelled Merged"),
    ]


def test_forms_opening_on_the_same_row_either_side_of_a_page_break_stay_apart() -> None:
    # the form ending page 1 and the one heading page 2 are drawn to the same columns, and
    # both open on the same area row, which a table run over the page would reprint
    actions = extract_file(HERE / "forms_opening_alike.pdf")
    assert [(a.action_ref, a.due_raw, a.status, a.source_page) for a in actions] == [
        ("1.1", "Mar 2021", "complete", 1),
        ("1.2", "Jun 2021", "ongoing", 1),
        ("1.3", "Sep 2021", "open", 1),
        ("1.4", "Dec 2021", "open", 2),
        ("1.5", "Mar 2022", "ongoing", 2),
    ]
    assert actions[3].action == "Train crews in fire safety checks of business premises"
    assert {a.lead_roles for a in actions} == {("Head of Protection",)}


def test_a_status_the_words_read_only_with_a_space_at_a_flush_line_end_is_read_so() -> None:
    # "Superseded" fills its narrow column to the edge and wraps at the space before "by",
    # no wrap marks: as a word broken for want of room it reads "Supersededby", no status;
    # with the space it is one, and the status words decide as whole words decide a join
    (action,) = extract_file(HERE / "status_flush_word.pdf")
    assert (action.status, action.status_raw) == ("cancelled", "Superseded by action 3.2")
    assert action.status_note == "by action 3.2"
    assert action.warnings == ()


def test_a_title_spanning_a_totals_row_s_cells_at_a_page_head_opens_its_own_row() -> None:
    # the totals' count fills its two-column cell to the edge at the foot of page 1, and
    # page 2 opens with the next section's title in one cell over all four columns: a row
    # cut by a page keeps its cells, so the title is no rest of the count
    read = extract_file(HERE / "title_after_spanning_totals.pdf")
    assert [(a.action_id, a.section_ref, a.section_title, a.action) for a in read] == [
        ("1.1", "AFI 1", "Investigating crime", "Publish a prevention communications plan"),
        ("2.1", "AFI 2", "Protecting vulnerable people", "Review the referral system"),
    ]


def test_an_entry_beside_a_status_shaded_otherwise_at_a_page_head_is_an_entry_of_its_own() -> None:
    # an action merged over two progress entries is cut mid-paragraph at the foot of page 1,
    # beside its first entry, shaded amber; page 2 opens with the action's rest beside the
    # second entry, shaded green: a cell cut by a page keeps its shade, so that is a new row
    read = extract_file(HERE / "entry_beside_amber.pdf")
    action = "Review the referral system with the council's safeguarding team."
    assert [(a.action_id, a.entry_no, a.action, a.progress, a.status_note) for a in read] == [
        ("1.1", 1, "Publish the plan", "Plan published.", "Green"),
        ("1.2", 1, action, "Terms agreed.", "Amber"),
        ("1.2", 2, action, "Review completed.", "Green"),
        ("1.3", 1, "Train every crew", "Not started.", "Red"),
    ]


def test_a_span_shaded_at_the_foot_only_as_far_as_its_text_keeps_its_shade() -> None:
    # the completed action's cell, merged over its two entries, is grey at the foot of
    # page 1 only down to its text's last line, its centre bare, and grey whole at the
    # head of page 2: one shade, so the progress cut there goes on in its first entry
    read = extract_file(HERE / "span_shaded_to_its_text.pdf")
    assert [(a.action_id, a.entry_no, a.progress, a.status) for a in read] == [
        ("1.1", 1, "Plan published.", "complete"),
        (
            "1.2",
            1,
            "Terms of reference were agreed with the council and the first meeting of the"
            " review group was held.",
            "complete",
        ),
        ("1.2", 2, "Review completed.", "complete"),
    ]


def test_a_line_ending_a_sentence_or_a_weight_keeps_its_space() -> None:
    # no wrap marks, and each one-word line fills the action column to the edge: a word
    # runs on neither from a full stop into a sentence ("January." "Develop") nor from
    # bold into plain ("HMICFRS" "inspection"), so neither break is a guess
    read = extract_file(HERE / "sentence_at_line_end.pdf")
    assert [(a.action_ref, a.section_title, a.action) for a in read] == [
        ("1", "", "Agreed in January. Develop a plan."),
        ("2", "HMICFRS", "inspection response."),
    ]
    assert _read("sentence_at_line_end").notes == ()


def test_a_row_shaded_at_a_page_head_under_an_unshaded_row_of_text_is_a_row_of_its_own() -> None:
    # page 1 ends on a row whose action's last line is flush with the cell's edge (it may
    # run on); page 2 opens with a row shaded grey: a cell cut by a page keeps its shade
    read = extract_file(HERE / "greyed_after_plain.pdf")
    assert [(a.action, a.status, a.progress) for a in read] == [
        (
            "Train all station-based crews to deliver safe and well visits.",
            "deferred",
            "Framework drafted for comment.",
        ),
        ("Introduce a risk-based targeting model.", "complete", "Two inspectors appointed."),
    ]


def test_a_row_whose_ref_lead_status_and_date_open_paragraphs_is_new_under_a_flush_line() -> None:
    # the action's last line at the foot is flush with its cell's edge, but "3.2", "AM",
    # "On hold" and "2021/22" would each have fitted on the line above them: a new row
    read = extract_file(HERE / "new_row_after_flush.pdf")
    assert [(a.action_ref, a.action, a.lead_raw, a.status_raw, a.due_raw) for a in read] == [
        ("3.1", "Train all station-based crews to deliver safe and well visits.", "GM",
         "Ongoing", "2023/24"),
        ("3.2", "Deliver refresher training to all investigators.", "AM", "On hold",
         "2021/22"),
    ]  # fmt: skip


def test_a_section_box_at_a_page_head_opens_a_table_though_it_has_the_key_s_columns() -> None:
    # a key as wide and split as the section boxes ends page 1; page 2 opens with the next
    # section's box, numbered as the first box was: a table of its own, no row of the key
    read = extract_file(HERE / "box_after_key.pdf")
    assert [(a.action_id, a.section_title, a.action, a.lead_roles) for a in read] == [
        ("Recommendation 1/a", "Target prevention work", "Publish the plan",
         ("Head of Prevention",)),
        ("Recommendation 2/a", "Protect the public", "Audit high-rise premises",
         ("Group Manager",)),
    ]  # fmt: skip
    assert all(a.warnings == () for a in read)
