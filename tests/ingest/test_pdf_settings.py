"""PdfSettings: every knob of the PDF reader checked when made, and read where it applies."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from planwatch.ingest import PdfSettings, read_document
from planwatch.ingest.lexicon import is_word
from planwatch.ingest.pdf_records import Glyph, Shape, runs_of
from planwatch.ingest.pdf_runs import read_line
from planwatch.ingest.pdf_tables import _is_bar
from planwatch.ingest.pdf_text import _by_words, group_lines, make_line
from planwatch.model import Table

FIXTURES = Path(__file__).parent / "pdf_fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TOLERANCES = [f.name for f in fields(PdfSettings) if f.type == "float"]


@pytest.mark.parametrize("name", TOLERANCES)
@pytest.mark.parametrize("value", [0, -1.0, float("nan"), float("inf"), "3", True])
def test_a_tolerance_that_is_no_positive_number_is_named_in_the_error(name, value) -> None:
    with pytest.raises(ValueError, match=f"PdfSettings.{name} must be a positive number"):
        PdfSettings(**{name: value})


def test_a_margin_band_of_half_the_page_or_more_is_refused() -> None:
    with pytest.raises(ValueError, match="PdfSettings.margin_band must be under 0.5, got 0.5"):
        PdfSettings(margin_band=0.5)


def test_the_settings_cannot_be_changed_once_made() -> None:
    settings = PdfSettings()
    with pytest.raises(AttributeError):
        settings.margin_band = 0.2  # type: ignore[misc]


def test_a_narrow_margin_band_keeps_the_running_heads_and_page_numbers() -> None:
    # the heads and page numbers of running.pdf stand within a tenth of the page height
    # from its edges, but further out than a hundredth
    narrow = read_document(FIXTURES / "running.pdf", pdf=PdfSettings(margin_band=0.01))
    texts = [(b.page, b.text[:14]) for b in narrow.blocks]
    assert texts[:4] == [
        (1, "HMICFRS Improv"),
        (1, "Section 1"),
        (1, "The Service ha"),
        (1, "Page 1"),
    ]


@pytest.mark.parametrize("name", ["max_header_rows", "common_word"])
@pytest.mark.parametrize("value", [0, -1, 2.0, "3", True])
def test_a_count_that_is_no_count_is_named_in_the_error(name, value) -> None:
    with pytest.raises(ValueError, match=f"PdfSettings.{name} must be a whole number"):
        PdfSettings(**{name: value})


def test_header_rows_repeated_past_the_limit_are_read_as_rows_again() -> None:
    # the improvement plan's tables repeat their three header rows on every page
    plan = SAMPLES / "hwfrs-improvement-plan-2021-01.pdf"
    tables = [read_document(plan, pdf=PdfSettings(max_header_rows=n)).blocks for n in (3, 2)]
    headers = [[sum(r.header for r in b.rows) for b in bs if isinstance(b, Table)] for bs in tables]
    assert headers == [[3] * 7, [2] * 7]



def test_a_row_cut_at_the_page_foot_is_joined_only_if_its_cells_reach_the_foot() -> None:
    # cut_rows.pdf: action 2.7 cut at the foot of page 1 and carried on at the head of
    # page 2; with no room allowed under the last line (nor for a line widow control moved
    # over) its cells no longer reach the foot
    cut_rows = Path(__file__).parent / "pdf_producers" / "cut_rows.pdf"

    def rows(settings: PdfSettings) -> int:
        (table,) = [b for b in read_document(cut_rows, pdf=settings).blocks if isinstance(b, Table)]
        return len(table.rows)

    tight = PdfSettings(full_cell_lines=0.1, full_cell_padding=0.1, widow_pitches=0.1)
    assert (rows(PdfSettings()), rows(tight)) == (9, 10)


def test_how_long_a_thick_bar_must_be_to_be_a_rule_is_read_from_the_settings() -> None:
    # a filled bar 3 pt thick and 10 pt long: past the 2 pt thin rule, and under four
    # times as long as thick, it is a square-ish bullet, not a border
    bar = Shape("rect", 50.0, 100.0, 60.0, 103.0, (), False, True, "000000", None, 0.0)
    assert not _is_bar(bar, PdfSettings())
    assert _is_bar(bar, PdfSettings(rule_aspect=3.0))


def _ell(x0: float, bottom: float = 100.0, size: float = 10.0) -> Glyph:
    return Glyph("l", x0, x0 + 0.2, bottom - size, bottom, size, False)


def test_the_least_overprint_distance_is_read_from_the_settings() -> None:
    # a second narrow "l" 0.15 pt on: past half its 0.2 pt width and past 0.1 pt, a letter
    # of its own; drawn on itself where 0.2 pt is the least distance
    glyphs = [_ell(50.0), _ell(50.15)]
    wide = PdfSettings(overprint_min=0.2)
    assert make_line(glyphs, PdfSettings()).text == "ll"
    assert make_line(glyphs, wide).text == "l"
    assert read_line(runs_of(glyphs), PdfSettings()).text == "ll"
    assert read_line(runs_of(glyphs), wide).text == "l"


def test_the_least_size_of_a_baseline_gap_is_read_from_the_settings() -> None:
    # glyphs of half a point, baselines 0.3 pt apart: one line while sizes count as 1 pt
    # (0.4 of it is 0.4 pt), two where they count as their own 0.5 pt (0.2 pt)
    glyphs = [_ell(50.0, 100.0, 0.5), _ell(60.0, 100.3, 0.5)]
    assert len(group_lines(glyphs, PdfSettings())) == 1
    assert len(group_lines(glyphs, PdfSettings(baseline_min_size=0.5))) == 2


def test_how_common_a_word_must_be_is_read_from_the_settings() -> None:
    # "registered" and "sex", both common and no word together, were wrapped at a space;
    # held to words seen a billion times (and parts too), neither is a word and the break
    # stays a guess
    rare = PdfSettings(common_word=10**9, less_common=10**9)
    common = PdfSettings().common_word
    assert _by_words("registered", "sex", frozenset(), False, PdfSettings()) == (False, True)
    assert _by_words("registered", "sex", frozenset(), False, rare) == (True, False)
    assert not is_word("awn", frozenset(), common)  # seen 80 times
    assert is_word("awn", frozenset(), 50)


def test_how_common_the_parts_of_an_unknown_join_must_be_is_read_from_the_settings() -> None:
    # "workforce" (seen 879 times) + "plan" make no word the list knows: two parts seen 500
    # times or more were wrapped at a space, a guess; held to 900, "workforce" is no such
    # part and the break reads as a word broken
    parts = ("workforce", "plan", frozenset(), False)
    assert _by_words(*parts, PdfSettings()) == (False, False)
    assert _by_words(*parts, PdfSettings(less_common=900)) == (True, False)
