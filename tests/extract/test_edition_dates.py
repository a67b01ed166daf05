"""Edition dates: printed on the cover in the forms plans use, set by the caller
(--edition-date), or taken from the file name as a last resort, with a warning."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from planwatch.cli import cli
from planwatch.extract import extract_document
from planwatch.extract.metadata import read_plan_info
from planwatch.extract.settings import ExtractSettings
from planwatch.ingest import read_document
from planwatch.model import Document, Paragraph, Source
from planwatch.pipeline import extract_file
from tests.conftest import word_plan

SAMPLE = "hwfrs-prevention-cfc-2021-11.txt"  # prints "Updated: 17 November 2021"
SETTINGS = ExtractSettings()


def _document(*lines: str, name: str = "plan.docx", properties=None) -> Document:
    return Document(
        Source(name, "0" * 64, "docx"), tuple(Paragraph(t) for t in lines), properties or {}
    )


@pytest.mark.parametrize(
    ("line", "edition"),
    [
        ("Progress report – March 2022", "March 2022"),
        ("Version 3.1 – June 2021", "June 2021"),
        ("Position at 31 March 2022", "31 March 2022"),
        ("As at Q2 2022/23", "Q2 2022/23"),
        ("Review date: 1 May 2023", "1 May 2023"),
        # the period the edition updates, named as the update columns name theirs
        ("Quarter 2 2022/23 position", "Quarter 2 2022/23"),
        ("H1 2024/25 progress update", "H1 2024/25"),
        ("November 2023 progress report", "November 2023"),
    ],
)
def test_cover_forms_give_the_edition(line, edition):
    plan, warnings = read_plan_info(
        _document("Westford Police", "PEEL Action Plan", line), SETTINGS
    )
    assert (plan.edition_raw, warnings) == (edition, ())


@pytest.mark.parametrize(
    ("name", "edition"),
    [
        ("plan-2022-03.docx", "March 2022"),
        ("afi_tracker_2023_01_31.pdf", "2023-01-31"),
        ("peel-action-plan-march-2022.docx", "March 2022"),
    ],
)
def test_the_file_name_gives_the_edition_with_a_warning(name, edition):
    plan, warnings = read_plan_info(
        _document("Westford Police", "PEEL Action Plan", name=name), SETTINGS
    )
    assert plan.edition_raw == edition
    assert warnings == (
        f"edition date not printed in the document: taken from the file name ({name})",
    )


def test_a_report_line_that_names_no_period_is_no_edition():
    document = _document("Westford Police", "PEEL Action Plan", "2023 Annual Report")
    plan, warnings = read_plan_info(document, SETTINGS)
    assert plan.edition_raw == ""
    assert warnings == ("edition date not found in the document or the file's properties",)


def test_a_printed_edition_wins_over_the_file_name():
    document = _document("PEEL Action Plan", "Updated: June 2022", name="plan-2022-03.docx")
    assert read_plan_info(document, SETTINGS) == (read_plan_info(document, SETTINGS)[0], ())
    assert read_plan_info(document, SETTINGS)[0].edition_raw == "June 2022"


def test_a_year_alone_in_the_file_name_is_no_edition():
    document = _document(
        "PEEL Action Plan", name="plan-2022.docx", properties={"modified": "2022-05-04T10:00:00"}
    )
    plan, warnings = read_plan_info(document, SETTINGS)
    assert plan.edition_raw == "2022-05-04"
    assert "taken from the file's properties" in warnings[0]


def test_the_callers_edition_date_wins_over_the_printed_one():
    document = _document("PEEL Action Plan", "Updated: June 2022", name="plan-2022-03.docx")
    plan, warnings = read_plan_info(document, ExtractSettings(edition_date=date(2022, 7, 15)))
    assert (plan.edition_raw, warnings) == ("2022-07-15", ())


def test_extract_edition_date_option_sets_every_rows_edition(samples):
    args = ["extract", str(samples / SAMPLE), "--edition-date", "2021-12-01", "--format", "csv"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows and {row["edition_date"] for row in rows} == {"2021-12-01"}


def test_extract_refuses_an_edition_date_that_is_no_date(samples):
    args = ["extract", str(samples / SAMPLE), "--edition-date", "2021-13-01"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "--edition-date" in result.output


def test_load_edition_date_option_stores_that_edition(samples, tmp_path):
    plan = shutil.copy(samples / SAMPLE, tmp_path / SAMPLE)
    store = str(tmp_path / "planwatch.db")
    load = ["load", "-j", "1", "--store", store, "--edition-date", "2021-12-01", str(plan)]
    assert CliRunner().invoke(cli, load).exit_code == 0
    result = CliRunner().invoke(cli, ["export", "--store", store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows and {row["edition_date"] for row in rows} == {"2021-12-01"}


@pytest.mark.parametrize(
    ("cover", "edition"),
    [
        ("Progress at 30 April 2024", date(2024, 4, 30)),
        ("Status as of: 31/08/2024", date(2024, 8, 31)),
        ("Last reviewed: 12 July 2024", date(2024, 7, 12)),
        ("Position as at 28 February 2023", date(2023, 2, 28)),
        ("Revised on 5 January 2024", date(2024, 1, 5)),
    ],
)
def test_a_cover_line_naming_the_state_at_a_date_gives_every_rows_edition(tmp_path, cover, edition):
    path = word_plan(
        tmp_path / "plan.docx",
        ["Kestrel Fire and Rescue Service", "HMICFRS Action Plan", cover],
        [["Ref", "Action", "Status"], ["1", "Review the on-call availability model.", "Open"]],
    )
    extraction = extract_document(read_document(path))
    assert not [w for w in extraction.warnings if "edition date" in w]
    assert {row.edition_date for row in extract_file(path)} == {edition}


def test_an_edition_in_brackets_after_the_title_is_the_edition_not_part_of_the_title(tmp_path):
    path = word_plan(
        tmp_path / "plan.docx",
        ["Kestrel Fire and Rescue Service", "HMICFRS Action Plan (updated 3 May 2024)"],
        [["Ref", "Action", "Status"], ["1", "Review the on-call availability model.", "Open"]],
    )
    (row,) = extract_file(path)
    assert (row.edition_date, row.plan_title) == (date(2024, 5, 3), "HMICFRS Action Plan")
