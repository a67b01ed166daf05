"""Tell a file's format from its bytes first and its suffix second."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".tsv": "txt"}
SUPPORTED = "supported formats: .docx, .pdf, .txt (tab-separated export)"
# Formats users try that we name in the error rather than misreading.
KNOWN_UNSUPPORTED = {
    ".doc": "Word 97-2003 (.doc)",
    ".odt": "OpenDocument text (.odt)",
    ".rtf": "RTF",
    ".xlsx": "Excel (.xlsx)",
    ".xls": "Excel (.xls)",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_IMAGES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
# zip member -> what a package holding it is, for packages that are not Word
_ZIP_KINDS = {
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
    "ppt/presentation.xml": "a PowerPoint file (.pptx)",
}
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAMPLE = 4096


def sniff_format(path: Path, data: bytes) -> str | None:
    """Return "pdf", "docx", "txt" or None, judging by content before suffix."""
    claims_docx = path.suffix.lower() == ".docx"
    # the PDF header may follow a little junk: readers look in the first 1024 bytes
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP):
        members = _zip_members(data)
        if members is None:  # a broken zip: only its name says what it meant to be
            return "docx" if claims_docx else None
        if "word/document.xml" in members:
            return "docx"
        return "docx" if claims_docx and _zip_kind(data) is None else None
    if data.startswith(_OLE):
        # Word saves a password-protected .docx inside an OLE file: the reader says so
        return "docx" if claims_docx else None
    if data.startswith(b"{\\rtf") or any(data.startswith(magic) for magic in _IMAGES):
        return None
    if _looks_like_text(data[:_SAMPLE]):
        return "txt"
    return None


def describe_unsupported(path: Path, data: bytes) -> str | None:
    """Return what an unsupported file is ("a PNG image"), from content then suffix."""
    for magic, kind in _IMAGES.items():
        if data.startswith(magic):
            return kind
    if data.startswith(_OLE):
        return "a Word 97-2003 (.doc) or other legacy Office file"
    if data.startswith(b"{\\rtf"):
        return "an RTF document"
    if data.startswith(_ZIP):
        kind = _zip_kind(data)
        if kind:
            return kind
    return KNOWN_UNSUPPORTED.get(path.suffix.lower())


def decode_text(data: bytes) -> str:
    """Return a text file's content: UTF-8 or UTF-16 by their marks, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Word's "Plain Text" save uses the Windows code page: "Director’s" is b"\x92"
        return data.decode("cp1252", errors="replace")


def _zip_members(data: bytes) -> set[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            # OpenDocument: a "mimetype" member such as application/vnd.oasis.opendocument.text
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:100].decode("ascii", errors="replace")
                if "opendocument.text" in mimetype:
                    return "an OpenDocument text (.odt)"
                if "opendocument" in mimetype:
                    return "an OpenDocument file"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    return next((kind for member, kind in _ZIP_KINDS.items() if member in names), None)


def _looks_like_text(head: bytes) -> bool:
    if head.startswith(_TEXT_BOMS[1:]):
        return True
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text
        if exc.start >= len(head) - 3:
            text = head[: exc.start].decode("utf-8")
        else:
            try:
                text = head.decode("cp1252")
            except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8D, ...)
                return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    return controls * 100 <= len(text)
