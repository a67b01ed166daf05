"""Section context from emphasis: a short bold line opening a cell, or a row of one bold line.

Some plans name the area a run of actions belongs to in bold, inside the table: as the
first line of the first or the action cell of the area's first row ("**Protection**" over
the action text), or as a row holding only that line. Bold is read from the cell's
``bold_head`` (each reader fills it where its format says what is bold), never from words.
It is emphasis, not a section, where it would not mark out a few rows among many: a table
whose cells are mostly bold, two or more action cells that nearly all open with a bold line,
in the table or in the whole document (each action's own title, unless the line reads as a
section heading), a bold line too long to be a name, or one that is a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planwatch.model import Cell, Row, Table

from .sections import Section, match_heading
from .settings import ExtractSettings
from .totals import is_totals


@dataclass(frozen=True)
class BoldHeads:
    """The rows of one action table whose bold text sets the section."""

    # row index -> (column, section): the cell at that column opens with its section's name
    cells: dict[int, tuple[int, Section]] = field(default_factory=dict)
    # row index -> section: the row holds nothing but its section's name
    rows: dict[int, Section] = field(default_factory=dict)


def titles_in_bold(tables: list[tuple[Table, int, int | None]], settings: ExtractSettings) -> bool:
    """True when two or more of the action cells of a document's action tables (each given
    with its header row and action column) nearly all open with a short bold line."""
    heads = actions = 0
    for table, header_index, action_col in tables:
        body = table.rows[header_index + 1 :]
        actions += _action_rows(body, action_col, settings)
        heads += sum(_headed_cell(row, action_col, settings) is not None for row in body)
    return _nearly_all(heads, actions, settings)


def read_bold_heads(
    table: Table,
    header_index: int,
    action_col: int | None,
    settings: ExtractSettings,
    titled: bool = False,
) -> BoldHeads:
    """Return the cells and rows below the header whose short bold line names a section;
    none where the table's bold is only emphasis. ``titled``: the document's actions
    nearly all open in bold (``titles_in_bold``)."""
    body = table.rows[header_index + 1 :]
    filled = [c for row in body for c in row.cells if c.text and not c.merged]
    if sum(c.bold_head == c.text for c in filled) * 2 > len(filled):
        return BoldHeads()  # bold is the table's style, not a mark
    start = header_index + 1
    rows = {start + n: _section(_only(row).text, settings) for n, row in enumerate(body)
            if _is_bold_row(row, settings)}  # fmt: skip
    cells = {
        start + n: (col, _section(row.cells[col].bold_head, settings))
        for n, row in enumerate(body)
        if start + n not in rows and (col := _headed_cell(row, action_col, settings)) is not None
    }
    actions = _action_rows(body, action_col, settings)
    if titled or _nearly_all(len(cells), actions, settings):
        # nearly every action opens in bold: its own title, unless the line reads as a
        # section's heading ("AFI 3: Culture")
        cells = {n: (col, section) for n, (col, section) in cells.items() if section.ref}
    return BoldHeads(cells, rows)


def _nearly_all(heads: int, actions: int, settings: ExtractSettings) -> bool:
    return heads >= 2 and heads > settings.bold_title_share * actions


def without_head(row: Row, col: int) -> Row:
    """Return the row with the bold head taken out of the cell at ``col``."""
    cell = row.cells[col]
    rest = replace(cell, text=cell.text[len(cell.bold_head) :].strip(), bold_head="")
    return replace(row, cells=(*row.cells[:col], rest, *row.cells[col + 1 :]))


def _headed_cell(row: Row, action_col: int | None, settings: ExtractSettings) -> int | None:
    """Return the column of the row's first filled cell, or its action cell, when it opens
    with a short bold line above more text; else None."""
    first = next((n for n, c in enumerate(row.cells) if c.text and not c.merged), None)
    for col in dict.fromkeys((first, action_col)):
        if col is None or col >= len(row.cells):
            continue
        cell = row.cells[col]
        head = cell.bold_head
        opens = head and cell.text.startswith(f"{head} ") and not cell.merged
        if opens and _is_name(head, settings):
            return col
    return None


def _is_bold_row(row: Row, settings: ExtractSettings) -> bool:
    """True when one cell alone holds text, and all of it is one short bold line."""
    filled = [c for c in row.cells if c.text and not c.merged]
    whole = len(filled) == 1 and filled[0].bold_head == filled[0].text
    return whole and _is_name(filled[0].text, settings)


def _only(row: Row) -> Cell:
    return next(c for c in row.cells if c.text and not c.merged)


def _is_name(text: str, settings: ExtractSettings) -> bool:
    """True when a bold line is short enough to name a section ("Protection", "AFI 3: Culture
    and values") and is no sentence."""
    text = text.strip()
    return (
        0 < len(text) <= settings.max_head_chars
        and len(text.split()) <= settings.max_head_words
        and not text.endswith((".", "!", "?"))
        and ". " not in text
    )


def _section(text: str, settings: ExtractSettings) -> Section:
    """Return the section a bold name opens: its ref and title where it reads as a heading
    ("AFI 3: Culture"), else the name as its title."""
    heading = match_heading(text, settings)
    if heading is not None:
        return replace(heading, awaiting_title=False)
    return Section(title=text.strip())


def _action_rows(rows: tuple[Row, ...], action_col: int | None, settings: ExtractSettings) -> int:
    """Return the count of rows with action text beside other text: a label or banner row
    across the table holds one cell only, a row of totals counts no action."""
    return sum(
        bool(_text(row, action_col))
        and sum(bool(c.text) for c in row.cells if not c.merged) > 1
        and not is_totals(row, action_col, settings)
        for row in rows
    )


def _text(row: Row, col: int | None) -> str:
    return row.cells[col].text if col is not None and col < len(row.cells) else ""
