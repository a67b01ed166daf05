"""planwatch diff OLD NEW : what changed between two editions, from files or the store."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    STDIO,
    bom_option,
    check_output,
    format_option,
    input_paths,
    limit_options,
    output_option,
    profile_option,
    raw_option,
    say,
    table_output,
)
from .stored import open_existing_store, store_option
from .terminal import shown_name

CHANGE_FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx", "html")

if TYPE_CHECKING:
    from planwatch.extract import ExtractSettings
    from planwatch.ingest import Limits

# PLAN_ID@2021-01-01, or PLAN_ID@2021-01 where the plan has one edition that month
EDITION_NAME = re.compile(r"^(?P<plan>[^@]+)@(?P<date>\d{4}-\d{2}(?:-\d{2})?)$")


@click.command()
@click.argument("old")
@click.argument("new")
@output_option(default_help="Default: readable lines on standard output.")
@format_option(CHANGE_FORMATS)
@bom_option
@raw_option
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Also write a side-by-side HTML report here (- for standard output).",
)
@store_option
@profile_option
@limit_options
def diff(
    old: str,
    new: str,
    output: Path | None,
    fmt: str | None,
    no_bom: bool,
    raw: bool,
    html_path: Path | None,
    store_path: str,
    profile: Path | None,
    limits: Limits,
) -> None:
    """Compare two editions: OLD and NEW are plan files (- reads standard input), or loaded
    editions PLAN_ID@YYYY-MM-DD."""
    from planwatch.diff import describe_changes, diff_editions
    from planwatch.extract import ExtractSettings

    if output is not None or fmt is not None:
        fmt = check_output(output, fmt, CHANGE_FORMATS)
    settings = ExtractSettings.with_profile_file(profile)
    if old == new == STDIO:
        raise click.BadParameter("standard input (-) can be read once", param_hint="OLD NEW")
    before, after = (_edition_actions(spec, store_path, settings, limits) for spec in (old, new))
    if before and after and before[0].plan_id != after[0].plan_id:
        say(f"warning: comparing two plans ({before[0].plan_id}, {after[0].plan_id})")
    changes = diff_editions(before, after)
    if fmt is not None:
        from planwatch.export import write_changes

        with table_output(output):
            write_changes(
                changes, output, format=fmt, raw=raw, bom=not no_bom, old=before, new=after
            )
        if output is not None and str(output) != STDIO:
            say(f"{shown_name(str(output))}: {len(changes)} changes")
    else:
        titles = {a.action_id: a.action for a in after}
        for line in describe_changes(changes, titles) or ["no changes"]:
            say(line, err=False, level=-1)
    if html_path is not None:
        from planwatch.export import write_changes

        with table_output(html_path):
            write_changes(changes, html_path, format="html", old=before, new=after)


def _edition_actions(
    spec: str, store_path: str, settings: ExtractSettings, limits: Limits
) -> list:
    """Return the actions of a file, or of a stored edition named PLAN_ID@DATE."""
    from planwatch.api import read_actions
    from planwatch.errors import PlanwatchError

    if spec == STDIO:
        with input_paths([Path(STDIO)]) as (path,):
            return read_actions(path, settings=settings, limits=limits)
    path = Path(spec)
    if path.exists():
        return read_actions(path, settings=settings, limits=limits)
    named = EDITION_NAME.match(spec)
    if not named:
        raise PlanwatchError(f"{spec}: no such file, nor an edition named PLAN_ID@YYYY-MM-DD")
    with open_existing_store(store_path) as store:
        plan, day = named["plan"], named["date"]
        found = [e for e in store.editions(plan) if str(e.edition_date).startswith(day)]
        if len(found) != 1:
            known = ", ".join(f"{e.plan_id}@{e.edition_date}" for e in store.editions(plan))
            problem = "no edition" if not found else "more than one edition"
            raise PlanwatchError(
                f"{spec}: {problem} of that date in {store.location}; "
                f"loaded: {known or 'none of plan ' + plan}"
            )
        return store.edition_actions(found[0])
