"""What a reader needs to know about one change: short notes, and a line per change."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date

from planwatch.model import Change

ADDED, REMOVED = "added: ", "removed: "
NOTE_SEPARATOR = " | "


def status_note(old: str, new: str) -> str:
    """Return ``closed``, ``reopened`` or ``status OLD -> NEW``."""
    if new == "complete":
        return "closed"
    if old == "complete":
        return "reopened"
    return f"status {old or 'unknown'} -> {new or 'unknown'}"


def target_move_note(old_end: date, new_end: date, in_days: bool) -> str:
    """Return ``target moved N months|days later|earlier``; days when both dates are exact."""
    months = (new_end.year - old_end.year) * 12 + new_end.month - old_end.month
    if in_days or months == 0:
        amount, unit = (new_end - old_end).days, "day"
    else:
        amount, unit = months, "month"
    plural = "" if abs(amount) == 1 else "s"
    return f"target moved {abs(amount)} {unit}{plural} {'later' if amount > 0 else 'earlier'}"


def text_note(old: str, new: str) -> str:
    """Return the sentences added to a text (``added: ...``), and any removed (``removed: ...``)."""
    before, after = split_sentences(old), split_sentences(new)
    added = [s for s in after if s not in set(before)]
    removed = [s for s in before if s not in set(after)]
    parts = []
    if added:
        parts.append(ADDED + " ".join(added))
    if removed:
        parts.append(REMOVED + " ".join(removed))
    return NOTE_SEPARATOR.join(parts) or "reworded"


def added_text(note: str) -> str:
    """Return the added sentences a ``text_note`` holds, or ``""``."""
    for part in note.split(NOTE_SEPARATOR):
        if part.startswith(ADDED):
            return part[len(ADDED) :]
    return ""


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
    if change.change in ("added", "removed"):
        return change.change
    entry = f" (entry {change.entry_no})" if change.entry_no else ""
    if change.field in ("progress", "latest_update"):
        return f"{change.field}{entry}: {change.note}"
    if change.field == "entry":
        return f"{change.note}: {_shorten(change.new_value or change.old_value)}"
    if change.field == "action":
        return f"action {change.note}, was: {_shorten(change.old_value)}"
    values = f"{change.old_value or '(none)'} -> {change.new_value or '(none)'}"
    # "status open -> deferred" already says it all
    note = f" ({change.note})" if values not in change.note else ""
    return f"{change.field}{entry}: {values}{note}"


def _shorten(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def describe_changes(changes: Sequence[Change], titles: Mapping[str, str]) -> list[str]:
    """Return readable lines: a heading per action (id and ``titles`` text), its changes below."""
    lines = []
    heading = None
    for change in changes:
        key = (change.action_id, change.change == "removed")
        if key != heading:
            heading = key
            title = change.note if change.change == "removed" else titles.get(change.action_id, "")
            lines.append(f"  {change.action_id}  {_shorten(title, 80)}".rstrip())
        lines.append(f"      {describe(change)}")
    return lines
