"""A row shaded grey as completed is greyed whatever its status cell's own RAG fill."""

from __future__ import annotations

from planwatch.extract import ExtractSettings, extract_document
from planwatch.model import Cell, Document, Paragraph, Row, Source, Table

GREY, BLUE = "D9D9D9", "0070C0"


def _plan(*rows: tuple[Cell, ...]) -> Document:
    header = Row(tuple(Cell(t) for t in ("Action", "Status", "Progress")), header=True)
    table = Table((header, *(Row(cells) for cells in rows)))
    return Document(Source("plan.docx", "0" * 64, "docx"), (Paragraph("Action plan"), table))


def _greyed(document: Document) -> list[bool]:
    return [a.greyed for a in extract_document(document, ExtractSettings()).actions]


def test_a_grey_row_with_a_blue_status_cell_and_no_progress_is_greyed():
    done = (Cell("Train all crews.", GREY), Cell("Blue", BLUE), Cell("", GREY))
    live = (Cell("Recruit inspectors.", None), Cell("Green", "00B050"), Cell("", None))
    assert _greyed(_plan(done, live)) == [True, False]


def test_a_grey_status_cell_alone_does_not_grey_the_row():
    row = (Cell("Train all crews.", None), Cell("Complete", GREY), Cell("Done.", None))
    assert _greyed(_plan(row)) == [False]
