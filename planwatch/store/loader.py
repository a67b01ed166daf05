"""Loading one file's actions into the store as an edition, all or nothing."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from planwatch.collector import collector_paused
from planwatch.diff.settings import DEFAULT_DIFF, DiffSettings
from planwatch.errors import StoreError
from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change

from .backend import Backend
from .planning import Keys, LoadPlan, plan_load, seen_state
from .queries import Edition, Plan, edition_actions, editions, one_edition
from .rows import action_values, change_values
from .series import store_keys

logger = logging.getLogger(__name__)


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
    previous: Edition | None = None  # the edition before it, which ``changes`` are from
    changes: tuple[Change, ...] = ()
    # Why the changes could not be worked out (a bug in diff): the edition is stored
    # all the same, without them.
    changes_error: str = ""
    # Stored plans of the same organisation with a similar title, when this load made a
    # new plan id: it may be an edition of one of them (load it with --plan to merge).
    similar_plans: tuple[Plan, ...] = ()


_INSERT_ACTION = (
    f"INSERT INTO actions (edition_id, row_no, {', '.join(COLUMNS)}) "
    f"VALUES (?, ?, {', '.join('?' * len(COLUMNS))})"
)
_INSERT_CHANGE = (
    "INSERT INTO edition_changes (old_edition_id, new_edition_id, change_no, "
    f"{', '.join(CHANGE_COLUMNS)}) VALUES (?, ?, ?, {', '.join('?' * len(CHANGE_COLUMNS))})"
)


def load_edition(
    db: Backend,
    actions: Sequence[Action],
    *,
    archive_path: str = "",
    replace: bool = False,
    settings: DiffSettings = DEFAULT_DIFF,
) -> LoadResult:
    """Store one file's actions as an edition in one transaction; skip a file already in.

    A file of an edition already stored with other actions is a conflict, left out
    unless ``replace``: then it takes the stored edition's place and the rows it
    replaces are kept in the ``revisions`` table. Every edition from this one on is
    re-keyed (series keys), and the changes from the edition before it are stored
    with it (loaded between two, it takes the earlier one's place in the later one's
    changes). ``archive_path`` is where ``planwatch watch`` keeps its copy of a file.
    The keys and changes are worked out before the write lock is taken (``planning``),
    the editions paired by ``settings``.
    """
    if not actions:
        raise StoreError(f"{db.location}: no actions to load")
    head = actions[0]
    if any(a.source_sha256 != head.source_sha256 or a.plan_id != head.plan_id for a in actions):
        raise ValueError("load_edition takes the actions of one file")
    with collector_paused():
        plan = plan_load(db, actions, replace, settings)
        return write_load(db, plan, actions, archive_path, replace, settings)


def write_load(
    db: Backend,
    plan: LoadPlan,
    actions: Sequence[Action],
    archive_path: str = "",
    replace: bool = False,
    settings: DiffSettings = DEFAULT_DIFF,
) -> LoadResult:
    """Write what ``plan`` says in one transaction; made again first if the store moved on."""
    with db.write():
        if seen_state(db, actions[0]) != plan.seen:
            # another load got in: work it out again
            plan = plan_load(db, actions, replace, settings)
        if plan.skip is not None:
            return plan.skip
        if plan.replacing is not None:
            edition = _replace_edition(db, plan.replacing, plan.actions, plan.keys, archive_path)
            if plan.replacing.plan_id != edition.plan_id:
                _close_gap(db, plan.replacing, settings)
        else:
            edition = _insert_edition(db, plan.actions, plan.keys, archive_path)
        for later in plan.later:
            store_keys(db, later.edition.edition_id, later.stored, later.keyed)
        if plan.before is not None and not plan.changes_error:
            store_changes(db, plan.before, edition, plan.changes_in)
        if plan.after is not None:
            store_changes(db, edition, plan.after, plan.changes_out)
        for older, newer, changes in plan.rekeyed_changes:
            store_changes(db, older, newer, changes)
    return LoadResult(
        edition,
        loaded=True,
        rows=len(plan.actions),
        replaced=plan.replacing,
        previous=plan.before,
        changes=plan.changes_in,
        changes_error=plan.changes_error,
        similar_plans=plan.similar,
    )


def store_changes(db: Backend, old: Edition, new: Edition, changes: Sequence[Change]) -> None:
    """Replace the stored changes into ``new`` by ``changes`` from ``old`` (in a write)."""
    db.rows("DELETE FROM edition_changes WHERE new_edition_id = ?", (new.edition_id,))
    db.run_many(
        _INSERT_CHANGE,
        (
            (old.edition_id, new.edition_id, n, *change_values(c))
            for n, c in enumerate(changes, start=1)
        ),
    )


def refresh_changes(db: Backend, settings: DiffSettings = DEFAULT_DIFF) -> None:
    """Work out and store the changes between every pair of consecutive dated editions,
    paired by ``settings``."""
    from planwatch.diff import diff_editions

    from .queries import editions

    by_plan: dict[str, list[Edition]] = {}
    for edition in editions(db):
        if edition.edition_date is not None:
            by_plan.setdefault(edition.plan_id, []).append(edition)
    for series in by_plan.values():
        for old, new in zip(series, series[1:], strict=False):
            changes = diff_editions(
                edition_actions(db, old.edition_id),
                edition_actions(db, new.edition_id),
                settings=settings,
            )
            store_changes(db, old, new, changes)


def _replace_edition(
    db: Backend, stored: Edition, actions: Sequence[Action], keys: Keys, archive_path: str
) -> Edition:
    """Keep the stored rows in ``revisions``, then put the new file's rows in their place."""
    rows = db.rows(
        f"SELECT {', '.join(COLUMNS)} FROM actions WHERE edition_id = ? ORDER BY row_no",
        (stored.edition_id,),
    )
    db.rows(
        "INSERT INTO revisions (edition_id, source_file, source_sha256, source_format, "
        "loaded_at, replaced_at, actions) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            stored.edition_id,
            stored.source_file,
            stored.source_sha256,
            stored.source_format,
            stored.loaded_at,
            _now(),
            json.dumps([_plain(r) for r in rows], ensure_ascii=False),
        ),
    )
    db.rows("DELETE FROM actions WHERE edition_id = ?", (stored.edition_id,))
    head = actions[0]
    _add_plan(db, head)
    db.rows(
        f"UPDATE editions SET {', '.join(f'{c} = ?' for c in _SOURCE_COLUMNS)}"
        " WHERE edition_id = ?",
        (*_source_values(head, archive_path), stored.edition_id),
    )
    _insert_rows(db, stored.edition_id, actions, keys)
    return one_edition(db, "edition_id = ?", (stored.edition_id,))


