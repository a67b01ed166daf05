"""Series keys: an action keeps its key across renumbering, whatever order editions load in."""

from __future__ import annotations

import itertools

import pytest

from planwatch.pipeline import extract_file
from planwatch.store import Store

# By hand from the editions in tests/conftest.py: (action_id, action_key, previous_action_id)
EXPECTED_KEYS = [
    [("1.1", "1.1", ""), ("1.2", "1.2", ""), ("1.3", "1.3", ""), ("2.1", "2.1", ""),
     ("2.2", "2.2", "")],
    [("1.1", "1.1", ""), ("1.2", "1.3", "1.3"), ("2.1", "2.2", "2.2"), ("2.2", "2.1", "2.1")],
    [("1.1", "1.1", ""), ("1.2", "1.3", ""), ("1.3", "1.3~2", ""), ("1.4", "1.4", ""),
     ("2.1", "2.2", "")],
]  # fmt: skip


def _keys(store: Store) -> list[list[tuple[str, str, str]]]:
    return [
        [(a.action_id, a.action_key, a.previous_action_id) for a in store.edition_actions(e)]
        for e in store.editions()
    ]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=str)
def test_the_same_keys_whatever_the_load_order(tmp_path, series_files, order):
    months = sorted(series_files)
    with Store(tmp_path / "store.db") as store:
        for i in order:
            store.load(extract_file(series_files[months[i]]))
        assert _keys(store) == EXPECTED_KEYS


def test_no_key_stands_for_two_actions(store_url, series_files):
    store = Store(store_url)
    for path in series_files.values():
        store.load(extract_file(path))
    texts: dict[str, set[str]] = {}
    for edition in store.editions():
        for a in store.edition_actions(edition):
            texts.setdefault(a.action_key, set()).add(a.action.split()[0])
    # one series per key: its first word stays (split and merged texts keep theirs)
    assert all(len(first_words) == 1 for first_words in texts.values()), texts
    store.close()


def test_a_corrected_file_is_a_conflict_unless_replaced(tmp_path, store_url, series_files):
    store = Store(store_url)
    april = series_files["2022-04"]
    for path in series_files.values():
        store.load(extract_file(path))
    corrected = tmp_path / "northfield-2022-04-corrected.txt"
    corrected.write_text(
        april.read_text(encoding="utf-8").replace("30.04.22\tComplete", "30.04.22\tOpen"),
        encoding="utf-8",
    )
    [plan] = store.plans()
    closing = {(c.action_id, c.field, c.new_value) for c in store.changes(plan.plan_id)}
    conflict = store.load(extract_file(corrected))
    assert (conflict.loaded, conflict.skipped_as) == (False, "conflict")
    assert conflict.edition.source_file == april.name

    swapped = store.load(extract_file(corrected), replace=True)
    assert swapped.loaded and swapped.replaced.source_file == april.name
    [stored] = [e for e in store.editions() if str(e.edition_date) == "2022-04-01"]
    assert stored.source_file == corrected.name
    audit = [a for a in store.edition_actions(stored) if a.action_id == "2.1"]
    assert [a.status for a in audit] == ["open"]
    (kept,) = store.backend.rows("SELECT source_file FROM revisions")
    assert kept["source_file"] == april.name
    assert _keys(store) == EXPECTED_KEYS
    # the changes into and out of the replaced edition are worked out again
    april = {(c.action_id, c.field, c.new_value) for c in store.changes(stored.plan_id, new=stored)}
    assert ("2.1", "status", "complete") in closing and ("2.1", "status", "complete") not in april
    store.close()


def _changes(store: Store) -> list[tuple]:
    [plan] = store.plans()
    return [
        (str(c.new_edition), c.action_id, c.kind, c.action_key) for c in store.changes(plan.plan_id)
    ]


@pytest.mark.parametrize("between", ["2022-01", "2022-07"])
def test_a_load_planned_before_another_lands_is_worked_out_again(
    tmp_path, store_url, series_files, between
):
    """Keys and changes are worked out before the write lock: an edition stored by another
    writer in the meantime must be taken into account, as if the loads had queued."""
    from planwatch.store.loader import write_load
    from planwatch.store.planning import plan_load

    april = extract_file(series_files["2022-04"])
    mine, other = Store(store_url), Store(store_url)
    first = "2022-07" if between == "2022-01" else "2022-01"
    mine.load(extract_file(series_files[first]))
    plan = plan_load(mine.backend, april, replace=False)
    other.load(extract_file(series_files[between]))  # lands while April is being worked out
    result = write_load(mine.backend, plan, april)
    assert result.loaded and str(result.previous.edition_date) == "2022-01-01"
    assert _keys(mine) == EXPECTED_KEYS
    with Store(tmp_path / "in-order.db") as queued:
        for month in sorted(series_files):
            queued.load(extract_file(series_files[month]))
        assert _changes(mine) == _changes(queued)
    mine.close()
    other.close()


def test_the_write_lock_is_not_held_while_changes_are_worked_out(
    tmp_path, series_files, monkeypatch
):
    """The diff of a load runs before its transaction opens: another writer is not kept
    waiting for it."""
    import planwatch.diff

    store = Store(tmp_path / "store.db")
    store.load(extract_file(series_files["2022-01"]))
    in_transaction = []
    real = planwatch.diff.diff_editions

    def watching(old, new, **options):
        in_transaction.append(store.backend._conn.in_transaction)
        return real(old, new, **options)

    monkeypatch.setattr(planwatch.diff, "diff_editions", watching)
    store.load(extract_file(series_files["2022-04"]))
    assert in_transaction == [False]
    store.close()



def _stale_changes(store: Store) -> list[str]:
    """Return the consecutive editions whose stored changes differ from a fresh diff of
    their stored rows (a change names its action by series key: keys moved by a later
    load must reach the changes too)."""
    from planwatch.diff import diff_editions

    stale = []
    for plan in store.plans():
        dated = [e for e in store.editions(plan.plan_id) if e.edition_date is not None]
        for old, new in zip(dated, dated[1:], strict=False):
            stored = store.changes(plan.plan_id, old.edition_date, new.edition_date)
            fresh = diff_editions(store.edition_actions(old), store.edition_actions(new))
            if stored != fresh or not stored:
                stale.append(f"{old.edition_date} -> {new.edition_date}")
    return stale


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=str)
def test_stored_changes_name_the_keys_the_actions_have_whatever_the_load_order(
    tmp_path, series_files, order
):
    # Loading January last re-keys April and July (1.3 -> 1.3~2 in July): the changes
    # stored from April to July when July was loaded named the old keys.
    files = list(series_files.values())
    with Store(tmp_path / "store.db") as store:
        for n in order:
            store.load(extract_file(files[n]))
        assert _stale_changes(store) == []


def test_stored_changes_name_the_new_keys_after_an_edition_moves_out(tmp_path, series_files):
    # January moved to another plan: April is the first edition left, keyed by its own
    # ids, and July is keyed against it again.
    with Store(tmp_path / "store.db") as store:
        for path in series_files.values():
            store.load(extract_file(path))
        store.load(series_files["2022-01"], plan_id="nfrs-other-plan", replace=True)
        assert [len(store.editions(p.plan_id)) for p in store.plans()] == [2, 1]
        assert _stale_changes(store) == []
