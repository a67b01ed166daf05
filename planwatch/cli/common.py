"""Pieces shared by the commands: batch error reporting, progress, exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")
_MB = 2**20
# option -> (Limits field, bytes per unit); defaults live in planwatch.ingest.limits
_LIMIT_FIELDS = {
    "max_file_mb": ("max_file_bytes", _MB),
    "max_inflated_mb": ("max_inflated_bytes", _MB),
    "max_pages": ("max_pages", 1),
    "max_cell_chars": ("max_cell_chars", 1),
}
_LIMIT_OPTIONS = (
    click.option(
        "--max-file-mb",
        type=click.IntRange(min=1),
        help="Refuse a file larger than this many MB (default 200).",
    ),
    click.option(
        "--max-inflated-mb",
        type=click.IntRange(min=1),
        help="Refuse a .docx that unpacks to more than this many MB, a zip bomb (default 256).",
    ),
    click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        help="Refuse a PDF with more pages than this (default 2000).",
    ),
    click.option(
        "--max-cell-chars",
        type=click.IntRange(min=1),
        help="Refuse a document with a cell or paragraph longer than this (default 100000).",
    ),
)


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Return the command with the size-limit options, passed to it as one ``limits``."""

    @functools.wraps(command)
    def with_limits(*args: Any, **kwargs: Any) -> Any:
        from dataclasses import replace

        from planwatch.ingest import DEFAULT_LIMITS

        given = {name: kwargs.pop(name) for name in _LIMIT_FIELDS}
        limits = replace(
            DEFAULT_LIMITS,
            **{
                _LIMIT_FIELDS[name][0]: value * _LIMIT_FIELDS[name][1]
                for name, value in given.items()
                if value is not None
            },
        )
        return command(*args, limits=limits, **kwargs)

    for option in reversed(_LIMIT_OPTIONS):
        with_limits = option(with_limits)
    return with_limits


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


def _check_suffix(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Refuse an unknown output format before any file is read, not after."""
    from planwatch.export import ACTION_SUFFIXES  # the writers' own list, loaded only for -o

    if value is not None and value.suffix.lower() not in ACTION_SUFFIXES:
        raise click.BadParameter(
            f"{value.name}: the suffix picks the format; use one of {ACTION_SUFFIXES}"
        )
    return value


def output_option(*, required: bool = False, default_help: str = "") -> Callable[..., Any]:
    """The ``-o`` option of every command that writes a table."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=required,
        callback=_check_suffix,
        help="Write here; the suffix picks the format (.csv, .parquet, .xlsx, .json)."
        + (f" {default_help}" if default_help else ""),
    )


raw_option = click.option(
    "--raw",
    is_flag=True,
    help="Keep text that a spreadsheet would run as a formula (=, +, -, @) exactly as printed; "
    "by default such cells get a leading ' (see docs/columns.md).",
)


_LONG_FILE_PAGES = 10  # a file this long gets a bar of its own pages


@contextmanager
def page_progress(enabled: bool) -> Iterator[None]:
    """Draw a bar of pages read for each long file, on a terminal's standard error only.

    Only where files are read in this process: worker processes of a batch do not
    draw, so bars never interleave on one terminal.
    """
    if not enabled or not sys.stderr.isatty():
        yield
        return
    from tqdm import tqdm

    from planwatch.ingest.progress import watching_pages

    bars: dict[str, tqdm] = {}

    def on_page(name: str, done: int, total: int) -> None:
        if total < _LONG_FILE_PAGES:
            return
        if name not in bars:
            bars[name] = tqdm(total=total, desc=name, unit="page", file=sys.stderr, leave=False)
        bars[name].update(done - bars[name].n)

    with watching_pages(on_page):
        try:
            yield
        finally:
            for bar in bars.values():
                bar.close()


profile_option = click.option(
    "--profile",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML file of extra header synonyms, labels and section patterns.",
)
