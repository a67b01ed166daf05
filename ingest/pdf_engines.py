"""The PDF engines: one per parser, each serving pages as ``pdf_records``.

An engine is ``open_pdf(name, data)``, a context manager yielding a ParsedPdf
and raising UnreadableFile for a file its parser cannot read. Adding one is a
module and a line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from contextlib import AbstractContextManager

from .pdf_records import ParsedPdf

ENGINES: dict[str, str] = {
    "pdfium": "planwatch.ingest.pdf_engine_pdfium",
    "pdfplumber": "planwatch.ingest.pdf_engine_pdfplumber",
}

Opener = Callable[[str, bytes], AbstractContextManager[ParsedPdf]]


def engine(name: str) -> Opener:
    """Return the ``open_pdf`` of the engine called ``name``."""
    return importlib.import_module(ENGINES[name]).open_pdf
