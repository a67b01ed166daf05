"""The --store option the store commands share, and opening the store it names."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import click

DEFAULT_STORE = Path("planwatch.db")

store_option: Callable = click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_STORE,
    show_default=True,
    envvar="PLANWATCH_STORE",
    help="The SQLite store of loaded editions (or set PLANWATCH_STORE).",
)


def open_existing_store(path: Path) -> sqlite3.Connection:
    """Return a connection to a store that must exist already; raise PlanwatchError if not."""
    from planwatch.errors import StoreError
    from planwatch.store import open_store

    if not path.is_file():
        raise StoreError(f"{path}: no store here; add editions first with `planwatch load FILE`")
    return open_store(path)
