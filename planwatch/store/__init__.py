"""The store of every edition loaded: SQLite (embedded, the default) or PostgreSQL."""

from .backend import Backend, is_postgres, open_backend
from .loader import LoadResult
from .queries import Edition, Plan
from .schema import SCHEMA_VERSION, VIEWS
from .series import rekey_plan
from .store import DEFAULT_STORE, LATEST, Store

__all__ = [
    "DEFAULT_STORE",
    "LATEST",
    "SCHEMA_VERSION",
    "VIEWS",
    "Backend",
    "Edition",
    "LoadResult",
    "Plan",
    "Store",
    "is_postgres",
    "open_backend",
    "rekey_plan",
]
