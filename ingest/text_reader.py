"""Read tab-separated text exports (as the seeds are): tab lines are table rows."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.model import Block, Cell, Document, Paragraph, Row, Source, Table

from .limits import Limits

# "<i>Head of Operational Support</i>": inline markup some exports keep
_TAGS = re.compile(r"</?(?:i|b|u|em|strong)>", re.IGNORECASE)


def read_text(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a text export: runs of tab lines become one table each."""
    text = data.decode("utf-8-sig", errors="replace")
    blocks: list[Block] = []
    rows: list[Row] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(Row(tuple(Cell(_tidy(field)) for field in line.split("\t"))))
            continue
        if rows:
            blocks.append(_table(rows))
            rows = []
        if line.strip():
            blocks.append(Paragraph(_tidy(line)))
    if rows:
        blocks.append(_table(rows))
    return Document(source=source, blocks=tuple(blocks))


def _table(rows: list[Row]) -> Table:
    width = max(len(r.cells) for r in rows)
    padded = [Row(r.cells + (Cell(""),) * (width - len(r.cells))) for r in rows]
    return Table(tuple(padded))


def _tidy(text: str) -> str:
    return " ".join(_TAGS.sub("", text).split())
