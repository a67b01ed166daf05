"""The Python API as a notebook user meets it: import planwatch, read a plan, compare editions."""

from __future__ import annotations

import datetime
from importlib.metadata import version
from pathlib import Path

import pandas as pd
import pytest

import planwatch

NOV = "hwfrs-prevention-cfc-2021-11"
FEB = "hwfrs-prevention-cfc-2022-02"


def test_a_notebook_reads_a_plan_with_the_schema_types_and_compares_in_three_lines(samples):
    plan = planwatch.read_plan(samples / f"{NOV}.docx")
    assert len(plan) == 37  # 37 rows in the November edition's action tables
    assert isinstance(plan.loc[0, "edition_date"], datetime.date)
    assert plan.loc[0, "edition_date"] == datetime.date(2021, 11, 17)
    assert plan["action_id"].dtype == pd.StringDtype()
    assert plan["overdue"].dtype == pd.BooleanDtype()
    assert plan["entry_no"].dtype == pd.Int64Dtype()
    assert str(plan["due_end"].dtype) == "date32[day][pyarrow]"
    # ids stay text: 2.10 is not 2.1
    assert {"2.1", "2.10"} <= set(plan["action_id"])

    old = planwatch.read_plan(samples / f"{NOV}.docx")
    new = planwatch.read_plan(samples / f"{FEB}.docx")
    changes = planwatch.compare(old, new)

    closed = changes[(changes.field == "status") & (changes.new_value == "complete")]
    assert sorted(closed.action_id) == ["1.5", "2.8", "3.10", "3.12"]
    assert changes[changes.change == "added"].action_id.tolist() == ["3.15"]
    assert changes[changes.change == "removed"].action_id.tolist() == ["2.13"]


def test_compare_takes_paths_frames_or_records_alike(samples):
    by_path = planwatch.compare(samples / f"{NOV}.txt", str(samples / f"{FEB}.txt"))
    by_frame = planwatch.compare(
        planwatch.read_plan(samples / f"{NOV}.txt"), planwatch.read_plan(samples / f"{FEB}.txt")
    )
    by_records = planwatch.compare(
        planwatch.read_actions(samples / f"{NOV}.txt"),
        planwatch.read_actions(samples / f"{FEB}.txt"),
    )
    pd.testing.assert_frame_equal(by_path, by_frame)
    pd.testing.assert_frame_equal(by_path, by_records)
    assert list(by_path.columns) == list(planwatch.model.CHANGE_COLUMNS)


def test_read_actions_gives_records_and_takes_a_plan_id(samples):
    actions = planwatch.read_actions(samples / f"{NOV}.txt", plan_id="cfc")
    assert all(isinstance(a, planwatch.Action) for a in actions)
    assert {a.plan_id for a in actions} == {"cfc"}


def test_bad_input_raises_the_one_error_tree(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(planwatch.PlanwatchError, match="^broken.pdf: "):
        planwatch.read_plan(broken)


def test_the_public_names_are_declared_typed_and_versioned():
    assert planwatch.__version__ == version("planwatch")
    for name in planwatch.__all__:
        assert hasattr(planwatch, name), name
    assert {"read_plan", "read_actions", "compare", "Store", "__version__"} <= set(
        planwatch.__all__
    )
    from planwatch.store import Store

    assert planwatch.Store is Store
    assert (Path(planwatch.__file__).parent / "py.typed").is_file()


def test_import_planwatch_stays_light():
    import subprocess
    import sys

    heavy = "{'pandas', 'pdfplumber', 'docx'}"
    code = f"import sys, planwatch; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_profile_file_reaches_the_reading(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "Northfield Fire and Rescue Service\nHMICFRS Action Plan\nUpdated: March 2023\n"
        "Ref\tIntervention\tChampion\tDue\n"
        "1.1\tReview the risk model for every station area\tAM\tMar 2023\n",
        encoding="utf-8",
    )
    mine = tmp_path / "mine.toml"
    mine.write_text('[headers]\naction = ["intervention"]\nlead = ["champion"]\n')
    (row,) = planwatch.read_actions(plan, profile=mine)
    assert (row.action_id, row.lead_raw, row.due_raw) == ("1.1", "AM", "Mar 2023")


def test_a_profile_file_teaches_a_new_header(samples, tmp_path):
    plan = tmp_path / "renamed.txt"
    text = (samples / f"{NOV}.txt").read_text(encoding="utf-8")
    plan.write_text(text.replace("\tLead\t", "\tChampion\t"), encoding="utf-8")
    default = planwatch.read_plan(plan)
    assert set(default["lead_raw"]) == {""}  # "Champion" is no lead column by default
    mine = tmp_path / "mine.toml"
    mine.write_text('[headers]\nlead = ["champion"]\n', encoding="utf-8")
    taught = planwatch.read_plan(plan, profile=mine)
    # 1.1's lead cell as printed in the November edition
    assert taught.loc[taught.action_id == "1.1", "lead_raw"].tolist() == ["CGP PM"]


def test_to_frame_types_store_records_like_read_plan(samples, tmp_path):
    with planwatch.Store(tmp_path / "planwatch.db") as store:
        store.load(samples / f"{NOV}.txt")
        frame = planwatch.to_frame(store.actions())
    direct = planwatch.read_plan(samples / f"{NOV}.txt")
    assert list(frame.dtypes.astype(str)) == list(direct.dtypes.astype(str))
    assert frame["action_id"].tolist() == direct["action_id"].tolist()
