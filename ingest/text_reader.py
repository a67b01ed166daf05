"""Read tab-separated text exports (as the seeds are): tab lines are table rows."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.markup import strip_markup
from planwatch.model import Block, Cell, Document, Paragraph, Row, Source, Table

from .limits import Limits

# The line ends a text export uses; a vertical tab, form feed, U+2028/2029, NEL or bare CR
# inside a cell is part of that cell (str.splitlines() would split the row there)
_LINE_END = re.compile(r"\r?\n")
# Stray bytes up to this share of the non-ASCII sequences leave a file UTF-8
_MAX_STRAY_SHARE = 0.5
LEGACY_ENCODING = "cp1252"
_STRAY = re.compile("[\udc80-\udcff]")


def read_text(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a text export: runs of tab lines become one table each."""
    text, warnings = decode_text(data)
    blocks: list[Block] = []
    rows: list[Row] = []
    for line in _LINE_END.split(text):
        if "\t" in line:
            rows.append(Row(tuple(Cell(_tidy(field)) for field in line.split("\t"))))
            continue
        if rows:
            blocks.append(_table(rows))
            rows = []
        if _tidy(line):
            blocks.append(Paragraph(_tidy(line)))
    if rows:
        blocks.append(_table(rows))
    return Document(source=source, blocks=tuple(blocks), notes=warnings)


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Return the text and what decoding it took: UTF-8 where the file is UTF-8 but for a
    stray byte or two (each read as cp1252, its line named), cp1252 where it is not UTF-8."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    # each byte that is not UTF-8 comes back as one lone surrogate U+DC80..U+DCFF
    text = data.decode("utf-8", errors="surrogateescape")
    strays = [m.start() for m in _STRAY.finditer(text)]
    valid = sum(ord(ch) > 0x7F for ch in text) - len(strays)
    if len(strays) > _MAX_STRAY_SHARE * (len(strays) + valid):
        warning = f"not UTF-8 ({len(strays)} bytes are not); read as {LEGACY_ENCODING}"
        return data.decode(LEGACY_ENCODING, errors="replace"), (warning,)
    lines = sorted({text.count("\n", 0, at) + 1 for at in strays})
    named = ", ".join(map(str, lines[:10])) + (" ..." if len(lines) > 10 else "")
    plural = "s" if len(strays) != 1 else ""
    warning = (
        f"UTF-8 but for {len(strays)} stray byte{plural} on line{'s' if len(lines) > 1 else ''}"
        f" {named}, read as {LEGACY_ENCODING}"
    )
    return _STRAY.sub(_legacy_char, text), (warning,)


def _legacy_char(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode(LEGACY_ENCODING, errors="replace")


def _table(rows: list[Row]) -> Table:
    width = max(len(r.cells) for r in rows)
    padded = [Row(r.cells + (Cell(""),) * (width - len(r.cells))) for r in rows]
    return Table(tuple(padded))


def _tidy(text: str) -> str:
    return " ".join(strip_markup(text).split())
