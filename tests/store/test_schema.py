"""Opening, migrating and refusing stores; two loads at once; on each backend."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

import planwatch.store.migrate as migrate
from planwatch.errors import StoreError
from planwatch.store import SCHEMA_VERSION, Store
from planwatch.store.migrate import schema_version


def test_a_new_store_is_at_this_version(store_url):
    with Store(store_url) as store:
        assert schema_version(store.backend) == SCHEMA_VERSION


def test_a_new_sqlite_store_uses_the_wal_journal(tmp_path):
    Store(tmp_path / "planwatch.db").close()
    with sqlite3.connect(tmp_path / "planwatch.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_from_a_newer_planwatch_is_refused(store_url):
    with Store(store_url) as store:
        store.backend.rows("UPDATE schema_version SET version = 99")
    with pytest.raises(
        StoreError, match=f"schema version 99, this planwatch knows up to {SCHEMA_VERSION}"
    ):
        Store(store_url)


def _later_step(monkeypatch, step: str) -> None:
    monkeypatch.setattr(migrate, "MIGRATIONS", (*migrate.MIGRATIONS, step))
    monkeypatch.setattr(migrate, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def _plan_columns(store: Store) -> set[str]:
    store.backend.rows(
        "INSERT INTO plans (plan_id, organisation, plan_title) VALUES ('p', 'o', 't')"
    )
    return set(dict(store.backend.rows("SELECT * FROM plans")[0]))


def test_an_older_store_is_migrated(store_url, monkeypatch):
    Store(store_url).close()
    _later_step(monkeypatch, "ALTER TABLE plans ADD COLUMN homepage TEXT")
    with Store(store_url) as store:
        assert schema_version(store.backend) == SCHEMA_VERSION + 1
        assert "homepage" in _plan_columns(store)


def test_a_failed_migration_changes_nothing(store_url, monkeypatch):
    Store(store_url).close()
    _later_step(
        monkeypatch, "ALTER TABLE plans ADD COLUMN homepage TEXT;\nALTER TABLE nowhere ADD x TEXT"
    )
    with pytest.raises(StoreError, match="nowhere"):
        Store(store_url)
    monkeypatch.undo()
    with Store(store_url) as store:
        assert schema_version(store.backend) == SCHEMA_VERSION
        assert "homepage" not in _plan_columns(store)


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n" * 200)
    with pytest.raises(StoreError, match="notes.db: not a planwatch store"):
        Store(path)


_LOADER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from planwatch.model import Action
    from planwatch.store import Store

    store, sha, day = sys.argv[1], sys.argv[2], date.fromisoformat(sys.argv[3])
    store = Store(store)
    print("ready", flush=True)
    rows = [
        Action("cfc", "HWFRS", "CFC plan", day, "cfc.txt", sha, "txt", None, "Objective 1",
               "Risk", f"1.{i}", f"1.{i}", 1, f"Action {i}", "", "", "", "", None, None,
               "none", "open", "", "", "", (), (), "", None, False, False, ())
        for i in range(1, 400)
    ]
    print("loaded" if store.load(rows).loaded else "skipped", flush=True)
    """
)


def test_two_loads_at_once_both_succeed(store_url):
    holder = Store(store_url)
    children = []
    # Hold the write lock until both loaders have opened the store, so they collide.
    with holder.backend.write():
        for sha, day in (("a", "2021-11-17"), ("b", "2022-02-15")):
            children.append(
                subprocess.Popen(
                    [sys.executable, "-c", _LOADER, store_url, sha * 64, day],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        assert [child.stdout.readline() for child in children] == ["ready\n", "ready\n"]
    outcomes = [child.communicate(timeout=120) for child in children]
    assert [(c.returncode, out) for c, (out, _) in zip(children, outcomes, strict=True)] == [
        (0, "loaded\n"),
        (0, "loaded\n"),
    ], [err for _, err in outcomes]
    assert [str(e.edition_date) for e in holder.editions()] == ["2021-11-17", "2022-02-15"]
    # the later edition's changes were worked out against the earlier, whichever came first
    assert {c.change for c in holder.changes("cfc")} <= {"changed"}
    holder.close()


def test_a_first_version_store_gains_the_watch_columns(store_url, monkeypatch):
    monkeypatch.setattr(migrate, "MIGRATIONS", migrate.MIGRATIONS[:1])
    monkeypatch.setattr(migrate, "SCHEMA_VERSION", 1)
    Store(store_url).close()
    monkeypatch.undo()
    with Store(store_url) as store:
        assert schema_version(store.backend) == SCHEMA_VERSION
        edition = store.backend.rows("SELECT * FROM editions WHERE 1 = 0")
        assert edition == []
        store.load(_rows("a", "2021-11-17"))
        assert {"source_url", "archive_path"} <= set(
            dict(store.backend.rows("SELECT * FROM editions")[0])
        )
        assert "source_url" in set(dict(store.backend.rows("SELECT * FROM actions")[0]))


def test_a_store_from_before_stored_changes_gets_them_worked_out(store_url):
    with Store(store_url) as store:
        store.load(_rows("a", "2021-11-17"))
        store.load(_rows("b", "2022-02-15", status="complete"))
        db = store.backend
        # take the store back to the schema before changes were stored
        with db.write():
            for view in (
                "plan_summary",
                "changes",
                "action_history",
                "latest_actions",
                "first_entries",
            ):
                db.rows(f"DROP VIEW {view}")
            db.rows("DROP TABLE edition_changes")
            db.rows("DROP INDEX actions_by_edition_action")
            db.rows("UPDATE schema_version SET version = 3")
    with Store(store_url) as store:
        changes = store.changes("cfc")
        assert len(changes) == 3
        assert {(c.field, c.old_value, c.new_value) for c in changes} == {
            ("status", "open", "complete")
        }


def _rows(sha: str, day: str, status: str = "open"):
    from datetime import date

    from planwatch.model import Action

    return [
        Action(
            "cfc",
            "HWFRS",
            "CFC plan",
            date.fromisoformat(day),
            "cfc.txt",
            sha * 64,
            "txt",
            None,
            "Objective 1",
            "Risk",
            f"1.{i}",
            f"1.{i}",
            1,
            f"Action {i}",
            "",
            "",
            "",
            "",
            None,
            None,
            "none",
            status,
            "",
            "",
            "",
            (),
            (),
            "",
            None,
            False,
            False,
            (),
        )
        for i in range(1, 4)
    ]
