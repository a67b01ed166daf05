"""Readers: a file in, the format-neutral Document out.

A reader is ``read_x(path, source, data, limits) -> Document``; it is imported
only when a file of its format turns up, so start-up stays light.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from planwatch.errors import UnreadableFile, UnsupportedFormat
from planwatch.model import Document, Source

from .limits import DEFAULT_LIMITS, Limits
from .sniff import KNOWN_UNSUPPORTED, SUFFIXES, sniff_format

# format -> "module:function", resolved lazily; a new format plugs in here
READERS: dict[str, str] = {
    "docx": "planwatch.ingest.docx_reader:read_docx",
    "pdf": "planwatch.ingest.pdf_reader:read_pdf",
    "txt": "planwatch.ingest.text_reader:read_text",
}

__all__ = ["READERS", "Limits", "DEFAULT_LIMITS", "read_document"]


def read_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Return the Document read from ``path``; raise UnreadableFile with the reason."""
    path = Path(path)
    data = _read_bytes(path, limits)
    fmt = sniff_format(path, data[:4096])
    claimed = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise _unsupported(path, data)
    # the content decides (a .docx saved as .pdf is read as .docx), but plain text
    # behind a .pdf or .docx name is a mistake worth naming
    if claimed not in (None, "txt") and fmt == "txt":
        raise UnreadableFile(f"{path.name}: not a {claimed} file (its content is plain text)")
    source = Source(name=path.name, sha256=hashlib.sha256(data).hexdigest(), format=fmt)
    module_name, func_name = READERS[fmt].split(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    return reader(path, source, data, limits)


def _read_bytes(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise UnreadableFile(
                f"{path.name}: file is {size // 2**20} MB, over the"
                f" {limits.max_file_bytes // 2**20} MB limit (raise it with --max-file-mb)"
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile(f"{path}: file not found") from exc
    except IsADirectoryError as exc:
        raise UnreadableFile(f"{path}: is a folder, not a file") from exc
    except PermissionError as exc:
        raise UnreadableFile(f"{path}: permission denied") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise UnreadableFile(f"{path.name}: file is empty")
    return data


def _unsupported(path: Path, data: bytes) -> UnsupportedFormat:
    supported = "supported formats: .docx, .pdf, .txt (tab-separated export)"
    kind = KNOWN_UNSUPPORTED.get(path.suffix.lower())
    if data.startswith(b"\x89PNG") or data[:3] == b"\xff\xd8\xff":
        kind = "an image"
    if kind:
        return UnsupportedFormat(f"{path.name}: {kind} is not supported; {supported}")
    claimed = SUFFIXES.get(path.suffix.lower())
    if claimed:
        return UnsupportedFormat(
            f"{path.name}: not a valid {claimed} file (content not recognised)"
        )
    return UnsupportedFormat(f"{path.name}: format not recognised; {supported}")
