"""Stored plans that a new plan id may be an edition of: same organisation, similar title."""

from __future__ import annotations

from planwatch.model import Action

from .backend import Backend
from .queries import Plan, plans


def similar_plans(db: Backend, head: Action, minimum: float) -> list[Plan]:
    """Return the stored plans of ``head``'s organisation whose titles score ``minimum`` or
    more against its own (``DiffSettings.similar_title_min``)."""
    from planwatch.diff.match import text_similarity

    organisation = _name(head.organisation)
    if not organisation:
        return []
    return [
        plan
        for plan in plans(db)
        if plan.plan_id != head.plan_id
        and _name(plan.organisation) == organisation
        and text_similarity(plan.plan_title, head.plan_title) >= minimum
    ]


def _name(text: str) -> str:
    return " ".join(text.casefold().split())
