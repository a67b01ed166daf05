"""Records as a JSON array of objects: contract names, ISO dates, real booleans, lists as arrays."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change


def save_actions(actions: Iterable[Action], path: Path) -> None:
    """Write actions to a JSON file as a list of records."""
    _save(actions, COLUMNS, path)


def save_changes(changes: Iterable[Change], path: Path) -> None:
    """Write changes to a JSON file as a list of records."""
    _save(changes, CHANGE_COLUMNS, path)


def _save(records: Iterable[object], columns: Sequence[str], path: Path) -> None:
    rows = [{c: _value(getattr(r, c)) for c in columns} for r in records]
    with path.open("w", encoding="utf-8") as fh:
        json.dump(rows, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def _value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
