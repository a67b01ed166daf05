"""The store's tables, and the migrations that bring an older store up to date."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from planwatch.errors import StoreError

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE plans (
    plan_id TEXT PRIMARY KEY,
    organisation TEXT NOT NULL,
    plan_title TEXT NOT NULL
);
CREATE TABLE editions (
    edition_id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (plan_id),
    edition_date TEXT,
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL UNIQUE,
    source_format TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);
CREATE INDEX editions_by_plan_date ON editions (plan_id, edition_date);
CREATE TABLE actions (
    edition_id INTEGER NOT NULL REFERENCES editions (edition_id),
    row_no INTEGER NOT NULL,
    plan_id TEXT NOT NULL,
    organisation TEXT NOT NULL,
    plan_title TEXT NOT NULL,
    edition_date TEXT,
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_format TEXT NOT NULL,
    source_page INTEGER,
    section_ref TEXT NOT NULL,
    section_title TEXT NOT NULL,
    action_id TEXT NOT NULL,
    action_ref TEXT NOT NULL,
    entry_no INTEGER NOT NULL,
    action TEXT NOT NULL,
    progress TEXT NOT NULL,
    latest_update TEXT NOT NULL,
    update_period TEXT NOT NULL,
    due_raw TEXT NOT NULL,
    due_start TEXT,
    due_end TEXT,
    due_precision TEXT NOT NULL,
    status TEXT NOT NULL,
    status_raw TEXT NOT NULL,
    status_note TEXT NOT NULL,
    lead_raw TEXT NOT NULL,
    lead_codes TEXT NOT NULL,     -- JSON array
    lead_roles TEXT NOT NULL,     -- JSON array
    signed_off_by TEXT NOT NULL,
    signed_off_date TEXT,
    greyed INTEGER NOT NULL,
    overdue INTEGER NOT NULL,
    warnings TEXT NOT NULL,       -- JSON array
    section_summary TEXT NOT NULL,
    PRIMARY KEY (edition_id, row_no)
);
CREATE INDEX actions_by_action ON actions (plan_id, action_id);
"""

# Step i takes a store from schema version i to i + 1; append, never edit.
MIGRATIONS: tuple[str, ...] = (
    SCHEMA,
    # 2: where a watched file came from, and its copy in the watch archive
    """
    ALTER TABLE actions ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
    ALTER TABLE editions ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
    ALTER TABLE editions ADD COLUMN archive_path TEXT NOT NULL DEFAULT ''
    """,
    # 3: each action's series key across editions; the files an edition was replaced by
    """
    ALTER TABLE actions ADD COLUMN action_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE actions ADD COLUMN previous_action_id TEXT NOT NULL DEFAULT '';
    CREATE INDEX actions_by_key ON actions (plan_id, action_key);
    CREATE TABLE revisions (
        revision_id INTEGER PRIMARY KEY,
        edition_id INTEGER NOT NULL REFERENCES editions (edition_id),
        source_file TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_format TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        actions TEXT NOT NULL         -- JSON array of the replaced rows, store values
    )
    """,
)
KEYED_VERSION = 3  # stores older than this get their series keys worked out on migration
SCHEMA_VERSION = len(MIGRATIONS)

BUSY_TIMEOUT_S = 120.0  # a concurrent `planwatch load` waits for the other to commit


def open_store(path: Path | str) -> sqlite3.Connection:
    """Return a connection to the store at ``path``, created or migrated to this version."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store ({exc}); check the folder") from exc
    try:
        conn.row_factory = sqlite3.Row
        # WAL: readers never block the one writer; the busy timeout queues writers.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a planwatch store ({exc})") from exc
    except StoreError as exc:
        conn.close()
        raise StoreError(f"{path}: {exc}") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store to SCHEMA_VERSION in one transaction; return the version found."""
    found = schema_version(conn)
    _refuse_newer(found)
    if found == SCHEMA_VERSION:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = schema_version(conn)  # another process may have migrated meanwhile
        _refuse_newer(found)
        for step in MIGRATIONS[found:]:
            for statement in _statements(step):
                conn.execute(statement)
        if 0 < found < KEYED_VERSION:
            from .series import rekey_plan

            for (plan_id,) in conn.execute("SELECT plan_id FROM plans").fetchall():
                rekey_plan(conn, plan_id)
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if found:
        logger.info("store migrated from schema %d to %d", found, SCHEMA_VERSION)
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    """Return the store's schema version, 0 for an empty file."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def _refuse_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}, this planwatch knows up to "
            f"{SCHEMA_VERSION}; upgrade planwatch to use it"
        )


def _statements(script: str) -> list[str]:
    """Return the statements of a script; executescript would commit mid-transaction."""
    return [s.strip() for s in script.split(";") if s.strip()]
