"""Canonical records to and from store rows: dates, JSON lists, booleans."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any

from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change, column_kinds

_KINDS = column_kinds(Action)
DATE_COLUMNS = frozenset(n for n, k in _KINDS.items() if k == "date")
LIST_COLUMNS = frozenset(n for n, k in _KINDS.items() if k == "list")
BOOL_COLUMNS = frozenset(n for n, k in _KINDS.items() if k == "boolean")
_VALUES = attrgetter(*COLUMNS)  # an action's values in COLUMNS order, in one call
_CHANGE_KINDS = column_kinds(Change)
_CHANGE_DATES = frozenset(n for n, k in _CHANGE_KINDS.items() if k == "date")
_CHANGE_LISTS = frozenset(n for n, k in _CHANGE_KINDS.items() if k == "list")


def as_date(value: object) -> date | None:
    """Return a stored date: SQLite keeps ISO text, PostgreSQL a DATE."""
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else _iso_date(str(value))


# An edition's dates and lead lists take few values: read each once and share it (both
# are immutable), rather than make a new object for each of 100,000 rows.
@lru_cache(maxsize=4096)
def _iso_date(text: str) -> date:
    return date.fromisoformat(text)


def _json_list(value: tuple[str, ...]) -> str:
    return "[]" if not value else json.dumps(list(value), ensure_ascii=False)


@lru_cache(maxsize=4096)
def _tuple_of(text: str) -> tuple[str, ...]:
    return () if text == "[]" else tuple(json.loads(text))


def _writer(name: str):
    return _json_list if name in LIST_COLUMNS else bool if name in BOOL_COLUMNS else None


def _reader(name: str):
    if name in DATE_COLUMNS:
        return as_date
    return _tuple_of if name in LIST_COLUMNS else bool if name in BOOL_COLUMNS else None


# Each column's conversion on the way in and out (None: the value as it is), looked up
# once: a 100,000-row edition passes 3.7 million values through here.
_TO_STORE = tuple(map(_writer, COLUMNS))
_FROM_STORE = tuple((name, _reader(name)) for name in COLUMNS)


def action_values(action: Action) -> tuple:
    """Return the action's values in COLUMNS order, as the store keeps them.

    Dates stay dates: each backend writes them its own way.
    """
    values = zip(_VALUES(action), _TO_STORE, strict=True)
    return tuple(v if to is None else to(v) for v, to in values)


def row_action(row: Mapping[str, Any]) -> Action:
    """Return the Action a store row holds."""
    return Action(*[row[n] if read is None else read(row[n]) for n, read in _FROM_STORE])


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
