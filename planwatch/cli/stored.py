"""The --store option the store commands share, and opening the store it names."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from planwatch.store import Store

DEFAULT_STORE = "planwatch.db"  # planwatch.store.DEFAULT_STORE, without importing the store


store_option: Callable = click.option(
    "--store",
    "store_path",
    default=DEFAULT_STORE,
    show_default=True,
    envvar="PLANWATCH_STORE",
    metavar="PATH|URL",
    help="The store of loaded editions: a SQLite file, or a postgresql:// URL shared by a team "
    "(or set PLANWATCH_STORE).",
)


def open_store(url: str) -> Store:
    """Return the store ``url`` names, created if it does not exist yet."""
    from planwatch.store import Store

    return Store(url)


def open_existing_store(url: str) -> Store:
    """Return a store that must exist already; raise StoreError if there is none."""
    from planwatch.store import Store

    return Store(url, create=False)
