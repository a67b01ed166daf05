"""Reading plans, editions, actions and stored changes back from a store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from planwatch.model import Action, Change

from .backend import Backend, Row
from .rows import as_date, row_action, row_actions, row_change


@dataclass(frozen=True)
class Plan:
    """A plan series: every edition of it shares the plan id."""

    plan_id: str
    organisation: str
    plan_title: str


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
# dated editions by date, undated ones after them in load order
EDITION_ORDER = "plan_id, edition_date IS NULL, edition_date, edition_id"


def plans(db: Backend) -> list[Plan]:
    """Return every plan in the store, by plan id."""
    rows = db.rows("SELECT plan_id, organisation, plan_title FROM plans ORDER BY plan_id")
    return [Plan(**r) for r in rows]


def editions(db: Backend, plan_id: str | None = None) -> list[Edition]:
    """Return the editions of one plan (or of every plan), oldest edition date first."""
    where, params = ("plan_id = ?", (plan_id,)) if plan_id else ("1 = 1", ())
    rows = db.rows(
        f"SELECT {_EDITION_COLUMNS} FROM editions WHERE {where} ORDER BY {EDITION_ORDER}", params
    )
    return [_edition(r) for r in rows]


def previous_edition(db: Backend, plan_id: str, edition_date: date | None) -> Edition | None:
    """Return the plan's latest edition dated before ``edition_date`` (by date, not load order)."""
    if edition_date is None:
        return None
    return one_edition(
        db,
        "plan_id = ? AND edition_date < ?",
        (plan_id, edition_date),
        order="edition_date DESC, edition_id DESC",
    )


def next_edition(db: Backend, plan_id: str, edition_date: date | None) -> Edition | None:
    """Return the plan's earliest edition dated after ``edition_date``."""
    if edition_date is None:
        return None
    return one_edition(
        db, "plan_id = ? AND edition_date > ?", (plan_id, edition_date), order="edition_date"
    )


def find_edition(db: Backend, plan_id: str, edition_date: date) -> Edition | None:
    """Return the plan's edition of that date, or None."""
    return one_edition(db, "plan_id = ? AND edition_date = ?", (plan_id, edition_date))


def edition_actions(db: Backend, edition_id: int) -> list[Action]:
    """Return the actions of one edition in document order."""
    rows = db.iter_rows("SELECT * FROM actions WHERE edition_id = ? ORDER BY row_no", (edition_id,))
    return list(row_actions(rows))


def all_actions(db: Backend) -> Iterator[Action]:
    """Yield every action of every edition: by plan, edition date, then document order."""
    rows = db.iter_rows(
        "SELECT a.* FROM actions a JOIN editions e ON e.edition_id = a.edition_id "
        "ORDER BY e.plan_id, e.edition_date IS NULL, e.edition_date, e.edition_id, a.row_no"
    )
    return (row_action(r) for r in rows)


def status_counts(db: Backend, edition_id: int) -> dict[str, int]:
    """Return how many actions of the edition have each status (by their first entry)."""
    rows = db.rows(
        "SELECT a.status, count(*) AS n FROM actions a JOIN ("
        "SELECT action_id, min(row_no) AS row_no FROM actions WHERE edition_id = ? "
        "GROUP BY action_id) f ON a.row_no = f.row_no "
        "WHERE a.edition_id = ? GROUP BY a.status ORDER BY a.status",
        (edition_id, edition_id),
    )
    return {r["status"]: r["n"] for r in rows}


def action_history(
    db: Backend, plan_id: str, action_key: str
) -> list[tuple[Edition, list[Action]]]:
    """Return, edition by edition, the entries of one action series of a plan (by its key)."""
    found: dict[int, list[Action]] = {}
    rows = db.rows(
        "SELECT * FROM actions WHERE plan_id = ? AND action_key = ? ORDER BY edition_id, row_no",
        (plan_id, action_key),
    )
    for row in rows:
        found.setdefault(row["edition_id"], []).append(row_action(row))
    return [(e, found.get(e.edition_id, [])) for e in editions(db, plan_id)]


def series_keys(db: Backend, plan_id: str, action_id: str) -> list[str]:
    """Return the keys of every series that had ``action_id`` in some edition (or is keyed so).

    One id can name two actions over time (``2.13`` removed, ``2.14`` renumbered ``2.13``):
    each is its own series, oldest first.
    """
    rows = db.rows(
        "SELECT a.action_key FROM actions a JOIN editions e ON e.edition_id = a.edition_id "
        "WHERE a.plan_id = ? AND (a.action_id = ? OR a.action_key = ?) "
        "ORDER BY e.edition_date IS NULL, e.edition_date, e.edition_id, a.row_no",
        (plan_id, action_id, action_id),
    )
    return list(dict.fromkeys(r["action_key"] for r in rows))


def stored_changes(db: Backend, plan_id: str, new_edition_id: int | None = None) -> list[Change]:
    """Return the changes stored for a plan (or into one edition), oldest pair first."""
    where, params = "c.plan_id = ?", [plan_id]
    if new_edition_id is not None:
        where, params = f"{where} AND c.new_edition_id = ?", [plan_id, new_edition_id]
    rows = db.rows(
        "SELECT c.* FROM edition_changes c JOIN editions e ON e.edition_id = c.new_edition_id "
        f"WHERE {where} ORDER BY e.edition_date, c.new_edition_id, c.change_no",
        params,
    )
    return [row_change(r) for r in rows]


def one_edition(
    db: Backend, where: str, params: tuple, order: str = "edition_id"
) -> Edition | None:
    """Return the first edition matching ``where`` in ``order``, or None."""
    rows = db.rows(
        f"SELECT {_EDITION_COLUMNS} FROM editions WHERE {where} ORDER BY {order} LIMIT 1", params
    )
    return _edition(rows[0]) if rows else None


def _edition(row: Row) -> Edition:
    values = dict(row)
    values["edition_date"] = as_date(row["edition_date"])
    return Edition(**values)
