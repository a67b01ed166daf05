"""Bringing a store to this planwatch's schema, and refusing one it cannot use."""

from __future__ import annotations

import logging

from planwatch.diff.settings import DEFAULT_DIFF, DiffSettings
from planwatch.errors import StoreError

from .backend import Backend
from .schema import CHANGES_VERSION, KEYED_VERSION, MIGRATIONS, SCHEMA_VERSION, statements

logger = logging.getLogger(__name__)

_CORE_TABLES = frozenset({"schema_version", "plans", "editions", "actions"})


def migrate(db: Backend, settings: DiffSettings = DEFAULT_DIFF) -> int:
    """Bring the store to SCHEMA_VERSION in one transaction; return the version found.

    A database holding other tables than a planwatch store's is refused unchanged,
    as is a store from a newer planwatch; a read-only store is read as it is.
    """
    found = schema_version(db)
    if found == SCHEMA_VERSION:
        return found
    if db.read_only:
        raise StoreError(
            f"{db.location}: the store has schema version {found} and is read-only here; "
            "open it once with write access to bring it up to date"
        )
    with db.write():
        found = schema_version(db)  # another process may have migrated meanwhile
        for step in MIGRATIONS[found:]:
            for statement in statements(step, db.types):
                db.rows(statement)
        _work_out(db, found, settings)
        db.rows("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        db.rows("DELETE FROM schema_version")
        db.rows("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
    if found:
        logger.info("store migrated from schema %d to %d", found, SCHEMA_VERSION)
    return found


def _work_out(db: Backend, found: int, settings: DiffSettings) -> None:
    """Fill in what newer stores keep for the editions an older store holds (keys and
    changes, the actions paired by ``settings``)."""
    if found == 0:
        return
    if found < KEYED_VERSION:
        from .series import rekey_plan

        for row in db.rows("SELECT plan_id FROM plans"):
            rekey_plan(db, row["plan_id"], settings=settings)
    if found < CHANGES_VERSION:
        from .loader import refresh_changes

        refresh_changes(db, settings)


def schema_version(db: Backend) -> int:
    """Return the store's schema version: 0 for an empty database.

    Raise StoreError for a database of another application (tables but no planwatch
    schema) or for a store from a newer planwatch.
    """
    tables = db.tables()
    if not tables:
        return 0
    if not tables >= _CORE_TABLES:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{db.location}: not a planwatch store (it holds other tables: {shown}); "
            "left unchanged: name a new file or database with --store"
        )
    version = db.rows("SELECT max(version) AS version FROM schema_version")[0]["version"] or 0
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db.location}: the store has schema version {version}, this planwatch knows up "
            f"to {SCHEMA_VERSION}; upgrade planwatch to use it"
        )
    return version
