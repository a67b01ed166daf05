"""Word 97-2003 files: read through LibreOffice when it is installed, refused clearly otherwise."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from planwatch.errors import UnreadableFile
from planwatch.ingest import Limits, read_document
from planwatch.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOC = SAMPLES / "hwfrs-prevention-cfc-2021-11.doc"


def _fake_office(folder: Path, script: str) -> None:
    """Put a stand-in ``soffice`` first on PATH, alone."""
    folder.mkdir()
    office = folder / "soffice"
    office.write_text(f"#!/bin/sh\n{script}\n")
    office.chmod(office.stat().st_mode | stat.S_IEXEC)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_doc_gives_the_rows_of_its_docx(first_difference) -> None:
    doc, docx = extract_file(DOC), extract_file(DOC.with_suffix(".docx"))
    assert docx
    assert first_difference(docx, doc) == ""
    assert {a.source_format for a in doc} == {"doc"}


def test_without_libreoffice_the_doc_is_refused_with_the_way_out(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UnreadableFile) as caught:
        read_document(DOC)
    message = str(caught.value)
    assert message.startswith("hwfrs-prevention-cfc-2021-11.doc: Word 97-2003 (.doc)")
    assert "libreoffice-writer-nogui" in message and "save it as .docx" in message


def test_a_conversion_that_hangs_is_stopped(tmp_path, monkeypatch) -> None:
    _fake_office(tmp_path / "bin", "sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}/usr/bin:/bin")
    with pytest.raises(UnreadableFile, match=r"converting the \.doc took over 1 s; refusing it"):
        read_document(DOC, Limits(max_convert_seconds=1))


def test_a_conversion_that_fails_is_named(tmp_path, monkeypatch) -> None:
    _fake_office(tmp_path / "bin", "exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}/usr/bin:/bin")
    with pytest.raises(UnreadableFile, match="LibreOffice could not convert this .doc"):
        read_document(DOC)
