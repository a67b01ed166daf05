"""Records as CSV: contract column names, ISO dates, true/false, ;-joined lists, CRLF."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from planwatch.model import Action, Change

from .cells import format_cell, neutralise
from .schema import TABLES, column_kinds

# Excel reads a UTF-8 CSV as the local code page unless it starts with a BOM.
FILE_ENCODING = "utf-8-sig"


def write_csv(actions: Iterable[Action], fh: TextIO, *, raw: bool = False) -> None:
    """Write a header row and one row per action to ``fh``; ``raw`` keeps formula-like text."""
    dump_csv(actions, "actions", fh, raw=raw)


def write_changes_csv(changes: Iterable[Change], fh: TextIO, *, raw: bool = False) -> None:
    """Write a header row and one row per change to ``fh``."""
    dump_csv(changes, "changes", fh, raw=raw)


def dump_csv(records: Iterable[object], table: str, fh: TextIO, *, raw: bool = False) -> None:
    """Write a header row and one row per ``actions`` or ``changes`` record to ``fh``."""
    kinds = column_kinds(TABLES[table][0])
    columns = list(kinds)
    guarded = set() if raw else {c for c in columns if kinds[c] in ("string", "list")}
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        cells = ((c, format_cell(getattr(record, c))) for c in columns)
        writer.writerow([neutralise(text) if c in guarded else text for c, text in cells])
