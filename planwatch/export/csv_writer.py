"""Canonical rows as CSV: UTF-8, contract column names, ISO dates, true/false, ;-joined lists."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import astuple
from datetime import date
from typing import TextIO

from planwatch.model import COLUMNS, Action


def write_csv(actions: Iterable[Action], fh: TextIO) -> None:
    """Write a header row and one row per action to ``fh``."""
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for action in actions:
        writer.writerow([_cell(v) for v in astuple(action)])


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ";".join(value)
    return str(value)
