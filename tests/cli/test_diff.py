"""planwatch diff: two files, or two editions in the store."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from planwatch.cli import cli

CFC_NOV, CFC_FEB = "hwfrs-prevention-cfc-2021-11.txt", "hwfrs-prevention-cfc-2022-02.txt"


def test_diff_of_two_files_writes_the_changes_table(tmp_path, samples):
    out = tmp_path / "changes.csv"
    result = CliRunner().invoke(
        cli, ["diff", str(samples / CFC_NOV), str(samples / CFC_FEB), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    added = [(r["action_id"], r["change"]) for r in rows if r["change"] != "changed"]
    assert added == [("3.15", "added"), ("2.13", "removed")]
    [moved] = [r for r in rows if r["action_id"] == "2.10"]
    assert (moved["field"], moved["old_value"], moved["new_value"], moved["note"]) == (
        "due_end",
        "2021-12-31",
        "2022-03-31",
        "target moved 90 days later",
    )


def test_diff_of_stored_editions_by_name(tmp_path, samples):
    store = str(tmp_path / "planwatch.db")
    runner = CliRunner()
    runner.invoke(
        cli, ["load", "-j", "1", "--store", store, str(samples / CFC_NOV), str(samples / CFC_FEB)]
    )
    plan = "hwfrs-prevention-cause-for-concern-action-plan"
    result = runner.invoke(cli, ["diff", f"{plan}@2021-11-17", f"{plan}@2022-02", "--store", store])
    assert result.exit_code == 0, result.stderr
    assert "  2.14 -> 2.13  Investigate a body to undertake a peer review" in result.stdout
    assert "      ref: 2.14 -> 2.13 (renumbered)" in result.stdout


def test_diff_of_a_file_with_itself_says_no_changes(samples):
    result = CliRunner().invoke(cli, ["diff", str(samples / CFC_NOV), str(samples / CFC_NOV)])
    plan = "hwfrs-prevention-cause-for-concern-action-plan"
    assert (result.exit_code, result.stdout) == (
        0,
        f"{plan}: 2021-11-17 -> 2021-11-17: no changes\n",
    )


def test_an_unknown_edition_name_lists_the_loaded_ones(tmp_path, samples):
    store = str(tmp_path / "planwatch.db")
    runner = CliRunner()
    runner.invoke(cli, ["load", "-j", "1", "--store", store, str(samples / CFC_NOV)])
    plan = "hwfrs-prevention-cause-for-concern-action-plan"
    result = runner.invoke(cli, ["diff", f"{plan}@2021-11-17", f"{plan}@2023-01", "--store", store])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {plan}@2023-01: no edition of that date in {store}; loaded: {plan}@2021-11-17\n"
    )
