"""Shared fixtures: where the bundled samples are, and a factory of hand-made Action rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planwatch.model import Action

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


BLANK = dict(
    plan_id="hwfrs-prevention-cfc",
    organisation="Hereford & Worcester Fire and Rescue Service",
    plan_title="Prevention Cause for Concern Action Plan",
    edition_date=date(2021, 11, 17),
    source_file="cfc.txt",
    source_sha256="0" * 64,
    source_format="txt",
    source_page=None,
    section_ref="Objective 2",
    section_title="To develop and deliver a prevention strategy",
    action_id="",
    action_ref="",
    entry_no=1,
    action="",
    progress="",
    latest_update="",
    update_period="",
    due_raw="",
    due_start=None,
    due_end=None,
    due_precision="none",
    status="open",
    status_raw="",
    status_note="",
    lead_raw="",
    lead_codes=(),
    lead_roles=(),
    signed_off_by="",
    signed_off_date=None,
    greyed=False,
    overdue=False,
    warnings=(),
)


def action(**fields) -> Action:
    """Return an Action with every field not given left blank."""
    return Action(**{**BLANK, **fields})


@pytest.fixture
def make_action():
    return action
