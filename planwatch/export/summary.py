"""Headline figures of a comparison: actions closed, added, removed, moved, newly overdue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from planwatch.model import Action, Change


@dataclass(frozen=True)
class TargetMove:
    action_id: str
    entry_no: int | None
    old_end: date
    new_end: date

    @property
    def days(self) -> int:
        return (self.new_end - self.old_end).days


@dataclass(frozen=True)
class Summary:
    """Action ids per headline, each in the order the changes list them."""

    closed: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    moved_later: tuple[str, ...]
    moved_earlier: tuple[str, ...]
    newly_overdue: tuple[str, ...]
    reopened: tuple[str, ...]


def summarise(old: Sequence[Action], new: Sequence[Action], changes: Sequence[Change]) -> Summary:
    """Return the action ids behind each headline figure of the comparison."""
    moves = target_moves(changes)
    overdue_before = {a.action_id for a in old if a.overdue}
    return Summary(
        closed=_ids(c for c in changes if _status(c) == ("other", "complete")),
        added=_ids(c for c in changes if c.change == "added"),
        removed=_ids(c for c in changes if c.change == "removed"),
        moved_later=_ids(m for m in moves if m.days > 0),
        moved_earlier=_ids(m for m in moves if m.days < 0),
        # Matched on the action id: an action newly overdue only because it was renumbered
        # would count too, which is rare and errs on the side of showing it.
        newly_overdue=_ids(a for a in new if a.overdue and a.action_id not in overdue_before),
        reopened=_ids(c for c in changes if _status(c) == ("complete", "other")),
    )


def target_moves(changes: Iterable[Change]) -> list[TargetMove]:
    """Return each change of a target end date where both editions give a date."""
    moves = []
    for change in changes:
        if change.change == "changed" and change.field == "due_end":
            old_end, new_end = _date(change.old_value), _date(change.new_value)
            if old_end and new_end and old_end != new_end:
                moves.append(TargetMove(change.action_id, change.entry_no, old_end, new_end))
    return moves


def _status(change: Change) -> tuple[str, str] | None:
    if change.change != "changed" or change.field != "status":
        return None
    before, after = change.old_value == "complete", change.new_value == "complete"
    return ("complete" if before else "other", "complete" if after else "other")


def _ids(records: Iterable[Change | Action | TargetMove]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.action_id for r in records))


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
