"""What the PDF reader's geometry consumes from a page, as plain records.

An engine (``pdf_engines``) turns a parser's page into these; the geometry
(rules to cells, glyphs to lines, borderless tables, stitching over pages) reads
only them and never knows which parser ran. Coordinates are PDF points from the
top-left corner of the page as displayed, with the page's /Rotate applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import groupby, repeat
from operator import attrgetter
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


_new_glyph = partial(tuple.__new__, Glyph)  # a Glyph from a tuple, without a Python call


class Run(NamedTuple):
    """Glyphs drawn one after another on one baseline in one size and weight, as columns.

    An engine serves a page's glyphs as runs, so that the geometry takes most steps a
    run at a time: a page holds some 2,000 glyphs and only a few hundred runs. Where a
    run is cut is no matter to what is read from it (``pdf_runs``).
    """

    text: str  # the glyphs' texts, joined
    lefts: tuple[float, ...]  # each glyph's x0
    rights: tuple[float, ...]  # each glyph's x1
    top: float
    bottom: float
    size: float
    bold: bool
    texts: tuple[str, ...] | None = None  # each glyph's text, where one is several characters

    @property
    def x0(self) -> float:
        return self.lefts[0]

    def glyphs(self) -> list[Glyph]:
        """Return the run's glyphs, one record each."""
        texts = self.text if self.texts is None else self.texts
        n = len(self.lefts)
        fixed = (repeat(self.top, n), repeat(self.bottom, n), repeat(self.size, n))
        return list(
            map(
                _new_glyph,
                zip(texts, self.lefts, self.rights, *fixed, repeat(self.bold, n), strict=False),
            )
        )

    def part(self, start: int, stop: int) -> Run:
        """Return the run of glyphs ``start`` to ``stop`` (not included)."""
        texts = None if self.texts is None else self.texts[start:stop]
        text = self.text[start:stop] if texts is None else "".join(texts)
        return self._replace(
            text=text, lefts=self.lefts[start:stop], rights=self.rights[start:stop], texts=texts
        )


def make_run(texts: list[str], lefts, rights, top: float, bottom: float, size: float, bold: bool):
    """Return the Run of glyphs with these texts and x extents, sharing the rest."""
    text = "".join(texts)
    several = tuple(texts) if len(text) != len(texts) else None
    return Run(text, tuple(lefts), tuple(rights), top, bottom, size, bold, several)


def one_run(glyph: Glyph) -> Run:
    """Return the run of one glyph."""
    return make_run([glyph.text], [glyph.x0], [glyph.x1], *glyph[3:])


_STYLE = attrgetter("top", "bottom", "size", "bold")


def runs_of(glyphs: Iterable[Glyph]) -> list[Run]:
    """Return glyphs as runs: each run the glyphs in a row that share top, bottom, size and bold."""
    out = []
    for (top, bottom, size, bold), group in groupby(glyphs, _STYLE):
        chars = list(group)
        out.append(
            make_run(
                [c.text for c in chars],
                [c.x0 for c in chars],
                [c.x1 for c in chars],
                top,
                bottom,
                size,
                bold,
            )
        )
    return out


def glyphs_of(runs: Iterable[Run]) -> list[Glyph]:
    """Return the glyphs of runs, in order."""
    return [glyph for run in runs for glyph in run.glyphs()]


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
    """One page's glyphs (as runs) and painted shapes, in paint order."""

    number: int  # 1-based
    width: float
    height: float
    rotation: int  # the page's /Rotate, already applied to every coordinate
    runs: tuple[Run, ...]  # the glyphs, in stream order
    shapes: tuple[Shape, ...]

    @property
    def chars(self) -> list[Glyph]:
        """The page's glyphs one by one, in stream order."""
        return glyphs_of(self.runs)

    @property
    def glyph_count(self) -> int:
        return sum(len(run.lefts) for run in self.runs)


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
