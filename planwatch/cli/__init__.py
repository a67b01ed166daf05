"""The ``planwatch`` command: a click group whose commands only wire the library."""

from __future__ import annotations

import logging
import sys

import click

from .common import EXIT_SOME_FAILED
from .diff import diff
from .export import export
from .extract import extract
from .history import history
from .load import load
from .watch import watch


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planwatch")
@click.option("--debug", is_flag=True, help="Show Python tracebacks (for reporting a bug).")
def cli(debug: bool) -> None:
    """Turn published improvement and action plans into one canonical dataset.

    Reads Word (.docx; .doc through LibreOffice), PDF, web pages (.html), Excel
    trackers (.xlsx), OpenDocument text (.odt) and tab-separated text exports (.txt).
    """


cli.add_command(extract)
cli.add_command(load)
cli.add_command(diff)
cli.add_command(history)
cli.add_command(export)
cli.add_command(watch)


def main() -> None:
    """Run the command line; errors become one line on standard error unless --debug."""
    debug = "--debug" in sys.argv[1:]
    if not debug:
        # pdfminer logs its repairs of damaged PDFs as warnings; a user gets one line per file
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_SOME_FAILED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:
        from planwatch.errors import PlanwatchError

        if debug:
            raise
        if isinstance(exc, PlanwatchError):
            click.echo(f"error: {exc}", err=True)
        else:
            click.echo(
                f"error: internal error ({type(exc).__name__}: {exc}); rerun with --debug", err=True
            )
        sys.exit(EXIT_SOME_FAILED)
