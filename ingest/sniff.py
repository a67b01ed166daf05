"""Byte tests for each format, used by the readers' own ``sniff``, and text decoding."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

# Formats users try that we name in the error rather than misreading.
KNOWN_UNSUPPORTED = {
    ".rtf": "RTF",
    ".xls": "Excel 97-2003 (.xls)",
    ".pptx": "PowerPoint (.pptx)",
    ".ods": "OpenDocument spreadsheet (.ods)",
}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
_IMAGES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
# zip member -> what a package holding it is
_ZIP_KINDS = {
    "word/document.xml": "a Word document (.docx)",
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
    "ppt/presentation.xml": "a PowerPoint file (.pptx)",
}
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAMPLE = 4096
# the OLE directory names the streams in UTF-16: Word 97-2003 keeps its text in one
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# an HTML page opens with a doctype, a comment, <html> or one of the head or body tags
_HTML_START = re.compile(
    rb"\A(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|(?:html|head|body|meta|title"
    rb"|link|style|script|table|div|section|article|main|header|nav|p|h[1-6]|ul|ol)(?=[\s>/]))",
    re.IGNORECASE | re.DOTALL,
)


def is_pdf(data: bytes) -> bool:
    # the PDF header may follow a little junk: readers look in the first 1024 bytes
    return b"%PDF-" in data[:1024]


def is_docx(data: bytes) -> bool:
    return _has_member(data, "word/document.xml")


def is_xlsx(data: bytes) -> bool:
    return _has_member(data, "xl/workbook.xml")


def is_odt(data: bytes) -> bool:
    return data.startswith(ZIP) and _odf_mimetype(data) == "application/vnd.oasis.opendocument.text"


def is_doc(data: bytes) -> bool:
    return data.startswith(OLE) and _WORD_STREAM in data and _ENCRYPTED_STREAM not in data


def is_html(data: bytes) -> bool:
    head = _strip_bom(data[:_SAMPLE]).lstrip()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:2]:
        head = _as_utf8(head)
    return bool(_HTML_START.match(head))


def is_text(data: bytes) -> bool:
    """True for text that no other reader claims: the tab-separated export."""
    if data.startswith((ZIP, OLE, b"{\\rtf")) or any(data.startswith(m) for m in _IMAGES):
        return False
    return _looks_like_text(data[:_SAMPLE])


def zip_kind(data: bytes) -> str | None:
    """Return what a zip package is ("an Excel workbook (.xlsx)"), None if not known."""
    mimetype = _odf_mimetype(data)
    if mimetype is not None:
        return (
            "an OpenDocument text (.odt)"
            if "opendocument.text" in mimetype
            else ("an OpenDocument file")
        )
    members = _zip_members(data) or set()
    return next((kind for member, kind in _ZIP_KINDS.items() if member in members), None)


def is_encrypted_package(data: bytes) -> bool:
    """Return True for a password-protected .docx or .xlsx: Office saves one as an OLE file
    holding the encrypted zip."""
    return data.startswith(OLE) and _ENCRYPTED_STREAM in data


def describe_unsupported(path: Path, data: bytes) -> str | None:
    """Return what an unsupported file is ("a PNG image"), from content then suffix."""
    for magic, kind in _IMAGES.items():
        if data.startswith(magic):
            return kind
    if data.startswith(OLE):
        return "a legacy Office file (not a Word 97-2003 document)"
    if data.startswith(b"{\\rtf"):
        return "an RTF document"
    if data.startswith(ZIP):
        kind = zip_kind(data)
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


def _has_member(data: bytes, member: str) -> bool:
    return data.startswith(ZIP) and member in (_zip_members(data) or ())


def _zip_members(data: bytes) -> set[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return set(zf.namelist())
    # NotImplementedError: a member claiming a zip version or method zipfile lacks
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def _odf_mimetype(data: bytes) -> str | None:
    """Return an OpenDocument package's "mimetype" member, None if it has none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "mimetype" not in zf.namelist():
                return None
            return zf.read("mimetype")[:100].decode("ascii", errors="replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def _strip_bom(head: bytes) -> bytes:
    return head[len(codecs.BOM_UTF8) :] if head.startswith(codecs.BOM_UTF8) else head


def _as_utf8(head: bytes) -> bytes:
    """Return a UTF-16 sample re-encoded as UTF-8, for pattern tests on its start."""
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16-le"
    return head.decode(encoding, errors="ignore").lstrip().encode("utf-8")


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
