"""The two PDF engines cross-check: every PDF in the repository gives the same rows through both."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from planwatch.errors import PlanwatchError
from planwatch.ingest import PdfSettings
from planwatch.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted(
    p.relative_to(ROOT) for folder in ("tests", "samples") for p in (ROOT / folder).rglob("*.pdf")
)


def _rows(path: Path, engine: str) -> list[dict] | str:
    try:
        return [asdict(a) for a in extract_file(ROOT / path, pdf=PdfSettings(engine=engine))]
    except PlanwatchError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("path", PDFS, ids=str)
def test_pdfium_and_pdfplumber_give_the_same_rows(path: Path) -> None:
    plumber = _rows(path, "pdfplumber")
    assert plumber, f"{path}: no rows to compare"
    assert _rows(path, "pdfium") == plumber


def test_an_unknown_engine_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="PdfSettings.engine .* got 'mupdf'"):
        PdfSettings(engine="mupdf")


def test_the_pdfium_engine_reads_a_pdf_without_loading_pdfminer(tmp_path: Path) -> None:
    # `planwatch extract` on a PDF, in a fresh interpreter: the default engine reads it
    # whole (cells from the rules included) without pdfplumber or pdfminer in memory
    args = ["extract", str(ROOT / "samples" / "hwfrs-improvement-plan-2021-01.pdf")]
    args += ["-o", str(tmp_path / "a.csv")]
    code = (
        "import sys; from planwatch.cli import cli\n"
        "try:\n"
        f"    cli.main({args!r})\n"
        "except SystemExit as done:\n"
        "    print('exit', done.code)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pdfplumber', 'pdfminer'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-2:] == ["exit 0", "[]"], out.stderr
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").count("\n") > 1


CHROMIUM = sorted(p for p in PDFS if "/chromium/" in str(p))


@pytest.mark.parametrize("path", CHROMIUM, ids=str)
def test_chromium_spaces_reach_the_geometry_through_both_engines(path: Path) -> None:
    # Chromium draws each space as a text object of its own, which PDFium's text page
    # leaves out; the PDFium engine reads them back, one space glyph for each
    from planwatch.ingest.pdf_engines import engine

    def spaces(name: str) -> list[tuple[int, int]]:
        with engine(name)(path.name, (ROOT / path).read_bytes()) as pdf:
            return [(len(p.chars), sum(c.text.isspace() for c in p.chars)) for p in pdf.pages]

    plumber = spaces("pdfplumber")
    assert all(blank for _, blank in plumber)
    assert spaces("pdfium") == plumber
