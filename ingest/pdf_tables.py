"""Ruled tables of a PDF page: cells from the drawn rules, text and fill per cell.

A page's part of a table is a Fragment: cells as boxes, grouped into row bands
by their top edge. Fragments of one table on successive pages are stitched and
laid on one grid of columns by ``pdf_grid``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import groupby
from operator import add, attrgetter

from .pdf_cells import cell_groups
from .pdf_records import PageContent, Run, Shape
from .pdf_runs import line_runs, read_line
from .pdf_settings import PdfSettings
from .pdf_text import Line

Fill = tuple[float, float, float, float, str]
_LINE = attrgetter("top", "bottom")  # glyphs of one line, read in stream order, share both
_MIXED = object()  # a row of glyphs in more than one cell, or partly outside the table


@dataclass
class RawCell:
    """One drawn cell box with its text; ``full`` when its text reaches its bottom."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str = ""  # its lines joined, once the whole document's words are known (rejoin_cells)
    fill: str | None = None
    full: bool = False
    last: Line | None = None  # its last line of text
    limit: float = 0.0  # right end of its text area (the box less its padding)
    first_word: float = 0.0  # width of its first word
    lines: tuple[Line, ...] = ()  # its text lines, joined again once the whole document is read
    guesses: tuple[str, ...] = ()  # words read as broken at a line end on geometry alone
    spaced: str = ""  # its text with those guessed joins read as spaces ("" where none)


@dataclass
class Fragment:
    """The part of one table drawn on one page."""

    page: int
    rows: list[list[RawCell]]  # per row band, the cells that start in it, left to right
    x0: float
    x1: float
    top: float
    bottom: float
    edges: list[float] = field(default_factory=list)  # column rules, left to right
    marks_wraps: bool = False  # the producer writes a space glyph where it wraps a line
    ruled: bool = True


def find_ruled(
    page: PageContent, fills: list[Fill], settings: PdfSettings
) -> tuple[list[Fragment], list[Run]]:
    """Return the ruled table fragments of a page and the glyph runs outside them."""
    runs = list(page.runs)
    rules = _rules(page.shapes, settings)
    if not rules:
        return [], runs
    boxes = [cells for cells in cell_groups(rules, settings) if len(cells) > 1]
    if not boxes:
        return [], runs
    locators = [_Locator(cells, settings.rule_snap) for cells in boxes]
    buckets: list[list[list[Run]]] = [[[] for _ in cells] for cells in boxes]
    outside = _bucket(runs, locators, buckets)
    fragments = [
        fragment
        for cells, bucket in zip(boxes, buckets, strict=True)
        for fragment in _fragment(cells, bucket, fills, page.number, settings)
    ]
    fragments.sort(key=lambda f: f.top)
    return fragments, outside


def _bucket(runs: list[Run], locators: list[_Locator], buckets: list) -> list[Run]:
    """Put each glyph in the bucket of the cell under its centre; return the glyphs in none.

    A row of glyphs on one line in stream order mostly lies in one cell: found for
    its leftmost and rightmost centre, the row goes there whole; a row over several
    cells (a table row read across) is cut into its runs, and a run halved, until
    each part lies in one.
    """
    outside: list[Run] = []
    for _, group in groupby(runs, _LINE):
        pieces = list(group)
        _place(pieces, sum(len(r.lefts) for r in pieces), locators, buckets, outside)
    return outside


def _place(
    runs: list[Run], count: int, locators: list[_Locator], buckets: list, outside: list
) -> None:
    """Place a row of ``count`` glyphs on one line, held as runs."""
    if count < 3:
        for run in runs:
            for i in range(len(run.lefts)):
                glyph = run.part(i, i + 1)
                if not _put(glyph, locators, buckets):
                    outside.append(glyph)
        return
    lo = min(min(map(add, r.lefts, r.rights)) for r in runs) / 2
    hi = max(max(map(add, r.lefts, r.rights)) for r in runs) / 2
    place = _run_cell(locators, lo, hi, runs[0])
    if place is None:
        outside += runs
    elif place is not _MIXED:
        buckets[place[0]][place[1]] += runs
    elif len(runs) > 1:
        # a glyph goes where its centre lies however the row is cut: first cut by run
        for run in runs:
            _place([run], len(run.lefts), locators, buckets, outside)
    else:
        half = count // 2
        _place([runs[0].part(0, half)], half, locators, buckets, outside)
        _place([runs[0].part(half, count)], count - half, locators, buckets, outside)


def _run_cell(locators: list[_Locator], lo: float, hi: float, char: Run):
    """Return (table, cell) holding every centre from ``lo`` to ``hi`` on char's line,
    None when no table holds any, _MIXED otherwise."""
    cy = (char.top + char.bottom) / 2
    for t, loc in enumerate(locators):
        cell = loc.find_span(lo, hi, cy)
        if cell is _MIXED:
            return _MIXED
        if cell is not None:
            return t, cell
    return None


