"""Pieces shared by the commands: batch error reporting, progress, exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from .terminal import TerminalText, clean, quote_names, shown_name

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")
# option -> (Limits field, counted in MB); defaults live in planwatch.ingest.limits
_LIMIT_FIELDS = {
    "max_file_mb": ("max_file_bytes", True),
    "max_inflated_mb": ("max_inflated_bytes", True),
    "max_pages": ("max_pages", False),
    "max_cell_chars": ("max_cell_chars", False),
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

        from planwatch.ingest.limits import DEFAULT_LIMITS, MB

        given = {name: kwargs.pop(name) for name in _LIMIT_FIELDS}
        limits = replace(
            DEFAULT_LIMITS,
            **{
                _LIMIT_FIELDS[name][0]: value * (MB if _LIMIT_FIELDS[name][1] else 1)
                for name, value in given.items()
                if value is not None
            },
        )
        return command(*args, limits=limits, **kwargs)

    for option in reversed(_LIMIT_OPTIONS):
        with_limits = option(with_limits)
    return with_limits


# the names of planwatch.ingest.pdf_engines.ENGINES (a test holds the two equal), written
# here so that start-up imports no reader
PDF_ENGINES = ("pdfium", "pdfplumber")


def pdf_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Return the command with --pdf-engine, passed to it as one ``pdf`` (PdfSettings)."""

    @functools.wraps(command)
    def with_pdf(*args: Any, pdf_engine: str | None, **kwargs: Any) -> Any:
        from planwatch.ingest import DEFAULT_PDF_SETTINGS, PdfSettings

        pdf = DEFAULT_PDF_SETTINGS if pdf_engine is None else PdfSettings(engine=pdf_engine)
        return command(*args, pdf=pdf, **kwargs)

    return click.option(
        "--pdf-engine",
        type=click.Choice(PDF_ENGINES),
        help="Parser that reads PDF pages: pdfium (fast, the default) or pdfplumber (pure"
        " Python); the rows are the same.",
    )(with_pdf)


# ctx.meta keys: shared by every context of one command line
DEBUG, QUIET, VERBOSE, BARS = (
    "planwatch.debug",
    "planwatch.quiet",
    "planwatch.verbose",
    "planwatch.bars",
)
STDIO = "-"


def _set_meta(key: str) -> Callable[..., None]:
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value:  # given before or after the command name, either counts (-v -v adds up)
            ctx.meta[key] = ctx.meta.get(key, 0) + int(value)
        if key == DEBUG and ctx.meta.get(DEBUG):
            import logging

            logging.getLogger("pdfminer").setLevel(logging.NOTSET)

    return callback


def global_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --debug, -q and -v, accepted before or after the command name alike."""
    for option in (
        click.option(
            "--debug",
            is_flag=True,
            expose_value=False,
            callback=_set_meta(DEBUG),
            help="Show Python tracebacks (for reporting a bug).",
        ),
        click.option(
            "-q",
            "--quiet",
            is_flag=True,
            expose_value=False,
            callback=_set_meta(QUIET),
            help="Print errors only: no progress bar, summary or warnings.",
        ),
        click.option(
            "-v",
            "--verbose",
            count=True,
            expose_value=False,
            callback=_set_meta(VERBOSE),
            help="Also print each file's warnings.",
        ),
    ):
        command = option(command)
    return command


def _meta() -> dict:
    ctx = click.get_current_context(silent=True)
    return ctx.meta if ctx else {}


def debugging() -> bool:
    """True when --debug was given anywhere on the command line."""
    return bool(_meta().get(DEBUG))


def verbosity() -> int:
    """-1 with -q, 0 by default, 1 or more with -v."""
    meta = _meta()
    return -1 if meta.get(QUIET) else meta.get(VERBOSE, 0)


def say(line: str, *, err: bool = True, level: int = 0) -> None:
    """Print one line for a person, cleaned for the terminal, through any progress bar.

    ``level`` 0 is a summary (hidden by -q), 1 a detail shown with -v; errors use
    report_failure.
    """
    if verbosity() < level:
        return
    text = clean(line)
    if _meta().get(BARS):
        from tqdm import tqdm

        # clears the bar, prints, draws it again: a line never lands on the bar
        tqdm.write(text, file=sys.stderr if err else sys.stdout)
    else:
        click.echo(text, err=err)


def report_failure(message: str, detail: str = "", *, names: Sequence[str] = ()) -> None:
    """Print one failed file's reason on standard error; the batch goes on.

    ``detail`` (a traceback) is shown only with --debug; ``names`` are file names
    in the message, quoted when they hold odd characters.
    """
    if debugging() and detail:
        click.echo(detail.rstrip(), err=True)
    text = clean(quote_names(f"error: {message}", list(names)))
    if _meta().get(BARS):
        from tqdm import tqdm

        tqdm.write(text, file=sys.stderr)
    else:
        click.echo(text, err=True)


def progress(items: Iterable[T], *, total: int, unit: str) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on a terminal's standard error only (not -q)."""
    if total < 2 or verbosity() < 0 or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    meta = _meta()
    meta[BARS] = meta.get(BARS, 0) + 1
    try:
        yield from tqdm(items, total=total, unit=unit, file=sys.stderr, leave=False)
    finally:
        meta[BARS] -= 1


