"""The seed plans' facts, written by hand from the documents, from every format."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from planwatch.pipeline import extract_file
from tests.conftest import NOT_COMPARED

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
IMPROVEMENT = "hwfrs-improvement-plan-2021-01"
CFC = "hwfrs-prevention-cfc-2021-11"
FORMATS = ("txt", "docx", "pdf")

@pytest.fixture(scope="module", params=FORMATS)
def improvement(request):
    return extract_file(SAMPLES / f"{IMPROVEMENT}.{request.param}")


@pytest.fixture(scope="module", params=FORMATS)
def cfc(request):
    return extract_file(SAMPLES / f"{CFC}.{request.param}")


def by_id(rows, action_id, entry_no=1):
    (row,) = [r for r in rows if r.action_id == action_id and r.entry_no == entry_no]
    return row


# --- HMICFRS Improvement Plan 2018/19, updated January 2021 -------------------


def test_improvement_plan_metadata(improvement):
    first = improvement[0]
    assert first.organisation == "Hereford & Worcester Fire and Rescue Service"
    assert first.plan_title == "HMICFRS Improvement Plan 2018/19"
    assert first.edition_date == date(2021, 1, 1)
    assert {r.plan_id for r in improvement} == {"hwfrs-hmicfrs-improvement-plan-2018-19"}


def test_improvement_plan_has_every_entry_in_its_section(improvement):
    assert len(improvement) == 50
    assert Counter(r.section_ref for r in improvement) == {
        "ES1.1": 6,
        "ES1.4": 7,
        "ES1.5": 9,
        "EY1.4": 5,
        "EY1.6": 6,
        "P1.8": 9,
        "P1.12": 8,
    }
    assert [r.section_ref for r in improvement][:7] == ["ES1.1"] * 6 + ["ES1.4"]


def test_improvement_plan_statuses(improvement):
    assert Counter(r.status for r in improvement) == {
        "complete": 38,
        "deferred": 4,
        "ongoing": 3,
        "open": 5,
    }
    assert not any(r.overdue for r in improvement)  # every dated target is after January 2021


def test_duplicate_action_texts_stay_two_actions(improvement):
    same = [
        r for r in improvement if r.action == "Evaluation of Safe & Well Check." and r.entry_no == 1
    ]
    assert [r.action_id for r in same] == ["ES1.5/2", "ES1.5/3"]
    assert [r.entry_no for r in improvement if r.action_id == "ES1.5/3"] == [1, 2, 3]


def test_continuation_rows_are_entries_of_the_action_above(improvement):
    backlog = [r for r in improvement if r.action_id == "EY1.6/1"]
    assert [r.entry_no for r in backlog] == [1, 2, 3, 4]
    assert {r.action for r in backlog} == {
        "We want to clear the backlog we have for the specialist protection officers and "
        "allocate sufficient resources to allow successful enforcement and follow up activity."
    }
    assert backlog[2].status == "deferred"
    assert backlog[3].status == "complete"
    assert backlog[3].status_note == "staff identified and courses booked"
    assert backlog[3].progress.startswith("Budget has been allocated to upskill WC's")


def test_lettered_refs_and_month_dates(improvement):
    a = by_id(improvement, "ES1.4/a")
    assert a.action_ref == "a."
    assert a.action == "All staff to complete the Safeguarding e-learning package."
    assert (a.due_raw, a.due_start, a.due_end, a.due_precision) == (
        "Mar 2021",
        date(2021, 3, 1),
        date(2021, 3, 31),
        "month",
    )
    assert a.status == "open"
    f2 = by_id(improvement, "ES1.4/f", 2)
    assert (f2.due_raw, f2.due_start, f2.due_end) == ("Feb 21", date(2021, 2, 1), date(2021, 2, 28))
    assert f2.action == "Additional training for Managers."


def test_section_context_and_strategic_lead(improvement):
    row = by_id(improvement, "ES1.1/5")
    assert row.section_title == (
        "The Service should ensure its firefighters have good access to relevant and "
        "up-to-date risk information."
    )
    assert row.lead_raw == "Head of Operational Support"
    assert row.lead_roles == ("Head of Operational Support",)
    assert row.status == "deferred"
    assert row.latest_update.startswith("Money has been allocated to a new operational intel")
    assert row.update_period == "2020/21 Q3"
    assert by_id(improvement, "P1.12/1").lead_raw == "Head of Community Risk and HRD"


def test_greyed_rows_are_the_completed_ones_where_the_format_shades(improvement):
    if improvement[0].source_format == "txt":
        assert not any(r.greyed for r in improvement)
    else:
        assert {r.action_id + f"#{r.entry_no}" for r in improvement if r.greyed} == {
            r.action_id + f"#{r.entry_no}" for r in improvement if r.due_raw.startswith("Complete")
        }


# --- Prevention Cause for Concern Action Plan, 17 November 2021 ---------------


def test_cfc_plan_metadata_and_counts(cfc):
    assert len(cfc) == 37
    assert cfc[0].plan_title == "Prevention Cause for Concern Action Plan"
    assert cfc[0].edition_date == date(2021, 11, 17)
    assert Counter(r.section_ref for r in cfc) == {
        "Objective 1": 9,
        "Objective 2": 14,
        "Objective 3": 14,
    }
    assert Counter(r.status for r in cfc) == {"complete": 19, "ongoing": 1, "open": 17}
    assert [r.action_id for r in cfc if r.overdue] == ["3.10"]


def test_cfc_dates_and_signoffs(cfc):
    q4 = by_id(cfc, "1.8")
    assert (q4.due_start, q4.due_end, q4.due_precision) == (
        date(2022, 1, 1),
        date(2022, 3, 31),
        "quarter",
    )
    day = by_id(cfc, "1.2")
    assert (day.due_start, day.due_end, day.due_precision) == (
        date(2021, 9, 30),
        date(2021, 9, 30),
        "day",
    )
    assert (day.signed_off_by, day.signed_off_date) == ("AD", date(2021, 10, 18))
    dashed = by_id(cfc, "2.7")
    assert (dashed.signed_off_by, dashed.signed_off_date, dashed.status) == (
        "AD",
        date(2021, 11, 16),
        "complete",
    )
    ongoing = by_id(cfc, "1.4")
    assert (ongoing.status, ongoing.due_start, ongoing.due_precision) == ("ongoing", None, "none")
    assert by_id(cfc, "2.10").section_title.startswith(
        "To develop and deliver a prevention strategy"
    )


def test_cfc_leads_resolve_through_the_key_with_warnings(cfc):
    typo = by_id(cfc, "1.1")
    assert typo.lead_raw == "CGP PM"
    assert typo.lead_roles == ("Group Commander: Prevention", "Prevention Manager")
    assert any("CGP" in w for w in typo.warnings)
    three = by_id(cfc, "1.3")
    assert three.lead_codes == ("GCP", "PM", "SCP")
    assert three.lead_roles == (
        "Group Commander: Prevention",
        "Prevention Manager",
        "Station Commander: Prevention",
    )
    assert any("GCP" in w for w in three.warnings)
    exact = by_id(cfc, "2.5")
    assert exact.lead_roles == (
        "Assistant Director: Prevention",
        "Deputy Chief Fire Officer",
        "Chief Fire Officer",
    )
    assert exact.warnings == ()


# --- one plan, every format ---------------------------------------------------


@pytest.mark.parametrize("stem", [IMPROVEMENT, CFC])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_formats_give_the_same_canonical_rows(stem, fmt, first_difference):
    text_rows = extract_file(SAMPLES / f"{stem}.txt")
    other_rows = extract_file(SAMPLES / f"{stem}.{fmt}")
    assert text_rows
    # a text export carries no shading, so whether a row is greyed is left out as well
    assert first_difference(text_rows, other_rows, NOT_COMPARED | {"greyed"}) == ""
