"""Records as pandas DataFrames typed from the one export schema, and back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planwatch.model import Action, Change

from .arrow import arrow_table

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


def actions_frame(actions: Sequence[Action]) -> pd.DataFrame:
    """Return one row per action entry, one typed column per contract column."""
    return _to_frame(arrow_table(actions, "actions"))


def changes_frame(changes: Sequence[Change]) -> pd.DataFrame:
    """Return one row per change, one typed column per contract column."""
    return _to_frame(arrow_table(changes, "changes"))


def actions_from_frame(frame: pd.DataFrame) -> list[Action]:
    """Return the actions of a frame as read_plan gives it (other columns are ignored)."""
    import pyarrow as pa

    schema = arrow_table([], "actions").schema
    table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    return [
        Action(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
        for row in table.to_pylist()
    ]


def _to_frame(table: pa.Table) -> pd.DataFrame:
    """Text as pandas strings, booleans and integers nullable, dates as dates (Arrow date32)."""
    import pandas as pd
    import pyarrow as pa

    def dtype(arrow: pa.DataType) -> object:
        if pa.types.is_string(arrow):
            return pd.StringDtype()
        if pa.types.is_boolean(arrow):
            return pd.BooleanDtype()
        if pa.types.is_integer(arrow):
            return pd.Int64Dtype()
        return pd.ArrowDtype(arrow)  # date32[day], list<string>

    return table.to_pandas(types_mapper=dtype)
