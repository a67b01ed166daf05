"""Opening, migrating and refusing stores; two loads at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from contextlib import closing

import pytest

import planwatch.store.schema as schema
from planwatch.errors import StoreError
from planwatch.store import SCHEMA_VERSION, editions, open_store


def test_a_new_store_is_at_this_version(tmp_path):
    conn = open_store(tmp_path / "planwatch.db")
    assert schema.schema_version(conn) == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_from_a_newer_planwatch_is_refused(tmp_path):
    path = tmp_path / "planwatch.db"
    with closing(open_store(path)) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(
        StoreError, match=f"schema version 99, this planwatch knows up to {SCHEMA_VERSION}"
    ):
        open_store(path)


def test_an_older_store_is_migrated(tmp_path, monkeypatch):
    path = tmp_path / "planwatch.db"
    open_store(path).close()
    step = "ALTER TABLE plans ADD COLUMN homepage TEXT"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, step))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    conn = open_store(path)
    assert schema.schema_version(conn) == SCHEMA_VERSION + 1
    assert "homepage" in {r["name"] for r in conn.execute("PRAGMA table_info(plans)")}


def test_a_failed_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "planwatch.db"
    open_store(path).close()
    steps = "ALTER TABLE plans ADD COLUMN homepage TEXT; ALTER TABLE nowhere ADD COLUMN x TEXT"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, steps))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="no such table: nowhere"):
        open_store(path)
    monkeypatch.undo()
    conn = open_store(path)
    assert schema.schema_version(conn) == SCHEMA_VERSION
    assert "homepage" not in {r["name"] for r in conn.execute("PRAGMA table_info(plans)")}


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n" * 200)
    with pytest.raises(StoreError, match="notes.db: not a planwatch store"):
        open_store(path)


_LOADER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from planwatch.model import Action
    from planwatch.store import load_edition, open_store

    store, sha, day = sys.argv[1], sys.argv[2], date.fromisoformat(sys.argv[3])
    conn = open_store(store)
    print("ready", flush=True)
    rows = [
        Action("cfc", "HWFRS", "CFC plan", day, "cfc.txt", sha, "txt", None, "Objective 1",
               "Risk", f"1.{i}", f"1.{i}", 1, f"Action {i}", "", "", "", "", None, None,
               "none", "open", "", "", "", (), (), "", None, False, False, ())
        for i in range(1, 400)
    ]
    print("loaded" if load_edition(conn, rows).loaded else "skipped", flush=True)
    """
)


def test_two_loads_at_once_both_succeed(tmp_path):
    path = tmp_path / "planwatch.db"
    holder = open_store(path)
    # Hold the write lock until both loaders have opened the store, so they collide.
    holder.execute("BEGIN IMMEDIATE")
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _LOADER, str(path), sha * 64, day],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for sha, day in (("a", "2021-11-17"), ("b", "2022-02-15"))
    ]
    assert [child.stdout.readline() for child in children] == ["ready\n", "ready\n"]
    holder.execute("COMMIT")
    outcomes = [child.communicate(timeout=120) for child in children]
    assert [
        (child.returncode, out) for child, (out, _) in zip(children, outcomes, strict=True)
    ] == [
        (0, "loaded\n"),
        (0, "loaded\n"),
    ], [err for _, err in outcomes]
    assert [str(e.edition_date) for e in editions(holder)] == ["2021-11-17", "2022-02-15"]


def test_a_first_version_store_gains_the_watch_columns(tmp_path, monkeypatch):
    path = tmp_path / "planwatch.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    open_store(path).close()
    monkeypatch.undo()
    conn = open_store(path)
    assert {"source_url", "archive_path"} <= {
        r["name"] for r in conn.execute("PRAGMA table_info(editions)")
    }
    assert "source_url" in {r["name"] for r in conn.execute("PRAGMA table_info(actions)")}
