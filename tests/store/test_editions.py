"""Loading editions into the store and reading them back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import planwatch.store.loader as store_loader
from planwatch.model import COLUMNS
from planwatch.store import (
    action_history,
    all_actions,
    edition_actions,
    editions,
    load_edition,
    open_store,
    previous_edition,
    status_counts,
)

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
def conn(tmp_path):
    conn = open_store(tmp_path / "planwatch.db")
    yield conn
    conn.close()


def test_an_edition_reads_back_as_loaded(conn, make_action):
    rows = _edition(make_action, NOV, "a" * 64)
    result = load_edition(conn, rows)
    assert (result.loaded, result.rows) == (True, 3)
    assert edition_actions(conn, result.edition.edition_id) == rows
    assert all_actions(conn) == rows


def test_loading_the_same_file_twice_adds_nothing(conn, make_action):
    rows = _edition(make_action, NOV, "a" * 64)
    first = load_edition(conn, rows)
    again = load_edition(conn, rows)
    assert (again.loaded, again.skipped_as, again.edition) == (False, "same file", first.edition)
    assert len(editions(conn)) == 1
    assert len(all_actions(conn)) == 3


def test_another_file_of_an_edition_already_loaded_is_skipped(conn, make_action):
    load_edition(conn, _edition(make_action, NOV, "a" * 64))
    docx = load_edition(conn, _edition(make_action, NOV, "b" * 64))
    assert (docx.loaded, docx.skipped_as) == (False, "same edition")
    assert len(editions(conn)) == 1


def test_previous_edition_goes_by_date_not_load_order(conn, make_action):
    later = load_edition(conn, _edition(make_action, FEB, "b" * 64, closed=True)).edition
    earlier = load_edition(conn, _edition(make_action, NOV, "a" * 64)).edition
    assert previous_edition(conn, "hwfrs-prevention-cfc", FEB) == earlier
    assert previous_edition(conn, "hwfrs-prevention-cfc", NOV) is None
    assert editions(conn, "hwfrs-prevention-cfc") == [earlier, later]


def test_loading_out_of_date_order_gives_the_same_history(tmp_path, make_action):
    nov = _edition(make_action, NOV, "a" * 64)
    feb = _edition(make_action, FEB, "b" * 64, closed=True)
    histories = []
    for name, order in (("in-order.db", (nov, feb)), ("reversed.db", (feb, nov))):
        conn = open_store(tmp_path / name)
        for rows in order:
            load_edition(conn, rows)
        histories.append(
            [
                (e.edition_date, e.source_file, status_counts(conn, e.edition_id))
                for e in editions(conn)
            ]
            + [
                [a for a in actions]
                for _, actions in action_history(conn, "hwfrs-prevention-cfc", "1.5")
            ]
        )
        conn.close()
    assert histories[0] == histories[1]
    assert histories[0][:2] == [
        (NOV, "cfc-2021-11-17.txt", {"complete": 1, "open": 2}),
        (FEB, "cfc-2022-02-15.txt", {"complete": 2, "open": 1}),
    ]


def test_a_failure_midway_leaves_the_store_as_it_was(conn, make_action, monkeypatch):
    load_edition(conn, _edition(make_action, NOV, "a" * 64))
    before = list(conn.iterdump())
    calls = []

    def fail_on_second_row(action):
        calls.append(action)
        if len(calls) == 2:
            raise RuntimeError("disk pulled out")
        return real(action)

    real = store_loader.action_values
    monkeypatch.setattr(store_loader, "action_values", fail_on_second_row)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        load_edition(conn, _edition(make_action, FEB, "b" * 64, closed=True))
    assert list(conn.iterdump()) == before


def test_every_canonical_column_has_a_place_in_the_actions_table(conn):
    stored = {row["name"] for row in conn.execute("PRAGMA table_info(actions)")}
    assert set(COLUMNS) <= stored
