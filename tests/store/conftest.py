"""Each store test runs on both backends: a SQLite file, and a real PostgreSQL server.

PostgreSQL tests need PLANWATCH_TEST_POSTGRES, the URL of a database they may make
schemas in (`.ci/postgres start` starts a throwaway server and prints it; `.ci/run`
sets it). Each test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

POSTGRES_ENV = "PLANWATCH_TEST_POSTGRES"


def postgres_base() -> str | None:
    """Return the test server's URL, or None where none is configured."""
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> Iterator[str]:
    """Yield the URL of a new, empty store of each backend in turn."""
    if request.param == "sqlite":
        yield str(tmp_path / "planwatch.db")
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL store (a schema of its own)."""
    with postgres_schema() as url:
        yield url


@contextmanager
def postgres_schema() -> Iterator[str]:
    """Yield the URL of a fresh schema on the test server, dropped afterwards."""
    base = postgres_base()
    if base is None:
        pytest.skip(f"no PostgreSQL server for the tests: set {POSTGRES_ENV} (see .ci/postgres)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in base else "?"
    try:
        yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def snapshot():
    """Return a function giving every row of every table, to check nothing changed."""

    def rows(store) -> dict[str, list]:
        db = store.backend
        return {
            t: sorted(tuple(map(str, dict(r).values())) for r in db.rows(f"SELECT * FROM {t}"))
            for t in sorted(db.tables())
        }

    return rows
