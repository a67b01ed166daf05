"""Stable ids: the plan series slug and each action's id within its plan."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from planwatch.model import RawAction

# Words skipped when abbreviating an organisation:
# "Hereford & Worcester Fire and Rescue Service" -> hwfrs
_MINOR = {"and", "&", "of", "the", "for"}
# "2.10", "R1.2", "AFI 3.1": refs that number the action plan-wide
_PLAN_WIDE_REF = re.compile(r"^[A-Za-z]{0,4}\s?\d+\.\d+(?:\.\d+)*$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_id_for(organisation: str, title: str, fallback: str) -> str:
    """Return "<org initials>-<title slug>", the same for every edition of the plan."""
    initials = "".join(
        w[0] for w in organisation.split() if w.lower() not in _MINOR and w[0].isalpha()
    )
    # a title carrying its edition ("Action Plan, 17 November 2021") must not split the series
    title = re.sub(
        r"[\s,\-–]*(?:updated:?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|"
        r"May|June|July|August|September|October|November|December)\s+\d{4}\s*$",
        "",
        title,
        flags=re.IGNORECASE,
    )
    slug = slugify(f"{initials} {title}") if title else slugify(fallback)
    return slug or "plan"


def action_ids(actions: Sequence[RawAction]) -> list[str]:
    """Return each entry's action id: the printed ref where it numbers the plan, else
    ``<section>/<ref>``, else ``<section>/<position>`` (positional only without a ref)."""
    firsts = [a for a in actions if a.entry_no == 1]
    ref_counts = Counter(_clean_ref(a.action_ref) for a in firsts if a.action_ref)
    ids: list[str] = []
    for action in actions:
        ref = _clean_ref(action.action_ref)
        section = action.section_ref or slugify(action.section_title)[:24]
        if ref and _PLAN_WIDE_REF.match(ref) and ref_counts[ref] == 1:
            ids.append(ref)
        elif ref:
            ids.append(f"{section}/{ref}" if section else ref)
        else:
            ids.append(f"{section}/{action.position}" if section else str(action.position))
    return ids


def _clean_ref(ref: str) -> str:
    """ "f." -> "f", "(b)" -> "b", "1.2." -> "1.2"."""
    return ref.strip().strip("().").strip()
