"""planwatch datasette-metadata : titles, column descriptions and facets for Datasette."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import EXIT_SOME_FAILED, report_failure
from .stored import store_option


@click.command("datasette-metadata")
@store_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the metadata here (default: standard output); "
    "then run: datasette STORE -m THIS_FILE.",
)
def datasette_metadata(store_path: str, output: str | None) -> None:
    """Print Datasette metadata for the store: view titles, column descriptions, facets."""
    from planwatch.store import is_postgres
    from planwatch.store.datasette import datasette_metadata as metadata

    if is_postgres(store_path):
        report_failure(f"{store_path}: Datasette reads SQLite files; name the store's .db file")
        sys.exit(EXIT_SOME_FAILED)
    text = json.dumps(metadata(store_path), indent=2, ensure_ascii=False) + "\n"
    if output in (None, "-"):
        click.echo(text, nl=False)
        return
    from planwatch.export.atomic import atomic_write

    with atomic_write(Path(output)) as fh:
        fh.write(text)
