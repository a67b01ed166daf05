"""Output files are whole or absent; formats a suffix cannot say; full-width formula signs."""

from __future__ import annotations

import errno
import io
import json
import os

import pytest

from planwatch.export import write_actions, write_changes
from planwatch.export.atomic import atomic_write
from planwatch.model import COLUMNS


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_write_that_fails_midway_leaves_the_old_file_as_it_was(tmp_path, actions):
    path = tmp_path / "actions.csv"
    path.write_text("old content\n", encoding="utf-8")
    with pytest.raises(AttributeError):
        write_actions([*actions, object()], path)  # fails after the header and three rows
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["actions.csv", "actions.xlsx", "actions.parquet"])
def test_a_full_disk_leaves_no_truncated_file(tmp_path, actions, monkeypatch, name):
    path = tmp_path / name
    path.write_bytes(b"the previous export")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        write_actions(actions, path)
    assert path.read_bytes() == b"the previous export"
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path):
    umask = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "new.csv") as fh:
            fh.write("x")
        old = tmp_path / "old.csv"
        old.write_text("y")
        old.chmod(0o640)
        with atomic_write(old) as fh:
            fh.write("z")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o644
    assert (old.stat().st_mode & 0o777, old.read_text()) == (0o640, "z")


def test_no_bom_for_tools_other_than_excel(tmp_path, actions):
    path = tmp_path / "actions.csv"
    write_actions(actions, path, bom=False)
    assert path.read_bytes().startswith(b"plan_id,organisation,")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"][0]["encoding"] == "utf-8"


def test_jsonl_is_one_record_per_line(tmp_path, actions):
    path = tmp_path / "actions.jsonl"
    write_actions(actions, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(actions)
    first = json.loads(lines[0])
    assert list(first) == list(COLUMNS)
    assert (first["action_id"], first["due_end"], first["lead_codes"]) == (
        actions[0].action_id,
        "2021-09-30",
        ["GCP", "PM", "SCP"],
    )


def test_a_named_format_goes_to_standard_output(monkeypatch, actions):
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    monkeypatch.setattr("sys.stdout", out)
    write_actions(actions, "-", format="json")
    assert [r["action_id"] for r in json.loads(raw.getvalue())] == [a.action_id for a in actions]
    raw.seek(0)
    raw.truncate()
    write_actions(actions, None, format="parquet")
    assert raw.getvalue().startswith(b"PAR1")


def test_the_format_wins_over_the_suffix(tmp_path, changes):
    path = tmp_path / "changes.txt"
    write_changes(changes, path, format="jsonl")
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(changes)


@pytest.mark.parametrize("text", ["\uff1dHYPERLINK(1)", "\uff0b1", "\uff0d2", "\uff20SUM(A1)"])
def test_full_width_formula_signs_are_neutralised_like_ascii(tmp_path, make_action, text):
    path = tmp_path / "actions.csv"
    write_actions([make_action(progress=text)], path)
    assert f",'{text}," in path.read_text(encoding="utf-8-sig")
