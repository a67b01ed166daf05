"""Records as JSON: contract names, ISO dates, real booleans, lists as arrays.

``json`` is one array of objects; ``jsonl`` is one object per line, for tools
that stream (jq, DuckDB's read_json, log pipelines).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TextIO


def dump_json(records: Iterable[object], columns: Sequence[str], fh: TextIO) -> None:
    """Write the records to ``fh`` as one JSON array of objects."""
    json.dump([_row(r, columns) for r in records], fh, ensure_ascii=False, indent=1)
    fh.write("\n")


def dump_jsonl(records: Iterable[object], columns: Sequence[str], fh: TextIO) -> None:
    """Write the records to ``fh`` as JSON Lines: one object per line."""
    for record in records:
        fh.write(json.dumps(_row(record, columns), ensure_ascii=False) + "\n")


def _row(record: object, columns: Sequence[str]) -> dict[str, object]:
    return {c: _value(getattr(record, c)) for c in columns}


def _value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
