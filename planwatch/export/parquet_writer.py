"""Records as Parquet with real types: date32 dates, bool, int64, list<string>."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change

from .schema import ACTION_DESCRIPTIONS, CHANGE_DESCRIPTIONS, column_kinds


def save_actions(actions: Sequence[Action], path: Path) -> None:
    """Write actions to a Parquet file, one typed column per contract column."""
    _save(actions, Action, COLUMNS, ACTION_DESCRIPTIONS, path)


def save_changes(changes: Sequence[Change], path: Path) -> None:
    """Write changes to a Parquet file, one typed column per contract column."""
    _save(changes, Change, CHANGE_COLUMNS, CHANGE_DESCRIPTIONS, path)


def _save(
    records: Sequence[object],
    record_type: type,
    columns: Sequence[str],
    descriptions: dict[str, str],
    path: Path,
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "string": pa.string(),
        "date": pa.date32(),
        "boolean": pa.bool_(),
        "integer": pa.int64(),
        "list": pa.list_(pa.string()),
    }
    kinds = column_kinds(record_type)
    schema = pa.schema(
        pa.field(c, types[kinds[c]], metadata={"description": descriptions[c]}) for c in columns
    )
    data = {c: [_value(getattr(r, c)) for r in records] for c in columns}
    pq.write_table(pa.table(data, schema=schema), path)


def _value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
