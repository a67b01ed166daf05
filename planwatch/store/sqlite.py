"""The embedded SQLite store: one file, WAL journal, the write lock taken up front."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from planwatch.errors import StoreError

from .backend import Row
from .errors import sqlite_cause

BUSY_TIMEOUT_S = 120.0  # a concurrent `planwatch load` waits for the other to commit
_RETRY_PAUSE_S = 0.05
TYPES = {"id": "INTEGER PRIMARY KEY", "ref": "INTEGER", "date": "TEXT", "bool": "INTEGER"}


class SQLiteBackend:
    """A store in one SQLite file; read-only when the file or its folder cannot be written."""

    types = TYPES

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.location = str(path)
        if not path.exists() and not create:
            raise StoreError(
                f"{path}: no store here; add editions first with `planwatch load FILE`"
            )
        self.read_only = path.exists() and not _writable(path)
        self._conn = _connect(path, self.read_only)
        self._conn.row_factory = sqlite3.Row
        if not self.read_only:
            self._set_wal()
        self._run("PRAGMA foreign_keys = ON", ())

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Return every row the statement gives."""
        return self._run(sql, params).fetchall()

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """Yield the rows the statement gives, a batch at a time."""
        cursor = self._run(sql, params)
        while batch := self._guard(cursor.fetchmany, 1000):
            yield from batch

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per parameter row, taking the rows as they come."""
        self._guard(self._conn.executemany, sql, (tuple(map(_value, r)) for r in rows))

    @contextmanager
    def write(self) -> Iterator[None]:
        """A transaction holding the write lock from its start (BEGIN IMMEDIATE).

        Taking the lock up front makes a concurrent writer wait (busy timeout) instead
        of failing later on a read-to-write upgrade.
        """
        if self.read_only:
            raise StoreError(f"{self.location}: the store is read-only here; cannot write to it")
        self._run("BEGIN IMMEDIATE", ())
        try:
            yield
            self._run("COMMIT", ())
        except BaseException:
            # On a full disk SQLite may have rolled back already: a second ROLLBACK
            # would raise and hide the real cause.
            if self._conn.in_transaction:
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            raise

    def tables(self) -> set[str]:
        """Return the names of the file's tables."""
        found = self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r["name"] for r in found}

    def query_plan(self, sql: str, params: Sequence[Any] = ()) -> str:
        """Return SQLite's EXPLAIN QUERY PLAN of ``sql``, one step a line."""
        return "\n".join(r["detail"] for r in self.rows(f"EXPLAIN QUERY PLAN {sql}", params))

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def _set_wal(self) -> None:
        """Switch the file to WAL, retrying: the busy timeout does not cover this step.

        Several processes opening a new store at once each try it; the switch needs a
        lock of its own and fails with "database is locked" while another holds one.
        A file that is not a planwatch store is left as it is (checked first).
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                    return
                if not _foreign_tables(self._conn):
                    self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorname not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                    raise self._error(exc) from exc
                if time.monotonic() > deadline:
                    raise self._error(exc) from exc
                time.sleep(_RETRY_PAUSE_S)
            except sqlite3.DatabaseError as exc:
                raise self._error(exc) from exc

    def _error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(f"{self.location}: {sqlite_cause(exc, Path(self.location))}")

    def _run(self, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        return self._guard(self._conn.execute, sql, tuple(map(_value, params)))

    def _guard(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """Open the file; read-only where it cannot be written, immutable if its folder cannot.

    A WAL store read in a folder nobody here can write cannot get its -shm file, so it
    is opened immutable: nothing can be changing it from here.
    """
    target: str | Path = path
    uri = False
    if read_only:
        mode = "mode=ro" if os.access(path.parent, os.W_OK) else "immutable=1"
        target, uri = f"file:{quote(str(path.resolve()))}?{mode}", True
    try:
        return sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=uri)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {sqlite_cause(exc, path)}") from exc


def _writable(path: Path) -> bool:
    # WAL needs the folder too: the -wal and -shm files are created beside the store.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _foreign_tables(conn: sqlite3.Connection) -> bool:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return bool(names) and "schema_version" not in names


def _value(value: Any) -> Any:
    # sqlite3's own date adapter is deprecated; the store keeps ISO text.
    return value.isoformat() if isinstance(value, date) else value
