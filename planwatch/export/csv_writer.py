"""Records as CSV: contract column names, ISO dates, true/false, ;-joined lists, CRLF."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change

from .cells import format_cell, neutralise
from .schema import column_kinds

# Excel reads a UTF-8 CSV as the local code page unless it starts with a BOM.
FILE_ENCODING = "utf-8-sig"


def write_csv(actions: Iterable[Action], fh: TextIO, *, raw: bool = False) -> None:
    """Write a header row and one row per action to ``fh``; ``raw`` keeps formula-like text."""
    _write_rows(actions, Action, COLUMNS, fh, raw=raw)


def write_changes_csv(changes: Iterable[Change], fh: TextIO, *, raw: bool = False) -> None:
    """Write a header row and one row per change to ``fh``."""
    _write_rows(changes, Change, CHANGE_COLUMNS, fh, raw=raw)


def save_actions(actions: Iterable[Action], path: Path, *, raw: bool = False) -> None:
    """Write actions to a CSV file Excel opens as UTF-8."""
    with path.open("w", encoding=FILE_ENCODING, newline="") as fh:
        write_csv(actions, fh, raw=raw)


def save_changes(changes: Iterable[Change], path: Path, *, raw: bool = False) -> None:
    """Write changes to a CSV file Excel opens as UTF-8."""
    with path.open("w", encoding=FILE_ENCODING, newline="") as fh:
        write_changes_csv(changes, fh, raw=raw)


def _write_rows(
    records: Iterable[object], record_type: type, columns: Sequence[str], fh: TextIO, *, raw: bool
) -> None:
    kinds = column_kinds(record_type)
    guarded = set() if raw else {c for c in columns if kinds[c] in ("string", "list")}
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        cells = ((c, format_cell(getattr(record, c))) for c in columns)
        writer.writerow([neutralise(text) if c in guarded else text for c, text in cells])
