"""How the PDF reader reads: which engine parses the file."""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_engines import ENGINES


@dataclass(frozen=True)
class PdfSettings:
    """Settings of the PDF reader, passed by the caller; checked when made.

    ``engine`` names the parser that reads the pages: "pdfium" (PDFium through
    pypdfium2, the default and several times faster) or "pdfplumber" (pdfminer,
    pure Python). Both give the same rows; the geometry after them is shared.
    """

    engine: str = "pdfium"

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(
                f"PdfSettings.engine must be one of {', '.join(sorted(ENGINES))},"
                f" got {self.engine!r}"
            )


DEFAULT_PDF_SETTINGS = PdfSettings()
