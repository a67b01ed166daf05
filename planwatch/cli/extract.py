"""planwatch extract FILE... : canonical actions of each plan file."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_SOME_FAILED,
    limit_options,
    output_option,
    page_progress,
    profile_option,
    progress,
    raw_option,
    report_failure,
)

if TYPE_CHECKING:
    from planwatch.ingest import Limits


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option(default_help="Default: CSV on standard output.")
@raw_option
@click.option(
    "--plan", "plan_id", help="Plan id for every file, instead of one read from the document."
)
@profile_option
@click.option(
    "--explain", is_flag=True, help="Say how each table was read, instead of writing rows."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Processes to use (default: all cores)."
)
@limit_options
def extract(
    files: tuple[Path, ...],
    output: Path | None,
    raw: bool,
    plan_id: str | None,
    profile: Path | None,
    explain: bool,
    jobs: int | None,
    limits: Limits,
) -> None:
    """Extract the action rows of each plan FILE (.docx, .pdf, .txt) as canonical rows."""
    from planwatch.batch import extract_many
    from planwatch.export import write_actions
    from planwatch.extract import ExtractSettings

    settings = ExtractSettings(profile=profile)
    if explain:
        _explain(files, settings, limits)
        return
    rows = []
    failed = False
    outcomes = extract_many(files, plan_id=plan_id, settings=settings, limits=limits, jobs=jobs)
    with page_progress(enabled=len(files) == 1 or jobs == 1):
        for outcome in progress(outcomes, total=len(files), unit="file"):
            if outcome.error:
                report_failure(outcome.error, outcome.detail)
                failed = True
                continue
            rows += outcome.actions
            if output is not None:
                click.echo(_summary(outcome.path, outcome.actions), err=True)
    try:
        write_actions(rows, output, raw=raw)
    except OSError as exc:  # "-o missing/folder/out.csv" is the user's to fix, not a bug
        report_failure(f"{output or 'standard output'}: cannot write ({exc.strerror or exc})")
        failed = True
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _summary(path: Path, actions: list) -> str:
    statuses = Counter(a.status for a in actions)
    overdue = sum(a.overdue for a in actions)
    counts = ", ".join(f"{n} {s}" for s, n in statuses.most_common())
    return f"{path.name}: {len(actions)} entries ({counts}; {overdue} overdue)"


def _explain(files: tuple[Path, ...], settings, limits: Limits) -> None:
    from planwatch.errors import PlanwatchError
    from planwatch.explain import render_explanation
    from planwatch.extract import extract_document
    from planwatch.ingest import read_document
    from planwatch.normalise.actions import normalise_extraction

    failed = False
    for path in files:
        try:
            document = read_document(path, limits)
            extraction = extract_document(document, settings)
        except PlanwatchError as exc:
            report_failure(str(exc))
            failed = True
            continue
        actions = normalise_extraction(extraction, document.source)
        click.echo(render_explanation(path.name, extraction, actions))
    if failed:
        sys.exit(EXIT_SOME_FAILED)
