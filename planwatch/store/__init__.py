"""The embedded SQLite store of every edition loaded."""

from .loader import LoadResult, load_edition
from .queries import (
    Edition,
    action_history,
    all_actions,
    edition_actions,
    editions,
    find_edition,
    previous_edition,
    series_keys,
    status_counts,
)
from .schema import SCHEMA_VERSION, migrate, open_store
from .series import rekey_plan

__all__ = [
    "SCHEMA_VERSION",
    "Edition",
    "LoadResult",
    "action_history",
    "all_actions",
    "edition_actions",
    "editions",
    "find_edition",
    "load_edition",
    "migrate",
    "open_store",
    "previous_edition",
    "rekey_plan",
    "series_keys",
    "status_counts",
]
