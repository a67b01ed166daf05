"""Reading editions and their actions back from the store."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from planwatch.model import Action

from .rows import row_action


@dataclass(frozen=True)
class Edition:
    """One loaded file: an edition of a plan."""

    edition_id: int
    plan_id: str
    edition_date: date | None
    source_file: str
    source_sha256: str
    source_format: str
    loaded_at: str


_EDITION_COLUMNS = (
    "edition_id, plan_id, edition_date, source_file, source_sha256, source_format, loaded_at"
)


def editions(conn: sqlite3.Connection, plan_id: str | None = None) -> list[Edition]:
    """Return the editions of one plan (or of every plan), oldest edition date first."""
    where, params = ("plan_id = ?", (plan_id,)) if plan_id else ("1", ())
    rows = conn.execute(
        f"SELECT {_EDITION_COLUMNS} FROM editions WHERE {where} "
        "ORDER BY plan_id, edition_date IS NULL, edition_date, edition_id",
        params,
    )
    return [_edition(r) for r in rows]


def previous_edition(
    conn: sqlite3.Connection, plan_id: str, edition_date: date | None
) -> Edition | None:
    """Return the plan's latest edition dated before ``edition_date`` (by date, not load order)."""
    if edition_date is None:
        return None
    row = conn.execute(
        f"SELECT {_EDITION_COLUMNS} FROM editions WHERE plan_id = ? AND edition_date < ? "
        "ORDER BY edition_date DESC, edition_id DESC LIMIT 1",
        (plan_id, edition_date.isoformat()),
    ).fetchone()
    return _edition(row) if row else None


def find_edition(conn: sqlite3.Connection, plan_id: str, edition_date: date) -> Edition | None:
    """Return the plan's edition of that date, or None."""
    return one_edition(
        conn, "plan_id = ? AND edition_date = ?", (plan_id, edition_date.isoformat())
    )


def edition_actions(conn: sqlite3.Connection, edition_id: int) -> list[Action]:
    """Return the actions of one edition in document order."""
    rows = conn.execute("SELECT * FROM actions WHERE edition_id = ? ORDER BY row_no", (edition_id,))
    return [row_action(r) for r in rows]


def all_actions(conn: sqlite3.Connection) -> list[Action]:
    """Return every action of every edition: by plan, edition date, then document order."""
    rows = conn.execute(
        "SELECT a.* FROM actions a JOIN editions e USING (edition_id) "
        "ORDER BY e.plan_id, e.edition_date IS NULL, e.edition_date, e.edition_id, a.row_no"
    )
    return [row_action(r) for r in rows]


def status_counts(conn: sqlite3.Connection, edition_id: int) -> dict[str, int]:
    """Return how many actions of the edition have each status (by their first entry)."""
    rows = conn.execute(
        "SELECT status, count(*) FROM actions WHERE edition_id = ? AND entry_no = "
        "(SELECT min(entry_no) FROM actions b WHERE b.edition_id = actions.edition_id "
        "AND b.action_id = actions.action_id) GROUP BY status ORDER BY status",
        (edition_id,),
    )
    return {status: count for status, count in rows}


def action_history(
    conn: sqlite3.Connection, plan_id: str, action_key: str
) -> list[tuple[Edition, list[Action]]]:
    """Return, edition by edition, the entries of one action series of a plan (by its key)."""
    history = []
    for edition in editions(conn, plan_id):
        rows = conn.execute(
            "SELECT * FROM actions WHERE edition_id = ? AND action_key = ? ORDER BY row_no",
            (edition.edition_id, action_key),
        )
        history.append((edition, [row_action(r) for r in rows]))
    return history


def series_keys(conn: sqlite3.Connection, plan_id: str, action_id: str) -> list[str]:
    """Return the keys of every series that had ``action_id`` in some edition (or is keyed so).

    One id can name two actions over time (``2.13`` removed, ``2.14`` renumbered ``2.13``):
    each is its own series, oldest first.
    """
    rows = conn.execute(
        "SELECT a.action_key FROM actions a JOIN editions e USING (edition_id) "
        "WHERE a.plan_id = ? AND (a.action_id = ? OR a.action_key = ?) "
        "ORDER BY e.edition_date IS NULL, e.edition_date, e.edition_id, a.row_no",
        (plan_id, action_id, action_id),
    )
    return list(dict.fromkeys(r[0] for r in rows))


def one_edition(conn: sqlite3.Connection, where: str, params: tuple) -> Edition | None:
    row = conn.execute(
        f"SELECT {_EDITION_COLUMNS} FROM editions WHERE {where} ORDER BY edition_id LIMIT 1",
        params,
    ).fetchone()
    return _edition(row) if row else None


def _edition(row: sqlite3.Row) -> Edition:
    values = dict(row)
    values["edition_date"] = (
        date.fromisoformat(row["edition_date"]) if row["edition_date"] else None
    )
    return Edition(**values)
