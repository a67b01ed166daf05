"""The ``planwatch`` command: a click group whose commands only wire the library."""

from __future__ import annotations

import click

from .extract import extract


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planwatch")
def cli() -> None:
    """Turn published improvement and action plans into one canonical dataset."""


cli.add_command(extract)


def main() -> None:
    cli()
