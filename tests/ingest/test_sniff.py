"""Format sniffing: content first, suffix second; unsupported files named for what they are."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.errors import UnreadableFile, UnsupportedFormat
from planwatch.ingest import DEFAULT_LIMITS, Limits, read_document
from planwatch.ingest.formats import Format, sniff_format
from planwatch.ingest.sniff import decode_text, describe_unsupported

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
XLSX = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("plan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        ("plan.docx", b"%PDF-1.4\n", "pdf"),  # a PDF saved with the wrong name
        ("plan.pdf", b"\r\n\x00junk before the header %PDF-1.5\n", "pdf"),
        ("plan.docx", DOCX, "docx"),
        ("plan.pdf", DOCX, "docx"),
        ("plan", DOCX, "docx"),
        ("plan.docx", DOCX[: len(DOCX) // 2], "docx"),  # cut short: the reader says so
        ("plan.zip", DOCX[: len(DOCX) // 2], None),
        ("plan.docx", _zip({"other.xml": "<x/>"}), "docx"),  # the reader names what is missing
        ("archive.zip", _zip({"other.xml": "<x/>"}), None),
        # the content decides: an OpenDocument or Excel file behind a .docx name
        ("plan.docx", ODT, "odt"),
        ("plan.docx", XLSX, "xlsx"),
        ("plan.odt", ODT[: len(ODT) // 2], "odt"),  # cut short: the reader says so
        ("plan.docx", OLE, "docx"),  # Word's password-protected .docx is an OLE file
        ("plan.doc", OLE, None),  # an OLE file with no Word stream
        ("plan.doc", OLE + "WordDocument".encode("utf-16-le"), "doc"),
        ("plan.txt", OLE + "WordDocument".encode("utf-16-le"), "doc"),
        ("page.html", b"<!DOCTYPE html><html><body><table></table></body></html>", "html"),
        ("page.txt", b"\xef\xbb\xbf  <!-- saved --> <HTML><body>x</body></HTML>", "html"),
        ("page", b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        ("page.htm", "<html><body>Plan</body></html>".encode("utf-16"), "html"),
        ("plan.txt", b"Action\t<b>Lead</b>\n", "txt"),  # markup inside a text export
        ("plan.docx", PNG, None),
        ("plan.txt", b"{\\rtf1\\ansi Action plan}", None),
        ("plan.txt", b"Action\tLead\nReview\tAD\n", "txt"),
        ("plan", b"Action\tLead\n", "txt"),
        ("plan.pdf", b"Action\tLead\n", "txt"),
        # a multi-byte character cut by the 4096-byte sample is still text
        ("plan.txt", b"a" * 4095 + "’".encode() + b"\n", "txt"),
        ("plan.txt", "Director’s plan\tGC\n".encode("utf-16"), "txt"),
        ("plan.txt", "Director’s plan\tGC\n".encode("cp1252"), "txt"),
        ("plan.txt", b"\x00\x01\x02\x03binary", None),
        ("plan.txt", bytes(range(1, 32)) * 20, None),
    ],
)
def test_sniff_format(name: str, data: bytes, expected: str | None) -> None:
    assert sniff_format(Path(name), data) == expected


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("plan.docx", PNG, "a PNG image"),
        ("scan.pdf", b"\xff\xd8\xff\xe0" + bytes(20), "a JPEG image"),
        ("plan.docx", b"II*\x00" + bytes(20), "a TIFF image"),
        ("plan.docx", OLE, "a legacy Office file (not a Word 97-2003 document)"),
        ("plan.docx", ODT, "an OpenDocument text (.odt)"),
        ("plan.docx", XLSX, "an Excel workbook (.xlsx)"),
        ("plan.txt", b"{\\rtf1\\ansi}", "an RTF document"),
        ("plan.xls", b"\x01\x02 broken", "Excel 97-2003 (.xls)"),
        ("plan.bin", b"\x01\x02 broken", None),
    ],
)
def test_describe_unsupported(name: str, data: bytes, expected: str | None) -> None:
    assert describe_unsupported(Path(name), data) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_decode_text_reads_what_word_saves(encoding: str) -> None:
    text = "Head of Prevention – Director’s plan\tQ4 2021/22\n"
    assert decode_text(text.encode(encoding)) == text


@given(st.binary(max_size=2048))
def test_sniffing_never_raises(data: bytes) -> None:
    for name in ("plan.docx", "plan.pdf", "plan.txt", "plan"):
        assert sniff_format(Path(name), data) in (*Format, None)
        describe_unsupported(Path(name), data)
        decode_text(data)


def test_utf16_export_reads_as_the_utf8_one(tmp_path: Path) -> None:
    text = "Key\nGC\tGroup Commander: Prevention\nref\tAction\tLead\n1.1\tReview – data\tGC\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-16")
    utf8, utf16 = read_document(tmp_path / "a.txt"), read_document(tmp_path / "b.txt")
    assert utf16.blocks == utf8.blocks
    assert utf16.source.sha256 != utf8.source.sha256  # the hash is of the bytes on disk


def test_device_is_not_read() -> None:
    with pytest.raises(UnreadableFile, match="/dev/zero: not a regular file"):
        read_document(Path("/dev/zero"))


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Action\tLead\n" * 200_000)  # 2.4 MB
    with pytest.raises(UnreadableFile, match=r"big.txt: file is 2\.3 MB, over the 1\.0 MB limit"):
        read_document(path, Limits(max_file_bytes=2**20))


def test_unsupported_error_names_the_supported_formats(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}))
    with pytest.raises(UnsupportedFormat) as caught:
        read_document(path, DEFAULT_LIMITS)
    assert str(caught.value) == (
        "plan.docx: a PowerPoint file (.pptx) is not supported;"
        " supported formats: .docx, .pdf, .txt (tab-separated export), .html, .xlsx, .odt,"
        " .doc (through LibreOffice)"
    )
