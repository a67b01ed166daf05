"""Plans in house styles unlike the seeds' (samples/layouts), checked against what they print."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from planwatch.extract import extract_document
from planwatch.ingest import read_document
from planwatch.pipeline import extract_file

LAYOUTS = Path(__file__).resolve().parents[2] / "samples" / "layouts"
POLICE = "northshire-police-peel-2023-03"
FIRE = "eastshire-fire-improvement-plan-2022-10"
RAG = "southshire-fire-protection-plan-2023-01"
NO_REFS = "westshire-police-vetting-plan"

@pytest.fixture(scope="module")
def police():
    return extract_file(LAYOUTS / f"{POLICE}.docx")


@pytest.fixture(scope="module")
def fire():
    return extract_file(LAYOUTS / f"{FIRE}.docx")


@pytest.fixture(scope="module")
def rag():
    return extract_file(LAYOUTS / f"{RAG}.docx")


@pytest.fixture(scope="module")
def no_refs():
    return extract_file(LAYOUTS / f"{NO_REFS}.docx")


def by_id(rows, action_id, entry_no=1):
    (row,) = [r for r in rows if r.action_id == action_id and r.entry_no == entry_no]
    return row


def verdicts(stem):
    document = read_document(LAYOUTS / f"{stem}.docx")
    return extract_document(document).tables


# --- (a) police tracker: one table, merged area column, RAG words, glossary at the end ---


def test_police_tracker_metadata_from_the_title(police):
    first = police[0]
    assert first.organisation == "Northshire Police"
    assert first.plan_title == "HMICFRS PEEL Inspection Action Plan"
    assert first.edition_date == date(2023, 3, 1)  # "... Action Plan – March 2023"


def test_police_tracker_area_column_filled_down_as_sections(police):
    assert len(police) == 8
    assert [(r.action_id, r.entry_no) for r in police] == [
        ("1.1", 1),
        ("1.2", 1),
        ("1.3", 1),
        ("1.3", 2),
        ("2.1", 1),
        ("2.2", 1),
        ("3.1", 1),
        ("3.2", 1),
    ]
    assert Counter(r.section_ref for r in police) == {
        "Cause of concern 1": 4,
        "Recommendation 2": 2,
        "AFI 3": 2,
    }
    assert by_id(police, "2.2").section_title == (
        "By 30 September 2023, the force should make sure it records crimes accurately."
    )


def test_police_tracker_merged_action_cell_is_a_second_entry(police):
    second = by_id(police, "1.3", 2)
    assert second.action == (
        "Publish call answering times to the force performance board every month."
    )
    assert second.progress == "Supplier has agreed to fix the reports by May 2023."
    assert (second.status, second.status_raw) == ("open", "Amber")


def test_police_rag_words_read_by_the_legend_paragraph(police):
    # "RAG status: Blue – complete; Green – on track; Amber – at risk; Red – off track."
    assert [r.status for r in police] == [
        "complete",
        "ongoing",
        "open",
        "open",
        "ongoing",
        "open",
        "ongoing",
        "complete",
    ]
    red = by_id(police, "2.2")
    assert (red.status_raw, red.status_note) == ("Red", "Red")


def test_police_ranks_resolve_through_the_glossary_at_the_end(police):
    joined = by_id(police, "1.2")
    assert joined.lead_codes == ("Supt", "Ch Insp")
    assert joined.lead_roles == ("Superintendent, Force Contact", "Chief Inspector, Control Room")
    assert by_id(police, "2.1").lead_codes == ("DCC", "Supt")  # "DCC / Supt"
    assert by_id(police, "2.2").lead_codes == ("ACC", "Supt")  # "ACC and Supt"
    assert by_id(police, "3.2").lead_roles == (
        "Chief Inspector, Control Room",
        "Detective Inspector, Crime Standards",
    )
    ds = by_id(police, "3.1")
    assert ds.lead_roles == ("Detective Sergeant",)
    assert ds.warnings == ("lead DS read from standard ranks",)


def test_police_dates_and_overdue(police):
    row = by_id(police, "2.2")
    assert (row.due_start, row.due_end, row.due_precision) == (
        date(2023, 6, 1),
        date(2023, 6, 30),
        "month",
    )
    assert by_id(police, "1.2").due_end == date(2023, 6, 30)  # "30.06.2023"
    assert by_id(police, "3.2").due_precision == "none"  # "Ongoing"
    assert [r.action_id for r in police if r.overdue] == ["3.1"]  # 28th February 2023, Green


def test_police_tables_are_tracker_then_glossary():
    tables = verdicts(POLICE)
    assert [(t.kind, t.rows) for t in tables] == [("actions", 8), ("key", 5)]
    assert "column 2 'Recommendation' -> area (exact)" in tables[0].columns
    assert "column 3 'Action' -> action (exact)" in tables[0].columns


# --- (b) fire plan in another house style; (e) tables that are not actions -------------


def test_fire_plan_headers_in_capitals_and_another_order(fire):
    assert len(fire) == 24
    first = by_id(fire, "R1.1")
    assert first.action == (
        "Agree a risk-based model for targeting home fire safety visits using health"
        " partners' data."
    )
    assert first.progress == "Model agreed by the senior leadership team in June 2022."
    assert (first.status, first.status_raw) == ("complete", "Complete")
    assert first.edition_date == date(2022, 10, 14)  # "Updated: 14th October 2022"


def test_fire_plan_ref_schemes(fire):
    assert Counter(r.section_ref for r in fire) == {
        "Cause of concern 1": 5,
        "AFI 3": 5,
        "AFI 2": 5,
        "Recommendation 2": 9,
    }
    ids = list(dict.fromkeys(r.action_id for r in fire))
    assert ids[:9] == ["R1.1", "R1.2", "R1.3", "R1.4", "AFI 3/a", "AFI 3/b", "AFI 3/c"] + [
        "AFI 3/d",
        "AFI 3/e",
    ]
    assert ids[9:14] == ["2.9", "2.10", "2.11", "2.12", "2.13"]
    assert ids[14:] == [f"E2.{n}" for n in range(1, 10)]
    assert by_id(fire, "AFI 3/a").action_ref == "a)"
    continued = by_id(fire, "R1.4", 2)
    assert continued.action == (
        "Share referrals of vulnerable people with the county council in real time."
    )
    assert continued.progress == "Agreement signed by the council's data protection officer."


@pytest.mark.parametrize(
    ("action_id", "raw", "start", "end", "precision"),
    [
        ("R1.1", "Q1 2022/23", date(2022, 4, 1), date(2022, 6, 30), "quarter"),
        ("R1.2", "Qtr 2 22-23", date(2022, 7, 1), date(2022, 9, 30), "quarter"),
        ("R1.3", "Quarter 4 2022/2023", date(2023, 1, 1), date(2023, 3, 31), "quarter"),
        ("R1.4", "second half of 2022/23", date(2022, 10, 1), date(2023, 3, 31), "half"),
        ("AFI 3/a", "End of March 2023", date(2023, 3, 1), date(2023, 3, 31), "month"),
        ("AFI 3/b", "2023/24", date(2023, 4, 1), date(2024, 3, 31), "financial_year"),
        ("AFI 3/c", "w/c 5 December 2022", date(2022, 12, 5), date(2022, 12, 11), "day"),
        (
            "AFI 3/d",
            "Revised: 31/01/2023 (was 30/11/2022)",
            date(2023, 1, 31),
            date(2023, 1, 31),
            "day",
        ),
        ("AFI 3/e", "Business as usual", None, None, "none"),
        ("2.9", "Spring 2023", date(2023, 3, 1), date(2023, 5, 31), "quarter"),
        ("2.10", "H1 2023/24", date(2023, 4, 1), date(2023, 9, 30), "half"),
        ("2.11", "TBC", None, None, "none"),
        ("2.12", "30.06.23", date(2023, 6, 30), date(2023, 6, 30), "day"),
        ("2.13", "1 December 2022", date(2022, 12, 1), date(2022, 12, 1), "day"),
        ("E2.1", "FY 2023/24", date(2023, 4, 1), date(2024, 3, 31), "financial_year"),
        ("E2.2", "Financial year 2022-23", date(2022, 4, 1), date(2023, 3, 31), "financial_year"),
        ("E2.3", "Winter 2022/23", date(2022, 12, 1), date(2023, 2, 28), "quarter"),
        ("E2.4", "end of Q3 2022/23", date(2022, 10, 1), date(2022, 12, 31), "quarter"),
        ("E2.5", "15-09-2022", date(2022, 9, 15), date(2022, 9, 15), "day"),
        ("E2.6", "21st November 2022", date(2022, 11, 21), date(2022, 11, 21), "day"),
        (
            "E2.7",
            "March 2023 (revised to June 2023)",
            date(2023, 6, 1),
            date(2023, 6, 30),
            "month",
        ),
        ("E2.8", "2022/23 Q4", date(2023, 1, 1), date(2023, 3, 31), "quarter"),
        ("E2.9", "Ongoing", None, None, "none"),
    ],
)
def test_fire_plan_date_spellings(fire, action_id, raw, start, end, precision):
    row = by_id(fire, action_id)
    assert (row.due_raw, row.due_start, row.due_end, row.due_precision) == (
        raw,
        start,
        end,
        precision,
    )


def test_fire_plan_revised_dates_keep_the_old_one_in_a_warning(fire):
    assert "date revised: was '30/11/2022'" in by_id(fire, "AFI 3/d").warnings
    assert "date revised: was 'March 2023'" in by_id(fire, "E2.7").warnings
    assert by_id(fire, "2.11").warnings == ()  # "TBC" is no date, and no mistake


def test_fire_plan_statuses_and_overdue(fire):
    assert Counter(r.status for r in fire) == {
        "ongoing": 12,
        "open": 8,
        "complete": 2,
        "deferred": 1,
        "cancelled": 1,
    }
    delayed = by_id(fire, "AFI 3/b")
    assert (delayed.status, delayed.status_note) == ("open", "Delayed")
    assert by_id(fire, "2.11").status == "deferred"  # "On hold"
    assert by_id(fire, "E2.6").status == "cancelled"  # "Withdrawn"
    assert [r.action_id for r in fire if r.overdue] == ["R1.2"]  # Qtr 2 22-23, in progress


def test_fire_plan_owner_codes_joined_every_way(fire):
    assert by_id(fire, "R1.1").lead_codes == ("AM", "GMP")  # "AM/GMP"
    assert by_id(fire, "R1.2").lead_roles == (
        "Group Manager, Prevention",
        "Station Manager, Protection",
    )  # "GMP & SMP"
    assert by_id(fire, "R1.4").lead_codes == ("ICT", "GMP")  # "ICT, GMP"
    assert by_id(fire, "AFI 3/b").lead_roles == (
        "Area Manager, Prevention and Protection",
        "Head of Human Resources",
    )  # "AM and HR"
    written_out = by_id(fire, "AFI 3/c")
    assert (written_out.lead_codes, written_out.lead_roles) == ((), ("Head of Protection",))
    rank = by_id(fire, "E2.1")
    assert rank.lead_roles == ("Deputy Chief Fire Officer",)
    assert rank.warnings == ("lead DCFO read from standard ranks",)


def test_fire_plan_skips_contents_grades_and_version_tables_with_reasons():
    tables = verdicts(FIRE)
    assert [t.kind for t in tables] == ["skipped"] * 3 + ["key"] + ["actions"] * 4
    contents, grades, versions = (t.reason for t in tables[:3])
    assert contents.startswith("no header row names an action column")
    assert grades.startswith("header row names only area")  # "Pillar | Grade"
    assert versions.startswith("header row names only due")  # "Version | Date | Author | ..."
    assert "column 5 'PROGRESS' -> progress (exact)" in tables[4].columns
    assert "column 6 'Status' -> status (exact)" in tables[4].columns


# --- (c) status only as the cell's fill, mapped by a legend table -------------------------


def test_rag_fills_read_by_the_legend_table(rag):
    assert len(rag) == 8
    assert {r.action_id: r.status for r in rag} == {
        "1.1": "complete",  # blue: "Complete"
        "1.2": "ongoing",  # green: "On track" (with no legend green is only "open")
        "1.3": "open",  # red: "Off track"
        "1.4": "open",  # amber: "At risk"
        "1.5": "cancelled",  # purple, no RAG colour: the legend's own fill says "Withdrawn"
        "1.6": "ongoing",  # a lighter green, read as green
        "2.1": "complete",
        "2.2": "open",  # a darker red
    }
    assert all(r.status_raw == "" for r in rag)
    assert by_id(rag, "1.4").status_note == "Amber; At risk"
    assert [r.action_id for r in rag if r.overdue] == ["1.3"]


def test_rag_plan_sections_and_legend_table():
    assert [t.kind for t in verdicts(RAG)] == ["legend", "actions", "actions"]


def test_rag_plan_written_out_leads_and_section_titles(rag):
    first = by_id(rag, "1.1")
    assert first.edition_date == date(2023, 1, 31)  # "Position as at: 31 January 2023"
    assert first.section_ref == "Area for improvement 1"
    assert first.section_title == (
        "The service should make sure it allocates enough resources to a prioritised,"
        " risk-based inspection programme."
    )
    assert (first.lead_codes, first.lead_roles) == ((), ("Group Manager Protection",))
    assert Counter(r.section_ref for r in rag) == {
        "Area for improvement 1": 6,
        "Area for improvement 2": 2,
    }


# --- (d) no refs, legend paragraphs, an update column, edition only in file properties ---


def test_plan_without_refs_gets_positional_ids(no_refs):
    assert [r.action_id for r in no_refs] == ["1", "2", "3", "4", "5", "6"]
    assert {r.action_ref for r in no_refs} == {""}
    assert {r.section_ref for r in no_refs} == {""}
    assert by_id(no_refs, "4").action == (
        "Train professional standards investigators to recognise misogynistic behaviour."
    )


def test_edition_from_file_properties_with_a_warning(no_refs):
    assert no_refs[0].edition_date == date(2023, 6, 12)
    document = read_document(LAYOUTS / f"{NO_REFS}.docx")
    assert extract_document(document).warnings == (
        "edition date not printed in the document: taken from the file's properties"
        " (modified 2023-06-12)",
    )


def test_no_refs_plan_period_column_fills_and_overdue(no_refs):
    first = by_id(no_refs, "1")
    assert first.progress == "Backlog of 310 cases identified."
    assert first.latest_update == "120 cases completed this quarter."
    assert first.update_period == "2023/24 Q1"  # headed "Q1 2023-2024 update"
    assert [r.status for r in no_refs] == [
        "ongoing",
        "complete",
        "open",
        "open",
        "ongoing",
        "complete",
    ]
    last = by_id(no_refs, "6")
    assert (last.due_start, last.due_end) == (date(2023, 4, 1), date(2023, 6, 30))
    assert [r.action_id for r in no_refs if r.overdue] == ["3"]  # 30/04/2023, red
    assert by_id(no_refs, "4").lead_roles == ("Deputy Chief Constable",)


# --- every layout, Word and PDF alike ------------------------------------------------------


@pytest.mark.parametrize("stem", [POLICE, FIRE, RAG, NO_REFS])
def test_pdf_gives_the_same_rows_as_word(stem, first_difference):
    word = extract_file(LAYOUTS / f"{stem}.docx")
    pdf = extract_file(LAYOUTS / f"{stem}.pdf")
    assert word
    assert first_difference(word, pdf) == ""
