"""Renumbered, reordered, split and merged actions through diff, load and history."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from planwatch.cli import cli

PLAN = "nfrs-hmicfrs-action-plan"


def _store(tmp_path, series_files) -> str:
    store = str(tmp_path / "planwatch.db")
    files = [str(series_files[m]) for m in ("2022-07", "2022-01", "2022-04")]  # any order
    result = CliRunner().invoke(cli, ["load", "-j", "1", "--store", store, *files])
    assert result.exit_code == 0, result.stderr
    return store


def test_history_follows_renumbering_both_ways(tmp_path, series_files):
    store = _store(tmp_path, series_files)
    runner = CliRunner()
    # 1.3 in January is 1.2 from April; 1.2 in January (dropped in April) is another action
    by_old = runner.invoke(cli, ["history", PLAN, "--action", "1.3", "--store", store])
    by_new = runner.invoke(cli, ["history", PLAN, "--action", "1.2", "--store", store])
    train = [
        f"{PLAN} 1.3 -> 1.2",
        "  edition     id          status  due_raw   due_end     progress",
        "  2022-01-01  1.3         open    Jun 2022  2022-06-30  Course designed.",
        "  2022-04-01  1.3 -> 1.2  open    Sep 2022  2022-09-30  Course designed. First cohort "
        "trained in March.",
        "  2022-07-01  1.2         open    Sep 2022  2022-09-30  Course designed. First cohort "
        "trained in March.",
    ]
    assert by_old.stdout.splitlines()[:5] == train
    assert f"{PLAN} 1.3" in by_old.stdout.splitlines()[5:]  # the hoarding action took 1.3
    lines = by_new.stdout.splitlines()
    assert lines[0] == f"{PLAN} 1.2"  # the publication action, January only
    assert lines[2].split()[:3] == ["2022-01-01", "1.2", "open"]
    assert lines[3].split()[1:] == ["(not", "in", "this", "edition)"]
    assert lines[5:10] == train


def test_the_changes_table_names_each_action_once_with_its_text(tmp_path, series_files):
    out = tmp_path / "changes.csv"
    args = ["diff", str(series_files["2022-01"]), str(series_files["2022-04"]), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    got = {(r["kind"], r["action_id"], r["action_key"]) for r in rows}
    assert got == {
        ("became_overdue", "1.1", "1.1"),
        ("removed", "1.2", "1.2"),
        ("renumbered", "1.2", "1.3"),
        ("target_later", "1.2", "1.3"),
        ("progress_added", "1.2", "1.3"),
        ("renumbered", "2.1", "2.2"),
        ("closed", "2.1", "2.2"),
        ("renumbered", "2.2", "2.1"),
    }
    texts = {r["action_key"]: r["action"] for r in rows}
    assert texts["1.2"] == "Publish the annual prevention evaluation report."
    assert texts["1.3"] == "Train every watch manager in safeguarding referrals."
    assert all(r["action"] for r in rows)  # every row carries the action text
    [moved] = [r for r in rows if r["kind"] == "target_later"]
    assert (moved["months_moved"], moved["days_moved"], moved["note"]) == (
        "3",
        "92",
        "target moved 3 months later",
    )
    # one key, one action: the text never differs under one key
    assert all(len({r["action"] for r in rows if r["action_key"] == k}) == 1 for k in texts)


def test_the_terminal_opens_with_the_counts_and_never_shows_an_id_twice(tmp_path, series_files):
    args = ["diff", str(series_files["2022-01"]), str(series_files["2022-04"])]
    result = CliRunner().invoke(cli, args)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{PLAN}: 2022-01-01 -> 2022-04-01: 1 closed, 1 target later, 1 now overdue, "
        "1 removed, 3 renumbered, 1 progress added"
    )
    headings = [line.split("  ")[1] for line in lines[1:] if not line.startswith("      ")]
    assert headings == ["1.1", "1.3 -> 1.2", "2.2 -> 2.1", "2.1 -> 2.2", "1.2 (older edition)"]


def test_diff_filters_refuses_and_fails_on_request(tmp_path, series_files, samples):
    jan, apr = str(series_files["2022-01"]), str(series_files["2022-04"])
    runner = CliRunner()
    only = runner.invoke(cli, ["diff", jan, apr, "--only", "closed"])
    assert only.stdout.splitlines()[0].endswith(": 1 closed")
    assert runner.invoke(cli, ["diff", jan, apr, "--fail-if-diff"]).exit_code == 1
    assert runner.invoke(cli, ["diff", jan, jan, "--fail-if-diff"]).exit_code == 0
    backwards = runner.invoke(cli, ["diff", apr, jan])
    assert backwards.exit_code == 1 and "is older than" in backwards.stderr
    assert runner.invoke(cli, ["diff", apr, jan, "--force"]).exit_code == 0
    other = runner.invoke(cli, ["diff", jan, str(samples / "hwfrs-prevention-cfc-2021-11.txt")])
    assert other.exit_code == 1 and "are two plans" in other.stderr


def test_a_corrected_file_is_a_conflict_naming_both_files(tmp_path, series_files):
    store = _store(tmp_path, series_files)
    april = series_files["2022-04"]
    fixed = tmp_path / "northfield-2022-04-fixed.txt"
    fixed.write_text(april.read_text(encoding="utf-8").replace("Complete", "Open"), "utf-8")
    runner = CliRunner()
    conflict = runner.invoke(cli, ["load", "-j", "1", "--store", store, str(fixed)])
    assert conflict.exit_code == 1
    assert fixed.name in conflict.stderr and april.name in conflict.stderr
    swapped = runner.invoke(cli, ["load", "-j", "1", "--store", store, "--replace", str(fixed)])
    assert swapped.exit_code == 0, swapped.stderr
    # between January and July: compared with both
    assert f"replacing {april.name}" in swapped.stdout
    assert f"  {PLAN}: 2022-01-01 -> 2022-04-01: " in swapped.stdout
    assert f"  {PLAN}: 2022-04-01 -> 2022-07-01: " in swapped.stdout
