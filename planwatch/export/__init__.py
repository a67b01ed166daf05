"""Writers for CSV, JSON, JSON Lines, Parquet, Excel, the published schema and the HTML report.

The format is named, or read from the output file's suffix; each format's module
(and its heavy library) is imported only when a file of that format is written.
Every file is written atomically: a reader sees the old file or the new one.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from planwatch.errors import PlanwatchError
from planwatch.model import Action, Change

from .atomic import atomic_write
from .csv_writer import FILE_ENCODING, write_changes_csv, write_csv
from .schema import write_datapackage

__all__ = [
    "ACTION_FORMATS",
    "CHANGE_FORMATS",
    "atomic_write",
    "output_format",
    "write_actions",
    "write_changes",
    "write_csv",
    "write_changes_csv",
    "write_datapackage",
]

ACTION_FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx")
CHANGE_FORMATS = (*ACTION_FORMATS, "html")
ACTION_SUFFIXES = tuple(f".{f}" for f in ACTION_FORMATS)
CHANGE_SUFFIXES = tuple(f".{f}" for f in CHANGE_FORMATS)
BINARY_FORMATS = ("parquet", "xlsx")
STDOUT = "-"


def output_format(
    path: Path | str | None, fmt: str | None = None, supported: Sequence[str] = ACTION_FORMATS
) -> str:
    """Return the format to write: ``fmt`` if named, else the suffix's, else csv for stdout.

    Raise PlanwatchError naming the file when neither says a supported format.
    """
    if fmt is not None:
        if fmt not in supported:
            raise PlanwatchError(f"cannot write {fmt}; use one of {', '.join(supported)}")
        return fmt
    if _is_stdout(path):
        return "csv"
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in supported:
        raise PlanwatchError(
            f"{Path(path).name}: cannot tell the format from "
            f"{'.' + suffix if suffix else 'a name without suffix'}; "
            f"use one of {', '.join('.' + f for f in supported)} (or name the format)"
        )
    return suffix


def write_actions(
    actions: Sequence[Action],
    path: Path | str | None = None,
    *,
    format: str | None = None,
    raw: bool = False,
    bom: bool = True,
) -> None:
    """Write actions to ``path`` (standard output if None or ``-``) in ``format``.

    The format defaults to the suffix's (CSV on standard output). A CSV file
    starts with a UTF-8 byte-order mark unless ``bom`` is False (Excel otherwise
    reads it in the local code page; standard output never gets one) and gets a
    ``datapackage.json`` beside it describing its columns. ``raw`` keeps text
    that a spreadsheet would run as a formula as it is (CSV and Excel only;
    Parquet and JSON always carry the text unchanged).
    """
    fmt = output_format(path, format, ACTION_FORMATS)
    _write(_dumper(actions, "actions", fmt, raw=raw), "actions", path, fmt, bom=bom)


def write_changes(
    changes: Sequence[Change],
    path: Path | str | None = None,
    *,
    format: str | None = None,
    raw: bool = False,
    bom: bool = True,
    old: Sequence[Action] | None = None,
    new: Sequence[Action] | None = None,
) -> None:
    """Write changes to ``path`` (standard output if None or ``-``) in ``format``.

    With the editions' actions, ``xlsx`` adds a sheet ``actions`` of the newer
    edition and ``html`` writes the comparison report (which needs both).
    """
    fmt = output_format(path, format, CHANGE_FORMATS)
    if fmt == "html":
        if old is None or new is None:
            raise PlanwatchError(f"{Path(path or '-').name}: the HTML report needs both editions")
        from .report import render_report

        page = render_report(old, new, changes)
        _write(lambda fh: fh.write(page), "changes", path, fmt, bom=bom)
        return
    _write(_dumper(changes, "changes", fmt, raw=raw, new=new), "changes", path, fmt, bom=bom)


def _dumper(
    records: Sequence[object],
    table: str,
    fmt: str,
    *,
    raw: bool,
    new: Sequence[Action] | None = None,
) -> Callable[[IO], None]:
    """Return the function writing ``records`` in ``fmt`` to an open file handle."""
    from planwatch.model import CHANGE_COLUMNS, COLUMNS

    columns = COLUMNS if table == "actions" else CHANGE_COLUMNS
    if fmt == "csv":
        from .csv_writer import dump_csv

        return lambda fh: dump_csv(records, table, fh, raw=raw)
    if fmt in ("json", "jsonl"):
        from . import json_writer

        dump = json_writer.dump_json if fmt == "json" else json_writer.dump_jsonl
        return lambda fh: dump(records, columns, fh)
    if fmt == "parquet":
        from .parquet_writer import dump_parquet

        return lambda fh: dump_parquet(records, table, fh)
    from . import excel_writer

    if table == "actions":
        return lambda fh: excel_writer.dump_actions(records, fh, raw=raw)
    return lambda fh: excel_writer.dump_changes(records, fh, raw=raw, new=new)


def _write(
    dump: Callable[[IO], None], table: str, path: Path | str | None, fmt: str, *, bom: bool
) -> None:
    binary = fmt in BINARY_FORMATS
    if _is_stdout(path):
        if binary:  # built whole first: Parquet and .xlsx need a seekable file
            buffer = io.BytesIO()
            dump(buffer)
            out = sys.stdout.buffer
            out.write(buffer.getvalue())
            out.flush()
        else:
            dump(sys.stdout)
            sys.stdout.flush()
        return
    path = Path(path)
    encoding = FILE_ENCODING if fmt == "csv" and bom else "utf-8"
    with atomic_write(path, binary=binary, encoding=encoding) as fh:
        dump(fh)
    if fmt == "csv":
        write_datapackage(path, table, encoding)


def _is_stdout(path: Path | str | None) -> bool:
    return path is None or str(path) == STDOUT
