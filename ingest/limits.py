"""Bounds that keep a hostile or runaway file from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.errors import UnreadableFile

# Bytes in a megabyte, as the --max-*-mb options and the limit messages count them
MB = 2**20


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_inflated_bytes: int = 256 * 1024 * 1024  # total uncompressed size of a .docx's members
    max_pages: int = 2000
    max_cell_chars: int = 100_000
    # a .doc is converted by LibreOffice; a file that takes longer is broken or hostile
    max_convert_seconds: int = 60

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or value <= 0:
                raise ValueError(f"limit {name} must be a positive integer, got {value!r}")


DEFAULT_LIMITS = Limits()


def check_text_length(name: str, where: str, length: int, limits: Limits) -> None:
    """Return None if a cell or paragraph of ``length`` characters fits; raise UnreadableFile
    naming the file, the place and the option that raises the limit if not."""
    if length > limits.max_cell_chars:
        raise UnreadableFile(
            f"{name}: {where} holds {length:,} characters, over the"
            f" {limits.max_cell_chars:,} character limit (raise it with --max-cell-chars)"
        )
