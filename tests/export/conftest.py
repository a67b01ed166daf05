"""Hand-made canonical records for the export tests, modelled on the HWFRS seed plans.

The one action factory is the root conftest's ``make_action`` (every field blank unless
given); ``seed_row`` here varies one full record, action 1.1 of the prevention plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planwatch.diff import diff_editions
from planwatch.model import Action, Change
from tests.conftest import action

# Action 1.1 of the prevention plan, every column filled as that plan prints it
SEED_ROW = action(
    source_file="prevention-2021-11.pdf",
    source_sha256="b" * 64,
    source_format="pdf",
    source_page=2,
    section_ref="Objective 1",
    section_title="An effective system to define the levels of risk in the community.",
    action_id="1.1",
    action_ref="1.1",
    action="Review the risk methodology used to target home fire safety visits.",
    due_raw="30.09.21",
    due_start=date(2021, 9, 30),
    due_end=date(2021, 9, 30),
    due_precision="day",
    status="complete",
    lead_raw="GCP PM SCP",
    lead_codes=("GCP", "PM", "SCP"),
    lead_roles=(
        "Group Commander: Prevention",
        "Prevention Manager",
        "Station Commander: Prevention",
    ),
    signed_off_by="AD",
    signed_off_date=date(2021, 7, 27),
    warnings=("lead GCP read as GC",),
)


def seed_row(**fields: object) -> Action:
    """Return action 1.1 with ``fields`` replaced."""
    return replace(SEED_ROW, **fields)


def make_change(**fields: object) -> Change:
    """Return a change between the two hand-made editions with ``fields`` set."""
    defaults = {
        "plan_id": SEED_ROW.plan_id,
        "old_edition": date(2021, 7, 1),
        "new_edition": date(2021, 11, 17),
        "section_ref": "Objective 1",
        "matched_by": "ref",
    }
    return Change(**(defaults | fields))


@pytest.fixture
def actions() -> list[Action]:
    """Two actions, the second with a continuation entry, unknown dates and no leads."""
    return [
        seed_row(),
        seed_row(
            action_id="2.10",
            action_ref="2.10",
            section_ref="Objective 2",
            source_page=None,
            due_raw="Q4 2021/2022",
            due_start=date(2022, 1, 1),
            due_end=date(2022, 3, 31),
            due_precision="quarter",
            status="open",
            lead_raw="",
            lead_codes=(),
            lead_roles=(),
            signed_off_by="",
            signed_off_date=None,
            overdue=True,
            warnings=(),
        ),
        seed_row(
            action_id="2.10",
            action_ref="2.10",
            section_ref="Objective 2",
            entry_no=2,
            progress="Staff identified, courses booked – “Safe & Well” training",
            due_raw="ongoing",
            due_start=None,
            due_end=None,
            due_precision="none",
            status="ongoing",
            edition_date=None,
        ),
    ]


@pytest.fixture
def changes() -> list[Change]:
    """One change of each kind."""
    return [
        make_change(
            action_id="1.1",
            change="changed",
            field="status",
            old_value="open",
            new_value="complete",
            note="closed",
            entry_no=1,
        ),
        make_change(action_id="3.4", change="added", section_ref="Objective 3"),
        make_change(action_id="2.2", change="removed", old_edition=None, entry_no=None),
    ]


@pytest.fixture(name="make_change")
def make_change_fixture():
    """The change factory."""
    return make_change


@pytest.fixture(scope="module")
def editions() -> tuple[list[Action], list[Action], list[Change]]:
    """Two editions of a small plan and the changes between them, as the diff gives them.

    From July to November: 1.1 closed, 1.2 progress grew, 1.3 target moved later,
    2.1 earlier, 2.2 dropped, 2.3 fell overdue with no other change, 3.1 added.
    """
    july, november = date(2021, 7, 1), date(2021, 11, 17)

    def both(action_id: str, section: str, **fields: object) -> tuple[Action, Action]:
        common = dict(
            action_id=action_id,
            action_ref=action_id,
            section_ref=section,
            status="open",
            signed_off_by="",
            signed_off_date=None,
        )
        old = seed_row(
            **common, edition_date=july, source_file="plan-2021-07.pdf", source_page=2, **fields
        )
        return old, replace(
            old,
            edition_date=november,
            source_file="plan-2021-11.pdf",
            source_sha256="c" * 64,
            source_page=3,
        )

    o11, n11 = both("1.1", "Objective 1")
    n11 = replace(n11, status="complete", signed_off_by="AD", signed_off_date=date(2021, 10, 4))
    o12, n12 = both("1.2", "Objective 1", progress="Draft written.")
    n12 = replace(n12, progress="Draft written. Consultation closed in October.")
    month = {"due_precision": "month"}
    o13, n13 = both("1.3", "Objective 1", due_raw="Dec 2021", due_end=date(2021, 12, 31), **month)
    n13 = replace(n13, due_raw="Mar 2022", due_end=date(2022, 3, 31))
    o21, n21 = both(
        "2.1",
        "Objective 2",
        due_end=date(2022, 6, 30),
        section_title="To develop and deliver a prevention strategy",
    )
    n21 = replace(n21, due_end=date(2022, 3, 31))
    o23, n23 = both(
        "2.3",
        "Objective 2",
        due_end=date(2021, 10, 31),
        section_title="To develop and deliver a prevention strategy",
    )
    n23 = replace(n23, overdue=True)
    o22 = replace(o21, action_id="2.2", action_ref="2.2", action="Publish the evaluation.")
    n31 = replace(
        n12,
        action_id="3.1",
        action_ref="3.1",
        section_ref="Objective 3",
        section_title="Referrals <from partners>",
        progress="",
        action="<script>alert('x')</script> Review referrals & backlog",
    )
    old = [o11, o12, o13, o21, o22, o23]
    new = [n11, n12, n13, n21, n23, n31]

    # the changes are the diff's own: the report is tested on what the diff gives
    changes = diff_editions(old, new)
    return old, new, changes
