"""Lines read a run at a time are the lines read a glyph at a time, however the runs are cut.

Glyph rows are generated with what the line steps look for between glyphs: word gaps,
column gaps, space glyphs, a letter drawn again on itself, a glyph out of order, a
raised small glyph, a second baseline, a change of weight; the reading by runs
(``pdf_runs``) must give the same Lines as ``pdf_text`` gives from the glyphs.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.ingest.pdf_records import Glyph, Run, make_run, runs_of
from planwatch.ingest.pdf_runs import line_runs, read_line, read_physical_line
from planwatch.ingest.pdf_settings import DEFAULT_PDF_SETTINGS
from planwatch.ingest.pdf_text import group_lines, make_line, split_columns

S = DEFAULT_PDF_SETTINGS
# the step from one glyph to the next, in em: touching, tracked, a word gap, a column
# gap, drawn again a hair, a third or four fifths of its width on, back over the one before
STEPS = [0.0, 0.02, 0.3, 1.2, -0.57, -0.39, -0.12, -1.5]
TEXTS = ["a", "b", "l", "l", " ", "\xa0", "ﬁ", "ffi"]
BASELINES = [0.0, 0.0, 0.0, -3.0, 14.0]  # same line, raised, next line


@st.composite
def glyph_rows(draw) -> list[Glyph]:
    glyphs, x = [], 50.0
    for _ in range(draw(st.integers(1, 24))):
        size = draw(st.sampled_from([10.0, 10.0, 6.5]))
        step = draw(st.sampled_from(STEPS)) * size
        width = 0.6 * size
        base = 100.0 + draw(st.sampled_from(BASELINES))
        x += step
        bold = draw(st.booleans())
        glyphs.append(
            Glyph(draw(st.sampled_from(TEXTS)), x, x + width, base - size, base, size, bold)
        )
        x += width
    return glyphs


def _cut(runs: list[Run], cuts: list[int]) -> list[Run]:
    """Return the runs cut again after the glyphs numbered in ``cuts``."""
    out = []
    for run in runs:
        start = 0
        for at in sorted({c % len(run.lefts) for c in cuts} - {0}):
            out.append(run.part(start, at))
            start = at
        out.append(run.part(start, len(run.lefts)))
    return out


@settings(max_examples=200, deadline=None)
@given(glyph_rows(), st.lists(st.integers(0, 30), max_size=4), st.sampled_from([0.5, 0.2, 1.2]))
def test_lines_read_by_runs_are_the_lines_read_by_glyphs(glyphs, cuts, overprint):
    pdf = replace(DEFAULT_PDF_SETTINGS, overprint=overprint)
    runs = _cut(runs_of(glyphs), cuts)
    by_glyph = [
        (make_line(g, pdf), [make_line(p, pdf) for p in split_columns(g, pdf)])
        for g in group_lines(glyphs, pdf)
    ]
    by_run = [read_physical_line(line, pdf) for line in line_runs(runs, pdf)]
    assert by_run == by_glyph
    assert [whole for whole, _ in by_run] == [read_line(line, pdf) for line in line_runs(runs, pdf)]


def test_a_run_is_its_glyphs():
    glyphs = [Glyph(t, x, x + 5.0, 90.0, 100.0, 10.0, False) for t, x in (("ﬁ", 0.0), ("x", 5.0))]
    run = runs_of(glyphs)[0]
    assert run.glyphs() == glyphs
    assert run.text == "ﬁx" and run.part(1, 2).glyphs() == glyphs[1:]
    assert make_run(["f", "fi"], [0.0, 5.0], [5.0, 9.0], 90.0, 100.0, 10.0, False).texts == (
        "f",
        "fi",
    )
