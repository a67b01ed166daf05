"""What the PDF reader's geometry consumes from a page, as plain records.

An engine (``pdf_engines``) turns a parser's page into these; the geometry
(rules to cells, glyphs to lines, borderless tables, stitching over pages) reads
only them and never knows which parser ran. Coordinates are PDF points from the
top-left corner of the page as displayed, with the page's /Rotate applied.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple


class Glyph(NamedTuple):
    """One drawn character: its text, its box (advance width by font size), and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size in points, as drawn
    bold: bool


class Shape(NamedTuple):
    """One painted subpath: a straight line, an upright rectangle, or any other curve."""

    kind: str  # "line", "rect" or "curve"
    x0: float
    top: float
    x1: float
    bottom: float
    points: tuple[tuple[float, float], ...]  # the end point of each segment, in order
    stroke: bool
    fill: bool
    fill_colour: str | None  # RRGGBB; None where the colour is not a plain one
    stroke_colour: str | None
    line_width: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class PageContent:
    """One page's glyphs and painted shapes, in paint order."""

    number: int  # 1-based
    width: float
    height: float
    rotation: int  # the page's /Rotate, already applied to every coordinate
    chars: tuple[Glyph, ...]
    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class ParsedPdf:
    """An open PDF as an engine serves it: its page count, its pages one by one, its info."""

    page_count: int  # as the page tree says; reading the pages checks it again
    pages: Iterator[PageContent]  # each page parsed when it is reached
    info: dict[str, str]  # the document info strings by their PDF keys ("Title", "ModDate")


def is_bold(fontname: str) -> bool:
    """True when a font's PostScript name says it is a bold face ("ABCDEF+Calibri-Bold")."""
    return "bold" in fontname.lower()


def to_hex(colour) -> str | None:
    """Return a PDF colour (grey, RGB or CMYK, 0..1) as RRGGBB; None if unknown."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list) or not all(isinstance(v, int | float) for v in colour):
        return None
    if len(colour) == 1:
        rgb = (colour[0],) * 3
    elif len(colour) == 3:
        rgb = tuple(colour)
    elif len(colour) == 4:
        c, m, y, k = colour
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    return "".join(f"{round(min(max(v, 0.0), 1.0) * 255):02X}" for v in rgb)
