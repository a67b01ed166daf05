"""The seam between the store's queries and a database: one Backend per kind of database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

Row = Mapping[str, Any]


class Backend(Protocol):
    """A connection to one store, in its database's own dialect.

    Queries are written once with ``?`` placeholders and portable SQL; a backend
    adapts the placeholders and values, spells the schema's type words, holds the
    store's write lock for a transaction and turns its driver's errors into
    ``StoreError`` lines naming the store and the cause.
    """

    location: str  # the store as its user named it (a path, or a URL without password)
    read_only: bool
    types: Mapping[str, str]  # the schema's type words: {id}, {ref}, {date}, {bool}

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Return every row the statement gives, as column name -> value."""
        ...

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """Yield the rows the statement gives, without holding them all in memory."""
        ...

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per parameter row, taking the rows as they come (an
        edition's rows are not all held as parameters at once)."""
        ...

    def write(self) -> AbstractContextManager[None]:
        """Return a transaction that holds the store's write lock: all of it, or nothing."""
        ...

    def tables(self) -> set[str]:
        """Return the names of the tables the store's database holds."""
        ...

    def query_plan(self, sql: str, params: Sequence[Any] = ()) -> str:
        """Return the database's plan for a query, as text (for checking index use)."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(url: str | Path) -> bool:
    """True when ``url`` names a PostgreSQL store rather than a SQLite file."""
    return str(url).startswith(POSTGRES_SCHEMES)


def open_backend(url: str | Path, *, create: bool = True) -> Backend:
    """Return a backend for the store ``url`` names: a postgresql:// URL, else a SQLite path."""
    if is_postgres(url):
        from .postgres import PostgresBackend

        return PostgresBackend(str(url), create=create)
    from .sqlite import SQLiteBackend

    return SQLiteBackend(Path(url), create=create)
