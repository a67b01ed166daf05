"""Raw action entries into canonical rows: dates, statuses, leads, sign-offs, ids."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from planwatch.model import (
    DUPLICATE_REF,
    READING_NOTE,
    UNKNOWN_STATUS,
    Action,
    Extraction,
    Finding,
    PlanInfo,
    RawAction,
    Source,
)

from .dates import Due, parse_due
from .ids import DuplicateRef, action_ids, plan_id_for
from .invariants import check_invariants
from .leads import Leads, resolve_leads
from .periods import normalise_period
from .settings import NormaliseSettings
from .shading import greyed_row_status
from .signoffs import SignOff, parse_signoff
from .statuses import Status, parse_status, status_from_fill
from .texts import canonical_text

_CODE_TOKEN = re.compile(r"[A-Za-z]{2,6}")


@dataclass(frozen=True)
class Normalised:
    """A file's canonical rows, the findings a user must hear about them, and what each
    entry's cells were read as (for an account of where each warning came from)."""

    actions: list[Action]
    findings: tuple[Finding, ...] = ()
    readings: tuple[CellReadings, ...] = ()
    # the document's own warnings (an edition date not printed, a key code read twice):
    # about no one row, so carried beside the rows rather than in any of them
    warnings: tuple[str, ...] = ()


def normalise_extraction(
    extraction: Extraction,
    source: Source,
    *,
    plan_id: str | None = None,
    settings: NormaliseSettings | None = None,
) -> list[Action]:
    """Return one canonical Action per raw entry, in document order."""
    return normalise_plan(extraction, source, plan_id=plan_id, settings=settings).actions


def normalise_plan(
    extraction: Extraction,
    source: Source,
    *,
    plan_id: str | None = None,
    settings: NormaliseSettings | None = None,
) -> Normalised:
    """Return the canonical rows and every finding (extraction's, duplicate refs, statuses not
    understood); raise BrokenInvariant where the rows break a rule that must always hold.

    ``settings`` (the UK's dates and the packaged vocabulary by default) say how cells read.
    """
    settings = settings or NormaliseSettings()
    plan = extraction.plan
    plan_id = plan_id or plan_id_for(plan.organisation, plan.title, source.name.rsplit(".", 1)[0])
    edition = _Edition(plan_id, plan, _edition_date(extraction, settings), source)
    readings = read_cells(extraction, settings)
    ids, duplicates = action_ids(extraction.actions)
    id_warnings = _duplicate_warnings(extraction.actions, ids, duplicates)
    rows = [
        _row(raw, action_id, cells, id_warning, edition)
        for raw, action_id, cells, id_warning in zip(
            extraction.actions, ids, readings, id_warnings, strict=True
        )
    ]
    check_invariants(extraction, rows)
    findings = (
        *extraction.findings,
        *_duplicate_findings(extraction.actions, duplicates),
        *_status_findings(extraction.actions, rows),
    )
    notes = {f.text for f in extraction.findings if f.kind == READING_NOTE}
    warnings = tuple(w for w in extraction.warnings if w not in notes)  # notes: in findings
    return Normalised(rows, tuple(findings), tuple(readings), warnings)


# The raw entry's fields a canonical row carries as they were read, and of them the texts
# written in canonical form (refs and dates stay exactly as printed)
_AS_READ = ("source_page", "section_ref", "action_ref", "entry_no", "due_raw", "greyed")
_TEXTS = ("section_title", "section_summary", "action", "progress", "latest_update", "lead_raw")


@dataclass(frozen=True)
class _Edition:
    """What every row of one edition shares: the plan, its edition date and the file."""

    plan_id: str
    plan: PlanInfo
    date: date | None
    source: Source

    def fields(self) -> dict[str, object]:
        """Return the Action fields every row of the edition carries alike."""
        return {
            "plan_id": self.plan_id,
            "organisation": self.plan.organisation,
            "plan_title": self.plan.title,
            "edition_date": self.date,
            "source_file": self.source.name,
            "source_sha256": self.source.sha256,
            "source_format": self.source.format,
        }