def _plain(row) -> dict:
    """Return a stored row as JSON-ready values (PostgreSQL gives dates and booleans)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in dict(row).items()}


# What an edition takes from the file it was read from, set when it is loaded or loaded again
_SOURCE_COLUMNS = (
    "plan_id", "source_file", "source_sha256", "source_format", "loaded_at", "source_url",
    "archive_path",
)  # fmt: skip


def _source_values(head: Action, archive_path: str) -> tuple:
    """Return the values of ``_SOURCE_COLUMNS`` for an edition whose first action is ``head``."""
    return (
        head.plan_id,
        head.source_file,
        head.source_sha256,
        head.source_format,
        _now(),
        head.source_url,
        archive_path,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _add_plan(db: Backend, head: Action) -> None:
    db.rows(
        "INSERT INTO plans (plan_id, organisation, plan_title) VALUES (?, ?, ?) "
        "ON CONFLICT (plan_id) DO NOTHING",
        (head.plan_id, head.organisation, head.plan_title),
    )


def _close_gap(db: Backend, moved: Edition, settings: DiffSettings) -> None:
    """Mend the plan an edition moved out of: its changes over the gap, its keys; gone
    altogether when the moved edition was its only one."""
    from planwatch.diff import diff_editions

    from .series import rekey_plan

    db.rows(
        "DELETE FROM edition_changes WHERE old_edition_id = ? OR new_edition_id = ?",
        (moved.edition_id, moved.edition_id),
    )
    left = [e for e in editions(db, moved.plan_id) if e.edition_date is not None]
    if not editions(db, moved.plan_id):
        db.rows("DELETE FROM plans WHERE plan_id = ?", (moved.plan_id,))
        return
    rekey_plan(db, moved.plan_id, since=moved.edition_date, settings=settings)
    before = [e for e in left if moved.edition_date and e.edition_date < moved.edition_date]
    after = [e for e in left if moved.edition_date and e.edition_date > moved.edition_date]
    if before and after:
        old, new = before[-1], after[0]
        changes = diff_editions(
            edition_actions(db, old.edition_id),
            edition_actions(db, new.edition_id),
            settings=settings,
        )
        store_changes(db, old, new, changes)


def _insert_edition(
    db: Backend, actions: Sequence[Action], keys: Keys, archive_path: str
) -> Edition:
    head = actions[0]
    _add_plan(db, head)
    columns = (*_SOURCE_COLUMNS, "edition_date")
    edition_id = db.rows(
        f"INSERT INTO editions ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        " RETURNING edition_id",
        (*_source_values(head, archive_path), head.edition_date),
    )[0]["edition_id"]
    _insert_rows(db, edition_id, actions, keys)
    return one_edition(db, "edition_id = ?", (edition_id,))


_KEY, _PREVIOUS = COLUMNS.index("action_key"), COLUMNS.index("previous_action_id")


def _insert_rows(db: Backend, edition_id: int, actions: Sequence[Action], keys: Keys) -> None:
    """Write the rows, each with its series key and previous id from ``keys``: set as it
    is written, rather than on a keyed copy of every row made first."""
    db.run_many(
        _INSERT_ACTION,
        (_keyed_row(edition_id, n, a, keys) for n, a in enumerate(actions, start=1)),
    )


def _keyed_row(edition_id: int, row_no: int, action: Action, keys: Keys) -> list:
    values = action_values(action)
    values[_KEY], values[_PREVIOUS] = keys[action.action_id]
    return [edition_id, row_no, *values]
