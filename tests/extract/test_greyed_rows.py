"""A row shaded grey as completed is greyed whatever its status cell's own RAG fill."""

from __future__ import annotations

from planwatch.extract import ExtractSettings, extract_document
from planwatch.model import Cell, Document, Paragraph, Row, Source, Table
from planwatch.normalise.settings import NormaliseSettings

GREY, BLUE = "D9D9D9", "0070C0"


def _plan(*rows: tuple[Cell, ...]) -> Document:
    header = Row(tuple(Cell(t) for t in ("Action", "Status", "Progress")), header=True)
    table = Table((header, *(Row(cells) for cells in rows)))
    return Document(Source("plan.docx", "0" * 64, "docx"), (Paragraph("Action plan"), table))


def _greyed(document: Document, settings: ExtractSettings | None = None) -> list[bool]:
    actions = extract_document(document, settings or ExtractSettings()).actions
    return [a.greyed for a in actions]


def test_a_grey_row_with_a_blue_status_cell_and_no_progress_is_greyed():
    done = (Cell("Train all crews.", GREY), Cell("Blue", BLUE), Cell("", GREY))
    live = (Cell("Recruit inspectors.", None), Cell("Green", "00B050"), Cell("", None))
    assert _greyed(_plan(done, live)) == [True, False]


def test_what_counts_as_grey_is_read_from_the_settings_passed():
    # D9D9D9's brightest channel is 0xD9: grey by default, white where greys end at 0xD0
    done = (Cell("Train all crews.", GREY), Cell("Blue", BLUE), Cell("", GREY))
    pale = ExtractSettings(cells=NormaliseSettings(grey_levels=(0x60, 0xD0)))
    assert _greyed(_plan(done)) == [True]
    assert _greyed(_plan(done), pale) == [False]


def test_a_grey_status_cell_alone_does_not_grey_the_row():
    row = (Cell("Train all crews.", None), Cell("Complete", GREY), Cell("Done.", None))
    assert _greyed(_plan(row)) == [False]


DEFINED = "Greyed out sections of the plan note actions completed."


def _rows(*blocks) -> list:
    from planwatch.normalise.actions import normalise_plan

    document = Document(Source("plan.docx", "0" * 64, "docx"), (Paragraph("Action plan"), *blocks))
    return normalise_plan(extract_document(document, ExtractSettings()), document.source).actions


def _table(header: tuple[str, ...], *rows: tuple[Cell, ...]) -> Table:
    return Table((Row(tuple(Cell(t) for t in header), header=True), *(Row(r) for r in rows)))


def _grey(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell(t, GREY) for t in texts)


def test_a_row_the_plan_defines_grey_is_complete_over_its_printed_status():
    table = _table(
        ("Action", "Target date", "Status"),
        _grey("Train all crews.", "March 2023", "On track"),
        (Cell("Recruit inspectors."), Cell("June 2023"), Cell("On track")),
    )
    done, live = _rows(Paragraph(DEFINED), table)
    assert (done.status, done.status_raw, done.due_raw, done.greyed) == (
        "complete",
        "On track",
        "March 2023",
        True,
    )
    assert any("grey shading" in w and DEFINED in w for w in done.warnings)
    assert (live.status, live.greyed) == ("ongoing", False)


def test_a_greyed_row_with_no_status_column_and_a_date_is_complete_where_grey_is_defined():
    table = _table(("Action", "Target date"), _grey("Train all crews.", "31/03/2023"))
    (row,) = _rows(Paragraph("Rows shaded grey are complete."), table)
    assert (row.status, row.due_raw, row.overdue) == ("complete", "31/03/2023", False)


def test_grey_rows_keep_their_printed_status_where_the_plan_does_not_say_what_grey_means():
    table = _table(("Action", "Status"), _grey("Train all crews.", "On track"))
    (row,) = _rows(table)
    assert (row.status, row.greyed) == ("ongoing", True)


def test_a_cancelled_action_greyed_stays_cancelled():
    table = _table(("Action", "Status"), _grey("Train all crews.", "Withdrawn"))
    (row,) = _rows(Paragraph(DEFINED), table)
    assert row.status == "cancelled"
