"""Each sample plan as a web page, OpenDocument text and Excel tracker gives its .docx's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PLANS = sorted([*SAMPLES.glob("*.docx"), *(SAMPLES / "layouts").glob("*.docx")])
@pytest.mark.parametrize("fmt", ["html", "odt", "xlsx"])
@pytest.mark.parametrize("docx", PLANS, ids=lambda p: p.stem)
def test_other_form_gives_the_rows_of_the_docx(docx: Path, fmt: str, first_difference) -> None:
    other = docx.with_suffix(f".{fmt}")
    expected, found = extract_file(docx), extract_file(other)
    assert expected
    assert first_difference(expected, found) == ""
    assert {a.source_format for a in found} == {fmt}


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
