"""planwatch watch SOURCES.toml : fetch each watched plan, load a new edition, report it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_SOME_FAILED,
    limit_options,
    pdf_options,
    profile_option,
    report_failure,
    say,
)
from .stored import store_option

if TYPE_CHECKING:
    from planwatch.ingest import Limits, PdfSettings


@click.command()
@click.argument("sources", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@click.option(
    "--archive",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("planwatch-archive"),
    show_default=True,
    help="Folder keeping every fetched file, where it came from, and the watch state.",
)
@click.option(
    "--report-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("planwatch-reports"),
    show_default=True,
    help="Folder for the comparison report (.html) and changes (.csv) of each new edition.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a source may take to answer in full before it is given up.",
)
@profile_option
@pdf_options
@limit_options
def watch(
    sources: Path,
    store_path: str,
    archive: Path,
    report_dir: Path,
    timeout: float,
    profile: Path | None,
    pdf: PdfSettings,
    limits: Limits,
) -> None:
    """Check each source in SOURCES (TOML) for a new edition; load it and report what changed.

    Prints one line per source: unchanged, a new edition with what changed, or
    failed with the reason. Exit 0 when every source was checked, 1 when some
    failed (the rest are still checked). Safe to run from cron: two runs on one
    archive never overlap. See docs/watch.md.
    """
    from planwatch.errors import PlanwatchError
    from planwatch.extract import ExtractSettings
    from planwatch.watch import FetchSettings, WatchSettings, read_sources
    from planwatch.watch import watch as run_watch

    settings = WatchSettings(
        store=store_path,
        archive=archive,
        report_dir=report_dir,
        fetch=FetchSettings(timeout_s=timeout, max_bytes=limits.max_file_bytes),
        extract=ExtractSettings.with_profile_file(profile),
        limits=limits,
        pdf=pdf,
    )
    failed = False
    try:
        for outcome in run_watch(read_sources(sources), settings):
            if outcome.result == "failed":
                report_failure(outcome.line)
                failed = True
            else:
                say(outcome.line, err=False)  # cleaned: a page's text reaches the line
    except PlanwatchError as exc:
        report_failure(str(exc))
        failed = True
    if failed:
        sys.exit(EXIT_SOME_FAILED)
