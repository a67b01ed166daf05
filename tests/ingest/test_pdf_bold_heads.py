"""A cell's bold first line in a PDF, across a page break: glyph records laid by hand.

Two pages of one two-column table: the header, then a row whose action cell shows
only its bold line ("Protection") at the foot of page 1 and its plain text at the head
of page 2. The producer writes no wrap marks (as Chromium and Word).
"""

from __future__ import annotations

from planwatch.ingest.pdf_grid import build_table
from planwatch.ingest.pdf_records import Glyph
from planwatch.ingest.pdf_settings import DEFAULT_PDF_SETTINGS
from planwatch.ingest.pdf_tables import RawCell, make_fragment
from planwatch.ingest.pdf_text import lines_of

SNAP = DEFAULT_PDF_SETTINGS.rule_snap

SIZE = 10.0


def _glyphs(text: str, x: float, baseline: float, bold: bool) -> list[Glyph]:
    out = []
    for n, char in enumerate(text):
        x0 = x + n * 5.0
        out.append(Glyph(char, x0, x0 + 5.0, baseline - SIZE, baseline, SIZE, bold))
    return out


def _cell(
    x0: float, top: float, bottom: float, *lines: tuple[str, bool], width: float = 300
) -> RawCell:
    chars = [
        g
        for n, (text, bold) in enumerate(lines)
        for g in _glyphs(text, x0 + 3, top + 12 + n * 12, bold)
    ]
    cell = RawCell(x0, x0 + width, top, bottom, limit=x0 + width - 3)
    found = lines_of(chars, DEFAULT_PDF_SETTINGS)
    if found:
        cell.lines = tuple(found)
        cell.text = " ".join(line.text for line in found)
        cell.last, cell.first_word = found[-1], found[0].first_word_width
        cell.full = bottom - found[-1].bottom <= 1.6 * SIZE + 3
    return cell


def _table(
    first_page: list[tuple[str, bool]], second_page: list[tuple[str, bool]], width: float = 300
):
    """Return the table of a header and one row cut by the page break; ``width`` is that of
    the action column."""
    header = [_cell(0, 50, 66, ("Ref", True)), _cell(300, 50, 66, ("Action", True), width=width)]
    cut = _cell(300, 66, 80, *first_page, width=width)
    page_1 = [header, [_cell(0, 66, 80, ("1.1", False)), cut]]
    page_2 = [
        [_cell(0, 50, 66, ("Ref", True)), _cell(300, 50, 66, ("Action", True), width=width)],
        [RawCell(0, 300, 66, 80), _cell(300, 66, 80, *second_page, width=width)],
    ]
    fragments = [make_fragment(page_1, 1, False, SNAP), make_fragment(page_2, 2, False, SNAP)]
    return build_table(fragments, False, DEFAULT_PDF_SETTINGS)[0]


def test_a_cell_cut_after_its_bold_line_is_joined_with_its_text_on_the_next_page():
    table = _table([("Protection", True)], [("Review the programme.", False)])
    action = table.rows[1].cells[1]
    assert len(table.rows) == 2
    assert (action.text, action.bold_head) == ("Protection Review the programme.", "Protection")


def test_a_bold_line_running_on_over_the_page_stays_one_head():
    # the bold line fills its line to the cell's edge: the next word did not fit
    full = "Priority action agreed by the Strategic Leadership Team in"
    table = _table([(full, True)], [("June", True), ("Train crews.", False)])
    action = table.rows[1].cells[1]
    assert action.text == f"{full} June Train crews."
    assert action.bold_head == f"{full} June"


def test_a_plain_cell_ending_at_the_foot_is_a_row_of_its_own():
    # a whole line, not cut: the row below on the next page is a new one
    table = _table([("Recruit four inspectors", False)], [("Train crews.", False)])
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "Recruit four inspectors",
        "Train crews.",
    ]


def test_a_row_cut_over_three_pages_keeps_the_text_of_each():
    # page 2 holds two lines of the cell: widow control carries two over from page 1,
    # orphan control leaves two at the foot of page 2
    full = "Review the risk-based inspection programme against the risk"
    header = [_cell(0, 50, 66, ("Ref", True)), _cell(300, 50, 66, ("Action", True))]
    middle = _cell(300, 66, 92, (full, False), (full, False))
    pages = [
        [header, [_cell(0, 66, 80, ("1.1", False)), _cell(300, 66, 80, (full, False))]],
        [header, [RawCell(0, 300, 66, 92), middle]],
        [header, [RawCell(0, 300, 66, 80), _cell(300, 66, 80, ("profile.", False))]],
    ]
    fragments = [make_fragment(rows, n, False, SNAP) for n, rows in enumerate(pages, start=1)]
    table, _ = build_table(fragments, False, DEFAULT_PDF_SETTINGS)
    assert [row.cells[1].text for row in table.rows[1:]] == [f"{full} {full} {full} profile."]


def test_a_bold_head_broken_inside_a_word_at_the_foot_joins_as_its_text_does():
    # a column 11 letters wide (no wrap marks, as Chromium): "Safeguardin" fills the last
    # line at the foot of page 1, "g" opens page 2 in bold; the word is broken, in the
    # head as in the text
    table = _table(
        [("Area 3:", True), ("Safeguardin", True)],
        [("g", True), ("children", True), ("Train", False), ("crews.", False)],
        width=61,
    )
    action = table.rows[1].cells[1]
    head = "Area 3: Safeguarding children"
    assert (action.text, action.bold_head) == (f"{head} Train crews.", head)
