"""Loading editions into the store and reading them back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import planwatch.store.loader as store_loader
from planwatch.model import COLUMNS
from planwatch.store import Store

NOV, FEB = date(2021, 11, 17), date(2022, 2, 15)


def _edition(make_action, when: date, sha: str, closed: bool = False):
    """Return a three-row CFC edition: 1.5 is signed off in the later one; keyed as read."""
    common = dict(edition_date=when, source_sha256=sha, source_file=f"cfc-{when}.txt")
    rows = [
        make_action(
            action_id="1.1",
            action_ref="1.1",
            action="Add the cause for concern onto the Prevention Risk Register",
            status="complete",
            lead_codes=("GCP", "PM"),
            warnings=("lead CGP read as GCP",),
            signed_off_by="AD",
            signed_off_date=date(2021, 7, 27),
            due_raw="26.07.21",
            due_start=date(2021, 7, 26),
            due_end=date(2021, 7, 26),
            due_precision="day",
            greyed=True,
            **common,
        ),
        make_action(
            action_id="1.5",
            action_ref="1.5",
            action="Milestone. Review data sets.",
            status="complete" if closed else "open",
            **common,
        ),
        make_action(action_id="ES1.4/f", action_ref="f.", action="Training.", entry_no=2, **common),
    ]
    return [replace(a, action_key=a.action_id) for a in rows]


@pytest.fixture
def store(store_url):
    with Store(store_url) as store:
        yield store


def test_an_edition_reads_back_as_loaded(store, make_action):
    rows = _edition(make_action, NOV, "a" * 64)
    result = store.load(rows)
    assert (result.loaded, result.rows) == (True, 3)
    assert store.edition_actions(result.edition) == rows
    assert list(store.all_actions()) == rows


def test_loading_the_same_file_twice_adds_nothing(store, make_action):
    rows = _edition(make_action, NOV, "a" * 64)
    first = store.load(rows)
    again = store.load(rows)
    assert (again.loaded, again.skipped_as, again.edition) == (False, "same file", first.edition)
    assert len(store.editions()) == 1
    assert len(list(store.all_actions())) == 3


def test_another_file_of_an_edition_already_loaded_is_skipped(store, make_action):
    store.load(_edition(make_action, NOV, "a" * 64))
    docx = store.load(_edition(make_action, NOV, "b" * 64))
    assert (docx.loaded, docx.skipped_as) == (False, "same edition")
    assert len(store.editions()) == 1


def test_previous_edition_goes_by_date_not_load_order(store, make_action):
    later = store.load(_edition(make_action, FEB, "b" * 64, closed=True)).edition
    earlier = store.load(_edition(make_action, NOV, "a" * 64)).edition
    assert store.previous_edition(later) == earlier
    assert store.previous_edition(earlier) is None
    assert store.editions("hwfrs-prevention-cfc") == [earlier, later]


def test_loading_out_of_date_order_gives_the_same_history(tmp_path, make_action):
    nov = _edition(make_action, NOV, "a" * 64)
    feb = _edition(make_action, FEB, "b" * 64, closed=True)
    histories = []
    for name, order in (("in-order.db", (nov, feb)), ("reversed.db", (feb, nov))):
        store = Store(tmp_path / name)
        for rows in order:
            store.load(rows)
        histories.append(
            [(e.edition_date, e.source_file, store.status_counts(e)) for e in store.editions()]
            + [[a for a in actions] for _, actions in store.history("hwfrs-prevention-cfc", "1.5")]
        )
        store.close()
    assert histories[0] == histories[1]
    assert histories[0][:2] == [
        (NOV, "cfc-2021-11-17.txt", {"complete": 1, "open": 2}),
        (FEB, "cfc-2022-02-15.txt", {"complete": 2, "open": 1}),
    ]


def test_a_failure_midway_leaves_the_store_as_it_was(store, make_action, monkeypatch, snapshot):
    store.load(_edition(make_action, NOV, "a" * 64))
    before = snapshot(store)
    calls = []

    def fail_on_second_row(action):
        calls.append(action)
        if len(calls) == 2:
            raise RuntimeError("disk pulled out")
        return real(action)

    real = store_loader.action_values
    monkeypatch.setattr(store_loader, "action_values", fail_on_second_row)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        store.load(_edition(make_action, FEB, "b" * 64, closed=True))
    assert snapshot(store) == before


def test_every_canonical_column_has_a_place_in_the_actions_table(store, make_action):
    store.load(_edition(make_action, NOV, "a" * 64))
    stored = set(dict(store.backend.rows("SELECT * FROM actions")[0]))
    assert set(COLUMNS) <= stored


def test_the_changes_between_consecutive_editions_are_stored(store, make_action):
    store.load(_edition(make_action, NOV, "a" * 64))
    result = store.load(_edition(make_action, FEB, "b" * 64, closed=True))
    closed = [(c.action_id, c.field, c.old_value, c.new_value) for c in result.changes]
    assert closed == [("1.5", "status", "open", "complete")]
    assert store.changes("hwfrs-prevention-cfc") == list(result.changes)
    assert store.changes("hwfrs-prevention-cfc", NOV, FEB) == list(result.changes)


def test_an_edition_loaded_between_two_takes_its_place_in_the_changes(store, make_action):
    store.load(_edition(make_action, NOV, "a" * 64))
    store.load(_edition(make_action, date(2022, 5, 1), "c" * 64, closed=True))
    store.load(_edition(make_action, FEB, "b" * 64, closed=True))
    pairs = [
        (c.old_edition, c.new_edition, c.action_id) for c in store.changes("hwfrs-prevention-cfc")
    ]
    # Nov -> Feb closes 1.5; Feb -> May changes nothing; no Nov -> May pair is left
    assert pairs == [(NOV, FEB, "1.5")]


def test_actions_default_to_each_plan_s_latest_edition(store, make_action):
    store.load(_edition(make_action, FEB, "b" * 64, closed=True))
    store.load(_edition(make_action, NOV, "a" * 64))
    latest = store.actions("hwfrs-prevention-cfc")
    assert {a.edition_date for a in latest} == {FEB}
    assert [a.status for a in store.actions()] == ["complete", "complete", "open"]
    assert len(store.actions("hwfrs-prevention-cfc", edition=None)) == 6
    assert [a.edition_date for a in store.actions("hwfrs-prevention-cfc", NOV)] == [NOV] * 3
