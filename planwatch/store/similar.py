"""Stored plans that a new plan id may be an edition of: same organisation, similar title."""

from __future__ import annotations

from planwatch.model import Action

from .backend import Backend
from .queries import Plan, plans

# rapidfuzz ``fuzz.ratio`` of the titles (lower-cased, punctuation dropped), measured on
# titles of one service: a retitled edition scores 88 ("... Plan 2018/19 (Revised)"), 91
# ("Draft HMICFRS Improvement Plan 2018/19"), 97 ("2018-2019"), "Action" for
# "Improvement" 81; two plans of one service 39 (the Prevention Cause for Concern Action
# Plan and the HMICFRS Improvement Plan). Sister plans ("Protection" for "Prevention
# Cause for Concern", 92) are named too: a notice costs the user one line.
SIMILAR_TITLE_MIN = 80.0


def similar_plans(db: Backend, head: Action) -> list[Plan]:
    """Return the stored plans of ``head``'s organisation whose titles read like its own."""
    from planwatch.diff.match import text_similarity

    organisation = _name(head.organisation)
    if not organisation:
        return []
    return [
        plan
        for plan in plans(db)
        if plan.plan_id != head.plan_id
        and _name(plan.organisation) == organisation
        and text_similarity(plan.plan_title, head.plan_title) >= SIMILAR_TITLE_MIN
    ]


def _name(text: str) -> str:
    return " ".join(text.casefold().split())
