"""What a load will write, worked out by reading only, before the write lock is taken.

Keying and diffing a large edition takes seconds; done inside the write transaction, it
would hold every other writer of the store waiting that long. So the plan is made from
what the store holds, and the write checks, under the lock, that the plan's editions are
still as they were read (``seen``); if another load got in between, the plan is made
again under the lock.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planwatch.diff.settings import DEFAULT_DIFF, DiffSettings
from planwatch.errors import StoreError
from planwatch.model import COLUMNS, Action, Change

if TYPE_CHECKING:
    from planwatch.diff.match import Pairing

from .backend import Backend
from .queries import Edition, Plan, edition_actions, editions, find_edition, one_edition
from .rows import action_values
from .similar import similar_plans

logger = logging.getLogger(__name__)

Keys = Mapping[str, tuple[str, str]]  # action id: (series key, previous id), as edition_keys


@dataclass(frozen=True)
class Rekeyed:
    """A stored edition after the new one, with its rows as stored and as re-keyed."""

    edition: Edition
    stored: list[Action]
    keyed: list[Action]
    pairing: Pairing  # its actions paired with the edition's before it


@dataclass(frozen=True)
class LoadPlan:
    """Everything a load writes, or why it writes nothing (``skip``: a LoadResult)."""

    seen: tuple
    actions: list[Action] = field(default_factory=list)  # the file's rows, as given
    # Each action id's (series key, previous id), set on the rows as they are written:
    # a keyed copy of every row would double the memory a large load takes.
    keys: Keys = field(default_factory=dict)
    skip: object | None = None
    replacing: Edition | None = None
    later: tuple[Rekeyed, ...] = ()
    before: Edition | None = None  # the edition the changes are from
    after: Edition | None = None  # the dated edition the new one comes just before
    pairing: Pairing | None = None  # the new rows paired with the edition's before them
    changes_in: tuple[Change, ...] = ()
    changes_out: tuple[Change, ...] = ()
    # The changes between two later editions whose keys the new one changed:
    # (older, newer, changes), their stored changes named the keys as they were.
    rekeyed_changes: tuple[tuple[Edition, Edition, tuple[Change, ...]], ...] = ()
    changes_error: str = ""  # why the changes could not be worked out (a bug in diff)
    similar: tuple[Plan, ...] = ()  # stored plans a new plan id may be an edition of


def seen_state(db: Backend, head: Action) -> tuple:
    """Return what a plan depends on: the plan's editions, and any holding the same file."""
    rows = db.rows(
        "SELECT edition_id, edition_date, source_sha256, loaded_at FROM editions "
        "WHERE plan_id = ? OR source_sha256 = ? ORDER BY edition_id",
        (head.plan_id, head.source_sha256),
    )
    return tuple(tuple(dict(r).values()) for r in rows)


def plan_load(
    db: Backend,
    actions: Sequence[Action],
    replace: bool,
    settings: DiffSettings = DEFAULT_DIFF,
) -> LoadPlan:
    """Return what loading ``actions`` (one file's rows) would write, reading only, the
    editions paired by ``settings``."""
    from .loader import LoadResult

    head = actions[0]
    seen = seen_state(db, head)
    # The same file under another plan id is moved to this one only with ``replace``
    # (loaded again with --plan, to merge a plan that a retitled edition split off).
    found = one_edition(db, "source_sha256 = ?", (head.source_sha256,))
    if found and (found.plan_id == head.plan_id or not replace):
        return LoadPlan(seen, skip=LoadResult(found, False, _row_count(db, found), "same file"))
    stored = find_edition(db, head.plan_id, head.edition_date) if head.edition_date else None
    if stored is not None and (found or not replace):
        same = _content(edition_actions(db, stored.edition_id)) == _content(actions)
        skipped_as = "same edition" if same else "conflict"
        return LoadPlan(seen, skip=LoadResult(stored, False, _row_count(db, stored), skipped_as))
    series = [e for e in editions(db, head.plan_id) if e != stored]
    at = _position(series, head)
    previous = edition_actions(db, series[at - 1].edition_id) if at else []
    keys, pairing, later = _keyed(db, series[:at], previous, series[at:], actions, settings)
    similar = () if series or found else tuple(similar_plans(db, head, settings.similar_title_min))
    plan = LoadPlan(
        seen,
        list(actions),
        keys,
        replacing=stored or found,
        later=later,
        similar=similar,
        pairing=pairing,
    )
    return _with_changes(plan, series[at - 1] if at else None, previous, settings)


def _position(series: list[Edition], head: Action) -> int:
    """Return where the new edition goes: by date among the dated, undated ones last."""
    if head.edition_date is None:
        return len(series)
    return sum(
        1 for e in series if e.edition_date is not None and e.edition_date < head.edition_date
    )


