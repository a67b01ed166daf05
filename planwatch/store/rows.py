"""Canonical records to and from store rows: dates, JSON lists, booleans."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change, column_kinds

_KINDS = column_kinds(Action)
DATE_COLUMNS = frozenset(n for n, k in _KINDS.items() if k == "date")
LIST_COLUMNS = frozenset(n for n, k in _KINDS.items() if k == "list")
BOOL_COLUMNS = frozenset(n for n, k in _KINDS.items() if k == "boolean")
_CHANGE_KINDS = column_kinds(Change)
_CHANGE_DATES = frozenset(n for n, k in _CHANGE_KINDS.items() if k == "date")
_CHANGE_LISTS = frozenset(n for n, k in _CHANGE_KINDS.items() if k == "list")


def action_values(action: Action) -> tuple:
    """Return the action's values in COLUMNS order, as the store keeps them."""
    return tuple(_to_store(name, getattr(action, name)) for name in COLUMNS)


def row_action(row: Mapping[str, Any]) -> Action:
    """Return the Action a store row holds."""
    return Action(**{name: _from_store(name, row[name]) for name in COLUMNS})


def change_values(change: Change) -> tuple:
    """Return the change's values in CHANGE_COLUMNS order (lists as JSON)."""
    return tuple(
        json.dumps(list(value), ensure_ascii=False) if name in _CHANGE_LISTS else value
        for name, value in ((n, getattr(change, n)) for n in CHANGE_COLUMNS)
    )


def row_change(row: Mapping[str, Any]) -> Change:
    """Return the Change a store row holds."""
    return Change(**{n: _change_value(n, row[n]) for n in CHANGE_COLUMNS})


def _change_value(name: str, value: object) -> object:
    if name in _CHANGE_DATES:
        return as_date(value)
    if name in _CHANGE_LISTS:
        return tuple(json.loads(value))
    return value


def as_date(value: object) -> date | None:
    """Return a stored date: SQLite keeps ISO text, PostgreSQL a DATE."""
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _to_store(name: str, value: object) -> object:
    if name in LIST_COLUMNS:
        return json.dumps(list(value), ensure_ascii=False)
    if name in BOOL_COLUMNS:
        return bool(value)
    return value  # dates stay dates: each backend writes them its own way


def _from_store(name: str, value: object) -> object:
    if name in DATE_COLUMNS:
        return as_date(value)
    if name in LIST_COLUMNS:
        return tuple(json.loads(value))
    if name in BOOL_COLUMNS:
        return bool(value)
    return value
