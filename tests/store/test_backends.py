"""The same loads give the same exports, row for row, from a SQLite and a PostgreSQL store."""

from __future__ import annotations

from click.testing import CliRunner

from planwatch.cli import cli

FILES = (
    "hwfrs-prevention-cfc-2022-02.txt",  # loaded out of date order on purpose
    "hwfrs-prevention-cfc-2021-11.txt",
    "hwfrs-improvement-plan-2020-10.txt",
    "hwfrs-improvement-plan-2021-01.txt",
)


def _export(store: str, samples, tmp_path, name: str) -> tuple[bytes, str]:
    runner = CliRunner()
    loaded = runner.invoke(
        cli, ["load", "-j", "1", "--store", store, *(str(samples / f) for f in FILES)]
    )
    assert loaded.exit_code == 0, loaded.stderr
    out = tmp_path / f"{name}.csv"
    exported = runner.invoke(cli, ["export", "--store", store, "-o", str(out)])
    assert exported.exit_code == 0, exported.stderr
    history = runner.invoke(cli, ["history", "--store", store])
    return out.read_bytes(), loaded.stdout + history.stdout


def test_exports_from_both_stores_are_identical(tmp_path, samples, postgres_url):
    lite, lite_said = _export(str(tmp_path / "planwatch.db"), samples, tmp_path, "sqlite")
    pg, pg_said = _export(postgres_url, samples, tmp_path, "postgresql")
    assert all(name.encode() in lite for name in FILES)  # every edition is in the export
    assert lite.splitlines() == pg.splitlines()
    assert lite_said == pg_said
