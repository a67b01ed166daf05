"""Plans written by hand in house styles the generator does not make, each read wrongly with
no warning (exit 0, nothing on standard error, nothing in the rows' warnings).

Each test builds its document with python-docx and states by hand what the document prints.
They are strict xfails: each records a misread, and fails loudly once the misread is fixed,
so the mark can then be removed.
"""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from planwatch.cli import cli
from planwatch.pipeline import extract_file
from tests.conftest import word_plan as plan


def by_ref(rows, ref):
    (row,) = [r for r in rows if r.action_ref == ref and r.entry_no == 1]
    return row


QUARTERLY = [
    ["Ref", "Action", "Lead", "Target", "Q2 2023/24 update", "Q3 2023/24 update", "Status"],
    [
        "A1",
        "Review crewing of aerial appliances.",
        "AC Ops",
        "Q3 2023/24",
        "Options paper drafted.",
        "Paper agreed by SLT.",
        "Complete",
    ],
    [
        "A2",
        "Implement a new mobilising system.",
        "Head of Control",
        "Q4 23/24",
        "Supplier appointed.",
        "Testing under way.",
        "Ongoing",
    ],
]


def test_a_quarter_named_as_the_update_is_the_edition_date(tmp_path):
    path = plan(
        tmp_path / "downland.docx",
        ["Downland Fire and Rescue Service", "HMICFRS Action Plan", "Q3 2023/24 update"],
        QUARTERLY,
    )
    edition = extract_file(path)[0].edition_date
    assert date(2023, 10, 1) <= edition <= date(2023, 12, 31)


def test_the_later_of_two_quarterly_update_columns_is_the_latest_update(tmp_path):
    path = plan(
        tmp_path / "downland.docx",
        ["Downland Fire and Rescue Service", "HMICFRS Action Plan", "Updated: January 2024"],
        QUARTERLY,
    )
    first = by_ref(extract_file(path), "A1")
    assert (first.latest_update, first.update_period) == ("Paper agreed by SLT.", "2023/24 Q3")


def test_an_edition_date_taken_from_the_files_properties_is_warned_on_stderr(tmp_path):
    path = plan(
        tmp_path / "downland.docx",
        ["Downland Fire and Rescue Service", "HMICFRS Action Plan"],
        QUARTERLY,
    )
    result = CliRunner().invoke(cli, ["-v", "extract", str(path), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 0
    assert "edition date" in result.stderr


def test_a_comma_separated_lead_of_keyed_codes_of_two_words(tmp_path):
    path = plan(
        tmp_path / "mercian.docx",
        [
            "Mercian Valley Police",
            "Child Protection Inspection Action Plan",
            "Updated: 15 January 2024",
        ],
        [
            ["Rec", "Action", "Lead(s)", "Target date", "Update", "Status"],
            [
                "R1",
                "Review the child protection referral pathway with partners.",
                "ACC(L) / DCS PVP",
                "31.12.23",
                "Pathway agreed.",
                "Complete",
            ],
            [
                "R2",
                "Introduce a child-centred policing training day.",
                "DCS PVP, HoL&D, Ch Insp Training",
                "30.06.24",
                "Course designed.",
                "Ongoing",
            ],
        ],
        after=[
            "Key to leads",
            "ACC(L) – Assistant Chief Constable (Local Policing)",
            "DCS PVP – Detective Chief Superintendent, Protecting Vulnerable People",
            "HoL&D – Head of Learning and Development",
            "Ch Insp Training – Chief Inspector, Training",
        ],
    )
    row = by_ref(extract_file(path), "R2")
    assert row.lead_codes == ("DCS PVP", "HoL&D", "Ch Insp Training") or row.warnings


def test_a_continuation_table_with_no_header_keeps_its_rows(tmp_path):
    header = ["Ref", "Recommendation / AFI", "Action", "Lead", "Target date", "Status"]
    path = plan(
        tmp_path / "northfleet.docx",
        ["Northfleet Police", "HMICFRS Custody Inspection Action Plan", "Updated: 1 March 2024"],
        [
            header,
            [
                "C1",
                "The force should improve its custody governance.",
                "Set up a custody assurance board.",
                "Supt Custody",
                "31/10/2023",
                "Complete",
            ],
            [
                "C2",
                "The force should record use of force in custody.",
                "Add use of force fields to the custody record.",
                "Ch Insp Custody",
                "31/12/2023",
                "Complete",
            ],
        ],
        [
            [
                "C3",
                "The force should improve its detainee risk assessments.",
                "Refresh risk assessment training for all sergeants.",
                "Ch Insp Custody",
                "30/04/2024",
                "Ongoing",
            ],
            [
                "C4",
                "The force should improve its release planning.",
                "Introduce a release plan template.",
                "Supt Custody",
                "31/05/2024",
                "Ongoing",
            ],
        ],
    )
    rows = extract_file(path)
    assert [r.action_ref for r in rows] == ["C1", "C2", "C3", "C4"]
    assert by_ref(rows, "C4").action == "Introduce a release plan template."


def test_a_totals_row_under_the_actions_is_no_entry(tmp_path):
    path = plan(
        tmp_path / "solway.docx",
        ["Solway Fire and Rescue Service", "HMICFRS Improvement Plan", "Updated: 31 January 2024"],
        [
            ["Ref", "Action", "Lead", "Due", "Status"],
            ["1.1", "Review the on-call duty system.", "AM Ops", "31/03/2024", "On track"],
            ["1.2", "Introduce a new rota management tool.", "AM Ops", "30/11/2023", "Complete"],
            ["1.3", "Evaluate the day-crewing pilot.", "GM Response", "30/06/2024", "Not started"],
            ["Total actions: 3", "", "", "", "Complete: 1"],
        ],
    )
    rows = extract_file(path)
    assert [(r.action_ref, r.entry_no) for r in rows] == [("1.1", 1), ("1.2", 1), ("1.3", 1)]
    assert [r.status for r in rows].count("complete") == 1


def test_an_action_carried_on_in_the_next_row_is_no_new_action(tmp_path):
    path = plan(
        tmp_path / "lindsey.docx",
        ["Lindsey Police", "Crime Data Integrity Action Plan", "Updated: 1 June 2024"],
        [
            ["Ref", "Action", "Owner", "Due", "Status"],
            ["CDI1", "Appoint an additional crime registrar.", "FCR", "31/03/2024", "Complete"],
            ["CDI2", "Review all rape reports marked as no crime", "FCR", "30/09/2024", "Ongoing"],
            ["", "since April 2023 and re-record where needed.", "", "", ""],
            ["CDI3", "Deliver NCRS training to response officers.", "DCI", "31/12/2024", "Ongoing"],
        ],
    )
    rows = extract_file(path)
    assert [r.action_ref for r in rows if r.entry_no == 1] == ["CDI1", "CDI2", "CDI3"]
    assert any("since April 2023" in r.action for r in rows if r.action_ref == "CDI2")
