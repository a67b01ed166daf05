"""A short bold line opening a cell, or a row of one bold line, names the section; bold that
is only emphasis (long, a sentence, on every action, in the middle, the whole table) does not.

The documents are written here cell by cell, with the bold each reader records
(``Cell.bold_head``); every expected value is read off those cells.
"""

from __future__ import annotations

from planwatch.extract import extract_document
from planwatch.model import Cell, Document, Paragraph, Row, Source, Table

HEADER = ("Ref", "Action", "Lead", "Status")


def _bold(text: str) -> Cell:
    return Cell(text, bold_head=text)


def _headed(head: str, rest: str) -> Cell:
    return Cell(f"{head} {rest}", bold_head=head)


def _row(*cells: str | Cell) -> Row:
    return Row(tuple(c if isinstance(c, Cell) else Cell(c) for c in cells))


def _read(*rows: Row):
    header = Row(tuple(_bold(t) for t in HEADER), header=True)
    table = Table((header, *rows))
    source = Source("plan.docx", "0" * 64, "docx")
    document = Document(source, (Paragraph("Fenland Fire Improvement Plan"), table))
    return extract_document(document)


def _sections(extraction) -> list[tuple[str, str, str]]:
    return [(a.section_ref, a.section_title, a.action) for a in extraction.actions]


def test_a_bold_first_line_in_the_action_cell_names_the_section_and_leaves_the_action():
    read = _read(
        _row("1.1", _headed("Protection", "Review the inspection programme."), "GM P", "Open"),
        _row("1.2", "Recruit four inspectors.", "GM P", "Complete"),
        _row("2.1", _headed("Prevention", "Train crews in safe and well visits."), "GM V", "Open"),
        _row("2.2", "Evaluate the visits each quarter.", "GM V", "Open"),
    )
    assert _sections(read) == [
        ("", "Protection", "Review the inspection programme."),
        ("", "Protection", "Recruit four inspectors."),
        ("", "Prevention", "Train crews in safe and well visits."),
        ("", "Prevention", "Evaluate the visits each quarter."),
    ]
    # 4 rows x 4 cells read into actions, and the two bold lines as the sections' names
    assert read.tables[0].tally.context == 2
    assert read.tables[0].tally.actions == 16
    assert read.tables[0].tally.unaccounted == 0


def test_a_bold_line_in_the_first_cell_above_the_ref_names_the_section():
    read = _read(
        _row(_headed("Response", "3.1"), "Review crewing of on-call engines.", "AM R", "Open"),
        _row("3.2", "Publish availability each month.", "AM R", "Open"),
    )
    assert [(a.section_title, a.action_ref) for a in read.actions] == [
        ("Response", "3.1"),
        ("Response", "3.2"),
    ]


def test_a_row_holding_only_a_short_bold_line_opens_the_section():
    read = _read(
        _row(_bold("AFI 2: Culture and values"), "", "", ""),
        _row("a.", "Run values workshops for all staff.", "HR", "Open"),
        _row("b.", "Publish the code of ethics.", "HR", "Complete"),
    )
    assert _sections(read) == [
        ("AFI 2", "Culture and values", "Run values workshops for all staff."),
        ("AFI 2", "Culture and values", "Publish the code of ethics."),
    ]
    assert read.tables[0].tally.context == 1  # the bold row's one filled cell


def test_a_bold_title_on_every_action_is_part_of_the_action():
    read = _read(
        _row("1.1", _headed("Values training", "All staff complete the course."), "HR", "Open"),
        _row("1.2", _headed("Fair recruitment", "Review the interview panels."), "HR", "Open"),
        _row("1.3", _headed("Exit interviews", "Offer one to every leaver."), "HR", "Open"),
    )
    assert _sections(read) == [
        ("", "", "Values training All staff complete the course."),
        ("", "", "Fair recruitment Review the interview panels."),
        ("", "", "Exit interviews Offer one to every leaver."),
    ]


def test_a_long_or_sentence_bold_first_line_is_emphasis_within_the_action():
    long_head = "All crews must complete the breathing apparatus refresher and the new module"
    sentence = "This is a priority."
    read = _read(
        _row("1.1", _headed(long_head, "before the end of the year."), "AM T", "Open"),
        _row("1.2", _headed(sentence, "Book the courses now."), "AM T", "Open"),
        _row("1.3", "Record attendance.", "AM T", "Open"),
        _row("1.4", "Report to the board.", "AM T", "Open"),
    )
    assert [a.section_title for a in read.actions] == ["", "", "", ""]
    assert read.actions[0].action == f"{long_head} before the end of the year."
    assert read.actions[1].action == "This is a priority. Book the courses now."


def test_bold_in_the_middle_of_a_cell_or_a_wholly_bold_action_opens_nothing():
    # bold inside a line is no head (the reader records none); a bold action with its own
    # lead and status beside it is an action
    read = _read(
        _row("1.1", "Deliver the new module to crews.", "AM T", "Open"),
        _row("1.2", _bold("Refresh the risk plan"), "AM T", "Open"),
        _row("1.3", "Record attendance.", "AM T", "Open"),
    )
    assert _sections(read) == [
        ("", "", "Deliver the new module to crews."),
        ("", "", "Refresh the risk plan"),
        ("", "", "Record attendance."),
    ]


def test_a_table_set_all_in_bold_gives_no_sections():
    read = _read(
        _row(_bold("1.1"), _headed("Protection", "Review the programme."), _bold("GM P"),
             _bold("Open")),
        _row(_bold("1.2"), _bold("Recruit inspectors."), _bold("GM P"), _bold("Open")),
        _row(_bold("Prevention"), Cell(""), Cell(""), Cell("")),
        _row(_bold("2.1"), _bold("Train crews."), _bold("GM V"), _bold("Open")),
    )  # fmt: skip
    assert {a.section_title for a in read.actions} == {""}
    assert read.actions[0].action == "Protection Review the programme."


def test_a_bold_title_on_each_one_action_table_of_the_document_stays_in_the_action():
    # one action per table: each table alone could not tell a title from a section name,
    # but every action of the document opens in bold
    def table(ref: str, head: str, rest: str) -> Table:
        header = Row(tuple(_bold(t) for t in HEADER), header=True)
        return Table((header, _row(ref, _headed(head, rest), "HR", "Open")))

    blocks = (
        Paragraph("Fenland Fire Improvement Plan"),
        Paragraph("Objective 1: Culture"),
        table("1.1", "Values training", "All staff complete the course."),
        Paragraph("Objective 2: Workforce"),
        table("2.1", "Fair recruitment", "Review the interview panels."),
    )
    read = extract_document(Document(Source("plan.docx", "0" * 64, "docx"), blocks))
    assert _sections(read) == [
        ("Objective 1", "Culture", "Values training All staff complete the course."),
        ("Objective 2", "Workforce", "Fair recruitment Review the interview panels."),
    ]
