"""planwatch diff OLD NEW : what changed between two editions, from files or the store."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from .common import (
    STDIO,
    bom_option,
    check_output,
    format_option,
    input_paths,
    limit_options,
    output_option,
    pdf_options,
    profile_option,
    raw_option,
    say,
    table_output,
)
from .findings import findings_text, strict_failure, strict_option
from .stored import open_existing_store, store_option
from .terminal import shown_name

CHANGE_FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx", "html")

if TYPE_CHECKING:
    from planwatch.extract import ExtractSettings
    from planwatch.ingest import Limits, PdfSettings

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
@click.option(
    "--only",
    "only",
    help="Show only these kinds of change, comma-separated (closed,target_later,...).",
)
@click.option(
    "--fail-if-diff", is_flag=True, help="Exit with status 1 when anything changed (for scripts)."
)
@click.option(
    "--force",
    is_flag=True,
    help="Compare even two different plans, or a NEW edition dated before OLD.",
)
@store_option
@profile_option
@strict_option
@pdf_options
@limit_options
def diff(
    old: str,
    new: str,
    output: Path | None,
    fmt: str | None,
    no_bom: bool,
    raw: bool,
    html_path: Path | None,
    only: str | None,
    fail_if_diff: bool,
    force: bool,
    store_path: str,
    profile: Path | None,
    strict: bool,
    pdf: PdfSettings,
    limits: Limits,
) -> None:
    """Compare two editions: OLD and NEW are plan files (- reads standard input), or loaded
    editions PLAN_ID@YYYY-MM-DD."""
    from planwatch.diff import describe_changes, diff_editions, summary_line
    from planwatch.extract import ExtractSettings

    kinds = _kinds(only)
    if output is not None or fmt is not None:
        fmt = check_output(output, fmt, CHANGE_FORMATS)
    settings = ExtractSettings.with_profile_file(profile)
    if old == new == STDIO:
        raise click.BadParameter("standard input (-) can be read once", param_hint="OLD NEW")
    reading = _Reading(settings, limits, pdf, strict)
    before, after = (_edition_actions(spec, store_path, reading) for spec in (old, new))
    _check_editions(before, after, old, new, force)
    changes = diff_editions(before, after)
    if kinds is not None:
        changes = [c for c in changes if c.kind in kinds]
    if fmt is not None:
        from planwatch.export import write_changes

        with table_output(output):
            write_changes(
                changes, output, format=fmt, raw=raw, bom=not no_bom, old=before, new=after
            )
        if output is not None and str(output) != STDIO:
            say(f"{shown_name(str(output))}: {len(changes)} changes")
    else:
        head = (before or after)[0] if (before or after) else None
        old_day = before[0].edition_date if before else None
        new_day = after[0].edition_date if after else None
        say(summary_line(head.plan_id if head else "", old_day, new_day, changes), err=False)
        for line in describe_changes(changes):
            say(line, err=False, level=-1)
    if html_path is not None:
        from planwatch.export import write_changes

        with table_output(html_path):
            write_changes(changes, html_path, format="html", old=before, new=after)
    if fail_if_diff and changes:
        raise SystemExit(1)


def _kinds(only: str | None) -> set[str] | None:
    """Return the kinds ``--only`` names, or None; a name not known is a usage error."""
    from planwatch.model import CHANGE_KINDS

    if only is None:
        return None
    kinds = {k.strip() for k in only.split(",") if k.strip()}
    unknown = sorted(kinds - set(CHANGE_KINDS))
    if unknown:
        raise click.BadParameter(
            f"unknown kind {', '.join(unknown)}; use {', '.join(CHANGE_KINDS)}",
            param_hint="--only",
        )
    return kinds


def _check_editions(before: list, after: list, old: str, new: str, force: bool) -> None:
    """Refuse two different plans, or NEW dated before OLD, unless ``force``."""
    from planwatch.errors import PlanwatchError

    if not (before and after):
        return
    first, last = before[0], after[0]
    problem = ""
    if first.plan_id != last.plan_id:
        problem = f"{old} and {new} are two plans ({first.plan_id}, {last.plan_id})"
    elif first.edition_date and last.edition_date and last.edition_date < first.edition_date:
        problem = (
            f"{new} ({last.edition_date}) is older than {old} ({first.edition_date}); "
            "give the older edition first"
        )
    if problem and not force:
        raise PlanwatchError(f"{problem}; --force compares them anyway")
    if problem:
        say(f"warning: {problem}")


class _Reading(NamedTuple):
    """How a file given to diff is read."""

    settings: ExtractSettings
    limits: Limits
    pdf: PdfSettings
    strict: bool


def _edition_actions(spec: str, store_path: str, reading: _Reading) -> list:
    """Return the actions of a file, or of a stored edition named PLAN_ID@DATE."""
    from planwatch.errors import PlanwatchError

    if spec == STDIO:
        with input_paths([Path(STDIO)]) as (path,):
            return _file_actions(path, reading)
    path = Path(spec)
    if path.exists():
        return _file_actions(path, reading)
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


def _file_actions(path: Path, reading: _Reading) -> list:
    """Return a file's actions, its findings said on standard error (under --strict, raised)."""
    from planwatch.errors import PlanwatchError
    from planwatch.pipeline import read_file

    read = read_file(path, settings=reading.settings, limits=reading.limits, pdf=reading.pdf)
    if reading.strict and (reason := strict_failure(path.name, read.findings)):
        raise PlanwatchError(reason)
    if read.findings:
        say(f"{shown_name(path.name)}: {findings_text(read.findings)}")
    return read.actions
