"""Each sample plan as a web page, OpenDocument text and Excel tracker gives its .docx's rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planwatch.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PLANS = sorted([*SAMPLES.glob("*.docx"), *(SAMPLES / "layouts").glob("*.docx")])
# where a row came from differs by construction; everything read from the plan must not
SOURCE_ONLY = {"source_file", "source_sha256", "source_format", "source_page"}


def _rows(path: Path) -> list[dict]:
    return [
        {k: v for k, v in dataclasses.asdict(a).items() if k not in SOURCE_ONLY}
        for a in extract_file(path)
    ]


@pytest.mark.parametrize("fmt", ["html", "odt", "xlsx"])
@pytest.mark.parametrize("docx", PLANS, ids=lambda p: p.stem)
def test_other_form_gives_the_rows_of_the_docx(docx: Path, fmt: str) -> None:
    other = docx.with_suffix(f".{fmt}")
    expected, found = _rows(docx), _rows(other)
    assert len(found) == len(expected), (
        f"{other.name}: {len(found)} rows, .docx has {len(expected)}"
    )
    for number, (want, got) in enumerate(zip(expected, found, strict=True), start=1):
        differ = {k: (want[k], got[k]) for k in want if want[k] != got[k]}
        assert not differ, f"{other.name} row {number} ({want['action_id']}): {differ}"
    assert {a.source_format for a in extract_file(other)} == {fmt}


def test_every_sample_plan_has_its_other_forms() -> None:
    assert len(PLANS) == 8
    missing = [
        p.with_suffix(f".{f}").name
        for p in PLANS
        for f in ("html", "odt", "xlsx")
        if not p.with_suffix(f".{f}").exists()
    ]
    assert not missing


def test_help_names_the_formats_and_loads_no_parser() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from planwatch.cli import main; sys.argv = ['planwatch', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'lxml', 'openpyxl', 'pdfplumber', 'docx', 'pypdfium2'} & set(sys.modules)\n"
        "print('LOADED', sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    for name in (".docx", ".doc", "PDF", ".html", ".xlsx", ".odt", ".txt"):
        assert name in out
    assert "LOADED []" in out
