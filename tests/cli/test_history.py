"""planwatch history and export: what the store holds."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from planwatch.cli import cli

CFC_NOV, CFC_FEB = "hwfrs-prevention-cfc-2021-11.txt", "hwfrs-prevention-cfc-2022-02.txt"
PLAN = "hwfrs-prevention-cause-for-concern-action-plan"


@pytest.fixture
def store(tmp_path, samples) -> str:
    path = str(tmp_path / "planwatch.db")
    # later edition first: history goes by edition date, not load order
    args = ["load", "-j", "1", "--store", path, str(samples / CFC_FEB), str(samples / CFC_NOV)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    return path


def test_history_lists_editions_by_date_with_status_counts(store):
    result = CliRunner().invoke(cli, ["history", "--store", store])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == PLAN
    # November: 1.1-1.3, 2.1-2.7 and 3.1-3.9 signed off, 1.4 "ongoing", the rest open.
    # February: 1.5, 2.8, 3.10 and 3.12 signed off; 2.13 (open) dropped, 3.15 (open) added.
    assert lines[1:] == [
        f"  2021-11-17  {CFC_NOV}  37 actions: 19 complete, 1 ongoing, 17 open",
        f"  2022-02-15  {CFC_FEB}  37 actions: 23 complete, 1 ongoing, 13 open",
    ]


def test_history_of_one_action_across_editions(store):
    result = CliRunner().invoke(cli, ["history", PLAN, "--action", "3.12", "--store", store])
    assert result.exit_code == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows == [
        [PLAN, "3.12"],
        ["edition", "id", "status", "due_raw", "due_end", "progress"],
        ["2021-11-17", "3.12", "open", "31.12.21", "2021-12-31"],
        ["2022-02-15", "3.12", "complete", "31.12.21", "2021-12-31"],
    ]


def test_history_without_a_store_says_how_to_make_one(tmp_path):
    result = CliRunner().invoke(cli, ["history", "--store", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no store here; add editions first with `planwatch load FILE`" in result.stderr


def test_export_writes_every_edition(store, tmp_path):
    out = tmp_path / "all.csv"
    result = CliRunner().invoke(cli, ["export", "--store", store, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["edition_date"], r["action_id"]) for r in rows][:2] == [
        ("2021-11-17", "1.1"),
        ("2021-11-17", "1.2"),
    ]
    assert len(rows) == 37 + 37
    assert rows[-1]["action_id"] == "3.15"
