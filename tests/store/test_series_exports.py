"""No id stands for two actions in any output: the .xlsx, .json and Parquet exports of a
store holding editions that renumber, swap, drop, split and merge actions, and the
changes between two of them in each form."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planwatch.cli import cli


def _read(path, fmt: str, sheet: str = "actions") -> list[dict]:
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        header, *rows = book[sheet].iter_rows(values_only=True)
    finally:
        book.close()  # a read-only workbook holds its file open until closed
    return [dict(zip(header, row, strict=True)) for row in rows]


def _first_words(rows: list[dict], key: str, *within: str) -> dict[tuple, set[str]]:
    """Return, for each value of ``key`` (within ``within``), the first words of its texts."""
    words: dict[tuple, set[str]] = {}
    for row in rows:
        where = (*(str(row[w]) for w in within), row[key])
        words.setdefault(where, set()).add(row["action"].split()[0])
    return words


@pytest.mark.parametrize("fmt", ["xlsx", "json", "parquet"])
def test_no_id_stands_for_two_actions_in_the_exports(tmp_path, series_files, fmt):
    store = str(tmp_path / "planwatch.db")
    runner = CliRunner()
    files = [str(series_files[m]) for m in ("2022-04", "2022-07", "2022-01")]
    assert runner.invoke(cli, ["load", "-j", "1", "--store", store, *files]).exit_code == 0
    out = tmp_path / f"actions.{fmt}"
    done = runner.invoke(cli, ["export", "--store", store, "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    rows = _read(out, fmt)
    assert len(rows) == 14  # 5 + 4 + 5 actions, one entry each (tests/conftest.py)
    # one key, one action across editions; one printed id, one action within an edition
    assert all(len(w) == 1 for w in _first_words(rows, "action_key").values())
    assert all(len(w) == 1 for w in _first_words(rows, "action_id", "edition_date").values())
    renumbered = {
        (str(r["edition_date"])[:10], r["action_id"], r["action_key"], r["previous_action_id"])
        for r in rows
        if r["previous_action_id"]
    }
    assert renumbered == {
        ("2022-04-01", "1.2", "1.3", "1.3"),
        ("2022-04-01", "2.1", "2.2", "2.2"),
        ("2022-04-01", "2.2", "2.1", "2.1"),
    }


@pytest.mark.parametrize("fmt", ["xlsx", "json", "parquet"])
def test_no_key_stands_for_two_actions_in_the_changes(tmp_path, series_files, fmt):
    out = tmp_path / f"changes.{fmt}"
    old, new = str(series_files["2022-01"]), str(series_files["2022-04"])
    done = CliRunner().invoke(cli, ["diff", old, new, "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    rows = _read(out, fmt, sheet="changes")  # a changes workbook has both editions' actions too
    got = {(r["kind"], r["action_id"], r["action_key"]) for r in rows}
    assert ("removed", "1.2", "1.2") in got and ("renumbered", "1.2", "1.3") in got
    assert all(len(w) == 1 for w in _first_words(rows, "action_key").values())
