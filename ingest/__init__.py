"""Readers: a file in, the format-neutral Document out.

Each format has one ``Reader`` in ``formats.READERS``: it recognises its own bytes
and imports its parser only when a file of its format turns up, so start-up stays
light. A reader is ``read_x(path, source, data, limits) -> Document``.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path

from planwatch.errors import UnreadableFile, UnsupportedFormat
from planwatch.model import Document, Paragraph, Source, Table

from .formats import BY_FORMAT, READERS, SUFFIXES, SUPPORTED, Format, Reader, sniff_format
from .limits import DEFAULT_LIMITS, MB, Limits, check_text_length
from .pdf_settings import DEFAULT_PDF_SETTINGS, PdfSettings
from .sniff import decode_text, describe_unsupported

__all__ = [
    "READERS",
    "DEFAULT_LIMITS",
    "DEFAULT_PDF_SETTINGS",
    "Format",
    "Limits",
    "PdfSettings",
    "Reader",
    "read_document",
]


def read_document(
    path: Path, limits: Limits = DEFAULT_LIMITS, pdf: PdfSettings = DEFAULT_PDF_SETTINGS
) -> Document:
    """Return the Document read from ``path``; raise UnreadableFile with the reason."""
    path = Path(path)
    data = _read_bytes(path, limits)
    fmt = sniff_format(path, data)
    claimed = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise _unsupported(path, data)
    # the content decides (a .docx saved as .pdf is read as .docx), but plain text
    # behind a .pdf or .docx name is a mistake worth naming
    if claimed not in (None, Format.TXT) and fmt == Format.TXT:
        raise UnreadableFile(
            f"{path.name}: not a {claimed} file (its content is plain text;"
            " a tab-separated export should be named .txt)"
        )
    source = Source(name=path.name, sha256=hashlib.sha256(data).hexdigest(), format=fmt.value)
    if fmt == Format.TXT:
        data = decode_text(data).encode("utf-8")
    document = BY_FORMAT[fmt].read(path, source, data, limits, pdf=pdf)
    _check_text_lengths(document, limits)
    return document


def _read_bytes(path: Path, limits: Limits) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(f"{path}: is a folder; name the files in it (e.g. {path}/*.docx)")
        # "/dev/zero" or a pipe would never end: only regular files are read
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"{path}: not a regular file")
        # read what stat says the file holds, never more than one byte past the limit;
        # asking for the whole limit up front would allocate it for every file
        with path.open("rb") as fh:
            data = fh.read(min(info.st_size, limits.max_file_bytes) + 1)
            if len(data) > info.st_size:  # it grew since stat: read on, still bounded
                data += fh.read(limits.max_file_bytes + 1 - len(data))
    except FileNotFoundError as exc:
        raise UnreadableFile(f"{path}: file not found") from exc
    except PermissionError as exc:
        raise UnreadableFile(f"{path}: permission denied") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > limits.max_file_bytes:
        raise UnreadableFile(
            f"{path.name}: file is {max(info.st_size, len(data)) / MB:,.1f} MB, over the"
            f" {limits.max_file_bytes / MB:,.1f} MB limit (raise it with --max-file-mb)"
        )
    if not data.strip():
        raise UnreadableFile(f"{path.name}: file is empty")
    return data


def _unsupported(path: Path, data: bytes) -> UnsupportedFormat:
    kind = describe_unsupported(path, data)
    if kind:
        return UnsupportedFormat(f"{path.name}: {kind} is not supported; {SUPPORTED}")
    claimed = SUFFIXES.get(path.suffix.lower())
    if claimed:
        return UnsupportedFormat(
            f"{path.name}: not a valid {claimed} file (content not recognised); {SUPPORTED}"
        )
    return UnsupportedFormat(f"{path.name}: format not recognised; {SUPPORTED}")


def _check_text_lengths(document: Document, limits: Limits) -> None:
    """Return None if every cell and paragraph fits the limit; raise UnreadableFile if not."""
    for where, length in _text_lengths(document):
        check_text_length(document.source.name, where, length, limits)


def _text_lengths(document: Document) -> Iterator[tuple[str, int]]:
    for block in document.blocks:
        if isinstance(block, Table):
            yield from (("a table cell", len(c.text)) for r in block.rows for c in r.cells)
        elif isinstance(block, Paragraph):
            yield "a paragraph", len(block.text)
