"""planwatch export -o OUT : every edition of every plan in the store, as one table."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_SOME_FAILED, output_option, raw_option, report_failure
from .stored import open_existing_store, store_option


@click.command()
@store_option
@output_option(required=True)
@raw_option
def export(store_path: Path, output: Path, raw: bool) -> None:
    """Write the actions of every loaded edition of every plan to one file."""
    from planwatch.errors import PlanwatchError
    from planwatch.export import write_actions
    from planwatch.store import all_actions, editions

    try:
        conn = open_existing_store(store_path)
        actions = all_actions(conn)
        count = len(editions(conn))
        conn.close()
        write_actions(actions, output, raw=raw)
    except PlanwatchError as exc:
        report_failure(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    click.echo(f"{output}: {len(actions)} rows from {count} editions", err=True)