def _row(
    raw: RawAction,
    action_id: str,
    cells: CellReadings,
    id_warning: tuple[str, ...],
    edition: _Edition,
) -> Action:
    """Return one raw entry as a canonical row, its cells read as ``cells``."""
    status, due, leads, signoff = cells.status, cells.due, cells.leads, cells.signoff
    # a status not understood is kept as printed (status_raw), never read as open
    value = status.value or ("" if status.raw else "open")
    overdue = bool(edition.date and due.end and due.end < edition.date and value != "complete")
    warnings = id_warning + tuple(warning for _, warning in cells.warnings_by_field())
    return Action(
        **edition.fields(),
        **{name: getattr(raw, name) for name in _AS_READ},
        **{name: canonical_text(getattr(raw, name)) for name in _TEXTS},
        action_id=action_id,
        action_key=action_id,
        update_period=normalise_period(raw.update_period),
        due_start=due.start,
        due_end=due.end,
        due_precision=due.precision,
        status=value,
        status_raw=status.raw,
        status_note=status.note,
        lead_codes=leads.codes,
        lead_roles=leads.roles,
        signed_off_by=signoff.by if signoff else "",
        signed_off_date=signoff.on if signoff else None,
        overdue=overdue,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _duplicate_warnings(
    raws: tuple[RawAction, ...], ids: list[str], duplicates: list[DuplicateRef]
) -> list[tuple[str, ...]]:
    """Return each entry's warning about a ref read for two actions (both actions named)."""
    warnings: list[tuple[str, ...]] = [() for _ in raws]
    for dup in duplicates:
        first, second = raws[dup.first], raws[dup.second]
        text = (
            f"ref {second.action_ref!r} printed for two actions ({_place(first)} and"
            f" {_place(second)}); the second read as {dup.action_id}"
        )
        for index, action_id in enumerate(ids):
            if action_id in (ids[dup.first], dup.action_id):
                warnings[index] += (text,)
    return warnings


def _place(raw: RawAction) -> str:
    page = f", page {raw.source_page}" if raw.source_page else ""
    if raw.table:
        return f"table {raw.table} row {raw.row}{page}"
    return f"page {raw.source_page}" if raw.source_page else f"action {raw.position}"


def _finding_at(raw: RawAction, kind: str, text: str, reason: str, **more: object) -> Finding:
    """Return a finding of ``kind`` placed where the raw entry stands (table, row, page)."""
    return Finding(
        kind,
        text=text,
        table=raw.table or None,
        row=raw.row or None,
        page=raw.source_page,
        reason=reason,
        **more,
    )


def _duplicate_findings(
    raws: tuple[RawAction, ...], duplicates: list[DuplicateRef]
) -> list[Finding]:
    return [
        _finding_at(
            raws[dup.second],
            DUPLICATE_REF,
            raws[dup.second].action_ref,
            dup.action_id,
            first_row=(raws[dup.first].table, raws[dup.first].row),
        )
        for dup in duplicates
    ]


def _status_findings(raws: tuple[RawAction, ...], rows: list[Action]) -> list[Finding]:
    return [
        _finding_at(raw, UNKNOWN_STATUS, row.status_raw, row.action_id)
        for raw, row in zip(raws, rows, strict=True)
        if not row.status and row.status_raw
    ]


@dataclass(frozen=True)
class CellReadings:
    """What the date, status, lead and sign-off cells of one raw entry were read as."""

    due: Due
    status: Status  # complete where the entry is signed off
    leads: Leads
    signoff: SignOff | None

    def warnings_by_field(self) -> tuple[tuple[str, str], ...]:
        """Return (field, warning) pairs, the field naming the cell each warning came from."""
        signoff = self.signoff.warnings if self.signoff else ()
        return tuple(
            (name, warning)
            for name, warnings in (
                ("due", self.due.warnings),
                ("status", self.status.warnings),
                ("lead", self.leads.warnings),
                ("signoff", signoff),
            )
            for warning in warnings
        )


def read_cells(extraction: Extraction, settings: NormaliseSettings) -> list[CellReadings]:
    """Return the readings of each raw entry's cells, in document order."""
    edition = _edition_date(extraction, settings)
    seen = _printed_codes(extraction.actions)
    legend = _readable_legend(extraction.legend, settings)
    readings = []
    for raw in extraction.actions:
        status, due = _status_and_due(raw, edition, legend, settings)
        status = greyed_row_status(status, raw.greyed, extraction.legend, settings)
        signoff = parse_signoff(raw.signoff_raw, settings.dates)
        if signoff is not None and (signoff.by or signoff.on):
            status = Status(
                value="complete", raw=status.raw, note=status.note, warnings=status.warnings
            )
        leads = resolve_leads(raw.lead_raw, extraction.keys, seen, settings)
        readings.append(CellReadings(due, status, leads, signoff))
    return readings


def _status_and_due(
    raw: RawAction, edition: date | None, legend: Mapping[str, str], settings: NormaliseSettings
) -> tuple[Status, Due]:
    """Status from its own column (a colour word read by the document's legend); else the
    date cell when it holds a status word ("Complete", "Ongoing": the improvement plan
    mixes them); else the cell's colour."""
    due_status = parse_status(raw.due_raw, settings) if raw.due_raw else None
    if due_status is not None and due_status.value is not None:
        due = Due(raw.due_raw, None, None, "none")
    else:
        # the edition supplies a missing year
        due = parse_due(raw.due_raw, today=edition, settings=settings.dates)
    if raw.status_raw:
        status = _status_cell(raw, legend, settings)
        if status.value is None:
            fill = status_from_fill(raw.status_fill, legend, settings)
            if fill is not None:
                return Status(fill.value, raw.status_raw, fill.note, fill.warnings), due
            if not status.warnings:
                # in its own column a date or a colour the legend gives no meaning is no
                # status either: say so, as for any other text not understood
                tidy = " ".join(raw.status_raw.split())
                status = replace(status, warnings=(f"status not understood: '{tidy}'",))
        return status, due
    if due_status is not None and due_status.value is not None:
        return due_status, due
    fill = status_from_fill(raw.status_fill, legend, settings)
    if fill is not None:
        return fill, due
    # no status column: a row shaded in a colour the plan's key names has that status
    shaded = status_from_fill(raw.row_fill, legend, settings, by_legend_only=True)
    if shaded is not None:
        return shaded, due
    return Status(value=None, raw=""), due


def _status_cell(raw: RawAction, legend: Mapping[str, str], settings: NormaliseSettings) -> Status:
    """The status its cell's words say, read as printed; where that is no status, read with
    the word joins the document's reader guessed as spaces ("Supersededby" printed as
    "Superseded" + "by" at a line end), which the status words then decide, as the
    document's own whole words decide other joins: no guess is left to warn of."""
    status = _by_legend(raw.status_raw, legend, settings) or parse_status(raw.status_raw, settings)
    if status.value is not None or not raw.status_spaced:
        return status
    spaced = _by_legend(raw.status_spaced, legend, settings) or parse_status(
        raw.status_spaced, settings
    )
    return status if spaced.value is None else spaced


def _readable_legend(legend: Mapping[str, str], settings: NormaliseSettings) -> dict[str, str]:
    """Return the legend entries whose meaning is a status ("Green – on track"), keys lower-case;
    a heading such as "Green – Environmental sustainability" is no legend entry."""
    return {k.lower(): v for k, v in legend.items() if parse_status(v, settings).value is not None}


def _by_legend(text: str, legend: Mapping[str, str], settings: NormaliseSettings) -> Status | None:
    """Return what the legend says a colour word in a status cell means ("Green": on track)."""
    colour, _, rest = " ".join(text.split()).partition(" ")
    if not rest:  # a BRAG letter alone ("G") names its colour
        colour = dict(settings.vocabulary.rag_letters).get(colour.lower(), colour)
    meaning = legend.get(colour.lower())
    if meaning is None:
        return None
    read = parse_status(meaning, settings)
    note = "; ".join(part for part in (colour.title(), rest.strip(" -–—:()")) if part)
    return Status(read.value, text, note)


def _edition_date(extraction: Extraction, settings: NormaliseSettings) -> date | None:
    if extraction.plan.edition_raw:
        return parse_due(extraction.plan.edition_raw, settings=settings.dates).start
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