def _put(glyph: Run, locators: list[_Locator], buckets: list) -> bool:
    cx = (glyph.lefts[0] + glyph.rights[0]) / 2
    cy = (glyph.top + glyph.bottom) / 2
    for t, loc in enumerate(locators):
        i = loc.find(cx, cy)
        if i is not None:
            buckets[t][i].append(glyph)
            return True
    return False


def cluster(values: list[float], tol: float) -> list[float]:
    """Return sorted values with runs closer than ``tol`` merged into their mean."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(run) / len(run) for run in out]


def nearest(edges: list[float], x: float) -> int:
    """Return the index of the edge closest to x."""
    i = bisect_right(edges, x)
    if i == len(edges) or (i > 0 and x - edges[i - 1] <= edges[i] - x):
        return max(i - 1, 0)
    return i


class _Locator:
    """Finds the cell under a point in O(log n) through a slot grid."""

    def __init__(self, cells: list[tuple[float, float, float, float]], snap: float) -> None:
        self.cells = cells
        self.xs = cluster([c[0] for c in cells], snap)
        self.ys = cluster([c[1] for c in cells], snap)
        x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
        x1, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
        self.bbox = (x0, top, x1, bottom)
        self.slots: dict[tuple[int, int], int] = {}
        for i, (cx0, ctop, cx1, cbottom) in enumerate(cells):
            for col in range(nearest(self.xs, cx0), bisect_right(self.xs, cx1 - snap)):
                for row in range(nearest(self.ys, ctop), bisect_right(self.ys, cbottom - snap)):
                    self.slots[(col, row)] = i

    def find(self, x: float, y: float) -> int | None:
        x0, top, x1, bottom = self.bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            return None
        return self.slots.get((bisect_right(self.xs, x) - 1, bisect_right(self.ys, y) - 1))

    def find_span(self, lo: float, hi: float, y: float):
        """Return the cell under every point from (lo, y) to (hi, y), None if no point of
        it is in the table, _MIXED if some are or the points lie in several cells."""
        x0, top, x1, bottom = self.bbox
        if not top <= y <= bottom or hi < x0 or lo > x1:
            return None
        if lo < x0 or hi > x1:
            return _MIXED
        row = bisect_right(self.ys, y) - 1
        first, last = bisect_right(self.xs, lo) - 1, bisect_right(self.xs, hi) - 1
        cells = {self.slots.get((col, row)) for col in range(first, last + 1)}
        return cells.pop() if len(cells) == 1 and None not in cells else _MIXED


def _fragment(
    cells, buckets: list[list[Run]], fills, number: int, settings: PdfSettings
) -> list[Fragment]:
    snap = settings.rule_snap
    tops = cluster([c[1] for c in cells], snap)
    rows: list[list[RawCell]] = [[] for _ in tops]
    marks_wraps = False
    for (x0, top, x1, bottom), runs in zip(cells, buckets, strict=True):
        cell = RawCell(x0, x1, top, bottom, fill=cell_fill(fills, (x0, top, x1, bottom), snap))
        lines = [read_line(line, settings) for line in line_runs(runs, settings)]
        if lines:
            last = lines[-1]
            # the padding is the same both sides (Word's default cell margins)
            cell.limit = x1 - max(min(line.x0 for line in lines) - x0, 0.0)
            cell.lines = tuple(lines)
            cell.full = reaches_foot(bottom, last, settings)
            cell.last, cell.first_word = last, lines[0].first_word_width
            marks_wraps = marks_wraps or any(line.wrapped for line in lines)
        rows[nearest(tops, top)].append(cell)
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return [make_fragment(part, number, marks_wraps, snap) for part in _split_layouts(rows, snap)]


def reaches_foot(bottom: float, last: Line, settings: PdfSettings) -> bool:
    """True when a cell ending at ``bottom`` is filled to its foot by text ending in ``last``.

    A cell cut by the page end is filled to its bottom, less one line that
    widow/orphan control may have pushed over, less the cell padding.
    """
    reach = settings.full_cell_lines * last.size + settings.full_cell_padding
    return bottom - last.bottom <= reach


def make_fragment(
    rows: list[list[RawCell]], number: int, marks_wraps: bool, snap: float, ruled: bool = True
) -> Fragment:
    """Return the Fragment of row bands of cells drawn on page ``number``."""
    cells = [c for row in rows for c in row]
    return Fragment(
        page=number,
        rows=rows,
        x0=min(c.x0 for c in cells),
        x1=max(c.x1 for c in cells),
        top=min(c.top for c in cells),
        bottom=max(c.bottom for c in cells),
        edges=cluster([c.x0 for c in cells] + [c.x1 for c in cells], snap),
        marks_wraps=marks_wraps,
        ruled=ruled,
    )


def _split_layouts(rows: list[list[RawCell]], snap: float) -> list[list[list[RawCell]]]:
    """Return the row bands cut where one table's rules give way to another's.

    Two Word tables with no paragraph between them are drawn as one block of
    rules (a 2-column key straight above a 5-column action table); rows whose
    rules are no subset of each other's belong to different tables.
    """
    parts = [[rows[0]]]
    layout = _edges(rows[0], snap)  # the rules of the current part so far
    reach = max(c.bottom for c in rows[0])
    for row in rows[1:]:
        spanned = reach > row[0].top + snap  # a cell from above runs down into this row
        if not spanned and not compatible(layout, _edges(row, snap), snap):
            parts.append([])
            layout = []
        parts[-1].append(row)
        layout = cluster(layout + _edges(row, snap), snap)
        reach = max(reach, *(c.bottom for c in row))
    return parts


def _edges(row: list[RawCell], snap: float) -> list[float]:
    return cluster([c.x0 for c in row] + [c.x1 for c in row], snap)


def compatible(a: list[float], b: list[float], snap: float) -> bool:
    """True when every rule of the shorter layout is a rule of the other."""
    small, big = sorted((a, b), key=len)
    return all(abs(big[nearest(big, x)] - x) <= snap for x in small)


def _rules(shapes: tuple[Shape, ...], settings: PdfSettings) -> list[Shape]:
    """Return the page's drawn rules: lines, curves, stroked boxes and thin filled ones."""
    rules = [s for s in shapes if s.kind == "line"] + [s for s in shapes if s.kind == "curve"]
    for r in shapes:
        if r.kind != "rect":
            continue
        if r.fill and _is_bar(r, settings):
            rules.append(_centre_line(r))
        elif r.stroke:
            rules.append(r)
    snap = settings.rule_snap
    rules += _closing_rules(rules, snap)
    horizontal = sum(1 for r in rules if r.height <= snap or r.kind == "rect")
    vertical = sum(1 for r in rules if r.width <= snap or r.kind == "rect")
    # a table takes two rules each way at least
    return rules if horizontal >= 2 and vertical >= 2 else []


