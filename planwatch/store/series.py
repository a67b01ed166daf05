"""Series keys in the store: each edition's actions keyed against the edition before it."""

from __future__ import annotations

from datetime import date

from planwatch.diff.settings import DEFAULT_DIFF, DiffSettings
from planwatch.model import Action

from .backend import Backend
from .queries import edition_actions, editions


def rekey_plan(
    db: Backend, plan_id: str, since: date | None = None, settings: DiffSettings = DEFAULT_DIFF
) -> int:
    """Key the plan's editions in date order from ``since`` on; return how many rows changed.

    Keys depend only on the editions stored, never on the order they were loaded in:
    an edition inserted between two others re-keys every edition after it. A stored
    change names its action by key, so the changes between two dated editions are
    stored again where either's keys changed. Editions are paired by ``settings``. Runs
    inside the caller's transaction.
    """
    from planwatch.diff.keys import key_edition, key_first_edition

    previous: list[Action] = []
    taken: set[str] = set()
    changed, moved, before = 0, False, None
    for edition in editions(db, plan_id):
        actions = edition_actions(db, edition.edition_id)
        settled = since is not None and edition.edition_date is not None
        if settled and edition.edition_date < since:
            keyed, now_moved = actions, False  # before the change: its stored keys stand
        else:
            keyed = (
                key_edition(previous, actions, taken, settings=settings)
                if previous
                else key_first_edition(actions)
            )
            count = store_keys(db, edition.edition_id, actions, keyed)
            changed, now_moved = changed + count, count > 0
        if (moved or now_moved) and before is not None and edition.edition_date is not None:
            _store_changes_again(db, before, edition, previous, keyed, settings)
        previous, moved = keyed, now_moved
        before = edition if edition.edition_date is not None else None
        taken |= {a.series_key for a in previous}
    return changed


def _store_changes_again(
    db, older, newer, old_rows: list[Action], new_rows: list[Action], settings: DiffSettings
):
    from planwatch.diff import diff_editions

    from .loader import store_changes

    store_changes(db, older, newer, diff_editions(old_rows, new_rows, settings=settings))


def store_keys(db: Backend, edition_id: int, stored: list[Action], keyed: list[Action]) -> int:
    """Write the keys of ``keyed`` where they differ from ``stored``; return how many."""
    updates = [
        (after.action_key, after.previous_action_id, edition_id, row_no)
        for row_no, (before, after) in enumerate(zip(stored, keyed, strict=True), start=1)
        if (before.action_key, before.previous_action_id)
        != (after.action_key, after.previous_action_id)
    ]
    db.run_many(
        "UPDATE actions SET action_key = ?, previous_action_id = ? "
        "WHERE edition_id = ? AND row_no = ?",
        updates,
    )
    return len(updates)
