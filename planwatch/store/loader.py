"""Loading one file's actions into the store as an edition, all or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from planwatch.errors import StoreError
from planwatch.model import COLUMNS, Action

from .queries import Edition, find_edition, one_edition
from .rows import action_values


@dataclass(frozen=True)
class LoadResult:
    """What loading one file did: ``loaded``, or skipped because already in the store."""

    edition: Edition
    loaded: bool
    rows: int
    # Why it was skipped: "same file" (same sha256) or "same edition" (same plan and
    # date from another file, e.g. the .docx of an edition whose .txt is loaded).
    skipped_as: str = ""


_INSERT_ACTION = (
    f"INSERT INTO actions (edition_id, row_no, {', '.join(COLUMNS)}) "
    f"VALUES (?, ?, {', '.join('?' * len(COLUMNS))})"
)


def load_edition(
    conn: sqlite3.Connection, actions: Sequence[Action], *, archive_path: str = ""
) -> LoadResult:
    """Store one file's actions as an edition in one transaction; skip a file already in.

    ``archive_path`` is where ``planwatch watch`` keeps its copy of a fetched file.
    """
    if not actions:
        raise StoreError("no actions to load")
    head = actions[0]
    if any(a.source_sha256 != head.source_sha256 or a.plan_id != head.plan_id for a in actions):
        raise ValueError("load_edition takes the actions of one file")
    # IMMEDIATE takes the write lock now, so a concurrent load waits (busy timeout)
    # instead of failing later on a read-to-write upgrade.
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = _skip_if_loaded(conn, head) or _insert_edition(conn, actions, archive_path)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def _skip_if_loaded(conn: sqlite3.Connection, head: Action) -> LoadResult | None:
    found = one_edition(conn, "source_sha256 = ?", (head.source_sha256,))
    if found:
        return LoadResult(found, loaded=False, rows=_row_count(conn, found), skipped_as="same file")
    if head.edition_date is not None:
        found = find_edition(conn, head.plan_id, head.edition_date)
        if found:
            return LoadResult(
                found, loaded=False, rows=_row_count(conn, found), skipped_as="same edition"
            )
    return None


def _insert_edition(
    conn: sqlite3.Connection, actions: Sequence[Action], archive_path: str
) -> LoadResult:
    head = actions[0]
    conn.execute(
        "INSERT OR IGNORE INTO plans (plan_id, organisation, plan_title) VALUES (?, ?, ?)",
        (head.plan_id, head.organisation, head.plan_title),
    )
    loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute(
        "INSERT INTO editions (plan_id, edition_date, source_file, source_sha256, "
        "source_format, loaded_at, source_url, archive_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            head.plan_id,
            head.edition_date.isoformat() if head.edition_date else None,
            head.source_file,
            head.source_sha256,
            head.source_format,
            loaded_at,
            head.source_url,
            archive_path,
        ),
    )
    edition_id = cursor.lastrowid
    for row_no, action in enumerate(actions, start=1):
        conn.execute(_INSERT_ACTION, (edition_id, row_no, *action_values(action)))
    edition = one_edition(conn, "edition_id = ?", (edition_id,))
    return LoadResult(edition, loaded=True, rows=len(actions))


def _row_count(conn: sqlite3.Connection, edition: Edition) -> int:
    return conn.execute(
        "SELECT count(*) FROM actions WHERE edition_id = ?", (edition.edition_id,)
    ).fetchone()[0]
