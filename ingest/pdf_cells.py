"""Table cells from a page's rules: edges snapped and joined, their crossings, the boxes they close.

The rule is pdfplumber's table finder with its default settings (snap, join and
crossing tolerances of 3 pt, edges shorter than 3 pt dropped), computed here
from the page records so that reading a page needs no pdfminer: a cell is the
smallest box whose four corners are crossings joined by edges, a table the
cells that share corners. Positions are computed by the same arithmetic, so
both give the same boxes to the last bit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import NamedTuple

from .pdf_records import Shape
from .pdf_settings import DEFAULT_PDF_SETTINGS, PdfSettings

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]


class _Edge(NamedTuple):
    """A straight edge: where it runs across (x of a vertical, y of a horizontal), and its span."""

    at: float
    start: float
    end: float
    length: float


def cell_groups(
    rules: list[Shape], settings: PdfSettings = DEFAULT_PDF_SETTINGS
) -> list[list[Box]]:
    """Return each table's cell boxes, sorted, the tables top to bottom.

    ``settings`` gives the snap, join, length and crossing tolerances (``cell_*``).
    """
    across: list[_Edge] = []  # horizontal
    down: list[_Edge] = []  # vertical
    for rule in rules:
        _add_edges(rule, across, down)
    shortest = settings.cell_min_length
    across = [e for e in _merge(across, True, settings) if e.length >= shortest]
    down = [e for e in _merge(down, False, settings) if e.length >= shortest]
    crossings = _crossings(across, down, settings.cell_cross)
    return [sorted(cells) for cells in _tables(_cells(crossings))]


def _add_edges(rule: Shape, across: list[_Edge], down: list[_Edge]) -> None:
    x0, top, x1, bottom = rule.x0, rule.top, rule.x1, rule.bottom
    if rule.kind == "line":
        if top == bottom:
            across.append(_Edge(top, x0, x1, x1 - x0))
        else:  # a slanted line counts as upright at its left end, as pdfplumber has it
            down.append(_Edge(x0, top, bottom, bottom - top))
    elif rule.kind == "rect":
        across += (_Edge(top, x0, x1, x1 - x0), _Edge(bottom, x0, x1, x1 - x0))
        down += (_Edge(x0, top, bottom, bottom - top), _Edge(x1, top, bottom, bottom - top))
    else:
        for (ax, ay), (bx, by) in zip(rule.points, rule.points[1:], strict=False):
            if ax == bx:
                down.append(_Edge(ax, min(ay, by), max(ay, by), max(ay, by) - min(ay, by)))
            elif ay == by:
                across.append(_Edge(ay, min(ax, bx), max(ax, bx), max(ax, bx) - min(ax, bx)))


def _merge(edges: list[_Edge], horizontal: bool, settings: PdfSettings) -> list[_Edge]:
    """Return the edges snapped onto common lines, then joined along each line."""
    snapped = sorted(_snap(edges, settings.cell_snap), key=lambda e: e.at)
    out: list[_Edge] = []
    i = 0
    while i < len(snapped):
        j = i
        while j < len(snapped) and snapped[j].at == snapped[i].at:
            j += 1
        out += _join(sorted(snapped[i:j], key=lambda e: e.start), horizontal, settings.cell_join)
        i = j
    return out


def _snap(edges: list[_Edge], tolerance: float) -> list[_Edge]:
    """Return the edges grouped by position (runs of gaps up to the tolerance), each on its mean."""
    values = sorted(set(e.at for e in edges))
    group: dict[float, int] = {}
    for k, value in enumerate(values):
        group[value] = group[values[k - 1]] + (value > values[k - 1] + tolerance) if k else 0
    members: dict[int, list[_Edge]] = defaultdict(list)
    for e in edges:
        members[group[e.at]].append(e)
    out = []
    for g in sorted(members):
        mean = sum(e.at for e in members[g]) / len(members[g])
        out += (e._replace(at=e.at + (mean - e.at)) for e in members[g])
    return out


def _join(line: list[_Edge], horizontal: bool, gap: float) -> list[_Edge]:
    """Return the edges of one line, sorted by start, with overlaps and short gaps closed."""
    joined = [line[0]]
    for e in line[1:]:
        last = joined[-1]
        if e.start > last.end + gap:
            joined.append(e)
        elif e.end > last.end:
            # a horizontal's length is measured again, a vertical's grown by the gain
            length = e.end - last.start if horizontal else last.length + (e.end - last.end)
            joined[-1] = last._replace(end=e.end, length=length)
    return joined


class _Crossings(NamedTuple):
    """Each crossing point and the edges through it, by index into the edge lists."""

    across: dict[Point, set[int]]  # the horizontal edges through the point
    down: dict[Point, set[int]]


def _crossings(across: list[_Edge], down: list[_Edge], reach: float) -> _Crossings:
    by_x = sorted(range(len(down)), key=lambda k: down[k].at)
    xs = [down[k].at for k in by_x]
    out = _Crossings({}, {})
    for h, edge in enumerate(across):
        y = edge.at
        lo, hi = bisect_left(xs, edge.start - reach), bisect_right(xs, edge.end + reach)
        for v in by_x[lo:hi]:
            upright = down[v]
            if upright.start <= y + reach and upright.end >= y - reach:
                point = (upright.at, y)
                out.across.setdefault(point, set()).add(h)
                out.down.setdefault(point, set()).add(v)
    return out


def _cells(crossings: _Crossings) -> list[Box]:
    """Return, for each crossing, the smallest box it is the top-left corner of, if any."""
    below: dict[float, list[Point]] = defaultdict(list)  # points by x, top to bottom
    right: dict[float, list[Point]] = defaultdict(list)  # points by y, left to right
    points = sorted(crossings.down)
    for point in points:
        below[point[0]].append(point)
        right[point[1]].append(point)
    cells = []
    for point in points:
        cell = _smallest_cell(point, below[point[0]], right[point[1]], crossings)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    point: Point, column: list[Point], row: list[Point], crossings: _Crossings
) -> Box | None:
    downs, acrosses = crossings.down, crossings.across
    column = column[column.index(point) + 1 :]
    row = [p for p in row[row.index(point) + 1 :] if acrosses[point] & acrosses[p]]
    for low in column:
        if not downs[point] & downs[low]:
            continue
        for side in row:
            corner = (side[0], low[1])
            if corner in downs and downs[corner] & downs[side] and acrosses[corner] & acrosses[low]:
                return (point[0], point[1], corner[0], corner[1])
    return None


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Return the tables of two or more cells (cells that share a corner), top to bottom."""
    by_corner: dict[Point, list[int]] = defaultdict(list)
    for k, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            by_corner[corner].append(k)
    seen: set[int] = set()
    tables = []
    for start in range(len(cells)):
        if start in seen:
            continue
        table, todo = [], [start]
        seen.add(start)
        while todo:
            k = todo.pop()
            table.append(cells[k])
            x0, top, x1, bottom = cells[k]
            for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
                fresh = [m for m in by_corner[corner] if m not in seen]
                seen.update(fresh)
                todo += fresh
        tables.append(table)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
