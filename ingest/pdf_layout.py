"""Pages to blocks: running heads dropped, lines to paragraphs, tables stitched."""

from __future__ import annotations

import re
from collections import Counter
from copy import copy
from dataclasses import dataclass, replace

from planwatch.model import Block, Paragraph

from .pdf_grid import build_table, continues, opens_table, row_texts
from .pdf_settings import PdfSettings
from .pdf_tables import Fragment, RawCell
from .pdf_text import Line, join_lines, joined_and_guessed, runs_on, whole_words

# "3", "Page 3", "Page 3 of 12", "- 3 -", "3/12"
_PAGE_NUMBER = re.compile(r"^[-–\s]*(page\s*)?\d+(\s*(of|/)\s*\d+)?[-–\s]*$", re.IGNORECASE)


@dataclass
class PhysicalLine:
    """A baseline's text outside ruled tables: whole, and cut at column-wide gaps."""

    whole: Line
    parts: list[Line]


@dataclass
class PageLayout:
    """What one page holds, read once: loose lines and table fragments."""

    number: int
    height: float
    lines: list[PhysicalLine]
    fragments: list[Fragment]
    chars: int
    band: float  # how far from the top and the foot running heads and feet stand
    width: float = 0.0
    notes: tuple[str, ...] = ()  # what the page's reading had to guess, for the reader


@dataclass
class _Para:
    lines: list[Line]
    page: int
    ends_page: bool = False  # its last line is the last thing on its page


@dataclass
class _TableRun:
    fragments: list[Fragment]
    ends_page: bool = False


def assemble(
    pages: list[PageLayout], words: frozenset[str], settings: PdfSettings
) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Return the document's paragraphs and tables in reading order, and a note for each
    page break of a table read by judgement.

    ``pages`` come without their running lines (``without_running_lines``), ``words``
    are the document's whole words (``rejoin_cells``).
    """
    loose = [pl.whole for p in pages for pl in p.lines]
    right = max((ln.x1 for ln in loose), default=0.0)
    marks_wraps = _marks_wraps(pages)
    # where no gap tells paragraphs apart (over a page) a line reaching the widest line
    # is weak evidence that it wrapped: the widest may be a short paragraph of one line;
    # the text area ends as far from the page's right edge as it starts from its left
    left = min((ln.x0 for ln in loose), default=0.0)
    over_page = max(right, max((p.width for p in pages), default=0.0) - left)
    runs: list[_Para | _TableRun] = []
    heads: set[tuple[str, ...]] = set()  # the first row of each table so far
    for page in pages:
        ordered: list[Line | Fragment] = [pl.whole for pl in page.lines] + list(page.fragments)
        ordered.sort(key=lambda it: it.top)
        for position, item in enumerate(ordered):
            last = runs[-1] if runs else None
            # a block runs on from the page before only from its foot to this head
            from_foot = position == 0 and last is not None and last.ends_page
            if isinstance(item, Fragment):
                joins = from_foot and isinstance(last, _TableRun)
                snap = settings.rule_snap
                if (
                    joins
                    and continues(last.fragments, item, snap)
                    and not opens_table(last.fragments, item, heads, snap, _openings(runs))
                ):
                    last.fragments.append(item)
                else:
                    runs.append(_TableRun([item]))
                    heads.add(row_texts(item.rows[0]))
            elif isinstance(last, _Para) and _same_paragraph(
                last, item, from_foot, (over_page if from_foot else right, marks_wraps), settings
            ):
                last.lines.append(item)
            else:
                runs.append(_Para([item], page.number))
            runs[-1].ends_page = False  # set once the page is done
        if runs and ordered:
            end = runs[-1]
            tail = end.fragments[-1] if isinstance(end, _TableRun) else end.lines[-1]
            end.ends_page = tail is ordered[-1]
    read = [_block(run, marks_wraps, right, words, settings) for run in runs]
    return tuple(block for block, _ in read), tuple(note for _, notes in read for note in notes)


def _openings(runs: list) -> list[Fragment]:
    """Return the first fragment of each table so far."""
    return [run.fragments[0] for run in runs if isinstance(run, _TableRun)]


def _same_paragraph(
    para: _Para, line: Line, from_foot: bool, page: tuple[float, bool], settings: PdfSettings
) -> bool:
    """True when ``line`` goes on ``para``; ``page`` is the text's right end and whether the
    producer marks wraps."""
    prev = para.lines[-1]
    if abs(prev.size - line.size) > settings.size_step or prev.bold != line.bold:
        return False
    gap = line.top - prev.bottom
    if not from_foot and (line.top < prev.bottom or gap > settings.paragraph_gap * line.size):
        return False
    return runs_on(prev, page[0], line.first_word_width, page[1], settings)


def _block(
    run: _Para | _TableRun,
    marks_wraps: bool,
    right: float,
    words: frozenset[str],
    settings: PdfSettings,
) -> tuple[Block, tuple[str, ...]]:
    if isinstance(run, _Para):
        return Paragraph(join_lines(run.lines, right, words, settings=settings), page=run.page), ()
    return build_table(run.fragments, marks_wraps, settings, words)


def rejoin_cells(
    pages: list[PageLayout], settings: PdfSettings
) -> tuple[list[PageLayout], frozenset[str]]:
    """Return the pages with each cell's lines joined again by the document's whole words,
    and those words.

    A piece of a broken word and a word wrapped at a space may look alike on the page;
    the same word written whole anywhere in the document tells them apart.
    """
    cells = [c for p in pages for f in p.fragments for row in f.rows for c in row if c.lines]
    loose = [part for p in pages for pl in p.lines for part in pl.parts]
    found = whole_words(loose)
    feet, heads = _cut_cells(pages, settings)
    for cell in cells:
        # "DCFO" alone in a key's cell is whole; "Recomme" alone at a page foot may not be
        found |= whole_words(cell.lines, id(cell) not in heads, id(cell) not in feet)
    words = frozenset(found)
    return _rejoined(pages, words, _marks_wraps(pages), settings), words


def _rejoined(
    pages: list[PageLayout], words: frozenset[str], marks_wraps: bool, settings: PdfSettings
) -> list[PageLayout]:
    """Return the pages with each cell's lines joined again by the document's whole words."""
    again = (words, marks_wraps, settings)
    return [
        replace(p, fragments=[
            replace(f, rows=[[_rejoined_cell(c, *again) for c in row] for row in f.rows])
            for f in p.fragments
        ])
        for p in pages
    ]  # fmt: skip


def _rejoined_cell(
    cell: RawCell, words: frozenset[str], marks_wraps: bool, settings: PdfSettings
) -> RawCell:
    if not cell.lines:
        return cell
    text, guesses, spaced = joined_and_guessed(cell.lines, cell.limit, words, marks_wraps, settings)
    out = copy(cell)  # a copy with fields set: dataclasses.replace costs five times more
    out.text, out.guesses, out.spaced = text, tuple(guesses), spaced
    return out


def _cut_cells(pages: list[PageLayout], settings: PdfSettings) -> tuple[set[int], set[int]]:
    """Return the ids of the cells a page break may cut: those at the foot of a page's last
    table, whose text may go on over the page, and those in the first rows of the next
    page's first table (under a repeated header, maybe), where that rest would stand."""
    feet: set[int] = set()
    heads: set[int] = set()
    snap, bands = settings.rule_snap, settings.max_header_rows + 1
    for page, after in zip(pages, pages[1:], strict=False):
        if page.fragments and after.fragments:
            last = max(page.fragments, key=lambda f: f.bottom)
            feet |= {id(c) for row in last.rows for c in row if c.bottom >= last.bottom - snap}
            first = min(after.fragments, key=lambda f: f.top)
            heads |= {id(c) for row in first.rows[:bands] for c in row}
    return feet, heads


