"""What changed between two editions of a plan, action by action, as Change records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from planwatch.model import Action, Change

from .groups import ActionGroup, group_actions
from .match import match_groups
from .notes import status_note, target_move_note, text_note

FieldChange = tuple[str, str, str, str]  # field, old value, new value, note


def diff_editions(old: Sequence[Action], new: Sequence[Action]) -> list[Change]:
    """Return the added, removed and changed actions from ``old`` to ``new``, in new order."""
    old_groups, new_groups = group_actions(old), group_actions(new)
    matches = {m.new_id: m for m in match_groups(old_groups, new_groups)}
    old_by_id = {g.action_id: g for g in old_groups}
    edition = {
        "plan_id": (new or old)[0].plan_id if (new or old) else "",
        "old_edition": old[0].edition_date if old else None,
        "new_edition": new[0].edition_date if new else None,
    }
    changes = []
    for group in new_groups:
        match = matches.get(group.action_id)
        common = dict(edition, action_id=group.action_id, section_ref=group.section_ref)
        if match is None:
            changes.append(Change(**common, change="added", note=group.text))
            continue
        for entry_no, (fld, before, after, note) in _group_changes(old_by_id[match.old_id], group):
            changes.append(
                Change(
                    **common,
                    change="changed",
                    field=fld,
                    old_value=before,
                    new_value=after,
                    note=note,
                    matched_by=match.how,
                    entry_no=entry_no if entry_no > 1 else None,
                )
            )
    matched_old = {m.old_id for m in matches.values()}
    for group in old_groups:
        if group.action_id not in matched_old:
            common = dict(edition, action_id=group.action_id, section_ref=group.section_ref)
            changes.append(Change(**common, change="removed", note=group.text))
    return changes


def _group_changes(old: ActionGroup, new: ActionGroup) -> Iterator[tuple[int, FieldChange]]:
    """Yield (entry_no, change) for the action's own fields, then entry by entry."""
    for change in _action_changes(old.first, new.first):
        yield new.first.entry_no, change
    numbers = sorted({e.entry_no for e in old.entries} | {e.entry_no for e in new.entries})
    for entry_no in numbers:
        before, after = old.entry(entry_no), new.entry(entry_no)
        if before is not None and after is not None:
            changes = _entry_changes(before, after)
        else:
            changes = _entry_came_or_went(before, after)
        for change in changes:
            yield entry_no, change


def _action_changes(old: Action, new: Action) -> Iterator[FieldChange]:
    """Yield the changes of what belongs to the action: text, ref, lead, sign-off."""
    if _tidy(old.action) != _tidy(new.action):
        yield "action", old.action, new.action, "reworded"
    if old.action_ref != new.action_ref:
        yield "action_ref", old.action_ref, new.action_ref, "renumbered"
    if old.lead_codes or new.lead_codes:
        if set(old.lead_codes) != set(new.lead_codes):
            yield "lead_codes", ";".join(old.lead_codes), ";".join(new.lead_codes), "lead changed"
    elif _tidy(old.lead_raw) != _tidy(new.lead_raw):
        yield "lead_raw", old.lead_raw, new.lead_raw, "lead changed"
    if old.signed_off_date != new.signed_off_date:
        if new.signed_off_date is None:
            note = "sign-off removed"
        else:
            note = f"signed off by {new.signed_off_by}" if new.signed_off_by else "signed off"
        yield "signed_off_date", _iso(old.signed_off_date), _iso(new.signed_off_date), note


def _entry_changes(old: Action, new: Action) -> Iterator[FieldChange]:
    """Yield the changes of one entry: status, target date, progress texts."""
    if old.status != new.status:
        yield "status", old.status, new.status, status_note(old.status, new.status)
    yield from _due_changes(old, new)
    yield from _text_changes(old, new)


def _entry_came_or_went(old: Action | None, new: Action | None) -> Iterator[FieldChange]:
    """A continuation entry added (a new progress row) or dropped: one change saying so,
    with its text as the value and its status and target in the note."""
    entry = new or old
    assert entry is not None
    text = entry.progress or entry.latest_update
    detail = f"{entry.status}, target {entry.due_raw}" if entry.due_raw else entry.status
    if new is not None:
        yield "entry", "", text, f"entry {entry.entry_no} added ({detail})"
    else:
        yield "entry", text, "", f"entry {entry.entry_no} removed ({detail})"


def _due_changes(old: Action, new: Action) -> Iterator[FieldChange]:
    if old.due_end and new.due_end:
        if old.due_end != new.due_end:
            in_days = old.due_precision == new.due_precision == "day"
            note = target_move_note(old.due_end, new.due_end, in_days)
            yield "due_end", _iso(old.due_end), _iso(new.due_end), note
    elif old.due_end or new.due_end:
        # One side gives no date ("ongoing", "Complete"): the printed cells say what changed.
        # Neither side a date ("Deferred" -> "Complete") leaves no target to move; the
        # status says it.
        yield "due_raw", old.due_raw, new.due_raw, "target set" if new.due_end else "target cleared"


def _text_changes(old: Action | None, new: Action | None) -> Iterator[FieldChange]:
    for fld in ("progress", "latest_update"):
        before = getattr(old, fld) if old else ""
        after = getattr(new, fld) if new else ""
        if _tidy(before) != _tidy(after):
            yield fld, before, after, text_note(before, after)


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
