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
    "--action", "action_id", help="Follow one action (e.g. 2.10, ES1.4/f) across editions."
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
    rows = [("edition", "status", "due_raw", "due_end", "progress")]
    for edition, entries in store.history(plan_id, action_id):
        if not entries:
            rows.append(
                (str(edition.edition_date or "(undated)"), "(not in this edition)", "", "", "")
            )
            continue
        first = entries[0]
        progress = " ".join(" ".join(e.progress for e in entries).split())
        rows.append(
            (
                str(edition.edition_date or "(undated)"),
                first.status,
                first.due_raw,
                str(first.due_end or ""),
                progress[:PROGRESS_WIDTH],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    table = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[4] for r in rows
    ]
    return [f"{plan_id} {action_id}", *(f"  {line.rstrip()}" for line in table)]
