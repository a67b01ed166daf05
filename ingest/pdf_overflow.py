"""Text a producer drew below a ruled table, run out of the cell it belongs to.

A producer that cannot fit a cell spanning rows on the page may draw the rest of its
text on past the table's bottom rule, into the space under it (WeasyPrint, at a page
break: "detectives." under "... enough trained"). Read as a loose line, that text
would end nowhere. A line is taken back into the cell when it touches the table's foot
(or the line taken back before it) or straddles it (Chromium), stands in one cell of the
bottom row, which its text fills to the foot, starts where that cell's lines start and
stands one of their line pitches under the last (a paragraph after the table stands
where it likes).
"""

from __future__ import annotations

from dataclasses import replace

from .pdf_settings import PdfSettings
from .pdf_tables import Fragment, RawCell
from .pdf_text import Line


def adopt_overflow(
    fragments: list[Fragment], lines: list, settings: PdfSettings
) -> tuple[list[Fragment], list, list[str]]:
    """Return the page's fragments with the lines read back into their cells, the loose
    lines less those, and one note for each line read back. ``lines`` are
    ``pdf_layout.PhysicalLine``s, top to bottom."""
    fragments = list(fragments)
    kept, notes = [], []
    reach = [f.bottom for f in fragments]  # how far down each table's text goes
    for pl in lines:
        line = pl.whole
        found = None if len(pl.parts) != 1 else _owner(fragments, reach, line, settings)
        if found is None:
            kept.append(pl)
            continue
        k, r, c = found
        fragments[k] = _with_line(fragments[k], r, c, line)
        reach[k] = line.bottom
        notes.append(
            f"'{line.text}' drawn under a table, in the column of a cell its text fills to"
            " the foot, read as that cell's last line"
        )
    return fragments, kept, notes


def _with_line(fragment: Fragment, r: int, c: int, line: Line) -> Fragment:
    """Return the fragment with ``line`` added as the last of its cell at row r, column c."""
    cell = fragment.rows[r][c]
    own = (*cell.lines, line)
    rows = [list(row) for row in fragment.rows]
    rows[r][c] = replace(cell, lines=own, last=line)
    return replace(fragment, rows=rows)


def _owner(
    fragments: list[Fragment], reach: list[float], line: Line, settings: PdfSettings
) -> tuple[int, int, int] | None:
    """Return where (fragment, row, column) the cell stands that the line runs out of."""
    snap = settings.rule_snap
    for k, fragment in enumerate(fragments):
        gap = line.top - reach[k]
        # a line may straddle the bottom rule (Chromium): it stands under it by its middle
        under = (line.top + line.bottom) / 2 >= reach[k] - snap
        if not fragment.ruled or not under or gap > settings.overflow_touch * line.size:
            continue
        for r, row in enumerate(fragment.rows):
            for c, cell in enumerate(row):
                if cell.bottom >= fragment.bottom - snap and _holds(cell, line, settings):
                    return k, r, c
    return None


def _holds(cell: RawCell, line: Line, settings: PdfSettings) -> bool:
    """True when the line stands in the cell's column where its own lines start, a line
    pitch under the last, and the cell's text runs down to its foot."""
    own, align = cell.lines, settings.overflow_align
    if len(own) < 2 or not cell.full:
        return False
    start = min(o.x0 for o in own)
    inside = cell.x0 <= line.x0 and line.x1 <= cell.x1 + settings.rule_snap
    pitch = (own[-1].top - own[0].top) / (len(own) - 1)
    in_step = abs(line.top - own[-1].top - pitch) <= align
    return inside and in_step and abs(line.x0 - start) <= align
