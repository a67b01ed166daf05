"""planwatch extract FILE... : canonical actions of each plan file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_SOME_FAILED, report_failure


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write here (.csv); default: CSV on standard output.",
)
@click.option(
    "--plan",
    "plan_id",
    help="Plan id to give every file, instead of one derived from the document.",
)
def extract(files: tuple[Path, ...], output: Path | None, plan_id: str | None) -> None:
    """Extract the action rows of each plan FILE (.docx, .pdf, .txt) as canonical rows."""
    from planwatch.errors import PlanwatchError
    from planwatch.export.csv_writer import write_csv
    from planwatch.pipeline import extract_file

    rows = []
    failed = False
    for path in files:
        try:
            rows += extract_file(path, plan_id=plan_id)
        except PlanwatchError as exc:
            report_failure(str(exc))
            failed = True
    if output is None:
        write_csv(rows, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            write_csv(rows, fh)
    if failed:
        sys.exit(EXIT_SOME_FAILED)
