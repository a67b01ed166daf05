"""The formats planwatch reads, and one reader for each that owns its own sniffing.

A reader's ``sniff`` looks at the bytes only and imports no parser; its ``read``
imports the parser when a file of its format turns up, so start-up stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from planwatch.model import Document, Source

from . import sniff
from .limits import Limits


class Format(StrEnum):
    """A file format, by the value written to ``source_format``."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    ODT = "odt"
    DOC = "doc"
    HTML = "html"
    TXT = "txt"


@dataclass(frozen=True)
class Reader:
    """One format's reader: how to recognise its bytes and where its parser lives."""

    format: Format
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    target: str  # "module:function", imported on first use
    label: str  # how the format is named to users
    settings: tuple[str, ...] = ()  # the keyword settings its parser takes ("pdf")

    def read(
        self, path: Path, source: Source, data: bytes, limits: Limits, **settings: object
    ) -> Document:
        """Return the Document read from ``data`` by this format's parser."""
        module_name, func_name = self.target.split(":")
        reader = getattr(importlib.import_module(module_name), func_name)
        mine = {key: value for key, value in settings.items() if key in self.settings}
        return reader(path, source, data, limits, **mine)


# In sniffing order: the container formats first, plain text (which any of the
# others might pass for) last. A new format plugs in here.
READERS: tuple[Reader, ...] = (
    Reader(
        Format.PDF,
        (".pdf",),
        sniff.is_pdf,
        "planwatch.ingest.pdf_reader:read_pdf",
        ".pdf",
        settings=("pdf",),
    ),
    Reader(
        Format.DOCX, (".docx",), sniff.is_docx, "planwatch.ingest.docx_reader:read_docx", ".docx"
    ),
    Reader(
        Format.XLSX, (".xlsx",), sniff.is_xlsx, "planwatch.ingest.xlsx_reader:read_xlsx", ".xlsx"
    ),
    Reader(Format.ODT, (".odt",), sniff.is_odt, "planwatch.ingest.odt_reader:read_odt", ".odt"),
    Reader(
        Format.DOC,
        (".doc",),
        sniff.is_doc,
        "planwatch.ingest.doc_reader:read_doc",
        ".doc (through LibreOffice)",
    ),
    Reader(
        Format.HTML,
        (".html", ".htm", ".xhtml"),
        sniff.is_html,
        "planwatch.ingest.html_reader:read_html",
        ".html",
    ),
    Reader(
        Format.TXT,
        (".txt", ".tsv"),
        sniff.is_text,
        "planwatch.ingest.text_reader:read_text",
        ".txt (tab-separated export)",
    ),
)
BY_FORMAT: dict[Format, Reader] = {reader.format: reader for reader in READERS}
SUFFIXES: dict[str, Format] = {s: r.format for r in READERS for s in r.suffixes}
_NAMED = (Format.DOCX, Format.PDF, Format.TXT, Format.HTML, Format.XLSX, Format.ODT, Format.DOC)
SUPPORTED = "supported formats: " + ", ".join(BY_FORMAT[f].label for f in _NAMED)
# zip-based formats whose reader explains a damaged package better than "not recognised"
_PACKAGES = (Format.DOCX, Format.XLSX, Format.ODT)


def sniff_format(path: Path, data: bytes) -> Format | None:
    """Return the format of ``data``, judging by content before the name's suffix."""
    found = next((reader.format for reader in READERS if reader.sniff(data)), None)
    if found is not None:
        return found
    claimed = SUFFIXES.get(Path(path).suffix.lower())
    if claimed in _PACKAGES and data.startswith(sniff.ZIP) and sniff.zip_kind(data) is None:
        return claimed  # a broken or incomplete package: its reader names what is wrong
    if claimed in (Format.DOCX, Format.XLSX) and data.startswith(sniff.OLE):
        return claimed  # Office saves a password-protected package inside an OLE file
    return None
