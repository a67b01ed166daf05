"""planwatch extract FILE... : canonical actions of each plan file."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_SOME_FAILED,
    STDIO,
    bom_option,
    check_output,
    edition_date_option,
    format_option,
    input_paths,
    limit_options,
    output_option,
    page_progress,
    pdf_options,
    profile_option,
    progress,
    raw_option,
    report_failure,
    say,
    table_output,
)
from .findings import findings_text, strict_failure, strict_option, warning_lines
from .terminal import shown_name

if TYPE_CHECKING:
    from planwatch.ingest import Limits, PdfSettings
    from planwatch.model import Action

ACTION_FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@output_option(default_help="Default: standard output.")
@format_option(ACTION_FORMATS)
@bom_option
@raw_option
@click.option(
    "--plan", "plan_id", help="Plan id for every file, instead of one read from the document."
)
@profile_option
@edition_date_option
@click.option(
    "--explain", is_flag=True, help="Say how each table was read, instead of writing rows."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Processes to use (default: all cores)."
)
@strict_option
@pdf_options
@limit_options
def extract(
    files: tuple[Path, ...],
    output: Path | None,
    fmt: str | None,
    no_bom: bool,
    raw: bool,
    plan_id: str | None,
    profile: Path | None,
    edition_date: date | None,
    explain: bool,
    jobs: int | None,
    strict: bool,
    pdf: PdfSettings,
    limits: Limits,
) -> None:
    """Extract the action rows of each plan FILE (.docx, .pdf, .txt, ...; - reads standard
    input) as canonical rows."""
    from planwatch.extract import ExtractSettings

    settings = ExtractSettings.with_profile_file(profile, edition_date=edition_date)
    with input_paths(files) as paths:
        if explain:
            _explain(paths, settings, limits, pdf, strict)
            return
        fmt = check_output(output, fmt, ACTION_FORMATS)
        rows, read, failed = _extract_all(
            paths, output, plan_id, settings, limits, jobs, pdf, strict
        )
    _write(rows, output, fmt, read=read, failed=failed, raw=raw, bom=not no_bom)
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _extract_all(
    paths, output, plan_id, settings, limits, jobs, pdf, strict
) -> tuple[list, int, int]:
    """Return the rows of every file read, and how many files were read and failed."""
    from planwatch.batch import extract_many

    rows: list[Action] = []
    read = failed = 0
    outcomes = extract_many(
        paths, plan_id=plan_id, settings=settings, limits=limits, jobs=jobs, pdf=pdf
    )
    with page_progress(enabled=len(paths) == 1 or jobs == 1):
        for outcome in progress(outcomes, total=len(paths), unit="file"):
            if outcome.error:
                report_failure(outcome.error, outcome.detail, names=[outcome.path.name])
                failed += 1
                continue
            if strict and (reason := strict_failure(outcome.path.name, outcome.findings)):
                report_failure(reason, names=[outcome.path.name])
                failed += 1
                continue
            read += 1
            rows += outcome.actions
            # beside a table on standard output, summaries only when asked for (-v), or
            # when text went unread: a silent miss is the worst thing to give a user
            to_file = output is not None and str(output) != STDIO
            level = 0 if to_file or outcome.findings else 1
            say(_summary(outcome.path, outcome.actions, outcome.findings), level=level)
            for line in warning_lines(outcome.warnings, outcome.actions):
                say(line, level=1)
    return rows, read, failed


def _write(rows, output, fmt, *, read: int, failed: int, raw: bool, bom: bool) -> None:
    from planwatch.export import write_actions

    target = "standard output" if output is None or str(output) == STDIO else str(output)
    if not read:  # an existing -o file is left as it was: nothing would replace it truly
        if target != "standard output" and output.exists():
            report_failure(f"no file could be read; {shown_name(target)} left as it was")
        return
    try:
        with table_output(output):
            write_actions(rows, output, format=fmt, raw=raw, bom=bom)
    except OSError as exc:  # "-o missing/folder/out.csv" is the user's to fix, not a bug
        if isinstance(exc, BrokenPipeError):
            raise
        report_failure(f"{shown_name(target)}: cannot write ({exc.strerror or exc})")
        sys.exit(EXIT_SOME_FAILED)
    if failed:
        say(f"{read} of {read + failed} files read, {failed} failed")


def _summary(path: Path, actions: list, findings: tuple = ()) -> str:
    statuses = Counter(a.status or "status not understood" for a in actions)
    overdue = sum(a.overdue for a in actions)
    counts = ", ".join(f"{n} {s}" for s, n in statuses.most_common())
    found = f"; {findings_text(findings)}" if findings else ""
    name = shown_name(path.name)
    return f"{name}: {len(actions)} entries ({counts}; {overdue} overdue){found}"


def _explain(files: list[Path], settings, limits: Limits, pdf, strict: bool) -> None:
    from planwatch.errors import PlanwatchError
    from planwatch.explain import render_explanation, render_tables
    from planwatch.extract import read_tables
    from planwatch.ingest import read_document
    from planwatch.normalise.actions import normalise_plan

    failed = False
    for path in files:
        try:
            document = read_document(path, limits, pdf)
            extraction = read_tables(document, settings)
        except PlanwatchError as exc:
            report_failure(str(exc), names=[path.name])
            failed = True
            continue
        if not extraction.actions:
            # the verdicts are what a user needs exactly when no action table was found
            for line in render_tables(shown_name(path.name), extraction).splitlines():
                say(line, err=False, level=-1)
            report_failure(f"{path.name}: no action table found", names=[path.name])
            failed = True
            continue
        read = normalise_plan(extraction, document.source, settings=settings.cells)
        name = shown_name(path.name)
        for line in render_explanation(name, extraction, read).splitlines():
            say(line, err=False, level=-1)
        if strict and (reason := strict_failure(path.name, read.findings)):
            report_failure(reason)
            failed = True
    if failed:
        sys.exit(EXIT_SOME_FAILED)
