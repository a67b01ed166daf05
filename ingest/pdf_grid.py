"""Fragments of one table to one Table: a common column grid, pages stitched.

Page-break rule (what LibreOffice draws): a table that runs on is closed by a
rule at the foot of the page and reopened by one at the head of the next, so
rules alone cannot tell a row cut in two from a new row. The text can. The
first body row on the continuing page is the rest of the last row on the page
before when

- every cell holding text in it sits under a cell whose text ran down to the
  foot of the page before (a new row's short cells, "Complete" or a date, sit
  under cells that ended higher up), or under an empty one and is a paragraph
  of ``orphans`` lines or more, moved whole (WeasyPrint), and
- at least one of the cells under text was cut mid-paragraph: its last line wrapped
  (``pdf_text.runs_on``: LibreOffice leaves the space it wrapped at; a line
  flush with the cell edge, whose next word could not have fitted, counts,
  under ``orphans`` lines of words). Where the producer writes no wrap space
  (Chromium, WeasyPrint, Word, reportlab), all of them must end on a line too
  full for the next word.

Rows repeated at the head of each page (header rows) are the table's first rows
again, word for word: they are dropped and the originals marked ``header``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from planwatch.model import Cell, Row, Table

from .pdf_settings import PdfSettings
from .pdf_tables import Fragment, RawCell, cluster, compatible, nearest
from .pdf_text import bold_head, breaks_word, join_parts, runs_on


@dataclass
class _GridRow:
    cells: list[Cell]
    page: int
    raw: list[RawCell | None]  # per slot, the drawn cell that starts there
    header: bool = False


def continues(table: list[Fragment], fragment: Fragment, snap: float) -> bool:
    """True when fragment has the column layout of the table it would continue."""
    last = table[-1]
    if abs(last.x0 - fragment.x0) > snap or abs(last.x1 - fragment.x1) > snap:
        return False
    # a page may hold only rows that merge some columns
    return compatible(last.edges, fragment.edges, snap)


def opens_table(
    table: list[Fragment],
    fragment: Fragment,
    heads: set[tuple[str, ...]],
    snap: float,
    earlier: Sequence[Fragment] = (),
) -> bool:
    """True when a fragment at the head of a page starts a table of its own, though it has
    the layout of the table at the foot of the page before.

    Two tables with a paragraph between them may fall either side of a break. The next
    one shows it: its first row is the first row of a table before (a header printed over
    each table) that the table at the foot does not start with, or its first column holds,
    from the top, the labels down the first column of that table or of one before it,
    ``earlier`` (a form per action, whose next form starts "No." again where a continued
    form would go on with its later labels, maybe after a key of two columns too).
    """
    first, opening = row_texts(fragment.rows[0]), row_texts(table[0].rows[0])
    if any(first) and first in heads and first != opening:
        return True
    # a box over each section ("Recommendation 2" | its text), as an earlier one opens
    form = _label_form(first)
    if form not in (None, _label_form(opening)) and any(_label_form(h) == form for h in heads):
        return True
    labels = _first_column(fragment, snap)
    if _same_labels(labels, _first_column(table[0], snap)):
        return True
    # a form before the table at the foot: the same labels, all of them (a table's header
    # repeated down its first column matches the opening of any table of that header)
    return len(labels) >= 2 and all(labels) and labels in (_first_column(f, snap) for f in earlier)


def _same_labels(labels: list[str], theirs: list[str]) -> bool:
    count = min(len(labels), len(theirs))
    return count >= 2 and all(labels[:count]) and labels[:count] == theirs[:count]


_NUMBER = re.compile(r"\d+[a-z]?\b")


def _label_form(texts: tuple[str, ...]) -> tuple[int, str] | None:
    """Return the form of a row opening with a numbered label ("Recommendation 2", "AFI
    3.1") as (cells, label with its numbers blanked); None for any other row."""
    label = texts[0] if texts else ""
    if len(label) > 40 or not _NUMBER.search(label) or not any(c.isalpha() for c in label):
        return None
    return len(texts), _NUMBER.sub("#", label.casefold())


def row_texts(row: list[RawCell]) -> tuple[str, ...]:
    """Return the texts of a fragment's row band, left to right."""
    return tuple(cell.text for cell in row)


def _first_column(fragment: Fragment, snap: float) -> list[str]:
    """Return the texts down a fragment's first column ("" where no cell starts there)."""
    return [
        row[0].text if row and abs(row[0].x0 - fragment.x0) <= snap else "" for row in fragment.rows
    ]


@dataclass(frozen=True)
class _Reading:
    marks_wraps: bool  # the producer writes a space glyph where it wraps a line
    words: frozenset[str]  # the document's whole words (``pdf_layout.rejoin_cells``)
    settings: PdfSettings
    spanning: frozenset[int] = frozenset()  # the columns where the table draws cells spanning rows
    titles: frozenset[int] = frozenset()  # the columns where rows hold a lone bold text


def build_table(
    fragments: list[Fragment],
    marks_wraps: bool,
    settings: PdfSettings,
    words: frozenset[str] = frozenset(),
) -> tuple[Table, tuple[str, ...]]:
    """Return the Table the fragments of one table make, stitched across pages, and a note
    for each break read by judgement."""
    snap = settings.rule_snap
    edges = cluster([x for f in fragments for x in f.edges], snap)
    grids = [_grid_rows(fragment, edges, settings) for fragment in fragments]
    spanning = frozenset(
        slot for grid in grids for row in grid for slot, c in enumerate(row.cells) if c.row_span > 1
    )
    found = Counter(_title_slot(row) for grid in grids for row in grid)
    # two such rows at least: the row being judged is one of them
    titles = frozenset(slot for slot, n in found.items() if slot is not None and n >= 2)
    reading = _Reading(marks_wraps, words, settings, spanning, titles)
    rows, notes = grids[0], []
    for more in grids[1:]:
        repeated = _repeated_header(rows, more, settings.max_header_rows)
        for row in rows[:repeated]:
            row.header = True
        more = more[repeated:]
        carried, opened = _carry_spans(rows, more[0], reading, notes) if more else (set(), False)
        # a first row read as new for the texts its cells open is no rest of the row above
        if more and not opened and _cut_row(rows[-1], more[0], reading, carried):
            rows[-1] = _join(rows[-1], more.pop(0), carried, reading)
        rows.extend(more)
    table = Table(
        rows=tuple(Row(tuple(r.cells), page=r.page, header=r.header) for r in rows),
        page=fragments[0].page,
    )
    return table, tuple(notes)


def _grid_rows(fragment: Fragment, edges: list[float], settings: PdfSettings) -> list[_GridRow]:
    width = len(edges) - 1
    above: dict[int, tuple[RawCell, int]] = {}  # slot -> cell from above and its last band
    tops = [row[0].top for row in fragment.rows]
    snap = settings.rule_snap
    out = []
    for band, row in enumerate(fragment.rows):
        cells: list[Cell | None] = [None] * width
        raw: list[RawCell | None] = [None] * width
        for cell in row:
            first = nearest(edges, cell.x0)
            span = max(1, nearest(edges, cell.x1) - first)
            down = max(1, sum(1 for t in tops if cell.top - snap < t < cell.bottom - snap))
            head = bold_head(cell.lines, cell.text, cell.limit, settings=settings)
            cells[first] = Cell(
                cell.text, cell.fill, span, down, bold_head=head, spaced=cell.spaced
            )
            raw[first] = cell
            for slot in range(first, min(first + span, width)):
                if slot > first:
                    cells[slot] = Cell("", cell.fill, merged=True)
                above[slot] = (cell, band + down - 1)
        for slot in range(width):
            if cells[slot] is None:
                # no cell starts here: a cell from a row above runs down over it
                spanning = above.get(slot)
                fill = spanning[0].fill if spanning and spanning[1] >= band else None
                cells[slot] = Cell("", fill, merged=True)
        out.append(_GridRow(cells, fragment.page, raw))  # type: ignore[arg-type]
    return out


def _title_slot(row: _GridRow) -> int | None:
    """Return the column of a row's one text where it is all in bold (a section's title
    printed as a row of its own); None otherwise."""
    texts = [(slot, raw) for slot, raw in enumerate(row.raw) if raw is not None and raw.text]
    if len(texts) != 1 or not texts[0][1].lines:
        return None
    slot, raw = texts[0]
    return slot if all(line.whole_bold for line in raw.lines) else None


def _repeated_header(rows: list[_GridRow], more: list[_GridRow], most: int) -> int:
    count = 0
    limit = min(most, len(rows) - 1, len(more))
    while count < limit and _texts(rows[count]) == _texts(more[count]) and any(_texts(more[count])):
        count += 1
    return count


def _cut_row(before: _GridRow, after: _GridRow, reading: _Reading, carried: set[int]) -> bool:
    pairs = [
        (before.raw[i], a)
        for i, a in enumerate(after.raw)
        if a is not None and a.text and i not in carried
    ]
    if not pairs or not any(b is not None and b.text for b in before.raw):
        return False
    if not _same_cells(before, after, carried):
        return False
    # a cell whose first lines did not fit at the foot moves whole to the next page
    # (WeasyPrint), beside its row's other cells cut there or not: it stands where the
    # row at the foot is empty. A text of fewer lines than ``orphans`` would have fitted
    # where its neighbours' first lines did: it opens a row of its own (a totals row)
    moved = [(b, a) for b, a in pairs if b is not None and not b.text]
    if not all(len(a.lines) >= reading.settings.orphans for _, a in moved):
        return False
    # a lone text all in bold, in a column where the table prints its section titles so,
    # is the next section's title row, not a cell moved whole
    if moved and _title_slot(after) in reading.titles:
        return False
    held = [(b, a) for b, a in pairs if b is None or b.text]
    return not held or _held_cut(before, held, reading)


def _same_cells(before: _GridRow, after: _GridRow, carried: set[int]) -> bool:
    """True when each cell of the next page's first row that starts where a cell of the row
    at the foot does (not under a cell merged down from above) spans the same columns and
    is shaded alike: a row cut by a page keeps its cells, while a section's title spanning
    the columns of a totals row's count and label opens a row of its own, and so does an
    entry whose status is shaded otherwise."""
    return all(
        before.cells[i].col_span == after.cells[i].col_span and not _refilled(before.raw[i], a)
        for i, a in enumerate(after.raw)
        if a is not None and before.raw[i] is not None and i not in carried
    )


def _refilled(before: RawCell, after: RawCell) -> bool:
    """True when a cell at the page foot is shaded otherwise at the head of the next: a
    cell cut by a page keeps its shading. An empty cell unfilled at the foot tells nothing,
    as WeasyPrint leaves unfilled the foot part of a cell it moves whole."""
    return after.fill != before.fill and (before.fill is not None or bool(before.text))


def _held_cut(
    before: _GridRow, pairs: list[tuple[RawCell | None, RawCell]], reading: _Reading
) -> bool:
    """True when the cells of the next page's first row that stand under text at the foot
    are that text's rest: each under a cell reaching the foot, and cut mid-paragraph."""
    if not all(b is not None and b.text and _full(b, a, reading) for b, a in pairs):
        return False
    # a row all in bold is a header or a title, which may well end at the foot of a page
    plain = any(c.lines and not c.lines[-1].whole_bold for c in before.raw if c is not None)
    cut = [(*_looks_cut(b, a, plain, reading), a) for b, a in pairs]
    settings = reading.settings
    # a line merely too full for the next word (no wrap marks) is weak: a one-line row
    # with a long action looks cut, so every cell must look cut
    if not reading.marks_wraps:
        return all(wraps and (b is None or _kept_over(b, a, settings)) for wraps, b, a in cut)
    # a marked wrap proves its cell was cut mid-paragraph, so one will do (another cell
    # may break at a paragraph's end). Where every cell looks cut it joins
    if all(wraps for wraps, _, _ in cut):
        return True
    if any(wraps and (b is None or b.last.wrapped) for wraps, b, _ in cut):
        return True
    # So does an unmarked line flush with the cell's edge under lines of the same
    # paragraph, wrapped at a space, but not a cell of one line as wide as its column,
    # or of one word broken over lines ("3." over "12" in a narrow ref column), as
    # likely its whole text; and not against more cells whose text at the head could
    # have gone on the line at the foot: each of those opens a paragraph there, as the
    # cells of a new row do (a ref, a lead, a date under the foot's own)
    flush = sum(1 for wraps, b, _ in cut if wraps and len(b.lines) > 1 and " " in b.text)
    ended = sum(1 for wraps, _, _ in cut if not wraps)
    return flush > 0 and ended <= flush


def _kept_over(cell: RawCell, rest: RawCell, settings: PdfSettings) -> bool:
    """True when a cell cut by a page break, ``rest`` its part at the head of the next
    page, keeps the lines either side that orphan or widow control keep.

    A paragraph cut by a page break keeps ``orphans`` lines at the foot (orphan control),
    ``widows`` at the head (widow control), or both (Chromium and WeasyPrint, in table
    cells too). One line alone either side was cut by neither: a line too full for the
    next word there is as likely a whole short text ("DCC" | "Deputy Chief Constable"
    at the foot, "Supt" | "Superintendent, Force Contact" under a repeated header).
    """
    return len(cell.lines) >= settings.orphans or len(rest.lines) >= settings.widows


def _full(before: RawCell, after: RawCell, reading: _Reading) -> bool:
    """True when a cell's text at a page foot reaches the foot, so it may go on in ``after``.

    Widow control (CSS ``widows: 2``, Chromium) moves a line that would fit over to the
    next page when it would stand there alone: the cell's text then ends up to two line
    pitches above its foot, and its rest on the next page is two lines at least.
    """
    if before.full:
        return True
    if before.last is None or len(after.lines) < 2:
        return False
    pitch = _pitch(before.lines) or _pitch(after.lines)
    reach = reading.settings.widow_pitches * pitch + reading.settings.full_cell_padding
    return before.bottom - before.last.bottom < reach


def _pitch(lines) -> float:
    """Return the distance from one line's top to the next's in a cell; 0 for one line."""
    if len(lines) < 2:
        return 0.0
    return (lines[-1].top - lines[0].top) / (len(lines) - 1)


def _looks_cut(
    before: RawCell, after: RawCell, plain: bool, reading: _Reading
) -> tuple[bool, RawCell | None]:
    """Return whether ``before`` looks cut mid-paragraph with ``after`` its rest, and the
    cell whose lines tell it (None where its bold head alone tells it)."""
    if _turns_bold(before, after):
        return False, before
    if plain and _bold_head_only(before, after):
        return True, None
    wraps = runs_on(
        before.last, before.limit, after.first_word, reading.marks_wraps, reading.settings
    )
    return wraps, before


def _turns_bold(before: RawCell, after: RawCell) -> bool:
    """True when plain text at the foot is followed by a line wholly in bold: a paragraph
    does not change weight over a page, so the bold text (a section title under a totals
    row) opens a row of its own rather than finishing the cell above."""
    return (
        before.last is not None
        and not before.last.whole_bold
        and bool(after.lines)
        and after.lines[0].whole_bold
    )


def _bold_head_only(before: RawCell, after: RawCell) -> bool:
    """True when a cell shows only its bold opening lines at the foot of the page and plain
    text under them at the head of the next: no cell ends on its bold head ("Protection"
    over the action text), so the page broke the cell after it."""
    return (
        all(line.whole_bold for line in before.lines)
        and bool(after.lines)
        and not after.lines[0].whole_bold
    )


def _carry_spans(
    rows: list[_GridRow], after: _GridRow, reading: _Reading, notes: list[str]
) -> tuple[set[int], bool]:
    """Move into a cell spanning rows down to a page foot the rest of its text, in place;
    return the slots whose text moved, and whether ``after`` was read as a new row beside
    a cell of the last row running on for the texts its other cells open. A span read
    from the last row alone is noted.

    A cell spanning rows (an area over its actions) that a page break cuts goes on in
    the same column of the next page's first row, beside that row's own new cells.
    Its text there is the spanning cell's when the cell ran to the foot of the page
    mid-paragraph; the row's own cell in that column is then the span's continuation.
    """
    last, carried, opened = len(rows) - 1, set(), False
    for slot, a in enumerate(after.raw):
        if a is None or not a.text:
            continue
        start = next((k for k in range(last, -1, -1) if rows[k].raw[slot] is not None), None)
        if start is None or rows[start].page != rows[last].page:
            continue
        why = _new_row_beside(slot, rows[last], after, reading) if start == last else ""
        if start == last and not why:
            continue
        cell, b = rows[start].cells[slot], rows[start].raw[slot]
        if start + cell.row_span - 1 < last:
            continue  # the span ends above the foot
        # no cell ends on its bold head: its text moved on, however much room was left
        headed = start < last and bool(b.lines) and _bold_head_only(b, a)
        if not headed and not _runs_to_foot(b, a, reading):
            continue
        if _group_ends(rows[start], slot, after, reading):
            continue
        if start < last and _sentence_break(b, a):
            notes.append(
                f"page {after.page}: '{a.text[:30]}' read as a cell of its own under column"
                f" {slot + 1}'s cell spanning rows from page {rows[last].page}, whose text"
                " ends a sentence there; it may be that cell's rest"
            )
            continue
        rows[start].cells[slot] = replace(
            _run_on(cell, b, a, reading), row_span=cell.row_span + 1
        )
        after.cells[slot] = Cell("", after.cells[slot].fill, merged=True)
        carried.add(slot)
        if start == last:
            opened = opened or why in (_OPEN_BESIDE, _SHADED_BESIDE)
            notes.append(
                f"page {after.page}: the first row of a table read as a new row beside column"
                f" {slot + 1}'s cell running on from page {rows[last].page} ({why}); it may"
                " be the rest of the row above"
            )
    return carried, opened


def _runs_to_foot(before: RawCell, after: RawCell, reading: _Reading) -> bool:
    """True when a cell's text runs on to the page foot, too full there for ``after``'s
    first word: it may go on in ``after``."""
    if not (before.text and _full(before, after, reading)):
        return False
    settings, marks = reading.settings, reading.marks_wraps
    return runs_on(before.last, before.limit, after.first_word, marks, settings)


def _sentence_break(before: RawCell, after: RawCell) -> bool:
    """True when a cell's text at a page foot ends a sentence, no wrap mark after it, and
    its rest at the head of the next opens one: the cell may as well have ended there."""
    last = before.last
    return (
        last is not None
        and not last.wrapped
        and last.text[-1:] in ".!?"
        and after.text[:1].isupper()
    )


def _group_ends(row: _GridRow, slot: int, after: _GridRow, reading: _Reading) -> bool:
    """True when a cell spanning the same rows as the cell of ``slot`` ends above the foot
    and the next page's first row opens a cell of its own under it.

    Cells merged over one action's entries (its ref, its action) span the same rows. A
    new ref at the head of the next page starts the next action, so the action beside
    it is that action's too, not the rest of the one above: an action whose last line
    leaves too little room for the next word looks cut where no wrap marks tell.
    """
    span = row.cells[slot].row_span
    return any(
        i != slot and c.row_span == span and raw is not None and raw.text and a is not None
        and a.text and not _full(raw, a, reading)
        for i, (c, raw, a) in enumerate(zip(row.cells, row.raw, after.raw, strict=True))
    )  # fmt: skip


# why a table's first row on a page is read as a new row beside a cell running on
_SPANS_ELSEWHERE = "cells of that column span rows elsewhere"
_OPEN_BESIDE = "the cells beside it open texts of their own"
_SHADED_BESIDE = "a cell beside it is shaded otherwise"


def _new_row_beside(slot: int, before: _GridRow, after: _GridRow, reading: _Reading) -> str:
    """Return why the first row on the next page is a new row under the cell of ``slot``
    cut at the foot of the page before, rather than the rest of that cell's row; '' if
    it is not.

    Rules cannot tell a row cut in two from a cell spanning rows whose next row moved
    to the next page. The text can where a marked wrap (LibreOffice) proves the cell cut
    mid-paragraph: the row on the next page holds, beside the cut cell's rest, text under
    a cell that ended its paragraph, and that text opens a row of its own where the table
    draws cells spanning rows in that column (an action over its progress entries), or
    where two or more such texts stand there and no cell beside shows a marked wrap (a
    cell merged down over the actions of a table of its own, whose first row ends the
    page, so no span shows yet): a row cut in two would break each of those cells
    between two paragraphs. So does a cell beside it shaded otherwise (a status shaded by
    its colour), as a cell cut by a page keeps its shading.
    Where no wrap marks tell, an action ending on a line too full for the next word
    looks cut, and the next row's action would be read into it.
    """
    cut = before.raw[slot]
    if cut is None or cut.last is None or not cut.last.wrapped:
        return ""
    if _shaded_otherwise(slot, before, after):
        return _SHADED_BESIDE
    beside = [
        (b, a) for i, (b, a) in enumerate(zip(before.raw, after.raw, strict=True))
        if i != slot and a is not None and a.text and b is not None and b.text
    ]  # fmt: skip
    settings, marks = reading.settings, reading.marks_wraps
    ended = sum(not runs_on(b.last, b.limit, a.first_word, marks, settings) for b, a in beside)
    if slot in reading.spanning:
        return _SPANS_ELSEWHERE if ended else ""
    if ended >= 2 and not any(b.last.wrapped for b, _ in beside):
        return _OPEN_BESIDE
    return ""


def _shaded_otherwise(slot: int, before: _GridRow, after: _GridRow) -> bool:
    """True when a cell of the next page's first row beside ``slot`` starts where one of
    the row at the foot does and is shaded otherwise."""
    return any(
        i != slot and b is not None and a is not None and _refilled(b, a)
        for i, (b, a) in enumerate(zip(before.raw, after.raw, strict=True))
    )


def _join(before: _GridRow, after: _GridRow, carried: set[int], reading: _Reading) -> _GridRow:
    cells = list(before.cells)
    for i, (b, a) in enumerate(zip(before.raw, after.raw, strict=True)):
        if b is not None and a is not None and a.text and i not in carried:
            cells[i] = _run_on(cells[i], b, a, reading)
    return _GridRow(cells, before.page, after.raw, before.header)


def _run_on(cell: Cell, before: RawCell, after: RawCell, reading: _Reading) -> Cell:
    """Return ``cell`` with its rest on the next page (``after``) joined on; a cell bold so
    far has its bold run on into the rest's bold opening."""
    head = cell.bold_head
    text = _joined(cell.text, before, after, reading)
    if head and head == cell.text:
        more = bold_head(after.lines, after.text, after.limit, settings=reading.settings)
        # joined as the text is: a word the page foot broke ("Protectin" + "g")
        head = text[: len(text) - len(after.text) + len(more)] if more else head
    return replace(cell, text=text, bold_head=head, spaced="")


def _joined(text: str, before: RawCell, after: RawCell, reading: _Reading) -> str:
    """Return a cell's text so far (the parts of pages before too) joined with its rest
    on the next page; a word the page foot broke ("Recomme" + "ndation") joins whole."""
    last, words, marks = before.last, reading.words, reading.marks_wraps
    if (
        last is not None
        and after.lines
        and breaks_word(last, after.lines, before.limit, words, marks, reading.settings)
    ):
        return text + after.text
    return join_parts(text, after.text, last is not None and last.wrapped)


def _texts(row: _GridRow) -> tuple[str, ...]:
    return tuple(c.text for c in row.cells)
