"""planwatch history [PLAN_ID] : the editions loaded, or one action across them."""

from __future__ import annotations

import sys

import click

from .common import EXIT_SOME_FAILED, report_failure, say
from .stored import open_existing_store, store_option
from .terminal import shown_name

PROGRESS_WIDTH = 80


@click.command()
@click.argument("plan_id", required=False)
@click.option(
    "--action",
    "action_id",
    help="Follow one action (e.g. 2.10, ES1.4/f) across editions, by any id it had: "
    "renumbering is followed both ways.",
)
@store_option
def history(plan_id: str | None, action_id: str | None, store_path: str) -> None:
    """List each plan's editions with counts by status, or with --action one action's story."""
    from planwatch.errors import PlanwatchError

    try:
        store = open_existing_store(store_path)
    except PlanwatchError as exc:
        report_failure(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    with store:
        plans = sorted({e.plan_id for e in store.editions(plan_id)})
        if not plans:
            report_failure(f"{store.location}: no editions of {plan_id or 'any plan'} loaded")
            sys.exit(EXIT_SOME_FAILED)
        for plan in plans:
            lines = (
                _action_lines(store, plan, action_id) if action_id else _edition_lines(store, plan)
            )
            for line in lines:
                say(line, err=False, level=-1)


def _edition_lines(store, plan_id: str) -> list[str]:
    lines = [plan_id]
    for edition in store.editions(plan_id):
        counts = store.status_counts(edition)
        total = sum(counts.values())
        by_status = ", ".join(f"{n} {status}" for status, n in counts.items())
        lines.append(
            f"  {edition.edition_date or '(undated)'}  {shown_name(edition.source_file)}  "
            f"{total} actions: {by_status}"
        )
    return lines


def _action_lines(store, plan_id: str, action_id: str) -> list[str]:
    """Return the story of each action that ever had ``action_id``, one block per action."""
    keys = store.series(plan_id, action_id)
    if not keys:
        return [f"{plan_id} {action_id}", "  (no action with this id in any edition)"]
    lines = []
    for key in keys:
        lines += _series_lines(store, plan_id, key)
    return lines


def _series_lines(store, plan_id: str, key: str) -> list[str]:
    rows = [("edition", "id", "status", "due_raw", "due_end", "progress")]
    ids: list[str] = []
    for edition, entries in store.history(plan_id, key):
        day = str(edition.edition_date or "(undated)")
        if not entries:
            rows.append((day, "", "(not in this edition)", "", "", ""))
            continue
        first = entries[0]
        shown = first.action_id
        if ids and ids[-1] != first.action_id:
            shown = f"{ids[-1]} -> {first.action_id}"  # renumbered: said once, where it happened
        ids.append(first.action_id)
        progress = " ".join(" ".join(e.progress for e in entries).split())
        rows.append(
            (day, shown, first.status, first.due_raw, str(first.due_end or ""),
             progress[:PROGRESS_WIDTH])
        )  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    table = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[5] for r in rows
    ]
    name = " -> ".join(dict.fromkeys(ids))
    return [f"{plan_id} {name}", *(f"  {line.rstrip()}" for line in table)]
