"""Tables drawn without rules, found from text laid out in aligned columns.

Used on pages with no ruled table. A line cut by column-wide gaps
(``pdf_text.split_columns``) is a table line; a run of them whose pieces start
at the same x positions is a table, with the single-piece lines between them
that start at one of its columns. Column starts that break the layout of the
run so far (a 2-column key straight above a 5-column table) start a new table.
A line begins a new row unless one of its pieces carries on a paragraph of the
line above in the same column (``pdf_text.runs_on``): cells are top-aligned,
so every cell of a new row starts a paragraph on the same line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from .pdf_layout import PhysicalLine
from .pdf_settings import PdfSettings
from .pdf_tables import (
    Fill,
    Fragment,
    RawCell,
    cluster,
    fill_at,
    make_fragment,
    reaches_foot,
)
from .pdf_text import Line, runs_on

# a list item's marker, set off from its text by a tab: "•", Symbol's "\uf0b7", "a)", "12."
_LIST_MARK = re.compile(
    "^([•▪❖➢◦●○■□*–\uf0b7\uf0a7\uf076\uf0d8-]|\\(?(\\d{1,2}|[a-z]|[ivx]{1,4})[.)])$"
)


@dataclass
class _Run:
    lines: list[PhysicalLine] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)  # column starts, left to right
    cut_lines: int = 0
    widest: int = 0  # most pieces on one line
    carried: bool = False  # goes on with a table from the foot of the page before


class _Page(NamedTuple):
    """What reading one page's borderless tables needs at every step."""

    number: int
    right: float  # the page's edge, where the last column ends
    margin: float  # the right end of the page's text
    marks_wraps: bool  # the producer writes a space glyph where it wraps
    fills: list[Fill]
    settings: PdfSettings


def find_borderless(
    lines: list[PhysicalLine],
    number: int,
    right: float,
    carry: list[float],
    fills: list[Fill],
    head: float,
    settings: PdfSettings,
) -> tuple[list[Fragment], list[PhysicalLine]]:
    """Return the borderless table fragments among a page's lines and the lines left.

    The last column is taken to run to ``right`` (the page's edge), the same on
    every page, so parts of one table on successive pages line up. ``carry``
    holds the column starts of a borderless table at the foot of the page
    before: lines at the head of this page in those columns go on with it, under
    any running head (lines above ``head``).
    """
    # "•  How effective is ...": a list item, not two columns
    lines = [
        PhysicalLine(pl.whole, [pl.whole])
        if len(pl.parts) == 2 and _LIST_MARK.match(pl.parts[0].text)
        else pl
        for pl in lines
    ]
    if not lines or not (carry or any(len(pl.parts) > 1 for pl in lines)):
        return [], lines
    marks_wraps = any(part.wrapped for pl in lines for part in pl.parts)
    # the last column's text may run to the page's text margin
    margin = max(pl.whole.x1 for pl in lines)
    page = _Page(number, right, margin, marks_wraps, fills, settings)
    runs = _runs(lines, carry, head, page)
    fragments = [_fragment(run, page) for run in runs]
    taken = {id(pl) for run in runs for pl in run.lines}
    return fragments, [pl for pl in lines if id(pl) not in taken]


def _runs(lines: list[PhysicalLine], carry: list[float], head: float, page: _Page) -> list[_Run]:
    # the page's column starts, where lines cut in columns have pieces
    seen = [part.x0 for pl in lines if len(pl.parts) > 1 for part in pl.parts]
    snap = page.settings.column_snap
    columns = cluster(seen + carry, snap)
    runs: list[_Run] = []
    current = _Run(starts=list(carry), carried=bool(carry))
    for pl in lines:
        starts = [part.x0 for part in pl.parts]
        if len(starts) > 1:
            if current.starts and not _fits(current.starts, starts, snap):
                _close(current, runs, page.settings)
                current = _Run()
            current.cut_lines += 1
            current.widest = max(current.widest, len(starts))
        elif not _in_column(columns, current, pl.parts[0], page):
            if current.carried and not current.lines and pl.whole.bottom < head:
                continue  # the running head over the table's next part
            _close(current, runs, page.settings)
            current = _Run()
            continue
        current.lines.append(pl)
        current.starts = cluster(current.starts + starts, snap)
    _close(current, runs, page.settings)
    return runs