def _is_bar(box: Shape, settings: PdfSettings) -> bool:
    # Word and LibreOffice draw borders as filled boxes
    thick, long = sorted((box.width, box.height))
    if thick <= settings.thin_rule:
        return True
    return thick <= settings.rule_width and long >= settings.rule_aspect * thick


def _centre_line(box: Shape) -> Shape:
    """Return a filled bar as one rule along its middle.

    As a box it gives two edges, one per side: a 3 pt frame (Word's thick "Box"
    border) would read as a column or row of its own.
    """
    if box.width <= box.height:
        x = (box.x0 + box.x1) / 2
        return _line(x, box.top, x, box.bottom)
    y = (box.top + box.bottom) / 2
    return _line(box.x0, y, box.x1, y)


def _line(x0: float, top: float, x1: float, bottom: float) -> Shape:
    return Shape(
        "line", x0, top, x1, bottom, ((x0, top), (x1, bottom)), True, False, None, None, 0.0
    )


def _closing_rules(rules: list[Shape], snap: float) -> list[Shape]:
    """Return a horizontal rule wherever the vertical rules across a table end on no horizontal one.

    reportlab leaves a row it cuts at a page break open: no rule under its part at
    the foot of the page, none over its rest at the head of the next, nor between
    a repeated header row and that rest. The vertical rules still end there, all of
    them. Chromium and WeasyPrint draw the side rules of a cell spanning rows in
    pieces, one per row, so they too end where no rule crosses the spanning cell;
    but there the rules beside it end on a drawn rule or run on: no row is open.
    """
    across = sorted((r.top, r.x0, r.x1) for r in rules if r.height <= snap and r.width > snap)
    across += sorted((y, r.x0, r.x1) for r in rules if r.kind == "rect" for y in (r.top, r.bottom))
    across.sort()
    ys = [a[0] for a in across]

    def open_end(x: float, y: float) -> bool:
        lo, hi = bisect_left(ys, y - snap), bisect_right(ys, y + snap)
        return not any(x0 - snap <= x <= x1 + snap for _, x0, x1 in across[lo:hi])

    uprights = [r for r in rules if r.width <= snap < r.height and r.kind == "line"]
    ends = sorted((y, r.x0) for r in uprights for y in (r.top, r.bottom) if open_end(r.x0, y))
    out = []
    for group in _y_runs(ends, snap):
        xs = [x for _, x in group]
        y = sum(y for y, _ in group) / len(group)
        closed = _closed_beside(uprights, y, min(xs), max(xs), open_end, snap)
        if len(cluster(xs, snap)) >= 2 and not closed:
            out.append(_line(min(xs), y, max(xs), y))
    return out + _closing_feet(uprights, across, snap)


