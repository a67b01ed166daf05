"""Large editions of one plan built as canonical rows, with the changes between them known.

Truth by construction: the second edition is made from the first by changes this module
chooses (targets moved, actions closed, progress sentences added, actions removed and
added), so a benchmark can check that ``diff`` found exactly as many as were made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planwatch.model import Action

PLAN_ID = "bench-large-plan"
SECTION_SIZE = 25  # actions per section: refs run 1.1 .. 1.25, 2.1 ...
# Of every 100 actions of the first edition, the second edition changes:
CHANGED_SHARE = {"target_later": 2, "closed": 2, "progress_added": 3, "removed": 1}
ADDED_SHARE = 1  # ... and adds this many new ones at the end of the plan
_WORDS = [
    "review",
    "risk",
    "methodology",
    "prevention",
    "protection",
    "response",
    "training",
    "safeguarding",
    "evaluation",
    "partners",
    "community",
    "referrals",
    "premises",
    "inspection",
    "audit",
    "strategy",
    "recruitment",
    "wellbeing",
    "procurement",
    "equality",
    "data",
    "assurance",
    "station",
    "crews",
    "incident",
    "command",
    "learning",
    "digital",
    "fleet",
    "estates",
    "collaboration",
]


@dataclass(frozen=True)
class EditionPair:
    """Two editions of one plan, and how many actions each kind of change touched."""

    old: list[Action]
    new: list[Action]
    made: dict[str, int]


def make_pair(rows: int, seed: int = 1) -> EditionPair:
    """Return two editions of ``rows`` actions each (about), the second changed from the first."""
    rng = random.Random(seed)
    old = [_action(n, rng, date(2023, 1, 31), "old") for n in range(rows)]
    kinds = [k for k, share in CHANGED_SHARE.items() for _ in range(share)]
    kinds += [""] * (100 - len(kinds))
    new, made = [], dict.fromkeys([*CHANGED_SHARE, "added"], 0)
    for n, action in enumerate(old):
        kind = kinds[n % 100]
        if kind == "removed":
            made[kind] += 1
            continue
        if kind:
            made[kind] += 1
        new.append(_changed(_as_new(action), kind))
    for n in range(rows * ADDED_SHARE // 100):
        new.append(_as_new(_action(rows + n, rng, date(2023, 1, 31), "old")))
        made["added"] += 1
    return EditionPair(old, new, made)


def _action(n: int, rng: random.Random, edition: date, tag: str) -> Action:
    section, number = divmod(n, SECTION_SIZE)
    ref = f"{section + 1}.{number + 1}"
    words = " ".join(rng.choice(_WORDS) for _ in range(12))
    due = date(2023, 3, 1) + timedelta(days=30 * rng.randrange(24))
    return Action(
        plan_id=PLAN_ID,
        organisation="Benchshire Fire and Rescue Service",
        plan_title="Benchshire Improvement Plan",
        edition_date=edition,
        source_file=f"bench-{tag}.txt",
        source_sha256=(tag * 64)[:64],
        source_format="txt",
        source_page=None,
        section_ref=f"Area {section + 1}",
        section_title=f"Area for improvement {section + 1}",
        action_id=ref,
        action_ref=ref,
        entry_no=1,
        action=f"Action {n}: {words}.",
        progress=f"Work on {words.split()[0]} has started. A project group meets monthly.",
        latest_update="",
        update_period="",
        due_raw=due.strftime("%b %Y"),
        due_start=due.replace(day=1),
        due_end=due,
        due_precision="day",
        status="open",
        status_raw="Open",
        status_note="",
        lead_raw="AM",
        lead_codes=("AM",),
        lead_roles=("Area Manager",),
        signed_off_by="",
        signed_off_date=None,
        greyed=False,
        overdue=False,
        warnings=(),
    )


def _as_new(action: Action) -> Action:
    return replace(
        action, edition_date=date(2023, 4, 30), source_file="bench-new.txt", source_sha256="n" * 64
    )


def _changed(action: Action, kind: str) -> Action:
    if kind == "target_later":
        later = action.due_end + timedelta(days=91)
        return replace(action, due_end=later, due_start=later, due_raw=later.strftime("%d.%m.%y"))
    if kind == "closed":
        return replace(action, status="complete", status_raw="Complete")
    if kind == "progress_added":
        return replace(action, progress=action.progress + " The first report went to the board.")
    return action
