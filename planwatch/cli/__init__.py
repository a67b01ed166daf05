"""The ``planwatch`` command: a click group whose commands only wire the library.

Library errors become one line on standard error here, in one place; a closed
pipe (``planwatch extract ... | head``) ends the command quietly with status 0.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import click

from .common import EXIT_SOME_FAILED, debugging, global_options
from .datasette import datasette_metadata
from .diff import diff
from .export import export
from .extract import extract
from .history import history
from .load import load
from .terminal import clean
from .watch import watch


class PlanwatchGroup(click.Group):
    """A click group that turns what goes wrong in a command into one line and a status."""

    def invoke(self, ctx: click.Context) -> Any:
        # pdfminer logs its repairs of damaged PDFs as warnings; a user gets one line per
        # file (--debug, read with the command's own options, shows them again)
        if not debugging():
            logging.getLogger("pdfminer").setLevel(logging.ERROR)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _silence_stdout()  # the reader has all it wanted
            ctx.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            from planwatch.errors import PlanwatchError

            if debugging():
                raise
            if isinstance(exc, PlanwatchError):
                click.echo(clean(f"error: {exc}"), err=True)
            else:
                message = f"internal error ({type(exc).__name__}: {exc}); rerun with --debug"
                click.echo(clean(f"error: {message}"), err=True)
            ctx.exit(EXIT_SOME_FAILED)


@click.group(cls=PlanwatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planwatch")
@global_options
def cli() -> None:
    """Turn published improvement and action plans into one canonical dataset.

    Reads Word (.docx; .doc through LibreOffice), PDF, web pages (.html), Excel
    trackers (.xlsx), OpenDocument text (.odt) and tab-separated text exports (.txt).
    """


for _command in (extract, load, diff, history, export, watch, datasette_metadata):
    cli.add_command(global_options(_command))


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that flushing at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real descriptor (a test runner's buffer)
        pass


def main() -> None:
    """Run the command line; exit 0 all done, 1 some files failed, 2 usage error."""
    try:
        cli.main(prog_name="planwatch")
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(code)
