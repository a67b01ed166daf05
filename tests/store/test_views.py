"""The views a person browses, on both backends, and read through Datasette."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planwatch.store import VIEWS, Store

NOV, FEB = date(2021, 11, 17), date(2022, 2, 15)
DATASETTE = Path(sys.executable).with_name("datasette")


def _edition(make_action, when: date, sha: str, later: bool = False):
    """Three actions of the CFC plan; in the later edition 1.5 is closed and 2.1 is overdue."""
    common = dict(edition_date=when, source_sha256=sha, source_file=f"cfc-{when}.txt")
    return [
        make_action(action_id="1.1", action_key="1.1", action="Add the cause for concern "
                    "onto the risk register", status="complete", **common),
        make_action(action_id="1.5", action_key="1.5", action="Review data sets.",
                    status="complete" if later else "open", **common),
        make_action(action_id="2.1", action_key="2.1", action="Train the prevention team.",
                    status="open", overdue=later, due_raw="Jan 22", due_end=date(2022, 1, 31),
                    **common),
        make_action(action_id="2.1", action_key="2.1", action="Train the prevention team.",
                    entry_no=2, status="open", progress="Courses booked.", **common),
    ]  # fmt: skip


@pytest.fixture
def loaded(store_url, make_action):
    with Store(store_url) as store:
        store.load(_edition(make_action, NOV, "a" * 64))
        store.load(_edition(make_action, FEB, "b" * 64, later=True))
        yield store


def _view(store: Store, view: str, order: str) -> list[dict]:
    return [dict(r) for r in store.backend.rows(f"SELECT * FROM {view} ORDER BY {order}")]


def test_latest_actions_hold_each_plan_s_newest_edition_text_and_status_first(loaded):
    rows = _view(loaded, "latest_actions", "row_no")
    assert list(rows[0])[:2] == ["action", "status"]
    assert [(r["action_id"], r["status"], str(r["edition_date"])) for r in rows] == [
        ("1.1", "complete", "2022-02-15"),
        ("1.5", "complete", "2022-02-15"),
        ("2.1", "open", "2022-02-15"),
        ("2.1", "open", "2022-02-15"),
    ]


def test_action_history_has_one_row_per_action_per_edition(loaded):
    rows = _view(loaded, "action_history", "edition_date, action_key")
    story = [(str(r["edition_date"]), r["action_key"], r["status"]) for r in rows]
    assert story == [
        ("2021-11-17", "1.1", "complete"),
        ("2021-11-17", "1.5", "open"),
        ("2021-11-17", "2.1", "open"),
        ("2022-02-15", "1.1", "complete"),
        ("2022-02-15", "1.5", "complete"),
        ("2022-02-15", "2.1", "open"),
    ]


def test_changes_are_stored_rows_with_the_action_text(loaded):
    rows = _view(loaded, "changes", "change_no")
    got = {(r["action_id"], r["action"], r["field"], r["old_value"], r["new_value"]) for r in rows}
    assert ("1.5", "Review data sets.", "status", "open", "complete") in got
    assert {str(r["new_edition"]) for r in rows} == {"2022-02-15"}


def test_plan_summary_counts_by_status_overdue_and_changed(loaded):
    rows = _view(loaded, "plan_summary", "edition_date")
    got = [
        (str(r["edition_date"]), r["actions"], r["complete"], r["open"], r["overdue"]) for r in rows
    ]
    assert got == [("2021-11-17", 3, 1, 2, 0), ("2022-02-15", 3, 2, 1, 1)]
    assert rows[0]["changed_since_last"] == 0
    assert rows[1]["changed_since_last"] >= 1


def test_datasette_reads_every_view_with_the_metadata(tmp_path, make_action):
    if not DATASETTE.exists():
        pytest.fail("datasette is a test dependency: pip install -e '.[test]'")
    path = tmp_path / "planwatch.db"
    with Store(path) as store:
        store.load(_edition(make_action, NOV, "a" * 64))
        store.load(_edition(make_action, FEB, "b" * 64, later=True))
    metadata = tmp_path / "metadata.json"
    made = subprocess.run(
        [str(Path(sys.executable).with_name("planwatch")), "datasette-metadata", "--store",
         str(path), "-o", str(metadata)], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    counts = {"latest_actions": 4, "action_history": 6, "plan_summary": 2}
    for view in VIEWS:
        got = subprocess.run(
            [str(DATASETTE), str(path), "-m", str(metadata), "--get",
             f"/planwatch/{view}.json?_shape=objects"],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        assert got.returncode == 0, got.stderr
        page = json.loads(got.stdout)
        if view in counts:
            assert len(page["rows"]) == counts[view], view
        else:
            assert page["rows"] and all(r["new_edition"] == "2022-02-15" for r in page["rows"])
    shown = subprocess.run(
        [str(DATASETTE), str(path), "-m", str(metadata), "--get", "/-/metadata.json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    described = json.loads(shown.stdout)["databases"]["planwatch"]["tables"]["latest_actions"]
    assert described["columns"]["status"].startswith("Status in one vocabulary")
    assert "status" in described["facets"]
