"""--pdf-engine on every command that reads files: the parser named is the one that reads the PDF.

The two engines give the same rows; what tells them apart to a user is the reason a
damaged PDF is refused with, which names PDFium only when PDFium read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli import cli
from planwatch.cli.common import PDF_ENGINES
from planwatch.ingest.pdf_engines import ENGINES

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD_PDF = SAMPLES / "hwfrs-prevention-cfc-2021-11.pdf"


def _cut_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "cut.pdf"
    path.write_bytes(GOOD_PDF.read_bytes()[: GOOD_PDF.stat().st_size // 2])
    return path


def _commands(tmp_path: Path, pdf: Path) -> dict[str, list[str]]:
    store = str(tmp_path / "pw.db")
    return {
        "extract": ["extract", str(pdf), "-o", str(tmp_path / "a.csv")],
        "load": ["load", str(pdf), "--store", store],
        "diff": ["diff", str(pdf), str(GOOD_PDF), "--store", store],
    }


@pytest.mark.parametrize("command", ["extract", "load", "diff"])
def test_the_engine_chosen_reads_the_pdf(tmp_path: Path, command: str) -> None:
    args = _commands(tmp_path, _cut_pdf(tmp_path))[command]
    default = CliRunner().invoke(cli, args)
    plumber = CliRunner().invoke(cli, [*args, "--pdf-engine", "pdfplumber"])
    pdfium = CliRunner().invoke(cli, [*args, "--pdf-engine", "pdfium"])
    for result in (default, plumber, pdfium):
        assert result.exit_code == 1, result.output
        assert "error: cut.pdf: not a valid PDF (" in result.output
    assert "(PDFium: " in default.output and "(PDFium: " in pdfium.output
    assert "PDFium" not in plumber.output


@pytest.mark.parametrize("command", ["extract", "load", "diff", "watch"])
def test_an_unknown_engine_is_a_usage_error_naming_the_engines(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "x.pdf", "--pdf-engine", "mupdf"])
    assert result.exit_code == 2
    assert "'mupdf' is not one of 'pdfium', 'pdfplumber'" in result.output


def test_the_command_line_offers_every_engine_there_is() -> None:
    assert sorted(PDF_ENGINES) == sorted(ENGINES)
