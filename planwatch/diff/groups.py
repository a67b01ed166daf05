"""Rows of one edition gathered into actions: entry 1 plus its continuation entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from planwatch.model import Action

_ENTRY_NO = attrgetter("entry_no")


@dataclass(frozen=True, slots=True)
class ActionGroup:
    """Every entry of one action in one edition, in entry order."""

    action_id: str
    entries: tuple[Action, ...]
    position: int  # 0-based order of the action within its section

    @property
    def first(self) -> Action:
        return self.entries[0]

    @property
    def section_ref(self) -> str:
        return self.first.section_ref

    @property
    def text(self) -> str:
        return self.first.action

    @property
    def progress(self) -> str:
        return " ".join(e.progress for e in self.entries if e.progress)

    def entry(self, entry_no: int) -> Action | None:
        """Return the entry numbered ``entry_no``, or None."""
        return next((e for e in self.entries if e.entry_no == entry_no), None)


def group_actions(actions: Sequence[Action]) -> list[ActionGroup]:
    """Return the actions of an edition in document order, each with its entries."""
    entries: dict[str, list[Action]] = {}
    for action in actions:
        entries.setdefault(action.action_id, []).append(action)
    groups = []
    seen_in_section: dict[str, int] = {}
    for action_id, rows in entries.items():
        if len(rows) > 1:
            rows.sort(key=_ENTRY_NO)
        section = rows[0].section_ref
        position = seen_in_section.get(section, 0)
        seen_in_section[section] = position + 1
        groups.append(ActionGroup(action_id, tuple(rows), position))
    return groups
