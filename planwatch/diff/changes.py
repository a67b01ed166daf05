"""What changed between two editions of a plan, action by action, as typed Change records."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date

from planwatch.collector import collector_paused
from planwatch.model import Action, Change
from planwatch.normalise.texts import canonical_text, same_wording

from .groups import ActionGroup
from .keys import free_key
from .match import Match, Pairing, pair_editions
from .notes import render_note, split_sentences
from .settings import DEFAULT_DIFF, DiffSettings

COARSE_PRECISIONS = frozenset({"month", "quarter", "half", "year", "financial_year"})


def diff_editions(
    old: Sequence[Action],
    new: Sequence[Action],
    *,
    pairing: Pairing | None = None,
    keys: Mapping[str, tuple[str, str]] | None = None,
    settings: DiffSettings = DEFAULT_DIFF,
) -> list[Change]:
    """Return the added, removed and changed actions from ``old`` to ``new``, in new order.

    Each Change carries its kind and typed values; its ``note`` is rendered from them.
    ``pairing`` is the two editions grouped and paired where the caller has already
    done so (``pair_editions``: keying a loaded edition needs the same pairs). Its groups
    may hold the rows as they were before keying: the series keys are read from ``new``,
    and nothing else a diff reads is changed by keying. Otherwise the actions are paired
    by ``settings``. ``keys`` gives each new action id's (series key, previous id), as
    ``edition_keys`` returns them, where ``new`` is not keyed yet (a load keys its rows
    as it writes them).
    """
    with collector_paused():
        return _diff(old, new, pairing or pair_editions(old, new, settings), keys)


def _diff(
    old: Sequence[Action],
    new: Sequence[Action],
    pairing: Pairing,
    keys: Mapping[str, tuple[str, str]] | None,
) -> list[Change]:
    old_groups, matched = pairing.old, pairing.matches
    old_at = {g.action_id: i for i, g in enumerate(old_groups)}
    key_of = (
        _NewKeys(old, old_groups, old_at) if keys is None else (lambda g, _: keys[g.action_id][0])
    )
    edition = {
        "plan_id": (new or old)[0].plan_id if (new or old) else "",
        "old_edition": old[0].edition_date if old else None,
        "new_edition": new[0].edition_date if new else None,
    }
    changes = []
    for group, match, before in _walk(pairing, old_at):
        if match is None:
            common = _common(edition, group, key_of(group, None))
            changes.append(_whole(common, "added", group.first))
            continue
        found = list(_group_changes(before, group))
        if not found:
            continue  # most actions of an edition: no record made for them
        common = _common(edition, group, key_of(group, match))
        if match.old_id != group.action_id:
            common["previous_action_id"] = match.old_id
        for values in found:
            entry_no = values.pop("entry_no")
            changes.append(
                Change(
                    **common,
                    **values,
                    change="changed",
                    matched_by=match.how,
                    entry_no=entry_no if entry_no > 1 else None,
                )
            )
    matched_old = {m.old_id for m in matched}
    for group in old_groups:
        if group.action_id not in matched_old:
            common = _common(edition, group, group.first.series_key)
            changes.append(_whole(common, "removed", group.first))
    return [replace(c, note=render_note(c)) for c in changes]


def _walk(
    pairing: Pairing, old_at: Mapping[str, int]
) -> Iterator[tuple[ActionGroup, Match | None, ActionGroup | None]]:
    """Yield each new group, in order, with its match and the old group it is paired
    with (None, None if unpaired).

    The matches are in new order, so they are walked beside the groups; the old group
    after the last one found is tried before ``old_at``: two editions mostly keep
    their order, and records read in memory order cost less than probes into a dict
    of 100,000 ids that the processor's cache no longer holds.
    """
    old, matched = pairing.old, pairing.matches
    k = after = 0
    for group in pairing.new:
        match = matched[k] if k < len(matched) and matched[k].new_id == group.action_id else None
        if match is None:
            yield group, None, None
            continue
        k += 1
        i = after if after < len(old) and old[after].action_id == match.old_id else None
        after = (old_at[match.old_id] if i is None else i) + 1
        yield group, match, old[after - 1]


def _common(edition: dict, group: ActionGroup, key: str) -> dict:
    """Return what every change of one action says: the editions, the action, its key."""
    return dict(
        edition,
        action_id=group.action_id,
        section_ref=group.section_ref,
        action=group.text,
        action_key=key,
    )


def _whole(common: dict, kind: str, first: Action) -> Change:
    return Change(**common, change=kind, kind=kind, status=first.status, due_raw=first.due_raw)


class _NewKeys:
    """Each new action's series key: its predecessor's, else its own unless an old action
    has it, else a free one (``edition_keys``: unpaired actions take ``id~2``... in new
    order where their id is taken). Asked only for the actions a change names, in new
    order: the unpaired ones all are (each is an "added" change), so the free keys come
    out as ``edition_keys`` gives them, without keying the whole edition."""

    def __init__(
        self, old: Sequence[Action], groups: Sequence[ActionGroup], at: Mapping[str, int]
    ) -> None:
        self._old, self._groups, self._at = old, groups, at
        self._old_keys: set[str] | None = None  # made when an unpaired action needs them
        self._used: set[str] = set()

    def __call__(self, group: ActionGroup, match: Match | None) -> str:
        if match is not None:
            return self._groups[self._at[match.old_id]].first.series_key
        if self._old_keys is None:
            self._old_keys = {a.series_key for a in self._old}
            self._used = set(self._old_keys)
        free = free_key(group.action_id, self._used)
        self._used.add(free)
        own = group.first.action_key
        return own if own and own not in self._old_keys else free


def _group_changes(old: ActionGroup, new: ActionGroup) -> Iterator[dict]:
    """Yield the values of each change: the action's own fields, then entry by entry."""
    for values in _action_changes(old.first, new.first):
        yield {"entry_no": new.first.entry_no, "status": new.first.status,
               "due_raw": new.first.due_raw} | values  # fmt: skip
    numbers = sorted({e.entry_no for e in old.entries} | {e.entry_no for e in new.entries})
    for entry_no in numbers:
        before, after = old.entry(entry_no), new.entry(entry_no)
        if before is not None and after is not None:
            changes = _entry_changes(before, after)
        else:
            changes = _entry_came_or_went(before, after)
        entry = after or before
        for values in changes:
            yield {"entry_no": entry_no, "status": entry.status, "due_raw": entry.due_raw} | values


