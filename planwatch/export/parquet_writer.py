"""Records as Parquet with real types: date32 dates, bool, int64, list<string>."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from .arrow import arrow_table


def dump_parquet(records: Sequence[object], table: str, fh: BinaryIO) -> None:
    """Write ``actions`` or ``changes`` records to ``fh``, one typed column per contract column."""
    import pyarrow.parquet as pq

    pq.write_table(arrow_table(records, table), fh)
