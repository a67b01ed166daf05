"""Glyph runs to text lines: the steps of ``pdf_text``, taken a run at a time.

Read glyph by glyph, a line costs a Python step per glyph. In most lines nothing
happens between one glyph and the next but the next letter: no gap wide enough to be a
word space, no letter drawn again over the one before it (``pdf_text.make_line``). Such
a line is read from its runs' joined text and the glyphs at its words' ends. Any other
line is read glyph by glyph by ``pdf_text`` itself, so both ways give the same Line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, pairwise, repeat
from operator import attrgetter, le, sub

from .pdf_records import Run, glyphs_of, one_run
from .pdf_settings import PdfSettings
from .pdf_text import _LIGATURES, Line, baselines, make_line, overprints, split_columns

_WORD = re.compile(r"\S+")
# a letter, then (after spaces only) the same letter: where make_line asks if it overprints
_AGAIN = re.compile(r"(\S)(?=(\s*)\1)")
_X0 = attrgetter("x0")
_LIGATURE = re.compile("[\ufb00-\ufb06]")  # the glyphs _LIGATURES spells out


def line_runs(runs: Iterable[Run], settings: PdfSettings) -> list[list[Run]]:
    """Return the runs grouped by baseline, top to bottom, each group's glyphs left to right.

    The same lines as ``pdf_text.group_lines`` reads from the runs' glyphs.
    """
    return [_left_to_right(group) for group in baselines(runs, settings)]


def _left_to_right(group: list[Run]) -> list[Run]:
    """Return a line's runs with their glyphs in the order of a stable sort by x0."""
    ordered = sorted(group, key=_X0) if len(group) > 1 else group
    if all(map(_ascending, ordered)) and all(
        a.lefts[-1] < b.lefts[0] for a, b in pairwise(ordered)
    ):
        return ordered  # each run in order, and each wholly left of the next
    glyphs = glyphs_of(group)
    glyphs.sort(key=_X0)
    return list(map(one_run, glyphs))


def _ascending(run: Run) -> bool:
    return all(map(le, run.lefts, run.lefts[1:]))


def read_line(runs: list[Run], settings: PdfSettings) -> Line:
    """Return the Line of one line's runs, as ``pdf_text.make_line`` reads their glyphs."""
    line = _plain_line(runs, settings)
    return line if line is not None else make_line(glyphs_of(runs), settings)


def read_physical_line(runs: list[Run], settings: PdfSettings) -> tuple[Line, list[Line]]:
    """Return one line's runs read whole and cut into its parts, as ``pdf_text.make_line``
    and ``pdf_text.split_columns`` read their glyphs; the line is checked for plainness
    once, for both."""
    plain = _plain_line(runs, settings)
    wide = settings.column_gap >= settings.word_gap  # a column gap is then a word gap too
    if plain is not None and wide and not _column_gap(runs, settings):
        return plain, [plain]  # the only part where no gap is wide enough
    glyphs = glyphs_of(runs)
    whole = plain if plain is not None else make_line(glyphs, settings)
    return whole, [make_line(part, settings) for part in split_columns(glyphs, settings)]


def _column_gap(runs: list[Run], settings: PdfSettings) -> bool:
    """True when a gap between two words of a plain line is wide enough to cut columns."""
    text = "".join(run.text for run in runs)
    spans = [m.span() for m in _WORD.finditer(text)]
    lefts, rights = _columns(runs, "lefts"), _columns(runs, "rights")
    sizes = list(chain.from_iterable(repeat(run.size, len(run.lefts)) for run in runs))
    cut = settings.column_gap
    return any(
        lefts[start] - rights[end - 1] > cut * sizes[start]
        for (_, end), (start, _) in pairwise(spans)
    )


def _plain_line(runs: list[Run], settings: PdfSettings) -> Line | None:
    """Return the Line of runs in which nothing but letters and spaces follow each other;
    None for any other (a glyph of several characters, a gap, a letter drawn twice)."""
    if any(run.texts is not None for run in runs) or not _tight(runs, settings.word_gap):
        return None
    if len(runs) == 1:  # most lines: a cell's line is one run
        text, lefts, rights = runs[0].text, runs[0].lefts, runs[0].rights
    else:
        text = "".join(run.text for run in runs)
        lefts, rights = _columns(runs, "lefts"), _columns(runs, "rights")
    words = text.split()
    if not words:
        return None
    for m in _AGAIN.finditer(text):
        i, j = m.start(), m.start() + 1 + len(m.group(2))
        if overprints(lefts[j], lefts[i], rights[i] - lefts[i], settings):
            return None  # drawn again on itself: make_line drops it
    first, end = len(text) - len(text.lstrip()), len(text.rstrip())  # the ink's first, past last
    first_word_end = rights[first + len(words[0]) - 1] if len(words) > 1 else None
    joined = " ".join(words)
    return Line(
        joined.translate(_LIGATURES) if _LIGATURE.search(joined) else joined,
        lefts[first],
        _right(text, rights, end),
        *_extent(runs),
        wrapped=text[-1].isspace(),
        first_word_width=(first_word_end or rights[end - 1]) - lefts[first],
        first_char_width=rights[first] - lefts[first],
    )


def _extent(runs: list[Run]) -> tuple[float, float, float, bool, bool]:
    """Return the top, bottom, size, bold and whole_bold of a plain line's runs."""
    if len(runs) == 1:
        run = runs[0]
        return run.top, run.bottom, run.size, run.bold, run.bold
    inked = [run for run in runs if not run.text.isspace()]
    return (
        min(run.top for run in runs),
        max(run.bottom for run in runs),
        max(run.size for run in inked),
        inked[0].bold,
        all(run.bold for run in inked),
    )


def _right(text: str, rights, end: int) -> float:
    """Return how far right the glyphs that print reach; ``end`` is past the last."""
    if all(map(le, rights[: end - 1], rights[1:end])):
        return rights[end - 1]  # no glyph reaches less far than the one before
    return max(max(rights[start:stop]) for start, stop in (m.span() for m in _WORD.finditer(text)))


def _tight(runs: list[Run], word_gap: float) -> bool:
    """True when no glyph stands further than a word space from the one before it."""
    last = None
    for run in runs:
        limit = word_gap * run.size
        if last is not None and run.lefts[0] - last.rights[-1] > limit:
            return False
        if len(run.lefts) > 1 and max(map(sub, run.lefts[1:], run.rights)) > limit:
            return False
        last = run
    return True


def _columns(runs: list[Run], name: str) -> tuple[float, ...] | list[float]:
    if len(runs) == 1:
        return getattr(runs[0], name)
    return list(chain.from_iterable(getattr(run, name) for run in runs))
