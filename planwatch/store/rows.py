"""Canonical actions to and from store rows: ISO dates, JSON lists, 0/1 booleans."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date

from planwatch.model import COLUMNS, Action

_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Action)}
DATE_COLUMNS = frozenset(n for n, t in _TYPES.items() if t.startswith("date"))
LIST_COLUMNS = frozenset(n for n, t in _TYPES.items() if t.startswith("tuple"))
BOOL_COLUMNS = frozenset(n for n, t in _TYPES.items() if t == "bool")


def action_values(action: Action) -> tuple:
    """Return the action's values in COLUMNS order, as the store keeps them."""
    return tuple(_to_store(name, getattr(action, name)) for name in COLUMNS)


def row_action(row: sqlite3.Row) -> Action:
    """Return the Action a store row holds."""
    return Action(**{name: _from_store(name, row[name]) for name in COLUMNS})


def _to_store(name: str, value: object) -> object:
    if name in DATE_COLUMNS:
        return value.isoformat() if value else None
    if name in LIST_COLUMNS:
        return json.dumps(list(value), ensure_ascii=False)
    if name in BOOL_COLUMNS:
        return int(bool(value))
    return value


def _from_store(name: str, value: object) -> object:
    if name in DATE_COLUMNS:
        return date.fromisoformat(value) if value else None
    if name in LIST_COLUMNS:
        return tuple(json.loads(value))
    if name in BOOL_COLUMNS:
        return bool(value)
    return value