def _in_column(columns: list[float], run: _Run, part: Line, page: _Page) -> bool:
    """True for a one-piece line of a table: at a column of the page's layout, and
    at the first column only where it carries on the first column's text above."""
    settings = page.settings
    if run.lines and part.top - run.lines[-1].whole.bottom > settings.max_row_gap * part.size:
        return False  # far below: "Page 1 of 2" under the table, in a column's line
    col = _column_of(columns, part.x0, settings.column_snap)
    if col != 0 or len(columns) < 2:
        return col > 0
    if not run.lines:
        return False
    above = next((p for p in run.lines[-1].parts if p.x0 < columns[1] - settings.rule_snap), None)
    end = columns[1] - settings.first_column_margin  # the first column's text area
    return (
        above is not None
        and part.top - above.bottom <= settings.paragraph_gap * part.size
        and runs_on(above, end, part.first_word_width, page.marks_wraps, settings)
    )


def _close(run: _Run, runs: list[_Run], settings: PdfSettings) -> None:
    # one line in three or more pieces is a table too (a page holding the last row)
    enough = run.cut_lines >= settings.min_table_lines
    if run.lines and (enough or run.widest >= 3 or run.carried):
        runs.append(run)


def _fits(columns: list[float], starts: list[float], snap: float) -> bool:
    """True when one set of column starts is a subset of the other."""
    small, big = sorted((columns, starts), key=len)
    return all(_column_of(big, x, snap) >= 0 for x in small)


def _column_of(columns: list[float], x: float, snap: float) -> int:
    """Return the index of the column starting within ``snap`` of x, or -1 if none does."""
    i = bisect_right(columns, x + snap) - 1
    return i if i >= 0 and abs(columns[i] - x) <= snap else -1


def _fragment(run: _Run, page: _Page) -> Fragment:
    starts = run.starts
    limits = [0.0] * len(starts)  # right end of each column's text, the widest line's
    placed: list[list[Line | None]] = []
    for pl in run.lines:
        slots: list[Line | None] = [None] * len(starts)
        for part in pl.parts:
            col = max(bisect_right(starts, part.x0 + page.settings.column_snap) - 1, 0)
            slots[col] = part
            if col + 1 == len(starts) or part.x1 < starts[col + 1]:  # not a merged cell's
                limits[col] = max(limits[col], part.x1)
        placed.append(slots)
    rows: list[list[list[Line]]] = []
    for i, slots in enumerate(placed):
        if not rows or not _carries_on(placed[i - 1], slots, limits, page):
            rows.append([[] for _ in starts])
        for col, part in enumerate(slots):
            if part is not None:
                rows[-1][col].append(part)
    edges = starts + [page.right]
    limits[-1] = max(limits[-1], page.margin)
    for col in range(len(starts) - 1):
        # a column of short texts: its text area ends some way short of the next
        limits[col] = max(limits[col], starts[col + 1] - page.settings.column_gutter * _size(run))
    cell_rows = []
    for row in rows:
        top = min(ln.top for cell in row for ln in cell)
        bottom = max(ln.bottom for cell in row for ln in cell)
        cell_rows.append(
            [
                _cell(cell, (edges[c], edges[c + 1], top, bottom), limits[c], page)
                for c, cell in enumerate(row)
            ]
        )
    snap = page.settings.rule_snap
    return make_fragment(cell_rows, page.number, page.marks_wraps, snap, ruled=False)


def _size(run: _Run) -> float:
    return max(part.size for pl in run.lines for part in pl.parts)


def _carries_on(
    above: list[Line | None], slots: list[Line | None], limits: list[float], page: _Page
) -> bool:
    gap = page.settings.paragraph_gap
    for col, part in enumerate(slots):
        prev = above[col]
        if part is None or prev is None or part.top - prev.bottom > gap * part.size:
            continue
        if runs_on(prev, limits[col], part.first_word_width, page.marks_wraps, page.settings):
            return True
    return False


def _cell(lines: list[Line], box: tuple, limit: float, page: _Page) -> RawCell:
    x0, x1, top, bottom = box
    # just inside where its column's text starts: the last column runs on to the
    # page's edge, past any row shading
    fill = fill_at(page.fills, x0 + page.settings.rule_snap, (top + bottom) / 2)
    cell = RawCell(x0, x1, top, bottom, fill=fill, limit=limit)
    if lines:
        cell.lines = tuple(lines)
        cell.last, cell.first_word = lines[-1], lines[0].first_word_width
        cell.full = reaches_foot(bottom, lines[-1], page.settings)
    return cell
