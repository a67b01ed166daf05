"""Loading one file's actions into the store as an edition, all or nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from planwatch.errors import StoreError
from planwatch.model import COLUMNS, Action

from .queries import Edition, edition_actions, find_edition, one_edition
from .rows import action_values
from .series import rekey_plan


@dataclass(frozen=True)
class LoadResult:
    """What loading one file did: ``loaded``, or skipped because already in the store."""

    edition: Edition
    loaded: bool
    rows: int
    # Why it was skipped: "same file" (same sha256), "same edition" (same plan and
    # date and the same actions from another file, e.g. the .docx of an edition whose
    # .txt is loaded), or "conflict" (same plan and date, different actions: a corrected
    # file, stored only when loaded with ``replace``).
    skipped_as: str = ""
    replaced: Edition | None = None  # the edition as it was before ``replace`` swapped it


_INSERT_ACTION = (
    f"INSERT INTO actions (edition_id, row_no, {', '.join(COLUMNS)}) "
    f"VALUES (?, ?, {', '.join('?' * len(COLUMNS))})"
)


def load_edition(
    conn: sqlite3.Connection,
    actions: Sequence[Action],
    *,
    archive_path: str = "",
    replace: bool = False,
) -> LoadResult:
    """Store one file's actions as an edition in one transaction; skip a file already in.

    A file of an edition already stored with other actions is a conflict, left out
    unless ``replace``: then it takes the stored edition's place and the rows it
    replaces are kept in the ``revisions`` table. Every edition from this one on is
    re-keyed (series keys). ``archive_path`` is where ``planwatch watch`` keeps its
    copy of a fetched file.
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
        result = _skip_if_loaded(conn, actions, replace)
        if result is None:
            result = _insert_edition(conn, actions, archive_path)
        elif result.skipped_as == "conflict" and replace:
            result = _replace_edition(conn, result.edition, actions, archive_path)
        if result.loaded:
            rekey_plan(conn, head.plan_id, since=head.edition_date)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def _skip_if_loaded(
    conn: sqlite3.Connection, actions: Sequence[Action], replace: bool
) -> LoadResult | None:
    head = actions[0]
    found = one_edition(conn, "source_sha256 = ?", (head.source_sha256,))
    if found:
        return LoadResult(found, loaded=False, rows=_row_count(conn, found), skipped_as="same file")
    if head.edition_date is None:
        return None
    found = find_edition(conn, head.plan_id, head.edition_date)
    if found is None:
        return None
    same = _content(edition_actions(conn, found.edition_id)) == _content(actions)
    return LoadResult(
        found,
        loaded=False,
        rows=_row_count(conn, found),
        skipped_as="same edition" if same and not replace else "conflict",
    )


# What the source file and the store add to a row, beside what the document says.
_NOT_CONTENT = frozenset(
    {"source_file", "source_sha256", "source_format", "source_page", "source_url"}
    | {"action_key", "previous_action_id"}
)


def _content(actions: Sequence[Action]) -> list[tuple]:
    """Return what the rows say, leaving out where they came from and how they are keyed."""
    keep = [i for i, name in enumerate(COLUMNS) if name not in _NOT_CONTENT]
    return [tuple(values[i] for i in keep) for values in map(action_values, actions)]


def _replace_edition(
    conn: sqlite3.Connection, stored: Edition, actions: Sequence[Action], archive_path: str
) -> LoadResult:
    """Keep the stored rows in ``revisions``, then put the new file's rows in their place."""
    rows = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM actions WHERE edition_id = ? ORDER BY row_no",
        (stored.edition_id,),
    ).fetchall()
    conn.execute(
        "INSERT INTO revisions (edition_id, source_file, source_sha256, source_format, "
        "loaded_at, replaced_at, actions) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            stored.edition_id,
            stored.source_file,
            stored.source_sha256,
            stored.source_format,
            stored.loaded_at,
            _now(),
            json.dumps([dict(r) for r in rows], ensure_ascii=False),
        ),
    )
    conn.execute("DELETE FROM actions WHERE edition_id = ?", (stored.edition_id,))
    head = actions[0]
    conn.execute(
        "UPDATE editions SET source_file = ?, source_sha256 = ?, source_format = ?, "
        "loaded_at = ?, source_url = ?, archive_path = ? WHERE edition_id = ?",
        (
            head.source_file,
            head.source_sha256,
            head.source_format,
            _now(),
            head.source_url,
            archive_path,
            stored.edition_id,
        ),
    )
    _insert_rows(conn, stored.edition_id, actions)
    edition = one_edition(conn, "edition_id = ?", (stored.edition_id,))
    return LoadResult(edition, loaded=True, rows=len(actions), replaced=stored)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _insert_edition(
    conn: sqlite3.Connection, actions: Sequence[Action], archive_path: str
) -> LoadResult:
    head = actions[0]
    conn.execute(
        "INSERT OR IGNORE INTO plans (plan_id, organisation, plan_title) VALUES (?, ?, ?)",
        (head.plan_id, head.organisation, head.plan_title),
    )
    loaded_at = _now()
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
    _insert_rows(conn, edition_id, actions)
    edition = one_edition(conn, "edition_id = ?", (edition_id,))
    return LoadResult(edition, loaded=True, rows=len(actions))


def _insert_rows(conn: sqlite3.Connection, edition_id: int, actions: Sequence[Action]) -> None:
    for row_no, action in enumerate(actions, start=1):
        conn.execute(_INSERT_ACTION, (edition_id, row_no, *action_values(action)))


def _row_count(conn: sqlite3.Connection, edition: Edition) -> int:
    return conn.execute(
        "SELECT count(*) FROM actions WHERE edition_id = ?", (edition.edition_id,)
    ).fetchone()[0]