def _marks_wraps(pages: list[PageLayout]) -> bool:
    """True when the producer writes a space glyph where it wraps a line (LibreOffice)."""
    return any(pl.whole.wrapped for p in pages for pl in p.lines) or any(
        f.marks_wraps for p in pages for f in p.fragments
    )


def in_margin(page: PageLayout, top: float, bottom: float) -> bool:
    """True when a line from top to bottom reaches where running heads and feet sit."""
    return top < page.band or bottom > page.height - page.band


def without_running_lines(pages: list[PageLayout], settings: PdfSettings) -> list[PageLayout]:
    """Return the pages without page numbers and the heads/feet repeated on most pages.

    A head or foot may be a small ruled table (Word's header table: title | "Page 2
    of 5"); left in, it would stand between a table's parts on two pages.
    """

    def running(page: PageLayout, fragment: Fragment) -> bool:
        return fragment.bottom < page.band or fragment.top > page.height - page.band

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().lower())

    seen = Counter(
        k
        for page in pages
        for k in {
            key(pl.whole.text)
            for pl in page.lines
            if in_margin(page, pl.whole.top, pl.whole.bottom)
        }
        | {key(_text(f)) for f in page.fragments if running(page, f)}
    )
    repeated = {k for k, n in seen.items() if n >= max(2, len(pages) // 2)}
    return [
        replace(
            page,
            lines=_kept_lines(page, repeated, key, settings.rule_snap),
            fragments=[
                f for f in page.fragments if not running(page, f) or key(_text(f)) not in repeated
            ],
        )
        for page in pages
    ]


def _kept_lines(page: PageLayout, repeated: set[str], key, snap: float) -> list[PhysicalLine]:
    """Return the page's lines but those in its margin band that repeat, number the page,
    or stand as near its top edge as its number stands to the foot."""
    reach = _foot_reach(page, snap)
    return [
        pl
        for pl in page.lines
        if not in_margin(page, pl.whole.top, pl.whole.bottom)
        or (
            key(pl.whole.text) not in repeated
            and not _PAGE_NUMBER.match(pl.whole.text)
            and pl.whole.top > reach
        )
    ]


def _foot_reach(page: PageLayout, snap: float) -> float:
    """Return how far from its top edge a page's running head may stand; -1 if unknown.

    A page numbered at its foot has its margins printed: the producer sets the head
    in the top margin as near the edge as the foot ("Page 1 of 1" 31 pt from the
    bottom, its head 32 pt from the top), and the body below them. A line that near
    the top is the head, even on a page of its own where nothing repeats.
    """
    band = page.height - page.band
    feet = [
        page.height - pl.whole.bottom
        for pl in page.lines
        if pl.whole.top > band and _PAGE_NUMBER.match(pl.whole.text)
    ]
    return max(feet) + snap if feet else -1.0


def _text(fragment: Fragment) -> str:
    return " | ".join(cell.text for row in fragment.rows for cell in row)
