"""Tell a file's format from its leading bytes first and its suffix second."""

from __future__ import annotations

import zipfile
from pathlib import Path

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".tsv": "txt"}
# Formats users try that we name in the error rather than misreading.
KNOWN_UNSUPPORTED = {
    ".doc": "Word 97-2003 (.doc)",
    ".odt": "OpenDocument text (.odt)",
    ".rtf": "RTF",
    ".xlsx": "Excel (.xlsx)",
    ".xls": "Excel (.xls)",
}


def sniff_format(path: Path, head: bytes) -> str | None:
    """Return "pdf", "docx", "txt" or None, judging by content before suffix."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError):
            return "docx" if path.suffix.lower() == ".docx" else None
        return "docx" if "word/document.xml" in names else None
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: legacy .doc/.xls
        return None
    if _looks_like_text(head):
        return "txt"
    return None


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text
        return exc.start >= len(head) - 3
    return True
