"""Loading one file's actions into the store as an edition, all or nothing."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from planwatch.errors import StoreError
from planwatch.model import CHANGE_COLUMNS, COLUMNS, Action, Change

from .backend import Backend
from .queries import (
    Edition,
    edition_actions,
    find_edition,
    next_edition,
    one_edition,
    previous_edition,
)
from .rows import action_values, change_values
from .series import rekey_plan

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


_INSERT_ACTION = (
    f"INSERT INTO actions (edition_id, row_no, {', '.join(COLUMNS)}) "
    f"VALUES (?, ?, {', '.join('?' * len(COLUMNS))})"
)
_INSERT_CHANGE = (
    "INSERT INTO edition_changes (old_edition_id, new_edition_id, change_no, "
    f"{', '.join(CHANGE_COLUMNS)}) VALUES (?, ?, ?, {', '.join('?' * len(CHANGE_COLUMNS))})"
)


def load_edition(
    db: Backend, actions: Sequence[Action], *, archive_path: str = "", replace: bool = False
) -> LoadResult:
    """Store one file's actions as an edition in one transaction; skip a file already in.

    A file of an edition already stored with other actions is a conflict, left out
    unless ``replace``: then it takes the stored edition's place and the rows it
    replaces are kept in the ``revisions`` table. Every edition from this one on is
    re-keyed (series keys), and the changes from the edition before it are stored
    with it (loaded between two, it takes the earlier one's place in the later one's
    changes). ``archive_path`` is where ``planwatch watch`` keeps its copy of a file.
    """
    if not actions:
        raise StoreError(f"{db.location}: no actions to load")
    head = actions[0]
    if any(a.source_sha256 != head.source_sha256 or a.plan_id != head.plan_id for a in actions):
        raise ValueError("load_edition takes the actions of one file")
    with db.write():
        result = _skip_if_loaded(db, actions, replace)
        if result is None:
            result = _insert_edition(db, actions, archive_path)
        elif result.skipped_as == "conflict" and replace:
            result = _replace_edition(db, result.edition, actions, archive_path)
        if result.loaded:
            rekey_plan(db, head.plan_id, since=head.edition_date)
            result = _with_changes(db, result)
    return result


def store_changes(db: Backend, old: Edition, new: Edition, changes: Sequence[Change]) -> None:
    """Replace the stored changes into ``new`` by ``changes`` from ``old`` (in a write)."""
    db.rows("DELETE FROM edition_changes WHERE new_edition_id = ?", (new.edition_id,))
    db.run_many(
        _INSERT_CHANGE,
        [
            (old.edition_id, new.edition_id, n, *change_values(c))
            for n, c in enumerate(changes, start=1)
        ],
    )


def refresh_changes(db: Backend) -> None:
    """Work out and store the changes between every pair of consecutive dated editions."""
    from planwatch.diff import diff_editions

    from .queries import editions

    by_plan: dict[str, list[Edition]] = {}
    for edition in editions(db):
        if edition.edition_date is not None:
            by_plan.setdefault(edition.plan_id, []).append(edition)
    for series in by_plan.values():
        for old, new in zip(series, series[1:], strict=False):
            changes = diff_editions(
                edition_actions(db, old.edition_id), edition_actions(db, new.edition_id)
            )
            store_changes(db, old, new, changes)


def _skip_if_loaded(db: Backend, actions: Sequence[Action], replace: bool) -> LoadResult | None:
    head = actions[0]
    found = one_edition(db, "source_sha256 = ?", (head.source_sha256,))
    if found:
        return LoadResult(found, loaded=False, rows=_row_count(db, found), skipped_as="same file")
    if head.edition_date is None:
        return None
    found = find_edition(db, head.plan_id, head.edition_date)
    if found is None:
        return None
    same = _content(edition_actions(db, found.edition_id)) == _content(actions)
    return LoadResult(
        found,
        loaded=False,
        rows=_row_count(db, found),
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
    db: Backend, stored: Edition, actions: Sequence[Action], archive_path: str
) -> LoadResult:
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
    db.rows(
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
    _insert_rows(db, stored.edition_id, actions)
    edition = one_edition(db, "edition_id = ?", (stored.edition_id,))
    return LoadResult(edition, loaded=True, rows=len(actions), replaced=stored)


def _plain(row) -> dict:
    """Return a stored row as JSON-ready values (PostgreSQL gives dates and booleans)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in dict(row).items()}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _insert_edition(db: Backend, actions: Sequence[Action], archive_path: str) -> LoadResult:
    head = actions[0]
    db.rows(
        "INSERT INTO plans (plan_id, organisation, plan_title) VALUES (?, ?, ?) "
        "ON CONFLICT (plan_id) DO NOTHING",
        (head.plan_id, head.organisation, head.plan_title),
    )
    edition_id = db.rows(
        "INSERT INTO editions (plan_id, edition_date, source_file, source_sha256, "
        "source_format, loaded_at, source_url, archive_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING edition_id",
        (
            head.plan_id,
            head.edition_date,
            head.source_file,
            head.source_sha256,
            head.source_format,
            _now(),
            head.source_url,
            archive_path,
        ),
    )[0]["edition_id"]
    _insert_rows(db, edition_id, actions)
    edition = one_edition(db, "edition_id = ?", (edition_id,))
    return LoadResult(edition, loaded=True, rows=len(actions))


def _insert_rows(db: Backend, edition_id: int, actions: Sequence[Action]) -> None:
    db.run_many(
        _INSERT_ACTION,
        [(edition_id, n, *action_values(a)) for n, a in enumerate(actions, start=1)],
    )


def _with_changes(db: Backend, result: LoadResult) -> LoadResult:
    """Store the changes into the new edition and out of it; return them with the result.

    Run after keying, so the changes carry the series keys. A bug in diff must not
    cost the user the edition: it is stored without its changes, and says why.
    """
    from planwatch.diff import diff_editions

    edition = result.edition
    before = previous_edition(db, edition.plan_id, edition.edition_date)
    after = next_edition(db, edition.plan_id, edition.edition_date)
    try:
        current = edition_actions(db, edition.edition_id)
        changes: list[Change] = []
        if before is not None:
            changes = diff_editions(edition_actions(db, before.edition_id), current)
            store_changes(db, before, edition, changes)
        if after is not None:
            store_changes(
                db, edition, after, diff_editions(current, edition_actions(db, after.edition_id))
            )
    except StoreError:
        raise
    except Exception as exc:
        logger.warning("changes into %s not stored", edition.source_file, exc_info=True)
        return replace(result, previous=before, changes_error=f"{type(exc).__name__}: {exc}")
    return replace(result, previous=before, changes=tuple(changes))


def _row_count(db: Backend, edition: Edition) -> int:
    rows = db.rows("SELECT count(*) AS n FROM actions WHERE edition_id = ?", (edition.edition_id,))
    return rows[0]["n"]
