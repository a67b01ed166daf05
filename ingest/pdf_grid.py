"""Fragments of one table to one Table: a common column grid, pages stitched.

Page-break rule (what LibreOffice and Word draw): a table that runs on is
closed by a rule at the foot of the page and reopened by one at the head of the
next, so rules alone cannot tell a row cut in two from a new row. The text can:
a cut row's cells are filled to the page foot, and its part on the next page
only has text in columns that were still running. So the first body row of a
continuing page is joined to the last row of the page before when every cell
holding text there sits under a cell that held text down to the foot of the
previous page (``RawCell.full``). A new row's short cells ("Complete", a date)
break the rule, as does any text under a cell that was empty.

Rows repeated at the head of each page (header rows) are the table's first rows
again, word for word: they are dropped and the originals marked ``header``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planwatch.model import Cell, Row, Table

from .pdf_tables import SNAP, Fragment, RawCell, cluster, nearest
from .pdf_text import join_parts

_MAX_HEADER_ROWS = 3


@dataclass
class _GridRow:
    cells: list[Cell]
    page: int
    full: list[bool]  # per slot: its text ran to the foot of the page part
    wrapped: list[bool]
    header: bool = False


def continues(table: list[Fragment], fragment: Fragment) -> bool:
    """True when fragment has the column layout of the table it would continue."""
    last = table[-1]
    if abs(last.x0 - fragment.x0) > SNAP or abs(last.x1 - fragment.x1) > SNAP:
        return False
    # every rule of the shorter layout must be a rule of the other (a page may hold
    # only rows that merge some columns)
    small, big = sorted((last.edges, fragment.edges), key=len)
    return all(abs(big[nearest(big, x)] - x) <= SNAP for x in small)


def build_table(fragments: list[Fragment]) -> Table:
    """Return the Table the fragments of one table make, stitched across pages."""
    edges = cluster([x for f in fragments for x in f.edges])
    rows = _grid_rows(fragments[0], edges)
    for fragment in fragments[1:]:
        more = _grid_rows(fragment, edges)
        repeated = _repeated_header(rows, more)
        for row in rows[:repeated]:
            row.header = True
        more = more[repeated:]
        if more and _cut_row(rows[-1], more[0]):
            rows[-1] = _join(rows[-1], more.pop(0))
        rows.extend(more)
    return Table(
        rows=tuple(Row(tuple(r.cells), page=r.page, header=r.header) for r in rows),
        page=fragments[0].page,
    )


def _grid_rows(fragment: Fragment, edges: list[float]) -> list[_GridRow]:
    width = len(edges) - 1
    above: dict[int, tuple[RawCell, int]] = {}  # slot -> cell spanning down into later rows
    tops = [row[0].top for row in fragment.rows if row]
    out = []
    for band, row in enumerate(fragment.rows):
        cells: list[Cell | None] = [None] * width
        full = [False] * width
        wrapped = [False] * width
        for raw in row:
            first = nearest(edges, raw.x0)
            span = max(1, nearest(edges, raw.x1) - first)
            down = sum(1 for t in tops if raw.top - SNAP < t < raw.bottom - SNAP)
            cells[first] = Cell(raw.text, raw.fill, col_span=span, row_span=max(down, 1))
            full[first], wrapped[first] = raw.full, raw.wrapped
            for slot in range(first + 1, min(first + span, width)):
                cells[slot] = Cell("", raw.fill, merged=True)
            for slot in range(first, min(first + span, width)):
                above[slot] = (raw, band + down - 1)
        for slot in range(width):
            if cells[slot] is None:
                # no cell starts here: a cell from a row above runs down over it
                spanning = above.get(slot)
                fill = spanning[0].fill if spanning and spanning[1] >= band else None
                cells[slot] = Cell("", fill, merged=True)
                full[slot] = bool(spanning and spanning[0].full)
        out.append(_GridRow(cells, fragment.page, full, wrapped))  # type: ignore[arg-type]
    return out


def _repeated_header(rows: list[_GridRow], more: list[_GridRow]) -> int:
    count = 0
    limit = min(_MAX_HEADER_ROWS, len(rows) - 1, len(more))
    while count < limit and _texts(rows[count]) == _texts(more[count]) and any(_texts(more[count])):
        count += 1
    return count


def _cut_row(before: _GridRow, after: _GridRow) -> bool:
    running = [i for i, cell in enumerate(after.cells) if cell.text and not cell.merged]
    return bool(running) and all(
        before.cells[i].text
        and before.full[i]
        and before.cells[i].col_span == after.cells[i].col_span
        for i in running
    )


def _join(before: _GridRow, after: _GridRow) -> _GridRow:
    cells = [
        replace(b, text=join_parts(b.text, a.text, w)) if a.text else b
        for b, a, w in zip(before.cells, after.cells, before.wrapped, strict=True)
    ]
    return _GridRow(cells, before.page, after.full, after.wrapped, before.header)


def _texts(row: _GridRow) -> tuple[str, ...]:
    return tuple(c.text for c in row.cells)
