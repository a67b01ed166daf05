"""Pieces shared by the commands: batch error reporting, progress, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


def report_failure(message: str, detail: str = "") -> None:
    """Print one failed file's reason on standard error; the batch goes on.

    ``detail`` (a traceback) is shown only when the user asked for --debug.
    """
    ctx = click.get_current_context(silent=True)
    debug = bool(ctx and ctx.find_root().params.get("debug"))
    if debug and detail:
        click.echo(detail.rstrip(), err=True)
    click.echo(f"error: {message}", err=True)


def progress(items: Iterable[T], *, total: int, unit: str) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on a terminal's standard error only."""
    if total < 2 or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit=unit, file=sys.stderr, leave=False)
