"""Checks on a PDF made before pdfminer parses it: page count and inflated stream size."""

from __future__ import annotations

import re
import zlib

from planwatch.errors import UnreadableFile

from .limits import MB, Limits

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 16


def check_streams(name: str, data: bytes, limits: Limits) -> None:
    """Return None if the Flate streams inflate within the limit; raise UnreadableFile if not.

    pdfminer inflates a stream whole, with no bound: a few hundred KB of deflated
    spaces become gigabytes in memory. Inflating here in bounded steps costs a
    fraction of the parse and stops at the limit.
    """
    budget = limits.max_inflated_bytes
    for match in _STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        body = data[match.end() : end if end >= 0 else len(data)]
        budget -= _inflated_size(body, budget + 1)
        if budget < 0:
            raise UnreadableFile(
                f"{name}: PDF streams unpack to over the {limits.max_inflated_bytes // MB:,} MB"
                " limit for unpacked content; refusing a possible decompression bomb"
                " (raise the limit with --max-inflated-mb)"
            )


def check_page_count(name: str, count: int, limits: Limits) -> None:
    if count > limits.max_pages:
        raise UnreadableFile(
            f"{name}: PDF has {count:,} pages, over the {limits.max_pages:,}-page limit"
            " (raise it with --max-pages)"
        )


def _inflated_size(body: bytes, cap: int) -> int:
    """Bytes ``body`` inflates to (0 if it is not Flate data), counting at most ``cap``."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        pending = inflater.decompress(body, _CHUNK)
        while pending:
            size += len(pending)
            if size >= cap:
                return size
            pending = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    except zlib.error:
        return size  # images (DCT) and other filters: pdfminer bounds those itself
    return size
