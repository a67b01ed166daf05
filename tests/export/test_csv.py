"""CSV: what Excel and pandas users see, and the guard against formulas."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from planwatch.errors import PlanwatchError
from planwatch.export import write_actions, write_changes, write_csv
from planwatch.export.cells import restore
from planwatch.model import COLUMNS

MALICIOUS = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def test_file_is_utf8_with_bom_crlf_and_contract_header(tmp_path, actions):
    path = tmp_path / "actions.csv"
    write_actions(actions, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfplan_id,organisation,plan_title,edition_date,")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(",") == list(COLUMNS)
    assert len(lines) == 5  # header, three rows, empty after the last CRLF
    assert "GCP;PM;SCP" in lines[1]
    assert ",2021-09-30,2021-09-30,day,complete," in lines[1]
    assert "“Safe & Well”" in lines[3]


def test_stdout_gets_no_bom(capsys, actions):
    write_actions(actions[:1], None)
    out = capsys.readouterr().out
    assert out.startswith("plan_id,")


def _first_row(action, **options) -> dict[str, str]:
    fh = io.StringIO(newline="")
    write_csv([action], fh, **options)
    fh.seek(0)
    return next(csv.DictReader(fh))


@pytest.mark.parametrize("text", MALICIOUS)
def test_formula_cells_are_neutralised(text, make_action):
    row = _first_row(make_action(progress=text, lead_codes=(text, "PM")))
    assert row["progress"] == "'" + text
    assert row["lead_codes"] == f"'{text};PM"


@pytest.mark.parametrize("text", MALICIOUS)
def test_raw_keeps_formula_text(text, make_action):
    row = _first_row(make_action(progress=text, lead_codes=(text, "PM")), raw=True)
    assert row["progress"] == text
    assert row["lead_codes"] == f"{text};PM"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("'=1+1", "''=1+1"),  # already quoted formula: one more quote
        ("'quoted", "''quoted"),  # any leading quote, so that removing one always restores
        ("a = b", "a = b"),
        ("Complete - staff booked", "Complete - staff booked"),
    ],
)
def test_neutralising_is_reversible(text, written, make_action):
    fh = io.StringIO(newline="")
    write_csv([make_action(progress=text)], fh)
    assert f",{written}," in fh.getvalue()
    assert restore(written) == text


def test_numbers_and_dates_are_never_quoted(make_action):
    fh = io.StringIO(newline="")
    row = make_action(source_format="pdf", source_page=12, action_ref="1.1", entry_no=3)
    write_csv([row], fh)
    row = fh.getvalue().split("\r\n")[1]
    assert ",pdf,12," in row
    assert ",1.1,3," in row


def test_pandas_reads_the_schema_types(tmp_path, actions):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "actions.csv"
    write_actions(actions, path)
    fields = json.loads((tmp_path / "datapackage.json").read_text())["resources"][0]["schema"]
    kinds = {f["name"]: f["type"] for f in fields["fields"]}
    dtypes = {"string": "string", "list": "string", "integer": "Int64", "boolean": "boolean"}
    frame = pd.read_csv(
        path,
        encoding="utf-8-sig",
        keep_default_na=False,
        na_values=[""],
        dtype={c: dtypes[k] for c, k in kinds.items() if k in dtypes},
        parse_dates=[c for c, k in kinds.items() if k == "date"],
        date_format="%Y-%m-%d",
    )
    assert list(frame.columns) == list(COLUMNS)
    assert frame["entry_no"].tolist() == [1, 1, 2]
    assert frame["source_page"].tolist()[:2] == [2, pd.NA]
    assert frame["overdue"].tolist() == [False, True, False]
    assert frame["due_end"].dt.date.tolist()[:2] == [date(2021, 9, 30), date(2022, 3, 31)]
    assert frame["due_end"].isna().tolist() == [False, False, True]
    assert frame["edition_date"].isna().tolist() == [False, False, True]
    assert frame["lead_codes"].str.split(";").tolist()[0] == ["GCP", "PM", "SCP"]
    assert frame["lead_codes"].isna().tolist() == [False, True, False]
    assert frame["progress"][2] == "Staff identified, courses booked – “Safe & Well” training"
    assert frame["action"][0] == actions[0].action


def test_changes_csv_has_its_own_columns(tmp_path, changes):
    path = tmp_path / "changes.csv"
    write_changes(changes, path)
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("plan_id,old_edition,new_edition,action_id,change,field,")
    assert lines[1].startswith("hwfrs-prevention-cfc,2021-07-01,2021-11-17,1.1,changed,status,")


@pytest.mark.parametrize("name", ["out.txt", "out", "out.xls"])
def test_unknown_suffix_names_the_supported_ones(tmp_path, name, actions):
    with pytest.raises(PlanwatchError, match=r"\.csv, \.json, \.jsonl, \.parquet, \.xlsx"):
        write_actions(actions, tmp_path / name)
    assert not (tmp_path / name).exists()
