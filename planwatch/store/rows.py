"""Canonical records to and from store rows: dates, JSON lists, booleans."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from operator import attrgetter, itemgetter
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


# The columns converted on the way in and out, by position, each with its conversion;
# every other value passes as it is. A 100,000-row edition passes 3.7 million values
# through here: they are read and written in one call a row (attrgetter, itemgetter),
# and only the few converted columns visited one by one.
_TO_STORE = tuple((i, to) for i, to in enumerate(map(_writer, COLUMNS)) if to is not None)
_FROM_STORE = tuple((i, read) for i, read in enumerate(map(_reader, COLUMNS)) if read is not None)
_ROW_VALUES = itemgetter(*COLUMNS)  # a store row's values in COLUMNS order, by name


def action_values(action: Action) -> list:
    """Return the action's values in COLUMNS order, as the store keeps them.

    Dates stay dates: each backend writes them its own way.
    """
    values = list(_VALUES(action))
    for i, to in _TO_STORE:
        values[i] = to(values[i])
    return values


def row_action(row: Mapping[str, Any]) -> Action:
    """Return the Action a store row holds."""
    values = list(_ROW_VALUES(row))
    for i, read in _FROM_STORE:
        values[i] = read(values[i])
    return Action(*values)


def change_values(change: Change) -> tuple:
    """Return the change's values in CHANGE_COLUMNS order (lists as JSON)."""
    return tuple(
        json.dumps(list(value), ensure_ascii=False) if name in _CHANGE_LISTS else value
        for name, value in ((n, getattr(change, n)) for n in CHANGE_COLUMNS)
    )


# Texts many rows of an edition repeat: the edition's own, its sections', statuses' and
# targets'. Rows read back share one string per value rather than each holding its own
# copy: at 100,000 rows the copies are a third of the memory an edition takes, and the
# fresh pages they need cost more per row the larger the edition.
_SHARED = tuple(
    COLUMNS.index(n)
    for n in (
        "plan_id", "organisation", "plan_title", "source_file", "source_sha256",
        "source_format", "source_url", "section_ref", "section_title", "section_summary",
        "update_period", "due_raw", "due_precision", "status", "status_raw", "status_note",
        "lead_raw", "signed_off_by",
    )
)  # fmt: skip


def row_actions(rows: Iterable[Mapping[str, Any]]) -> Iterator[Action]:
    """Yield the Actions store rows hold, repeated texts shared between them."""
    seen: dict[str, str] = {}
    share = seen.setdefault
    for row in rows:
        values = list(_ROW_VALUES(row))
        for i in _SHARED:
            values[i] = share(values[i], values[i])
        for i, read in _FROM_STORE:
            values[i] = read(values[i])
        yield Action(*values)


def row_change(row: Mapping[str, Any]) -> Change:
    """Return the Change a store row holds."""
    return Change(**{n: _change_value(n, row[n]) for n in CHANGE_COLUMNS})


def _change_value(name: str, value: object) -> object:
    if name in _CHANGE_DATES:
        return as_date(value)
    if name in _CHANGE_LISTS:
        return tuple(json.loads(value))
    return value