def output_option(*, required: bool = False, default_help: str = "") -> Callable[..., Any]:
    """The ``-o`` option of every command that writes a table (``-`` for standard output)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        required=required,
        help="Write here, - for standard output; the suffix picks the format "
        "(.csv, .json, .jsonl, .parquet, .xlsx) unless --format says."
        + (f" {default_help}" if default_help else ""),
    )


def format_option(formats: Sequence[str]) -> Callable[..., Any]:
    """The ``--format`` option, for standard output or a name whose suffix cannot say."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        help="Format to write, where the file name's suffix cannot say (standard output: csv).",
    )


bom_option = click.option(
    "--no-bom",
    "no_bom",
    is_flag=True,
    help="Write CSV without the byte-order mark Excel needs (for other tools).",
)


def check_output(output: Path | None, fmt: str | None, formats: Sequence[str]) -> str:
    """Return the format to write; refuse an unknown one, or a binary one to a terminal,
    before any file is read."""
    from planwatch.errors import PlanwatchError
    from planwatch.export import output_format

    try:
        chosen = output_format(output, fmt, formats)
    except PlanwatchError as exc:
        raise click.BadParameter(str(exc), param_hint="'-o' / '--output'") from exc
    to_stdout = output is None or str(output) == STDIO
    if to_stdout and chosen in ("parquet", "xlsx") and sys.stdout.isatty():
        raise click.UsageError(f"refusing to write {chosen} to a terminal; use -o FILE or a pipe")
    return chosen


@contextmanager
def table_output(output: Path | None) -> Iterator[None]:
    """Make standard output safe for a table written to a terminal; refuse binary there.

    A CSV or JSON table read on a terminal has escape sequences from documents
    removed; piped or redirected, it is passed on unchanged.
    """
    if output is not None and str(output) != STDIO or not sys.stdout.isatty():
        yield
        return
    real = sys.stdout
    sys.stdout = TerminalText(real)
    try:
        yield
    finally:
        sys.stdout = real


@contextmanager
def input_paths(files: Sequence[Path]) -> Iterator[list[Path]]:
    """Yield the files to read, standard input (``-``) saved to a temporary file ``stdin``.

    The readers sniff the format from the content, so no suffix is needed.
    """
    if STDIO not in map(str, files):
        yield list(files)
        return
    if sum(str(f) == STDIO for f in files) > 1:
        raise click.BadParameter("standard input (-) can be read once", param_hint="FILES")
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="planwatch-") as folder:
        spooled = Path(folder) / "stdin"
        with spooled.open("wb") as fh:
            shutil.copyfileobj(sys.stdin.buffer, fh)
        yield [spooled if str(f) == STDIO else f for f in files]


raw_option = click.option(
    "--raw",
    is_flag=True,
    help="Keep text that a spreadsheet would run as a formula (=, +, -, @) exactly as printed; "
    "by default such CSV cells get a leading ' and .xlsx cells Excel's text mark "
    "(see docs/columns.md).",
)


_LONG_FILE_PAGES = 10  # a file this long gets a bar of its own pages


@contextmanager
def page_progress(enabled: bool) -> Iterator[None]:
    """Draw a bar of pages read for each long file, on a terminal's standard error only.

    Only where files are read in this process: worker processes of a batch do not
    draw, so bars never interleave on one terminal.
    """
    if not enabled or verbosity() < 0 or not sys.stderr.isatty():
        yield
        return
    from tqdm import tqdm

    from planwatch.ingest.progress import watching_pages

    bars: dict[str, tqdm] = {}

    def on_page(name: str, done: int, total: int) -> None:
        if total < _LONG_FILE_PAGES:
            return
        if name not in bars:
            desc = clean(shown_name(name))
            bars[name] = tqdm(total=total, desc=desc, unit="page", file=sys.stderr, leave=False)
        bars[name].update(done - bars[name].n)

    with watching_pages(on_page):
        try:
            yield
        finally:
            for bar in bars.values():
                bar.close()


def _edition_date(ctx, param, value):
    return value.date() if value is not None else None


edition_date_option = click.option(
    "--edition-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    callback=_edition_date,
    help="The edition date (YYYY-MM-DD) of every file given, instead of the one read from it.",
)

profile_option = click.option(
    "--profile",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=(
        "A TOML file of extra header synonyms, labels, section patterns, status words"
        " and colour meanings."
    ),
)
