"""Stable ids: the plan series slug and each action's id within its plan."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from planwatch.model import RawAction

from .months import FULL_MONTH_NAME

# Words skipped when abbreviating an organisation:
# "Hereford & Worcester Fire and Rescue Service" -> hwfrs
_MINOR = {"and", "&", "of", "the", "for"}
# "2.10", "R1.2", "AFI 3.1": refs that number the action plan-wide
_PLAN_WIDE_REF = re.compile(r"^[A-Za-z]{0,4}\s?\d+\.\d+(?:\.\d+)*$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_id_for(organisation: str, title: str, fallback: str) -> str:
    """Return "<org initials>-<title slug>", the same for every edition of the plan."""
    initials = _initials(organisation)
    # a title carrying its edition ("Action Plan, 17 November 2021") must not split the series
    title = re.sub(
        rf"[\s,\-–]*(?:updated:?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{FULL_MONTH_NAME}\s+\d{{4}}\s*$",
        "",
        title,
        flags=re.IGNORECASE,
    )
    slug = slugify(f"{initials} {title}") if title else slugify(fallback)
    return slug or "plan"


def _initials(organisation: str) -> str:
    """Return an organisation's initials, one way however it is written: "Avonford Fire and
    Rescue Service", "AVONFORD FIRE & RESCUE AUTHORITY" and "Avonford FRS" are all afrs (a
    service and its fire authority publish one plan)."""
    name = _FIRE_AND_RESCUE.sub("Fire Rescue Service", organisation)
    return "".join(
        w[0].lower() for w in name.split() if w.lower() not in _MINOR and w[0].isalpha()
    )


_FIRE_AND_RESCUE = re.compile(
    r"\bFire\s+(?:and|&)\s+Rescue\s+(?:Service|Authority)\b|\bFR[SA]\b", re.IGNORECASE
)


@dataclass(frozen=True)
class DuplicateRef:
    """A ref read for two actions: the second (and later) given ``<id>#<n>``."""

    action_id: str  # the id as disambiguated ("2.1#2")
    first: int  # index among the entries of the first action with the id
    second: int  # index of the entry that starts the later action


def action_ids(actions: Sequence[RawAction]) -> tuple[list[str], list[DuplicateRef]]:
    """Return each entry's action id, and each ref read for two actions.

    The id is the printed ref where it numbers the plan, else ``<section>/<ref>``, else
    ``<section>/<position>`` (positional only without a ref); a later action reading
    an id already taken gets ``<id>#2``, ``#3``..., so ids are unique per action.
    """
    firsts = [a for a in actions if a.entry_no == 1]
    ref_counts = Counter(_clean_ref(a.action_ref) for a in firsts if a.action_ref)
    ids: list[str] = []
    duplicates: list[DuplicateRef] = []
    taken: dict[str, int] = {}  # id -> index of the entry starting its action
    for index, action in enumerate(actions):
        if action.entry_no != 1 and ids:
            ids.append(ids[-1])  # a continuation entry belongs to the action above
            continue
        wanted = _read_id(action, ref_counts)
        given, n = wanted, 1
        while given in taken:
            n += 1
            given = f"{wanted}#{n}"
        if n > 1:
            duplicates.append(DuplicateRef(given, taken[wanted], index))
        taken[given] = index
        ids.append(given)
    return ids, duplicates


def _read_id(action: RawAction, ref_counts: Counter[str]) -> str:
    ref = _clean_ref(action.action_ref)
    section = action.section_ref or slugify(action.section_title)[:24]
    if ref and _PLAN_WIDE_REF.match(ref) and ref_counts[ref] == 1:
        return ref
    if ref:
        return f"{section}/{ref}" if section else ref
    return f"{section}/{action.position}" if section else str(action.position)


def _clean_ref(ref: str) -> str:
    """ "f." -> "f", "(b)" -> "b", "1.2." -> "1.2"."""
    return ref.strip().strip("().").strip()
