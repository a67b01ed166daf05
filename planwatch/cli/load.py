"""planwatch load FILE... : add each file to the store as an edition, and say what changed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import EXIT_SOME_FAILED, limit_options, profile_option, report_failure
from .stored import store_option

if TYPE_CHECKING:
    from planwatch.ingest import Limits


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
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
    store_path: Path,
    plan_id: str | None,
    jobs: int | None,
    profile: Path | None,
    limits: Limits,
) -> None:
    """Add each plan FILE to the store as an edition and print what changed since the one before.

    A file already loaded (same content), or another file of an edition already
    loaded (the .docx of a loaded .txt), is skipped.
    """
    from planwatch.batch import extract_many
    from planwatch.errors import PlanwatchError
    from planwatch.extract import ExtractSettings
    from planwatch.store import load_edition, open_store

    conn = open_store(store_path)
    failed = False
    settings = ExtractSettings(profile=profile)
    outcomes = extract_many(files, plan_id=plan_id, settings=settings, limits=limits, jobs=jobs)
    for outcome in outcomes:
        if outcome.error:
            report_failure(outcome.error, outcome.detail)
            failed = True
            continue
        try:
            result = load_edition(conn, outcome.actions)
        except PlanwatchError as exc:
            report_failure(f"{outcome.path.name}: {exc}")
            failed = True
            continue
        for line in _report(conn, outcome.path, result, outcome.actions):
            click.echo(line)
    conn.close()
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _report(conn, path: Path, result, actions: list) -> list[str]:
    """Return the lines saying what loading one file did, with changes since the edition before."""
    from planwatch.diff import describe_changes, diff_editions
    from planwatch.store import edition_actions, previous_edition

    edition = result.edition
    name = f"{edition.plan_id} {edition.edition_date or '(undated)'}"
    if not result.loaded:
        if result.skipped_as == "same file":
            return [f"{path.name}: already loaded as {name}"]
        return [f"{path.name}: already loaded as {name} (from {edition.source_file}); skipped"]
    head = f"{path.name}: loaded {name} ({result.rows} entries)"
    before = previous_edition(conn, edition.plan_id, edition.edition_date)
    if before is None:
        return [f"{head}; no earlier edition of this plan in the store"]
    changes = diff_editions(edition_actions(conn, before.edition_id), actions)
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
