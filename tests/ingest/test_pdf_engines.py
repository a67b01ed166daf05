"""The two PDF engines cross-check: every PDF in the repository gives the same rows through both."""

from __future__ import annotations

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
