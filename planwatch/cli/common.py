"""Pieces shared by the commands: batch error reporting and exit codes."""

from __future__ import annotations

import click

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def report_failure(message: str) -> None:
    """Print one failed file's reason on standard error; the batch goes on."""
    click.echo(f"error: {message}", err=True)
