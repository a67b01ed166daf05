"""planwatch export : the loaded editions of the store as one table, to standard output or -o."""

from __future__ import annotations

from pathlib import Path

import click

from .common import (
    bom_option,
    check_output,
    format_option,
    output_option,
    raw_option,
    say,
    table_output,
)
from .extract import ACTION_FORMATS
from .stored import open_existing_store, store_option
from .terminal import shown_name


@click.command()
@store_option
@output_option(default_help="Default: standard output.")
@format_option(ACTION_FORMATS)
@bom_option
@raw_option
@click.option("--plan", "plan_id", help="Only the editions of this plan id.")
@click.option("--latest", is_flag=True, help="Only the newest edition of each plan.")
def export(
    store_path: str,
    output: Path | None,
    fmt: str | None,
    no_bom: bool,
    raw: bool,
    plan_id: str | None,
    latest: bool,
) -> None:
    """Write the actions of every loaded edition of every plan as one table (CSV by default)."""
    from planwatch.errors import PlanwatchError
    from planwatch.export import write_actions

    fmt = check_output(output, fmt, ACTION_FORMATS)
    with open_existing_store(store_path) as store:
        chosen = _chosen_editions(store, plan_id, latest)
        if not chosen and plan_id:
            raise PlanwatchError(f"{store.location}: no editions of plan {plan_id} loaded")
        actions = [a for e in chosen for a in store.edition_actions(e)]
    with table_output(output):
        write_actions(actions, output, format=fmt, raw=raw, bom=not no_bom)
    to_file = output is not None and str(output) != "-"
    target = shown_name(str(output)) if to_file else "standard output"
    say(f"{target}: {len(actions)} rows from {len(chosen)} editions", level=0 if to_file else 1)


def _chosen_editions(store, plan_id: str | None, latest: bool) -> list:
    """Return the editions to export: by plan, oldest first; with ``latest`` the newest only."""
    found = store.editions(plan_id)
    if not latest:
        return found
    return [store.edition(plan) for plan in dict.fromkeys(e.plan_id for e in found)]
