"""Records as an Arrow table typed from the one export schema (Parquet and DataFrames share it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .schema import TABLES, column_kinds

if TYPE_CHECKING:
    import pyarrow as pa


def arrow_type(kind: str) -> pa.DataType:
    """Return the Arrow type of a Table Schema kind: date32 dates, bool, int64, list<string>."""
    import pyarrow as pa

    return {
        "string": pa.string(),
        "date": pa.date32(),
        "boolean": pa.bool_(),
        "integer": pa.int64(),
        "list": pa.list_(pa.string()),
    }[kind]


def arrow_table(records: Sequence[object], table: str) -> pa.Table:
    """Return ``actions`` or ``changes`` records as an Arrow table, one typed column each.

    Each field carries its contract description as metadata.
    """
    import pyarrow as pa

    record_type, descriptions = TABLES[table]
    kinds = column_kinds(record_type)
    schema = pa.schema(
        pa.field(c, arrow_type(k), metadata={"description": descriptions[c]})
        for c, k in kinds.items()
    )
    data = {c: [_value(getattr(r, c)) for r in records] for c in kinds}
    return pa.table(data, schema=schema)


def _value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
