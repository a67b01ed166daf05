"""Series keys: each action of an edition tied to its predecessor, so renumbering keeps identity."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from operator import attrgetter

from planwatch.model import COLUMNS, Action

from .match import Match, match_actions
from .settings import DEFAULT_DIFF, DiffSettings

# A keyed copy of a row is made from its values read in one call: dataclasses.replace
# takes twice as long, once per row of every edition keyed.
_VALUES = attrgetter(*COLUMNS)
_KEY, _PREVIOUS = COLUMNS.index("action_key"), COLUMNS.index("previous_action_id")


def key_edition(
    previous: Sequence[Action],
    current: Sequence[Action],
    taken: Collection[str] = (),
    matches: Sequence[Match] | None = None,
    settings: DiffSettings = DEFAULT_DIFF,
) -> list[Action]:
    """Return ``current`` with ``action_key`` and ``previous_action_id`` set from ``previous``.

    A matched action inherits its predecessor's key; an unmatched one is keyed by its own
    id, or ``id~2``, ``id~3``... where that key already belongs to another series (one
    of ``previous``, or of ``taken``: every key the plan's earlier editions used).
    Without ``matches``, the two are paired by ``settings``.
    """
    return apply_keys(current, edition_keys(previous, current, taken, matches, settings))


def apply_keys(actions: Sequence[Action], keys: Mapping[str, tuple[str, str]]) -> list[Action]:
    """Return copies of ``actions`` keyed as ``keys`` (``edition_keys``) says."""
    return [_with_keys(a, *keys[a.action_id]) for a in actions]


def edition_keys(
    previous: Sequence[Action],
    current: Sequence[Action],
    taken: Collection[str] = (),
    matches: Sequence[Match] | None = None,
    settings: DiffSettings = DEFAULT_DIFF,
) -> dict[str, tuple[str, str]]:
    """Return each current action id's (series key, previous id where it differs), as
    ``key_edition`` sets them, without copying the rows."""
    if matches is None:
        matches = match_actions(previous, current, settings)
    old_key = {a.action_id: a.series_key for a in previous}
    inherited = {m.new_id: (old_key[m.old_id], m.old_id) for m in matches}
    used = set(taken) | set(old_key.values())
    keys: dict[str, tuple[str, str]] = {}
    for action in current:
        if action.action_id in keys:
            continue
        if action.action_id in inherited:
            key, old_id = inherited[action.action_id]
            keys[action.action_id] = (key, old_id if old_id != action.action_id else "")
            continue
        keys[action.action_id] = (free_key(action.action_id, used), "")
        used.add(keys[action.action_id][0])
    return keys


def key_first_edition(actions: Sequence[Action]) -> list[Action]:
    """Return the first edition of a series keyed: every action by its own id."""
    return [_with_keys(a, a.action_id, "") for a in actions]


def first_edition_keys(actions: Sequence[Action]) -> dict[str, tuple[str, str]]:
    """Return the keys ``key_first_edition`` sets, by action id, without copying the rows."""
    return {a.action_id: (a.action_id, "") for a in actions}


def _with_keys(action: Action, key: str, previous_id: str) -> Action:
    values = list(_VALUES(action))
    values[_KEY], values[_PREVIOUS] = key, previous_id
    return Action(*values)


def free_key(action_id: str, used: Collection[str]) -> str:
    """Return ``action_id``, or the first of ``id~2``, ``id~3``... not in ``used``."""
    if action_id not in used:
        return action_id
    n = 2
    while f"{action_id}~{n}" in used:
        n += 1
    return f"{action_id}~{n}"
