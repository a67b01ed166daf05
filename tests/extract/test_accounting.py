"""Every non-empty cell ends in one place; text read into nothing and broken rules are reported."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from planwatch.cli import cli
from planwatch.model import READING_NOTE
from planwatch.pipeline import read_file

HEADER = ["Ref", "Action", "Lead", "Target date", "Status"]
ROWS = [
    ["1.1", "Review the prevention strategy with partners", "AM P", "March 2022", "Complete"],
    ["1.2", "Train every crew in safe and well visits", "GM Prot", "June 2022", "Ongoing"],
]


def write_plan(path: Path, tables: list[list[list[str]]], heading: str = "Objective 1: Prevent"):
    """Write a .docx: a title, a heading, then each table (rows of cell texts)."""
    document = docx.Document()
    document.add_paragraph("Fenland Fire and Rescue Service")
    document.add_paragraph("Improvement Plan, May 2022")
    document.add_paragraph(heading)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
        for cells, row in zip(rows, table.rows, strict=False):
            for text, cell in zip(cells, row.cells, strict=False):
                cell.text = text
        document.add_paragraph("")
    document.save(path)
    return path


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_plain_plan_has_every_cell_in_an_action_or_the_header(tmp_path):
    path = write_plan(tmp_path / "plan.docx", [[HEADER, *ROWS]])
    read = read_file(path)
    assert read.findings == ()
    result = run("extract", "--explain", path)
    # 5 titles, and 2 rows x 5 cells read into the two actions
    assert "cells: 10 actions, 5 header, 0 unaccounted" in result.output


def test_a_column_no_title_matched_is_text_read_into_nothing(tmp_path):
    rows = [HEADER + ["Support"], ROWS[0] + ["Station Manager Community Safety"], ROWS[1] + [""]]
    path = write_plan(tmp_path / "plan.docx", [rows])
    (finding,) = read_file(path).findings
    assert (finding.kind, finding.table, finding.row, finding.column) == (
        "unaccounted_text",
        1,
        2,
        6,
    )
    assert finding.text == "Station Manager Community Safety"
    explained = run("extract", "--explain", path).output
    assert "cells: 10 actions, 6 header, 1 unaccounted" in explained
    plain = run("extract", path, "-o", tmp_path / "out.csv")
    assert plain.exit_code == 0
    assert "1 cell of text read into nothing" in plain.stderr
    assert "table 1 row 2 column 6 'Station Manager Community Safety'" in plain.stderr
    strict = run("extract", "--strict", path, "-o", tmp_path / "strict.csv")
    assert strict.exit_code == 1
    assert "plan.docx: failed under --strict" in strict.stderr


def test_a_note_row_across_the_table_is_reported(tmp_path):
    document = docx.Document()
    document.add_paragraph("Objective 1: Prevent")
    table = document.add_table(rows=4, cols=5)
    for rows, row in zip([HEADER, ROWS[0], [""] * 5, ROWS[1]], table.rows, strict=True):
        for text, cell in zip(rows, row.cells, strict=True):
            cell.text = text
    merged = table.rows[2].cells[0].merge(table.rows[2].cells[4])
    merged.text = "Note: action 1.3 was withdrawn in April"
    path = tmp_path / "note.docx"
    document.save(path)
    # the plan names no organisation and no edition: a note says so for each, beside it
    (finding,) = [f for f in read_file(path).findings if f.kind != READING_NOTE]
    assert finding.text == "Note: action 1.3 was withdrawn in April" and finding.row == 3


def test_a_skipped_table_that_looks_like_actions_is_reported(tmp_path):
    # "Measure" and "Owner" name no action column: the table is skipped, its text is not lost
    unread = [
        ["Theme", "Description"],
        ["Prevention", "Number of safe and well visits completed each quarter by crews"],
        ["Protection", "Share of referrals answered within five working days of receipt"],
        ["People", "Share of staff trained in the new referral pathway so far this year"],
    ]
    path = write_plan(tmp_path / "plan.docx", [[HEADER, *ROWS], unread])
    (finding,) = read_file(path).findings
    assert (finding.kind, finding.table) == ("skipped_action_like_table", 2)
    explained = run("extract", "--explain", path).output
    assert "table 2: skipped" in explained and "cells: 8 skipped, 0 unaccounted" in explained
    assert run("extract", "--strict", path, "-o", tmp_path / "o.csv").exit_code == 1


def test_a_skipped_form_naming_its_fields_down_the_first_column_is_reported(tmp_path):
    # one form on its own (no second form to agree with) is skipped, but it names the
    # fields of an action down its first column: what it holds is not lost quietly
    form = [
        ["Ref", "1.3"],
        ["Action", "Publish the prevention strategy on the service website"],
        ["Lead", "AM P"],
        ["Target date", "September 2022"],
    ]
    path = write_plan(tmp_path / "plan.docx", [[HEADER, *ROWS], form])
    (finding,) = read_file(path).findings
    assert (finding.kind, finding.table) == ("skipped_action_like_table", 2)


def test_a_lead_alone_on_a_row_goes_on_the_lead_above(tmp_path):
    # a second owner on a line of its own (or the rest of a lead cell a page cut between
    # its lines): no entry of its own, and no text lost
    second = ["", "", "Head of Prevention", "", ""]
    path = write_plan(tmp_path / "plan.docx", [[HEADER, ROWS[0], second, ROWS[1]]])
    rows = read_file(path).actions
    assert [(r.action_id, r.entry_no, r.lead_raw) for r in rows] == [
        ("1.1", 1, "AM P Head of Prevention"),
        ("1.2", 1, "GM Prot"),
    ]


def test_verdicts_are_explained_when_no_action_table_is_found(tmp_path):
    path = write_plan(tmp_path / "plan.docx", [[["Name", "Phone"], ["Ann", "0123"]]])
    result = run("extract", "--explain", path)
    assert result.exit_code == 1
    assert "table 1: skipped" in result.output
    assert "cells: 4 skipped, 0 unaccounted" in result.output
    assert "plan.docx: no action table found" in result.stderr


def test_a_ref_printed_twice_is_disambiguated_with_a_warning_naming_both_rows(tmp_path):
    rows = [HEADER, ROWS[0], ["1.1", "Publish the revised strategy", "AM P", "May 2022", "Open"]]
    path = write_plan(tmp_path / "plan.docx", [rows])
    read = read_file(path)
    assert [a.action_id for a in read.actions] == ["Objective 1/1.1", "Objective 1/1.1#2"]
    assert len({(a.plan_id, a.edition_date, a.action_id, a.entry_no) for a in read.actions}) == 2
    warning = "printed for two actions (table 1 row 2 and table 1 row 3)"
    assert all(any(warning in w for w in a.warnings) for a in read.actions)
    (finding,) = read.findings
    assert (finding.kind, finding.reason, finding.first_row) == (
        "duplicate_ref",
        "Objective 1/1.1#2",
        (1, 2),
    )
    result = run("extract", "--strict", path, "-o", tmp_path / "o.csv")
    assert result.exit_code == 1 and "1 ref printed for two actions" in result.stderr


def test_a_status_not_understood_is_kept_as_printed_never_open(tmp_path):
    rows = [HEADER, ROWS[0][:4] + ["Awaiting board"], ROWS[1]]
    path = write_plan(tmp_path / "plan.docx", [rows])
    read = read_file(path)
    first = read.actions[0]
    assert (first.status, first.status_raw) == ("", "Awaiting board")
    assert any("Awaiting board" in w for w in first.warnings)
    assert [f.kind for f in read.findings] == ["unknown_status"]
    assert run("extract", "--strict", path, "-o", tmp_path / "o.csv").exit_code == 1
    # the same file, not strict, still gives both rows
    assert run("extract", path, "-o", tmp_path / "o.csv").exit_code == 0


def test_strict_fails_the_file_in_load_and_diff(tmp_path):
    clean = write_plan(tmp_path / "clean.docx", [[HEADER, *ROWS]])
    rows = [HEADER + ["Support"], ROWS[0] + ["Station Manager Community Safety"], ROWS[1] + [""]]
    loose = write_plan(tmp_path / "loose.docx", [rows])
    store = tmp_path / "store.db"
    loaded = run("load", "--strict", "--store", store, clean, loose)
    assert loaded.exit_code == 1
    assert "loose.docx: failed under --strict" in loaded.stderr
    assert "clean.docx: loaded" in loaded.output
    assert run("diff", "--strict", clean, loose).exit_code == 1
    assert run("diff", clean, loose).exit_code == 0


@pytest.mark.parametrize("continued", [True, False])
def test_a_row_continuing_an_action_from_the_table_before(tmp_path, continued):
    # a table broken over a page: its first row's action cell is empty
    second = [HEADER, ["", "", "", "", "Complete"]]
    path = write_plan(
        tmp_path / "plan.docx", [[HEADER, *ROWS], second] if continued else [second + [ROWS[0]]]
    )
    read = read_file(path)
    if continued:
        assert [(a.action_id, a.entry_no, a.status) for a in read.actions][-1] == (
            "1.2",
            2,
            "complete",
        )
        assert read.findings == ()
    else:
        # no action above it to continue: its text is reported, no row without an action
        assert all(a.action for a in read.actions)
        assert [(f.kind, f.row) for f in read.findings] == [("unaccounted_text", 2)]


def test_the_csv_of_a_plan_with_a_duplicate_ref_validates_against_its_primary_key(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    from planwatch.export import write_actions

    rows = [HEADER, ROWS[0], ["1.1", "Publish the revised strategy", "AM P", "May 2022", "Hmm"]]
    path = write_plan(tmp_path / "plan.docx", [rows])
    write_actions(read_file(path).actions, tmp_path / "actions.csv")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
