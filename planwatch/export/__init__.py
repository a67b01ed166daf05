"""Writers for CSV, Parquet, Excel, JSON, the published schema and the HTML report.

The output file's suffix picks the format; each format's module (and its heavy
library) is imported only when a file of that format is written.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.model import Action, Change

from . import csv_writer
from .csv_writer import write_changes_csv, write_csv
from .schema import write_datapackage

__all__ = ["write_actions", "write_changes", "write_csv", "write_datapackage"]

ACTION_SUFFIXES = (".csv", ".parquet", ".xlsx", ".json")
CHANGE_SUFFIXES = (*ACTION_SUFFIXES, ".html")


def write_actions(actions: Sequence[Action], path: Path | None, *, raw: bool = False) -> None:
    """Write actions to ``path`` in the format its suffix names; CSV on standard output if None.

    A CSV file starts with a UTF-8 byte-order mark (Excel otherwise reads it in the
    local code page; standard output gets none) and gets a ``datapackage.json``
    beside it describing its columns. ``raw`` keeps text that
    a spreadsheet would run as a formula as it is (CSV and Excel only; Parquet
    and JSON always carry the text unchanged).
    """
    if path is None:
        write_csv(actions, sys.stdout, raw=raw)
        return
    path = Path(path)
    suffix = _suffix(path, ACTION_SUFFIXES)
    if suffix == ".csv":
        csv_writer.save_actions(actions, path, raw=raw)
        write_datapackage(path, "actions")
    elif suffix == ".parquet":
        from . import parquet_writer

        parquet_writer.save_actions(actions, path)
    elif suffix == ".xlsx":
        from . import excel_writer

        excel_writer.save_actions(actions, path, raw=raw)
    else:
        from . import json_writer

        json_writer.save_actions(actions, path)


def write_changes(
    changes: Sequence[Change],
    path: Path | None,
    *,
    raw: bool = False,
    old: Sequence[Action] | None = None,
    new: Sequence[Action] | None = None,
) -> None:
    """Write changes to ``path`` in the format its suffix names; CSV on standard output if None.

    With the editions' actions, ``.xlsx`` adds a sheet ``actions`` of the newer
    edition and ``.html`` writes the comparison report (which needs both).
    """
    if path is None:
        write_changes_csv(changes, sys.stdout, raw=raw)
        return
    path = Path(path)
    suffix = _suffix(path, CHANGE_SUFFIXES)
    if suffix == ".csv":
        csv_writer.save_changes(changes, path, raw=raw)
        write_datapackage(path, "changes")
    elif suffix == ".parquet":
        from . import parquet_writer

        parquet_writer.save_changes(changes, path)
    elif suffix == ".xlsx":
        from . import excel_writer

        excel_writer.save_changes(changes, path, raw=raw, new=new)
    elif suffix == ".json":
        from . import json_writer

        json_writer.save_changes(changes, path)
    else:
        if old is None or new is None:
            raise PlanwatchError(f"{path.name}: the HTML report needs both editions' actions")
        from .report import write_report

        write_report(old, new, changes, path)


def _suffix(path: Path, supported: Sequence[str]) -> str:
    suffix = path.suffix.lower()
    if suffix not in supported:
        raise PlanwatchError(
            f"{path.name}: cannot write {suffix or 'a file without suffix'}; "
            f"use one of {', '.join(supported)}"
        )
    return suffix
