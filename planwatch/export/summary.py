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
    """Return the action ids behind each headline figure, from the kinds of the changes."""
    return Summary(
        closed=_ids(c for c in changes if c.kind == "closed"),
        added=_ids(c for c in changes if c.kind == "added"),
        removed=_ids(c for c in changes if c.kind == "removed"),
        moved_later=_ids(c for c in changes if c.kind == "target_later"),
        moved_earlier=_ids(c for c in changes if c.kind == "target_earlier"),
        newly_overdue=_ids(c for c in changes if c.kind == "became_overdue"),
        reopened=_ids(c for c in changes if c.kind == "reopened"),
    )


def target_moves(changes: Iterable[Change]) -> list[TargetMove]:
    """Return each change of a target end date where both editions give a date."""
    return [
        TargetMove(c.action_id, c.entry_no, _date(c.old_value), _date(c.new_value))
        for c in changes
        if c.kind in ("target_later", "target_earlier")
    ]


def _ids(records: Iterable[Change | Action | TargetMove]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.action_id for r in records))


def _date(text: str) -> date:
    return date.fromisoformat(text)
