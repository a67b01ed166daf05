"""Editions of one plan whose identity is written differently from one edition to the next,
and cover lines that date something other than the edition. Each was filed or dated wrongly
with no warning (exit 0). Each test builds its documents in tmp_path; the expected values
are what a person reads off them.
"""

from __future__ import annotations

from planwatch.pipeline import read_file
from planwatch.store import Store
from tests.conftest import word_plan

TABLE = [
    ["Ref", "Action", "Lead", "Target date", "Status"],
    ["1.1", "Review the inspection programme", "AM Protection", "Mar 2023", "Open"],
    ["1.2", "Publish the workforce plan", "Head of People", "Jun 2023", "Open"],
]
TITLE = "HMICFRS Improvement Plan 2023"


def test_a_service_named_in_full_in_capitals_or_as_frs_is_one_plan(tmp_path):
    ids = {
        read_file(word_plan(tmp_path / f"{n}.docx", [TITLE, name, "Updated: June 2023"], TABLE))
        .actions[0]
        .plan_id
        for n, name in enumerate(
            [
                "Avonford Fire and Rescue Service",
                "AVONFORD FIRE AND RESCUE SERVICE",
                "Avonford FRS",
                "Avonford Fire & Rescue Authority",
            ]
        )
    }
    assert ids == {"afrs-hmicfrs-improvement-plan-2023"}


def test_two_services_publishing_one_title_are_two_plans(tmp_path):
    names = ("Avonford FRS", "Wessex FRS")
    paths = [
        word_plan(tmp_path / f"{n}.docx", [TITLE, name, "Updated: June 2023"], TABLE)
        for n, name in enumerate(names)
    ]
    with Store(tmp_path / "store.db") as store:
        for path in paths:
            store.load(read_file(path).actions)
        assert len(store.plans()) == 2


def test_the_date_of_the_inspection_is_not_the_edition(tmp_path):
    lines = [TITLE, "Avonford Fire and Rescue Service", "Date of inspection: March 2023",
             "Updated: September 2023"]  # fmt: skip
    read = read_file(word_plan(tmp_path / "plan.docx", lines, TABLE))
    assert str(read.actions[0].edition_date) == "2023-09-01"


def test_an_edition_taken_from_the_saved_date_or_no_organisation_is_said(tmp_path):
    # "June 23" reads as no date: the edition falls back to the file's saved date, which a
    # user must be told of on standard error, as the editions are ordered by it
    read = read_file(word_plan(tmp_path / "plan.docx", [TITLE, "Updated: June 23"], TABLE))
    notes = [f.text for f in read.findings if f.kind == "reading_note"]
    assert len(notes) == 2
    assert "the date the file was saved" in notes[0]
    assert "no organisation named in the document" in notes[1]


def test_actions_renumbered_beside_a_similar_one_are_paired_by_their_text(tmp_path):
    # 1.1 is gone, so each action below it moves up a number; the grievance and capability
    # policies read alike, so under its new number each looks like the other's rewording
    from planwatch.diff import diff_editions
    from planwatch.pipeline import extract_file

    header = ["Ref", "Action", "Lead", "Target date", "Status"]
    actions = [
        ("Buy new breathing apparatus sets.", "AM", "Mar 2023", "Open"),
        ("Review the grievance management policy.", "HR", "Jan 2023", "Complete"),
        ("Review the capability management policy.", "HR", "Apr 2023", "Open"),
        ("Refresh the community risk management plan.", "GM", "Dec 2023", "Open"),
    ]
    lines = [TITLE, "Avonford Fire and Rescue Service"]
    old = word_plan(tmp_path / "old.docx", [*lines, "Updated: June 2023"],
                    [header, *[[f"1.{n}", *a] for n, a in enumerate(actions, start=1)]])
    new = word_plan(tmp_path / "new.docx", [*lines, "Updated: September 2023"],
                    [header, *[[f"1.{n}", *a] for n, a in enumerate(actions[1:], start=1)]])
    changes = diff_editions(extract_file(old), extract_file(new))
    assert sorted((c.kind, c.previous_action_id or c.action_id, c.action_id) for c in changes) == [
        ("removed", "1.1", "1.1"),
        ("renumbered", "1.2", "1.1"),
        ("renumbered", "1.3", "1.2"),
        ("renumbered", "1.4", "1.3"),
    ]  # fmt: skip


def test_an_edition_retyped_in_other_letter_case_reports_no_change(tmp_path):
    from planwatch.diff import diff_editions
    from planwatch.pipeline import extract_file

    header = ["Ref", "Action", "Lead", "Target date", "Status"]
    lines = [TITLE, "Avonford Fire and Rescue Service"]
    old = word_plan(tmp_path / "old.docx", [*lines, "Updated: June 2023"], [header,
        ["1.1", "Refresh the Community Risk Management Plan.", "Head of People", "Dec 2023",
         "Open"]])  # fmt: skip
    new = word_plan(tmp_path / "new.docx", [*lines, "Updated: September 2023"], [header,
        ["1.1", "Refresh the community risk management plan", "HEAD OF PEOPLE", "Dec 2023",
         "Open"]])  # fmt: skip
    assert diff_editions(extract_file(old), extract_file(new)) == []
