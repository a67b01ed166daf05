"""Raw action entries into canonical rows: dates, statuses, leads, sign-offs, ids."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from planwatch.model import Action, Extraction, RawAction, Source

from .dates import Due, parse_due
from .ids import action_ids, plan_id_for
from .leads import resolve_leads
from .periods import normalise_period
from .signoffs import parse_signoff
from .statuses import Status, parse_status, status_from_fill

_CODE_TOKEN = re.compile(r"[A-Za-z]{2,6}")


def normalise_extraction(
    extraction: Extraction, source: Source, *, plan_id: str | None = None
) -> list[Action]:
    """Return one canonical Action per raw entry, in document order."""
    plan = extraction.plan
    edition = _edition_date(extraction)
    plan_id = plan_id or plan_id_for(plan.organisation, plan.title, source.name.rsplit(".", 1)[0])
    seen = _printed_codes(extraction.actions)
    keys = extraction.keys
    rows = []
    for raw, action_id in zip(extraction.actions, action_ids(extraction.actions), strict=True):
        status, due = _status_and_due(raw, edition)
        leads = resolve_leads(raw.lead_raw, keys, seen)
        signoff = parse_signoff(raw.signoff_raw)
        if signoff is not None and (signoff.by or signoff.on):
            status = Status(
                value="complete", raw=status.raw, note=status.note, warnings=status.warnings
            )
        value = status.value or "open"
        overdue = bool(edition and due.end and due.end < edition and value != "complete")
        warnings = (
            *due.warnings,
            *status.warnings,
            *leads.warnings,
            *(signoff.warnings if signoff else ()),
        )
        rows.append(
            Action(
                plan_id=plan_id,
                organisation=plan.organisation,
                plan_title=plan.title,
                edition_date=edition,
                source_file=source.name,
                source_sha256=source.sha256,
                source_format=source.format,
                source_page=raw.source_page,
                section_ref=raw.section_ref,
                section_title=raw.section_title,
                action_id=action_id,
                action_ref=raw.action_ref,
                entry_no=raw.entry_no,
                action=raw.action,
                progress=raw.progress,
                latest_update=raw.latest_update,
                update_period=normalise_period(raw.update_period),
                due_raw=raw.due_raw,
                due_start=due.start,
                due_end=due.end,
                due_precision=due.precision,
                status=value,
                status_raw=status.raw,
                status_note=status.note,
                lead_raw=raw.lead_raw,
                lead_codes=leads.codes,
                lead_roles=leads.roles,
                signed_off_by=signoff.by if signoff else "",
                signed_off_date=signoff.on if signoff else None,
                greyed=raw.greyed,
                overdue=overdue,
                warnings=tuple(dict.fromkeys(warnings)),
                section_summary=raw.section_summary,
            )
        )
    return rows


def _status_and_due(raw: RawAction, edition: date | None) -> tuple[Status, Due]:
    """Status from its own column; else the date cell when it holds a status word
    ("Complete", "Ongoing": the improvement plan mixes them); else the cell's colour."""
    due_status = parse_status(raw.due_raw) if raw.due_raw else None
    if due_status is not None and due_status.value is not None:
        due = Due(raw.due_raw, None, None, "none")
    else:
        due = parse_due(raw.due_raw, today=edition)  # the edition supplies a missing year
    if raw.status_raw:
        status = parse_status(raw.status_raw)
        if status.value is None:
            fill = status_from_fill(raw.status_fill)
            if fill is not None:
                return Status(fill.value, raw.status_raw, fill.note, fill.warnings), due
        return status, due
    if due_status is not None and due_status.value is not None:
        return due_status, due
    fill = status_from_fill(raw.status_fill)
    if fill is not None:
        return fill, due
    return Status(value=None, raw=""), due


def _edition_date(extraction: Extraction) -> date | None:
    if extraction.plan.edition_raw:
        return parse_due(extraction.plan.edition_raw).start
    return None


def _printed_codes(actions: tuple[RawAction, ...]) -> frozenset[str]:
    """Codes printed in two or more lead cells, so a one-off typo (CGP) can be read as
    a code the document uses elsewhere (GCP), and never as itself."""
    counts = Counter(
        token
        for action in actions
        if action.entry_no == 1
        for token in set(_CODE_TOKEN.findall(action.lead_raw))
        if token.isupper()
    )
    return frozenset(code for code, n in counts.items() if n >= 2)
