"""planwatch diff OLD NEW : what changed between two editions, from files or the store."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_SOME_FAILED,
    limit_options,
    output_option,
    profile_option,
    raw_option,
    report_failure,
)
from .stored import open_existing_store, store_option

if TYPE_CHECKING:
    from planwatch.extract import ExtractSettings
    from planwatch.ingest import Limits

# PLAN_ID@2021-01-01, or PLAN_ID@2021-01 where the plan has one edition that month
EDITION_NAME = re.compile(r"^(?P<plan>[^@]+)@(?P<date>\d{4}-\d{2}(?:-\d{2})?)$")


@click.command()
@click.argument("old")
@click.argument("new")
@output_option(default_help="Default: readable lines on standard output.")
@raw_option
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a side-by-side HTML report here.",
)
@store_option
@profile_option
@limit_options
def diff(
    old: str,
    new: str,
    output: Path | None,
    raw: bool,
    html_path: Path | None,
    store_path: Path,
    profile: Path | None,
    limits: Limits,
) -> None:
    """Compare two editions: OLD and NEW are plan files, or loaded editions PLAN_ID@YYYY-MM-DD."""
    from planwatch.diff import describe_changes, diff_editions
    from planwatch.errors import PlanwatchError
    from planwatch.extract import ExtractSettings

    settings = ExtractSettings(profile=profile)
    try:
        before, after = (
            _edition_actions(spec, store_path, settings, limits) for spec in (old, new)
        )
    except PlanwatchError as exc:
        report_failure(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    if before and after and before[0].plan_id != after[0].plan_id:
        click.echo(
            f"warning: comparing two plans ({before[0].plan_id}, {after[0].plan_id})", err=True
        )
    changes = diff_editions(before, after)
    if output is not None:
        from planwatch.export import write_changes

        write_changes(changes, output, raw=raw, old=before, new=after)
        click.echo(f"{output}: {len(changes)} changes", err=True)
    else:
        titles = {a.action_id: a.action for a in after}
        for line in describe_changes(changes, titles) or ["no changes"]:
            click.echo(line)
    if html_path is not None:
        from planwatch.export.report import write_report

        write_report(before, after, changes, html_path)


def _edition_actions(
    spec: str, store_path: Path, settings: ExtractSettings, limits: Limits
) -> list:
    """Return the actions of a file, or of a stored edition named PLAN_ID@DATE."""
    from planwatch.errors import PlanwatchError
    from planwatch.pipeline import extract_file
    from planwatch.store import edition_actions, editions

    path = Path(spec)
    if path.exists():
        return extract_file(path, settings=settings, limits=limits)
    named = EDITION_NAME.match(spec)
    if not named:
        raise PlanwatchError(f"{spec}: no such file, nor an edition named PLAN_ID@YYYY-MM-DD")
    conn = open_existing_store(store_path)
    try:
        plan, day = named["plan"], named["date"]
        found = [e for e in editions(conn, plan) if str(e.edition_date).startswith(day)]
        if len(found) != 1:
            known = ", ".join(f"{e.plan_id}@{e.edition_date}" for e in editions(conn, plan))
            problem = "no edition" if not found else "more than one edition"
            raise PlanwatchError(
                f"{spec}: {problem} of that date in {store_path}; "
                f"loaded: {known or 'none of plan ' + plan}"
            )
        return edition_actions(conn, found[0].edition_id)
    finally:
        conn.close()
