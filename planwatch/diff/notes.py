"""Every sentence a reader sees about a change, rendered from its typed fields in one place."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

from planwatch.model import CHANGE_KINDS, Change

ADDED, REMOVED = "added: ", "removed: "
NOTE_SEPARATOR = " | "

# kind -> (one, many): the words of the summary line
SUMMARY_LABELS: dict[str, tuple[str, str]] = {
    "closed": ("closed", "closed"),
    "reopened": ("reopened", "reopened"),
    "status_changed": ("status changed", "statuses changed"),
    "target_later": ("target later", "targets later"),
    "target_earlier": ("target earlier", "targets earlier"),
    "target_set": ("target set", "targets set"),
    "target_cleared": ("target cleared", "targets cleared"),
    "became_overdue": ("now overdue", "now overdue"),
    "added": ("added", "added"),
    "removed": ("removed", "removed"),
    "renumbered": ("renumbered", "renumbered"),
    "reworded": ("reworded", "reworded"),
    "lead_changed": ("lead changed", "leads changed"),
    "progress_added": ("progress added", "progress added"),
    "progress_removed": ("progress removed", "progress removed"),
    "entry_added": ("entry added", "entries added"),
    "entry_removed": ("entry removed", "entries removed"),
    "signed_off": ("signed off", "signed off"),
    "sign_off_removed": ("sign-off removed", "sign-offs removed"),
}
# field -> the plain word a reader knows it by
FIELD_LABELS = {
    "action": "action",
    "action_ref": "ref",
    "action_id": "id",
    "status": "status",
    "due_end": "target",
    "due_raw": "target",
    "lead_codes": "lead",
    "lead_raw": "lead",
    "progress": "progress",
    "latest_update": "latest update",
    "signed_off_date": "signed off",
    "overdue": "overdue",
    "entry": "entry",
}


def render_note(change: Change) -> str:
    """Return the short note of a change: ``closed``, ``target moved 3 months later`` ..."""
    kind = change.kind
    if kind in ("added", "removed"):
        return change.action
    if kind == "status_changed":
        return f"status {change.old_value or 'unknown'} -> {change.new_value or 'unknown'}"
    if kind in ("target_later", "target_earlier"):
        return _move_note(change)
    if kind in ("progress_added", "progress_removed"):
        return _text_note(change)
    if kind in ("entry_added", "entry_removed"):
        detail = f"{change.status}, target {change.due_raw}" if change.due_raw else change.status
        return f"entry {change.entry_no} {kind.split('_')[1]} ({detail})"
    if kind == "signed_off":
        return f"signed off by {change.signed_off_by}" if change.signed_off_by else "signed off"
    return SUMMARY_LABELS.get(kind, (kind.replace("_", " "),))[0]


def _move_note(change: Change) -> str:
    """Months where both dates are month-precise or coarser (and months differ), else days."""
    if change.months_moved:
        amount, unit = change.months_moved, "month"
    else:
        amount, unit = change.days_moved or 0, "day"
    plural = "" if abs(amount) == 1 else "s"
    return f"target moved {abs(amount)} {unit}{plural} {'later' if amount > 0 else 'earlier'}"


def _text_note(change: Change) -> str:
    parts = []
    if change.sentences_added:
        parts.append(ADDED + " ".join(change.sentences_added))
    if change.sentences_removed:
        parts.append(REMOVED + " ".join(change.sentences_removed))
    return NOTE_SEPARATOR.join(parts) or "reworded"


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``, whitespace tidied, by spaCy's rule-based sentencizer."""
    text = " ".join(text.split())
    if not text:
        return []
    return [s.text.strip() for s in _sentencizer()(text).sents if s.text.strip()]


@functools.cache
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def describe(change: Change) -> str:
    """Return one readable line for a change, e.g. ``status: open -> complete (closed)``."""
    if change.kind in ("added", "removed"):
        return change.kind
    if change.kind == "became_overdue":
        return f"now overdue (target {change.due_raw})" if change.due_raw else "now overdue"
    entry = f" (entry {change.entry_no})" if change.entry_no else ""
    label = FIELD_LABELS.get(change.field, change.field.replace("_", " "))
    if change.field in ("progress", "latest_update"):
        return f"{label}{entry}: {change.note}"
    if change.field == "entry":
        return f"{change.note}: {_shorten(change.new_value or change.old_value)}"
    if change.field == "action":
        return f"action reworded, was: {_shorten(change.old_value)}"
    values = f"{change.old_value or '(none)'} -> {change.new_value or '(none)'}"
    # "status open -> deferred" already says it all
    note = f" ({change.note})" if values not in change.note else ""
    return f"{label}{entry}: {values}{note}"


def _shorten(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def heading(change: Change) -> str:
    """Return how an action is named above its changes: ``2.14 -> 2.13`` when renumbered.

    A removed action is named as the older edition numbered it, marked so, because the
    newer edition may print that number for another action.
    """
    if change.change == "removed":
        return f"{change.action_id} (older edition)"
    if change.previous_action_id:
        return f"{change.previous_action_id} -> {change.action_id}"
    return change.action_id


def describe_changes(changes: Sequence[Change]) -> list[str]:
    """Return readable lines: a heading per action (its id and text), its changes below."""
    lines = []
    current = None
    for change in changes:
        key = (change.action_key or change.action_id, change.change == "removed")
        if key != current:
            current = key
            lines.append(f"  {heading(change)}  {_shorten(change.action, 80)}".rstrip())
        lines.append(f"      {describe(change)}")
    return lines


def kind_counts(changes: Sequence[Change]) -> dict[str, int]:
    """Return how many actions had each kind of change, in CHANGE_KINDS order, zeros left out."""
    actions: dict[str, set[str]] = {}
    for change in changes:
        key = f"{change.action_key or change.action_id}/{change.change == 'removed'}"
        actions.setdefault(change.kind, set()).add(key)
    return {k: len(actions[k]) for k in CHANGE_KINDS if actions.get(k)}


def summary_line(
    plan_id: str, old: date | str | None, new: date | str | None, changes: Sequence[Change]
) -> str:
    """Return ``PLAN: OLD -> NEW: 4 closed, 2 targets later, 1 added`` (or ``no changes``)."""
    parts = [
        f"{n} {SUMMARY_LABELS[kind][0 if n == 1 else 1]}"
        for kind, n in kind_counts(changes).items()
    ]
    counts = ", ".join(parts) or "no changes"
    return f"{plan_id}: {old or '(undated)'} -> {new or '(undated)'}: {counts}"
