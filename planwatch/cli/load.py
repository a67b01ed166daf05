"""planwatch load FILE... : add each file to the store as an edition, and say what changed."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_SOME_FAILED,
    debugging,
    input_paths,
    limit_options,
    profile_option,
    progress,
    report_failure,
    say,
)
from .stored import open_store, store_option
from .terminal import shown_name

if TYPE_CHECKING:
    from planwatch.ingest import Limits


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
@profile_option
@limit_options
def load(
    files: tuple[Path, ...],
    store_path: str,
    plan_id: str | None,
    jobs: int | None,
    profile: Path | None,
    limits: Limits,
) -> None:
    """Add each plan FILE (- reads standard input) to the store as an edition and print what
    changed since the one before.

    A file already loaded (same content), or another file of an edition already
    loaded (the .docx of a loaded .txt), is skipped.
    """
    from planwatch.batch import extract_many
    from planwatch.extract import ExtractSettings

    store = open_store(store_path)
    counts: Counter[str] = Counter()
    settings = ExtractSettings.with_profile_file(profile)
    try:
        with input_paths(files) as paths:
            outcomes = extract_many(
                paths, plan_id=plan_id, settings=settings, limits=limits, jobs=jobs
            )
            for outcome in progress(outcomes, total=len(paths), unit="file"):
                counts[_load_one(store, outcome)] += 1
    finally:
        store.close()
    total = sum(counts.values())
    if total > 1 or counts["failed"]:
        skipped = f", {counts['skipped']} already loaded" if counts["skipped"] else ""
        failed = f", {counts['failed']} failed" if counts["failed"] else ""
        say(f"{counts['loaded']} of {total} files loaded{skipped}{failed}")
    if counts["failed"]:
        sys.exit(EXIT_SOME_FAILED)


def _load_one(store, outcome) -> str:
    """Store one file's edition and print what changed; return loaded, skipped or failed.

    Each step fails only this file: the batch goes on with the next.
    """
    import traceback

    from planwatch.errors import PlanwatchError

    name = outcome.path.name
    if outcome.error:
        report_failure(outcome.error, outcome.detail, names=[name])
        return "failed"
    try:
        result = store.load(outcome.actions)
    except Exception as exc:  # a store error (disk full, locked) fails this file only
        reason = str(exc) if isinstance(exc, PlanwatchError) else f"{type(exc).__name__}: {exc}"
        report_failure(f"{name}: not stored ({reason})", traceback.format_exc(), names=[name])
        return "failed"
    try:
        if result.changes_error:
            raise ChangesNotListed(result.changes_error)
        lines = _report(outcome.path, result, outcome.actions)
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
    for line in lines:
        say(line, err=False)
    return "loaded" if result.loaded else "skipped"


class ChangesNotListed(Exception):
    """The store kept the edition but could not work out its changes."""


def _report(path: Path, result, actions: list) -> list[str]:
    """Return the lines saying what loading one file did, with changes since the edition before."""
    from planwatch.diff import describe_changes

    edition = result.edition
    name = f"{edition.plan_id} {edition.edition_date or '(undated)'}"
    shown = shown_name(path.name)
    if not result.loaded:
        if result.skipped_as == "same file":
            return [f"{shown}: already loaded as {name}"]
        source = shown_name(edition.source_file)
        return [f"{shown}: already loaded as {name} (from {source}); skipped"]
    head = f"{shown}: loaded {name} ({result.rows} entries)"
    before, changes = result.previous, list(result.changes)  # worked out as it was stored
    if before is None:
        return [f"{head}; no earlier edition of this plan in the store"]
    if not changes:
        return [f"{head}; no changes since {before.edition_date}"]
    titles = {a.action_id: a.action for a in actions}
    return [
        f"{head}; {_count_actions(changes)} since {before.edition_date}:",
        *describe_changes(changes, titles),
    ]


def _count_actions(changes: list) -> str:
    actions = {(c.action_id, c.change == "removed") for c in changes}
    return f"{len(actions)} action{'s' if len(actions) != 1 else ''} changed"
