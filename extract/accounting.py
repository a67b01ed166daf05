"""Where every non-empty cell of a table ended, and the findings of text that ended nowhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from planwatch.model import (
    ACTION_LIKE_SKIPPED,
    UNACCOUNTED,
    Cell,
    CellTally,
    Finding,
    Table,
)

from .headers import ColumnMap, match_header
from .legend import read_legend_text
from .settings import ExtractSettings


def tally_action_table(
    table: Table, index: int, uses: tuple[str, ...], cmap: ColumnMap, heads: int = 0
) -> tuple[CellTally, tuple[Finding, ...]]:
    """Return where each cell of an action table went, and a finding per cell read into nothing.

    An entry row's cell goes to the action when its column has a role the entry reads, to the
    section when it is the area column; the original date beside a revised one, and any
    column no header title matched, go nowhere. Each of the ``heads`` bold first lines taken
    out of an entry's cell as its section's name counts as context, besides its cell.
    """
    read = {col for role, col in cmap.roles.items() if role != "area"}
    if cmap.update_col is not None:
        read.add(cmap.update_col)
    area = cmap.roles.get("area")
    places: Counter[str] = Counter()
    findings: list[Finding] = []
    for row_no, col, cell in _cells(table):
        use = uses[row_no]
        if use == "entry":
            use = "actions" if col in read else "context" if col == area else "unread"
            if col == cmap.roles.get("due") and _text(table, row_no, cmap.roles.get("revised_due")):
                use = "unread"  # "Original | Revised": the revised date is the target
        if use == "totals":
            use = "skipped"  # counts of the actions, which the entries themselves give
        if use == "unread":
            findings.append(_unaccounted(table, index, row_no, col, cell))
            use = "unaccounted"
        places[use] += 1
    places["context"] += heads
    return CellTally(**places), tuple(findings)


def tally_key_table(
    table: Table, index: int, entries: Mapping[str, str], kind: str, settings: ExtractSettings
) -> tuple[CellTally, tuple[Finding, ...]]:
    """Return where each cell of a key or legend table went: an entry's code, colour or
    meaning to ``kind`` ("key" or "legend"), the first row's other cells to the header."""
    words = {text.lower() for pair in entries.items() for text in pair}
    places: Counter[str] = Counter()
    findings: list[Finding] = []
    for row_no, col, cell in _cells(table):
        if cell.text.lower() in words or (
            kind == "legend" and read_legend_text(cell.text, settings)
        ):
            places[kind] += 1
        elif row_no == 0:
            places["header"] += 1
        else:
            places["unaccounted"] += 1
            findings.append(_unaccounted(table, index, row_no, col, cell))
    return CellTally(**places), tuple(findings)


def tally_section_box(table: Table) -> CellTally:
    """Every cell of a box naming a section (its reference, its title) set the context."""
    return CellTally(context=sum(1 for _ in _cells(table)))


def tally_skipped_table(
    table: Table, index: int, reason: str, settings: ExtractSettings
) -> tuple[CellTally, tuple[Finding, ...]]:
    """Return the count of a skipped table's cells, and a finding when it reads like actions
    (several rows of long text, or top rows or the first column naming two or more column
    roles)."""
    skipped = sum(1 for _ in _cells(table))
    tally = CellTally(skipped=skipped)
    long = settings.long_text_chars
    long_rows = sum(any(len(c.text) >= long for c in row.cells) for row in table.rows)
    top = table.rows[: settings.header_search_rows]
    roles = max((len(match_header(list(row.texts), settings).roles) for row in top), default=0)
    # a form names its fields down its first column, beside their values
    labels = [row.cells[0].text for row in table.rows if row.cells]
    roles = max(roles, len(match_header(labels, settings).roles))
    many_rows = long_rows >= settings.long_text_rows
    if not many_rows and roles < settings.action_like_roles:
        return tally, ()
    page = table.rows[0].page if table.rows else table.page
    why = f"{long_rows} rows of long text" if many_rows else f"{roles} column roles named"
    finding = Finding(ACTION_LIKE_SKIPPED, text=why, table=index, page=page, reason=reason)
    return tally, (finding,)


def _cells(table: Table) -> Iterator[tuple[int, int, Cell]]:
    """Yield (row index, column index, cell) of each non-empty cell where a merge starts."""
    for row_no, row in enumerate(table.rows):
        for col, cell in enumerate(row.cells):
            if cell.text.strip() and not cell.merged:
                yield row_no, col, cell


def _text(table: Table, row_no: int, col: int | None) -> str:
    cells = table.rows[row_no].cells
    return cells[col].text if col is not None and col < len(cells) else ""


def _unaccounted(table: Table, index: int, row_no: int, col: int, cell: Cell) -> Finding:
    page = table.rows[row_no].page
    return Finding(
        UNACCOUNTED, text=cell.text, table=index, row=row_no + 1, column=col + 1, page=page
    )