def _value(kind: str, fld: str, old: str, new: str, **more: object) -> dict:
    return {"kind": kind, "field": fld, "old_value": old, "new_value": new, **more}


def _action_changes(old: Action, new: Action) -> Iterator[dict]:
    """Yield the changes of what belongs to the action: ref, text, lead, sign-off."""
    if old.action_ref != new.action_ref:
        yield _value("renumbered", "action_ref", old.action_ref, new.action_ref)
    elif old.action_id != new.action_id:
        # no printed ref: the positional id moved (an action inserted or dropped above)
        yield _value("renumbered", "action_id", old.action_id, new.action_id)
    if _differ(old.action, new.action):
        yield _value(
            "reworded", "action", old.action, new.action, **_sentences(old.action, new.action)
        )
    if lead := _lead_change(old, new):
        yield lead
    if old.signed_off_date != new.signed_off_date:
        kind = "sign_off_removed" if new.signed_off_date is None else "signed_off"
        yield _value(
            kind,
            "signed_off_date",
            _iso(old.signed_off_date),
            _iso(new.signed_off_date),
            signed_off_by=new.signed_off_by,
        )


def _entry_changes(old: Action, new: Action) -> Iterator[dict]:
    """Yield the changes of one entry: status, target date, overdue, progress texts."""
    if old.status != new.status:
        if new.status == "complete":
            kind = "closed"
        elif old.status == "complete":
            kind = "reopened"
        else:
            kind = "status_changed"
        yield _value(kind, "status", old.status, new.status)
    yield from _due_changes(old, new)
    if new.overdue and not old.overdue:
        yield _value("became_overdue", "overdue", "false", "true")
    yield from _text_changes(old, new)


def _entry_came_or_went(old: Action | None, new: Action | None) -> Iterator[dict]:
    """A continuation entry added (a new progress row) or dropped: one change saying so."""
    entry = new or old
    assert entry is not None
    text = entry.progress or entry.latest_update
    if new is not None:
        yield _value("entry_added", "entry", "", text)
    else:
        yield _value("entry_removed", "entry", text, "")


def _due_changes(old: Action, new: Action) -> Iterator[dict]:
    if old.due_end and new.due_end:
        if old.due_end != new.due_end:
            days = (new.due_end - old.due_end).days
            months = None
            if {old.due_precision, new.due_precision} <= COARSE_PRECISIONS:
                months = (new.due_end.year - old.due_end.year) * 12
                months += new.due_end.month - old.due_end.month
            kind = "target_later" if days > 0 else "target_earlier"
            yield _value(
                kind,
                "due_end",
                _iso(old.due_end),
                _iso(new.due_end),
                days_moved=days,
                months_moved=months,
            )
    elif old.due_end or new.due_end:
        # One side gives no date ("ongoing", "Complete"): the printed cells say what changed.
        # Neither side a date ("Deferred" -> "Complete") leaves no target to move; the
        # status says it.
        kind = "target_set" if new.due_end else "target_cleared"
        yield _value(kind, "due_raw", old.due_raw, new.due_raw)


def _text_changes(old: Action, new: Action) -> Iterator[dict]:
    for fld in ("progress", "latest_update"):
        before, after = getattr(old, fld), getattr(new, fld)
        if _differ(before, after):
            sentences = _sentences(before, after)
            kind = "progress_added" if sentences["sentences_added"] else "progress_removed"
            yield _value(kind, fld, before, after, **sentences)


def _sentences(old: str, new: str) -> dict[str, tuple[str, ...]]:
    before, after = split_sentences(old), split_sentences(new)
    return {
        "sentences_added": tuple(s for s in after if s not in set(before)),
        "sentences_removed": tuple(s for s in before if s not in set(after)),
    }


def _lead_change(old: Action, new: Action) -> dict | None:
    """Return the change of lead: of its codes (as a set) where either edition reads codes,
    else of its text; None where the lead as printed says the same ("HEAD OF PEOPLE" is no
    set of codes, though its capitals read as some)."""
    if (old.lead_raw or new.lead_raw) and not _differ(old.lead_raw, new.lead_raw):
        return None
    if old.lead_codes or new.lead_codes:
        if set(old.lead_codes) == set(new.lead_codes):
            return None
        return _value(
            "lead_changed", "lead_codes", ";".join(old.lead_codes), ";".join(new.lead_codes)
        )
    if _differ(old.lead_raw, new.lead_raw):
        return _value("lead_changed", "lead_raw", old.lead_raw, new.lead_raw)
    return None


def _differ(old: str, new: str) -> bool:
    """True when two texts differ in more than their spacing, letter case and closing full
    stop (``same_wording``); most are equal as they stand."""
    return old != new and not same_wording(_tidy(old), _tidy(new))


def _tidy(text: str) -> str:
    # an edition stored before the canonical form was written compares as one read now
    return canonical_text(" ".join(text.split()))


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
