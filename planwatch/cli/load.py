"""planwatch load FILE... : add each file to the store as an edition, and say what changed."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_SOME_FAILED,
    debugging,
    edition_date_option,
    input_paths,
    limit_options,
    pdf_options,
    profile_option,
    progress,
    report_failure,
    say,
)
from .findings import findings_text, strict_failure, strict_option, warning_lines
from .stored import open_store, store_option
from .terminal import shown_name

if TYPE_CHECKING:
    from planwatch.ingest import Limits, PdfSettings


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@store_option
@click.option(
    "--plan", "plan_id", help="Plan id for every file, instead of one read from the document."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes to read with (default: all cores).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Swap a stored edition for a corrected file of it (same plan and date); the "
    "replaced rows are kept in the store's revisions.",
)
@profile_option
@edition_date_option
@strict_option
@pdf_options
@limit_options
def load(
    files: tuple[Path, ...],
    store_path: str,
    plan_id: str | None,
    jobs: int | None,
    replace: bool,
    profile: Path | None,
    edition_date: date | None,
    strict: bool,
    pdf: PdfSettings,
    limits: Limits,
) -> None:
    """Add each plan FILE (- reads standard input) to the store as an edition and print what
    changed since the one before.

    The files are loaded in edition order, oldest first. A file already loaded (same
    content), or another file of an edition already loaded with the same actions (the
    .docx of a loaded .txt), is skipped; one with other actions is a conflict, stored
    only with --replace.
    """
    from planwatch.batch import extract_many
    from planwatch.extract import ExtractSettings

    store = open_store(store_path)
    counts: Counter[str] = Counter()
    settings = ExtractSettings.with_profile_file(profile, edition_date=edition_date)
    try:
        with input_paths(files) as paths:
            outcomes = extract_many(
                paths, plan_id=plan_id, settings=settings, limits=limits, jobs=jobs, pdf=pdf
            )
            read = list(progress(outcomes, total=len(paths), unit="file"))
            for outcome in sorted(read, key=_edition_order):
                counts[_load_one(store, outcome, replace, strict)] += 1
    finally:
        store.close()
    total = sum(counts.values())
    if total > 1 or counts["failed"]:
        skipped = f", {counts['skipped']} already loaded" if counts["skipped"] else ""
        failed = f", {counts['failed']} failed" if counts["failed"] else ""
        say(f"{counts['loaded']} of {total} files loaded{skipped}{failed}")
    if counts["failed"]:
        sys.exit(EXIT_SOME_FAILED)


def _edition_order(outcome) -> tuple:
    """Sort key: failed files first (reported at once), then by plan and edition date."""
    if outcome.error or not outcome.actions:
        return (0, "", "")
    head = outcome.actions[0]
    return (1, head.plan_id, head.edition_date.isoformat() if head.edition_date else "9999")


def _load_one(store, outcome, replace: bool = False, strict: bool = False) -> str:
    """Store one file's edition and print what changed; return loaded, skipped or failed.

    Each step fails only this file: the batch goes on with the next.
    """
    import traceback

    from planwatch.errors import PlanwatchError

    name = outcome.path.name
    if outcome.error:
        report_failure(outcome.error, outcome.detail, names=[name])
        return "failed"
    if strict and (reason := strict_failure(name, outcome.findings)):
        report_failure(reason, names=[name])  # not stored: a clean store is what --strict buys
        return "failed"
    if outcome.findings:
        say(f"{shown_name(name)}: {findings_text(outcome.findings)}")
    try:
        result = store.load(outcome.actions, replace=replace)
    except Exception as exc:  # a store error (disk full, locked) fails this file only
        reason = str(exc) if isinstance(exc, PlanwatchError) else f"{type(exc).__name__}: {exc}"
        report_failure(f"{name}: not stored ({reason})", traceback.format_exc(), names=[name])
        return "failed"
    try:
        if result.changes_error:
            raise ChangesNotListed(result.changes_error)
        lines = _report(store, outcome.path, result)
    except Exception as exc:  # stored all the same: only the account of changes is missing
        if debugging():
            click.echo(traceback.format_exc().rstrip(), err=True)
        cause = str(exc) if isinstance(exc, ChangesNotListed) else f"{type(exc).__name__}: {exc}"
        say(
            f"warning: {shown_name(name)}: stored, but what changed could not be listed "
            f"({cause}); rerun with --debug",
            level=-1,
        )
        return "loaded"
    if result.skipped_as == "conflict":
        report_failure(lines[0], names=[name])
        return "failed"
    for line in lines:
        say(line, err=False)
    for line in warning_lines(outcome.warnings, outcome.actions):
        say(line, level=1)
    for plan in result.similar_plans:
        say(_similar_line(name, result.edition.plan_id, plan), level=-1)
    return "loaded" if result.loaded else "skipped"


def _similar_line(name: str, plan_id: str, similar) -> str:
    """A new plan id that reads like a stored plan: name it, and how to merge the two."""
    return (
        f"{shown_name(name)}: {plan_id} is a new plan; the store holds {similar.plan_id} of "
        f'the same organisation, "{similar.plan_title}": if this is an edition of it, load '
        f"with --plan {similar.plan_id}"
    )


class ChangesNotListed(Exception):
    """The store kept the edition but could not work out its changes."""


def _report(store, path: Path, result) -> list[str]:
    """Return the lines saying what loading one file did, with changes against its neighbours.

    An edition loaded between two stored ones is compared with both: the one before
    it, and the one after it (which until now followed the one before).
    """
    from planwatch.store.queries import next_edition

    edition = result.edition
    name = f"{edition.plan_id} {edition.edition_date or '(undated)'}"
    shown = shown_name(path.name)
    source = shown_name(edition.source_file)
    if result.skipped_as == "conflict":
        return [
            f"{shown}: conflicts with {name} already loaded from {source} (same plan and "
            "date, other actions); load it with --replace to swap it in"
        ]
    if not result.loaded:
        if result.skipped_as == "same file":
            return [f"{shown}: already loaded as {name}"]
        return [f"{shown}: already loaded as {name} (from {source}); skipped"]
    replaced = f", replacing {shown_name(result.replaced.source_file)}" if result.replaced else ""
    if result.replaced and result.replaced.plan_id != edition.plan_id:
        replaced = f", moved from {result.replaced.plan_id}"
    head = f"{shown}: loaded {name} ({result.rows} entries{replaced})"
    before = result.previous
    after = next_edition(store.backend, edition.plan_id, edition.edition_date)
    if before is None and after is None:
        return [f"{head}; no earlier edition of this plan in the store"]
    lines = [head]
    if before is not None:
        lines += _changes_lines(before, edition, list(result.changes))  # worked out as stored
    else:
        lines.append("  no earlier edition of this plan in the store")
    if after is not None:
        lines += _changes_lines(edition, after, store.changes(edition.plan_id, edition, after))
    return lines


def _changes_lines(older, newer, changes: list) -> list[str]:
    from planwatch.diff import describe_changes, summary_line

    return [
        "  " + summary_line(newer.plan_id, older.edition_date, newer.edition_date, changes),
        *describe_changes(changes),
    ]
