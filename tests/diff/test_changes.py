"""Changes between editions, field by field, with the notes a reader sees."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planwatch.diff import describe, diff_editions

OCT, JAN = date(2020, 10, 1), date(2021, 1, 1)


def _one(make_action, before: dict, after: dict):
    old = [make_action(action_id="1.5", action_ref="1.5", action="Milestone.", **before)]
    new = [
        make_action(
            action_id="1.5", action_ref="1.5", action="Milestone.", edition_date=JAN, **after
        )
    ]
    return [(c.change, c.field, c.old_value, c.new_value, c.note) for c in diff_editions(old, new)]


def test_an_edition_compared_with_itself_has_no_changes(make_action):
    rows = [
        make_action(
            action_id="ES1.4/f", action_ref="f.", action="Additional training.", progress="A."
        ),
        make_action(
            action_id="ES1.4/f",
            action_ref="f.",
            action="Additional training.",
            entry_no=2,
            progress="B.",
        ),
    ]
    assert diff_editions(rows, rows) == []


@pytest.mark.parametrize(
    ("old", "new", "note"),
    [
        ("open", "complete", "closed"),
        ("deferred", "complete", "closed"),
        ("complete", "ongoing", "reopened"),
        ("open", "deferred", "status open -> deferred"),
    ],
)
def test_status_changes_are_named(make_action, old, new, note):
    assert _one(make_action, {"status": old}, {"status": new}) == [
        ("changed", "status", old, new, note)
    ]


def test_target_moved_in_months_when_dates_are_months(make_action):
    # ES1.4/a: Dec 2020 -> Mar 2021
    before = {"due_raw": "Dec 2020", "due_end": date(2020, 12, 31), "due_precision": "month"}
    after = {"due_raw": "Mar 2021", "due_end": date(2021, 3, 31), "due_precision": "month"}
    assert _one(make_action, before, after) == [
        ("changed", "due_end", "2020-12-31", "2021-03-31", "target moved 3 months later")
    ]


def test_target_moved_in_days_when_both_dates_are_days(make_action):
    # CFC 2.12: 30.04.22 -> 31.03.22
    before = {"due_raw": "30.04.22", "due_end": date(2022, 4, 30), "due_precision": "day"}
    after = {"due_raw": "31.03.22", "due_end": date(2022, 3, 31), "due_precision": "day"}
    assert _one(make_action, before, after) == [
        ("changed", "due_end", "2022-04-30", "2022-03-31", "target moved 30 days earlier")
    ]


def test_a_target_cell_without_dates_either_side_is_left_to_the_status(make_action):
    # ES1.5/4: Deferred -> Complete
    assert _one(make_action, {"due_raw": "Deferred"}, {"due_raw": "Complete"}) == []


def test_a_target_given_where_there_was_none_is_set(make_action):
    after = {"due_raw": "Q4 2021/2022", "due_end": date(2022, 3, 31), "due_precision": "quarter"}
    assert _one(make_action, {"due_raw": "ongoing"}, after) == [
        ("changed", "due_raw", "ongoing", "Q4 2021/2022", "target set")
    ]


def test_lead_codes_compare_as_a_set(make_action):
    assert _one(make_action, {"lead_codes": ("GCP", "PM")}, {"lead_codes": ("PM", "GCP")}) == []
    assert _one(make_action, {"lead_codes": ("PM",)}, {"lead_codes": ("PM", "SCP")}) == [
        ("changed", "lead_codes", "PM", "PM;SCP", "lead changed")
    ]


def test_lead_text_compared_where_no_codes(make_action):
    before = {"lead_raw": "Head of Community Risk and HRD"}
    after = {"lead_raw": "Head of Prevention"}
    assert _one(make_action, before, after) == [
        (
            "changed",
            "lead_raw",
            "Head of Community Risk and HRD",
            "Head of Prevention",
            "lead changed",
        )
    ]


def test_sign_off_names_who_signed(make_action):
    after = {"signed_off_by": "AD", "signed_off_date": date(2021, 12, 14)}
    assert _one(make_action, {}, after) == [
        ("changed", "signed_off_date", "", "2021-12-14", "signed off by AD")
    ]


def test_progress_note_holds_the_sentences_added(make_action):
    # ES1.1/1: one sentence appended in January.
    before = "SMB have approved a new project. It is linked to a new Fire Control project."
    after = before + " MDT installation programme completed Dec 2020."
    [(_, fld, _, _, note)] = _one(make_action, {"progress": before}, {"progress": after})
    assert (fld, note) == ("progress", "added: MDT installation programme completed Dec 2020.")


def test_progress_note_says_when_text_was_also_removed(make_action):
    before = "Draft written. Awaiting SMB."
    after = "Draft written. Approved by SMB in December."
    [(_, _, _, _, note)] = _one(make_action, {"progress": before}, {"progress": after})
    assert note == "added: Approved by SMB in December. | removed: Awaiting SMB."


def test_renumbered_action_and_removed_one(make_action):
    investigate = "Investigate a body to undertake a peer review"
    old = [
        make_action(
            action_id="2.13", action_ref="2.13", action="Undertake efficiency based value review."
        ),
        make_action(action_id="2.14", action_ref="2.14", action=investigate),
    ]
    new = [make_action(action_id="2.13", action_ref="2.13", action=investigate)]
    got = [
        (c.action_id, c.change, c.field, c.old_value, c.new_value, c.note)
        for c in diff_editions(old, new)
    ]
    assert got == [
        ("2.13", "changed", "action_ref", "2.14", "2.13", "renumbered"),
        ("2.13", "removed", "", "", "", "Undertake efficiency based value review."),
    ]


def test_added_action_and_continuation_entry(make_action):
    old = [
        make_action(
            action_id="ES1.4/f", action_ref="f.", action="Additional training.", progress="A."
        )
    ]
    new = [
        make_action(
            action_id="ES1.4/f", action_ref="f.", action="Additional training.", progress="A."
        ),
        make_action(
            action_id="ES1.4/f",
            action_ref="f.",
            action="Additional training.",
            entry_no=2,
            progress="Statutory training has commenced.",
        ),
        make_action(action_id="ES1.4/g", action_ref="g.", action="New action."),
    ]
    got = [(c.action_id, c.change, c.field, c.entry_no, c.note) for c in diff_editions(old, new)]
    assert got == [
        ("ES1.4/f", "changed", "entry", 2, "entry 2 added (open)"),
        ("ES1.4/g", "added", "", None, "New action."),
    ]


def test_describe_reads_as_a_line(make_action):
    old = [make_action(action_id="1.5", action_ref="1.5", action="Milestone.", status="open")]
    new = [make_action(action_id="1.5", action_ref="1.5", action="Milestone.", status="complete")]
    [change] = diff_editions(old, new)
    assert describe(change) == "status: open -> complete (closed)"


def test_a_new_progress_entry_is_one_change_naming_its_target(make_action):
    first = make_action(action_id="ES1.4/f", action="Additional training for Managers.")
    second = make_action(
        action_id="ES1.4/f",
        action="Additional training for Managers.",
        entry_no=2,
        progress="Children's Safeguarding training booked for 11th Jan 21.",
        due_raw="Feb 21",
        due_end=date(2021, 2, 28),
    )
    old, new = [first], [first, second]
    (added,) = diff_editions(old, new)
    assert (added.change, added.field, added.entry_no) == ("changed", "entry", 2)
    assert added.new_value == "Children's Safeguarding training booked for 11th Jan 21."
    assert added.note == "entry 2 added (open, target Feb 21)"
    (removed,) = diff_editions(new, old)
    assert (removed.field, removed.old_value, removed.new_value) == ("entry", second.progress, "")
    assert removed.note == "entry 2 removed (open, target Feb 21)"


def test_a_space_after_a_slash_is_no_rewording(make_action):
    # an edition stored with the author's "appliances/ vehicles" against one read as the
    # canonical "appliances/vehicles": the words are the same
    old = [make_action(action="Deliver MDTs to appliances/ vehicles.", progress="Fleet/ ICT")]
    new = [
        make_action(
            action="Deliver MDTs to appliances/vehicles.", progress="Fleet/ICT", edition_date=JAN
        )
    ]
    assert diff_editions(old, new) == []
    new = [replace(new[0], action="Deliver MDTs to appliances/ boats.")]
    assert [c.field for c in diff_editions(old, new)] == ["action"]
