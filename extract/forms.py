"""Plans printed as one small form per action: a table of two columns whose rows each hold a
label ("Action", "Owner", "Deadline") and its value, one such table after another.

A run of such forms with the same labels is read as the action tables they stand for: each
turned so that its labels are a header row over the one entry row of its values. A lone form
is left as it is: with nothing to compare it to, it may as well be a key or a sign-off box.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from planwatch.model import Block, Row, Table

from .headers import match_header
from .profile import normalise_label
from .settings import ExtractSettings


def turned_forms(
    blocks: tuple[Block, ...], settings: ExtractSettings
) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Return the blocks with every form of a run turned to a header over one entry, and a
    warning naming the tables so read."""
    tables = [block for block in blocks if isinstance(block, Table)]
    folded = {id(table): _folded(table) for table in tables}
    labels = {id(table): _form_labels(folded[id(table)], settings) for table in tables}
    runs = Counter(found for found in labels.values() if found)
    forms = [n for n, t in enumerate(tables, 1) if runs[labels[id(t)]] >= 2]
    if not forms:
        return blocks, ()
    turned = tuple(
        _turned(folded[id(block)])
        if isinstance(block, Table) and runs[labels[id(block)]] >= 2
        else block
        for block in blocks
    )
    listed = ", ".join(map(str, forms))
    return turned, (
        f"tables {listed}: a form per action (a label and its value on each row), each read"
        " as one action under its labels",
    )


def _form_labels(table: Table, settings: ExtractSettings) -> frozenset[str] | None:
    """Return the labels of a form (two columns, no merged cell, the first column naming the
    action and ``settings.min_form_fields`` other fields at least), None for any other table."""
    rows = table.rows
    if not 1 + settings.min_form_fields <= len(rows) <= settings.max_form_rows:
        return None
    if any(
        len(row.cells) != 2 or any(c.merged or c.col_span > 1 for c in row.cells) for row in rows
    ):
        return None
    labels = [row.cells[0].text for row in rows]
    roles = match_header(labels, settings).roles
    if "action" not in roles or len(roles) < 1 + settings.min_form_fields:
        return None
    return frozenset(normalise_label(label) for label in labels)


def _folded(table: Table) -> Table:
    """Return a table of two columns with each row that has a value but no label joined to
    the row above: a form's value goes on under its label (a page break between two of its
    paragraphs leaves the rest in a row of its own)."""
    rows: list[Row] = []
    for row in table.rows:
        label, value = row.cells if len(row.cells) == 2 else (None, None)
        if rows and label is not None and not label.text.strip() and value.text.strip():
            above = rows[-1]
            text = " ".join(part for part in (above.cells[1].text, value.text) if part)
            value = replace(above.cells[1], text=text, spaced="")
            rows[-1] = replace(above, cells=(above.cells[0], value))
        else:
            rows.append(row)
    return table if len(rows) == len(table.rows) else replace(table, rows=tuple(rows))


def _turned(table: Table) -> Table:
    """Return the form as a table of two rows: its labels, then its values."""
    rows = table.rows
    labels = Row(tuple(row.cells[0] for row in rows), rows[0].page, header=True)
    values = Row(tuple(row.cells[1] for row in rows), rows[0].page)
    return Table((labels, values), table.page)
