"""A load batch always goes on: each file's store and report steps fail only that file."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

import planwatch.diff
import planwatch.store
from planwatch.cli import cli

NOV, FEB = "hwfrs-prevention-cfc-2021-11.txt", "hwfrs-prevention-cfc-2022-02.txt"
IMPROVEMENT = "hwfrs-improvement-plan-2020-10.txt"


def _load(tmp_path, *paths):
    args = ["load", "-j", "1", "--store", str(tmp_path / "s.db"), *map(str, paths)]
    return CliRunner().invoke(cli, args)


def test_a_store_error_fails_only_its_file(tmp_path, samples, monkeypatch):
    real = planwatch.store.Store.load

    def full_on_feb(store, actions, **options):
        if actions and actions[0].source_file == FEB:
            raise sqlite3.OperationalError("database or disk is full")
        return real(store, actions, **options)

    monkeypatch.setattr(planwatch.store.Store, "load", full_on_feb)
    result = _load(tmp_path, samples / NOV, samples / FEB, samples / IMPROVEMENT)
    assert result.exit_code == 1
    assert f"error: {FEB}: not stored (OperationalError: database or disk is full)" in (
        result.stderr.splitlines()
    )
    loaded = [line.split(":")[0] for line in result.stdout.splitlines() if ": loaded " in line]
    # the files after the failure were still loaded (a batch goes plan by plan, by date)
    assert sorted(loaded) == sorted([NOV, IMPROVEMENT])
    assert result.stderr.splitlines()[-1] == "2 of 3 files loaded, 1 failed"


def test_a_failing_change_report_does_not_fail_a_stored_file(tmp_path, samples, monkeypatch):
    def broken(old, new):
        raise RuntimeError("a bug in the notes")

    monkeypatch.setattr(planwatch.diff, "diff_editions", broken)
    result = _load(tmp_path, samples / NOV, samples / FEB)
    assert result.exit_code == 0, result.stderr
    assert f"warning: {FEB}: stored, but what changed could not be listed" in result.stderr
    again = _load(tmp_path, samples / FEB)
    assert again.stdout.startswith(f"{FEB}: already loaded as ")  # it was stored
