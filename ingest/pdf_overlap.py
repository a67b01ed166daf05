"""Text drawn over other text: a page whose producer laid two texts on one spot.

A producer may draw the rest of a cut cell over the text of the next row (Chromium, a
cell spanning rows at a page break): their glyphs interleave on one baseline
("investigators." over "This action" reads "Tinhviess atigcatitonrs."), and neither text
can be read back. Such a spot is reported, never passed off as read. The same text drawn
twice on itself, a little apart, is bold ("fake bold"), and is no overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .pdf_records import Run
from .pdf_settings import PdfSettings
from .pdf_text import overprints


def overlapping_text(runs: Iterable[Run], settings: PdfSettings) -> list[str]:
    """Return a note for each spot of the page where two runs of text on one baseline
    cover each other by more than an em."""
    notes = []
    for a, b in _neighbours(runs, settings):
        covered = min(a.rights[-1], b.rights[-1]) - b.lefts[0]
        if covered <= max(a.size, b.size) or _drawn_twice(a, b, settings):
            continue
        notes.append(
            f"text drawn over other text at x {b.lefts[0]:.0f}, y {b.bottom:.0f}"
            f" ('{_start(a)}' and '{_start(b)}'); what is read there"
            " may be garbled"
        )
    return notes


def _start(run: Run) -> str:
    return " ".join(run.text.split())[:20].rstrip()


def _neighbours(runs: Iterable[Run], settings: PdfSettings) -> Iterator[tuple[Run, Run]]:
    """Yield each run with the next to its right on the same baseline, in a like size."""
    snap = settings.rule_snap
    line: list[Run] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: r.bottom):
        if line and run.bottom - line[0].bottom > snap:
            yield from _pairs(line, snap)
            line = []
        line.append(run)
    yield from _pairs(line, snap)


def _pairs(line: list[Run], snap: float) -> Iterator[tuple[Run, Run]]:
    ordered = sorted(line, key=lambda r: r.x0)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if abs(a.size - b.size) <= snap:
            yield a, b


def _drawn_twice(a: Run, b: Run, settings: PdfSettings) -> bool:
    """True where ``b`` is ``a`` drawn again on itself (bold by overprinting)."""
    return a.text.strip() == b.text.strip() and overprints(
        b.lefts[0], a.lefts[0], a.rights[0] - a.lefts[0], settings
    )