def _keyed(
    db: Backend,
    before: list[Edition],
    previous: list[Action],
    after: list[Edition],
    actions: Sequence[Action],
    settings: DiffSettings,
) -> tuple[Keys, Pairing | None, tuple[Rekeyed, ...]]:
    """Return the new rows' keys against ``previous`` (the rows of the edition before
    them) with the pairs that made them, and every later edition re-keyed in turn (an
    inserted edition can change their keys); the editions before keep their keys."""
    from planwatch.diff.keys import apply_keys, first_edition_keys

    taken = _keys_used(db, before)
    if previous:
        keys, pairing = _key(previous, actions, taken, settings)
    else:
        keys, pairing = first_edition_keys(actions), None
    later = []
    previous = apply_keys(actions, keys) if after else []
    for edition in after:
        taken |= {a.series_key for a in previous}
        stored = edition_actions(db, edition.edition_id)
        keys_after, pairs = _key(previous, stored, taken, settings)
        previous = apply_keys(stored, keys_after)
        later.append(Rekeyed(edition, stored, previous, pairs))
    return keys, pairing, tuple(later)


def _key(
    previous: list[Action], current: Sequence[Action], taken: set[str], settings: DiffSettings
) -> tuple[Keys, Pairing]:
    """Return the keys of ``current`` against ``previous``, and the pairing that made them
    (the diff of the two takes it on rather than grouping and pairing them again)."""
    from planwatch.diff.keys import edition_keys
    from planwatch.diff.match import pair_editions

    pairing = pair_editions(previous, current, settings)
    return edition_keys(previous, current, taken, matches=pairing.matches), pairing


def _keys_used(db: Backend, before: list[Edition]) -> set[str]:
    """Return every series key the editions before the new one use."""
    if not before:
        return set()
    marks = ", ".join("?" * len(before))
    rows = db.rows(
        f"SELECT DISTINCT action_key, action_id FROM actions WHERE edition_id IN ({marks})",
        [e.edition_id for e in before],
    )
    return {r["action_key"] or r["action_id"] for r in rows}


def _with_changes(
    plan: LoadPlan, before: Edition | None, previous: list[Action], settings: DiffSettings
) -> LoadPlan:
    """Return ``plan`` with the changes into the new edition and out of it (dated only).

    A bug in diff must not cost the user the edition: it is stored without its changes.
    """
    from dataclasses import replace

    from planwatch.diff import diff_editions
    from planwatch.diff.keys import apply_keys

    if plan.actions[0].edition_date is None:
        return plan
    later = plan.later
    following = later[0] if later and later[0].edition.edition_date is not None else None
    try:
        changes_in = (
            diff_editions(
                previous, plan.actions, pairing=plan.pairing, keys=plan.keys, settings=settings
            )
            if before
            else []
        )
        changes_out = (
            diff_editions(
                apply_keys(plan.actions, plan.keys), following.keyed, pairing=following.pairing
            )
            if following
            else []
        )
        rekeyed = _rekeyed_changes(later)
    except StoreError:
        raise
    except Exception as exc:
        logger.warning("changes into %s not worked out", plan.actions[0].source_file, exc_info=True)
        return replace(plan, before=before, changes_error=f"{type(exc).__name__}: {exc}")
    return replace(
        plan,
        before=before,
        after=following.edition if following else None,
        changes_in=tuple(changes_in),
        changes_out=tuple(changes_out),
        rekeyed_changes=rekeyed,
    )


def _rekeyed_changes(
    later: Sequence[Rekeyed],
) -> tuple[tuple[Edition, Edition, tuple[Change, ...]], ...]:
    """Return the changes between consecutive dated later editions where either's keys
    changed: a stored change names its action by series key, so it is worked out again
    with the new keys (from the pairing the re-keying made)."""
    from planwatch.diff import diff_editions

    found = []
    for older, newer in zip(later, later[1:], strict=False):
        if newer.edition.edition_date is None:
            break
        if _keys_moved(older) or _keys_moved(newer):
            changes = diff_editions(older.keyed, newer.keyed, pairing=newer.pairing)
            found.append((older.edition, newer.edition, tuple(changes)))
    return tuple(found)


def _keys_moved(rekeyed: Rekeyed) -> bool:
    return any(
        (a.action_key, a.previous_action_id) != (b.action_key, b.previous_action_id)
        for a, b in zip(rekeyed.stored, rekeyed.keyed, strict=True)
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


def _row_count(db: Backend, edition: Edition) -> int:
    rows = db.rows("SELECT count(*) AS n FROM actions WHERE edition_id = ?", (edition.edition_id,))
    return rows[0]["n"]