def _closing_feet(
    uprights: list[Shape], across: list[tuple[float, float, float]], snap: float
) -> list[Shape]:
    """Return a horizontal rule along each line where vertical rules stop, with a gap in it.

    A cell spanning rows that a page break cuts is left open at the foot of the page
    (WeasyPrint): the rules under its neighbours are drawn, none under it, and every
    vertical rule stops there, none running on below.
    """
    tops = [(r.x0, r.top) for r in uprights]
    bottoms = [(r.x0, r.bottom) for r in uprights]

    def runs_on(x: float, y: float, starts: list[tuple[float, float]]) -> bool:
        return any(abs(x - sx) <= snap and abs(y - sy) <= snap for sx, sy in starts)

    stops = sorted(
        {(r.bottom, r.x0) for r in uprights if not runs_on(r.x0, r.bottom, tops)}
        | {(r.top, r.x0) for r in uprights if not runs_on(r.x0, r.top, bottoms)}
    )
    out = []
    for group in _y_runs(stops, snap):
        xs = sorted(x for _, x in group)
        y = sum(y for y, _ in group) / len(group)
        drawn = [(x0, x1) for at, x0, x1 in across if abs(at - y) <= snap]
        if len(cluster(xs, snap)) >= 2 and _gap(drawn, xs[0], xs[-1], snap):
            out.append(_line(xs[0], y, xs[-1], y))
    return out


def _gap(drawn: list[tuple[float, float]], x0: float, x1: float, snap: float) -> bool:
    """True when the spans drawn leave part of x0..x1 uncovered (by more than snap)."""
    reach = x0
    for start, end in sorted(drawn):
        if start > reach + snap:
            return True
        reach = max(reach, end)
    return reach < x1 - snap


def _closed_beside(
    uprights: list[Shape], y: float, x0: float, x1: float, open_end, snap: float
) -> bool:
    """True when a vertical rule ends closed at height y, or runs through it between x0 and x1."""
    for r in uprights:
        if abs(r.top - y) <= snap or abs(r.bottom - y) <= snap:
            end = r.top if abs(r.top - y) <= snap else r.bottom
            if not open_end(r.x0, end):
                return True
        elif r.top < y < r.bottom and x0 - snap <= r.x0 <= x1 + snap:
            return True
    return False


def _y_runs(points: list[tuple[float, float]], snap: float) -> list[list[tuple[float, float]]]:
    """Return (y, x) points sorted by y in runs whose y lie within ``snap`` of the one before."""
    out: list[list[tuple[float, float]]] = []
    for point in points:
        if out and point[0] - out[-1][-1][0] <= snap:
            out[-1].append(point)
        else:
            out.append([point])
    return out


def fills_of(shapes: tuple[Shape, ...]) -> list[Fill]:
    """Return the page's filled boxes in paint order, with their colour as RRGGBB."""
    return [
        (r.x0, r.top, r.x1, r.bottom, r.fill_colour)
        for r in shapes
        if r.kind == "rect" and r.fill and r.fill_colour is not None
    ]


def cell_fill(fills: list[Fill], box: tuple[float, float, float, float], snap: float) -> str | None:
    """Return a cell's shade: the colour last painted under its centre, else that of a
    fill across its whole width from its top. A cell spanning rows that a page cuts may be
    shaded at the foot only as far down as its text goes (WeasyPrint), its centre bare."""
    x0, top, x1, bottom = box
    x, y = (x0 + x1) / 2, (top + bottom) / 2
    centre = across = None
    for f0, ftop, f1, fbottom, colour in fills:  # later paint covers earlier
        if f0 <= x <= f1 and ftop <= y <= fbottom:
            centre = colour
        elif f0 <= x0 + snap and f1 >= x1 - snap and abs(ftop - top) <= snap:
            # taller than a rule: a border drawn as a filled box runs across the top too
            across = colour if fbottom - ftop > 3 * snap else across
    colour = centre or across
    return None if colour == "FFFFFF" else colour


def fill_at(fills: list[Fill], x: float, y: float) -> str | None:
    """Return the colour last painted under a point; None for white or nothing."""
    colour = None
    for x0, top, x1, bottom, hexcolour in fills:  # later paint covers earlier
        if x0 <= x <= x1 and top <= y <= bottom:
            colour = hexcolour
    return None if colour == "FFFFFF" else colour
