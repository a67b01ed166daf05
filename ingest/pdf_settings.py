"""How the PDF reader reads: which engine parses the file, and the geometry's tolerances.

Every knob of the PDF reader is a field here, named for what it measures; the
defaults are the values the reader was tuned on. Distances are PDF points, or
shares of the font size where the name says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .pdf_engines import ENGINES


@dataclass(frozen=True)
class PdfSettings:
    """Settings of the PDF reader, passed by the caller; checked when made.

    ``engine`` names the parser that reads the pages: "pdfium" (PDFium through
    pypdfium2, the default and several times faster) or "pdfplumber" (pdfminer,
    pure Python). Both give the same rows; the geometry after them is shared.
    """

    engine: str = "pdfium"

    # rules and ruled tables (pdf_tables, pdf_grid)
    rule_snap: float = 2.0
    """Rules, cell edges and table sides closer than this are one (pt): LibreOffice draws
    the outer frame half a point wider than the inner rules ("84.3 .. 746.6" vs "84.8 ..
    746.1")."""
    rule_width: float = 6.0
    """A filled box no thicker than this is a rule, Word's widest border; a wider one is
    cell shading (pt)."""
    thin_rule: float = 2.0
    """Past this thickness a filled bar is a rule only when ``rule_aspect`` times as long as
    thick, not a square bullet (pt)."""
    rule_aspect: float = 4.0
    """How many times as long as thick a bar thicker than ``thin_rule`` must be to be a
    rule."""
    full_cell_lines: float = 1.6
    """A cell's text reaches its foot (cut by the page end) when its last line ends within
    this many font sizes, plus ``full_cell_padding``, of the cell's bottom: one line that
    widow/orphan control may have pushed over."""
    full_cell_padding: float = 3.0
    """The cell padding allowed under its last line besides (pt)."""
    widow_pitches: float = 2.0
    """A cell at a page foot whose rest on the next page is two lines or more reaches the
    foot when its last line ends within this many of its line pitches, plus
    ``full_cell_padding``, of its bottom: widow control (CSS ``widows: 2``, Chromium)
    moves a line that would have fitted over the page to stand with the last one."""
    overflow_touch: float = 0.5
    """A line drawn under a table touches its bottom rule (or the line read back into the
    table before it) when it stands within this share of its size below it
    (``pdf_overflow``)."""
    overflow_align: float = 1.0
    """A line drawn under a table is read back into a cell only when it starts within this
    distance of the cell's own lines and stands within it of one of their pitches under
    the last (pt)."""

    # cells from rules (pdf_cells), pdfplumber's table finder with its default settings
    cell_snap: float = 3.0
    """Edges closer than this across are moved onto their mean (pt)."""
    cell_join: float = 3.0
    """Collinear edges with a gap up to this are one edge (pt)."""
    cell_min_length: float = 3.0
    """Edges shorter than this, once joined, are dropped (pt)."""
    cell_cross: float = 3.0
    """An edge ending this short of another still crosses it (pt)."""

    # glyphs to lines (pdf_text)
    word_gap: float = 0.15
    """A gap wider than this share of the font size between two glyphs is a word space:
    producers that place each word and write no space glyph leave Calibri's space, 0.226
    em; kerning and tracking move glyphs by a few hundredths of an em."""
    column_gap: float = 0.9
    """A gap wider than this share of the font size cuts a line into the columns of a
    borderless table."""
    baseline_gap: float = 0.4
    """Glyphs whose baselines are further apart than this share of the font size (of
    ``baseline_min_size`` at least) stand on different lines."""
    baseline_min_size: float = 1.0
    """The font size ``baseline_gap`` is a share of is taken as this at least (pt): glyphs
    of size 0 or a hair, as some producers write, still have a line of their own."""
    script_size: float = 0.9
    """A run of glyphs no larger than this share of a neighbouring line's size, inside its
    box, is a superscript or subscript of that line (Word's "31st": two-thirds the size)."""
    script_reach: float = 0.25
    """Such a run may stand out of the line's box by this share of the line's size."""
    overprint: float = 0.5
    """The same glyph drawn again within this share of its width (``overprint_min`` at
    least) is drawn on itself ("fake bold": print drivers draw a line again 0.2-0.5 pt to
    the right); a real double letter ("ll") stands a whole glyph on."""
    overprint_min: float = 0.1
    """A glyph drawn again this near is drawn on itself however narrow it is (pt)."""

    # lines to text (pdf_text): a word broken for want of room, a line that runs on
    space_width: float = 0.3
    """A space glyph is about this share of the font size wide."""
    fit_slack: float = 0.5
    """The edge of a cell's text area, inferred from its left padding, may lie this far past
    the producer's own (pt): a collapsed border's width is shared unevenly (Chromium: a 0.75
    pt rule, and "RAG" broken with 0.28 pt to spare), and glyphs are placed on grids of their
    own (1/64 px, Pango units)."""
    fit_margin: float = 0.01
    """A letter or a word fits only with this share of the font size to spare: PDFium keeps
    glyph widths in whole thousandths of an em (Liberation Sans' space, 277.832 in /W, is
    277), so it measures a line a hair shorter than pdfminer does, and a word a producer
    broke because its next letter missed by a hair would fit through one engine only."""
    flush_left: float = 1.0
    """Lines starting within this of the leftmost are flush with it (pt); where they are not
    (centred, set right), the widest tells nothing of the room left."""
    common_word: int = 1000
    """A piece of a line seen fewer times than this in the English word list's corpus is
    no word ("awn" 80, "d" 50); "ion" (2,398) and "ions" (450) stay words, which only ever
    keeps a break."""
    less_common: int = 500
    """A join of two pieces that the list has never seen ("outcomesof") is no word; then two
    pieces (or their plurals) seen this often ("outcomes" 747, "workforce" 879) were wrapped
    at a space, while "col" + "our" (colour, British, unseen) still joins."""

    # pages to paragraphs (pdf_layout)
    margin_band: float = 0.1
    """Share of the page height, from its top and from its foot, where running heads,
    feet and page numbers stand; under 0.5."""
    paragraph_gap: float = 0.5
    """Lines further apart than this share of the font size are different paragraphs."""
    size_step: float = 0.6
    """Lines whose font sizes differ by more than this are different paragraphs (pt)."""

    # tables drawn without rules (pdf_borderless)
    column_snap: float = 3.0
    """Column starts of a borderless table closer than this are one column (pt)."""
    first_column_margin: float = 6.0
    """The first borderless column's text is taken to end this far short of the second
    column's start (pt)."""
    min_table_lines: int = 2
    """Lines cut in columns that a run of lines needs to be read as a borderless table."""
    max_row_gap: float = 2.0
    """A line in one piece this many font sizes below the line above starts no row of a
    borderless table ("Page 1 of 2" under it)."""
    column_gutter: float = 1.6
    """A borderless column's text area ends at least this many font sizes (of the table's
    largest) short of the next column's start."""

    # tables over pages (pdf_grid)
    max_header_rows: int = 3
    """At most this many rows repeated at the head of a page are read as header rows again."""
    orphans: int = 2
    """The fewest lines of a paragraph a producer leaves at a page foot (CSS ``orphans: 2``,
    LibreOffice's orphan control): a cell moved whole to the next page while its row's other
    cells show text at the foot is a paragraph of at least this many lines."""
    widows: int = 2
    """The fewest lines of a paragraph a producer carries over to the head of a page (CSS
    ``widows: 2``): a paragraph cut by a page break with one line either side was cut by
    a producer keeping neither ``orphans`` nor ``widows``, so such a line too full for the
    next word tells no cut where the producer writes no wrap marks."""

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(
                f"PdfSettings.engine must be one of {', '.join(sorted(ENGINES))},"
                f" got {self.engine!r}"
            )
        for f in fields(self):
            if f.type == "float":
                _check_positive(f.name, getattr(self, f.name))
            elif f.type == "int":
                _check_count(f.name, getattr(self, f.name))
        if self.margin_band >= 0.5:
            raise ValueError(f"PdfSettings.margin_band must be under 0.5, got {self.margin_band!r}")


def _check_positive(name: str, value: object) -> None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not math.isfinite(value) or value <= 0:
        raise ValueError(f"PdfSettings.{name} must be a positive number, got {value!r}")


def _check_count(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"PdfSettings.{name} must be a whole number of 1 or more, got {value!r}")


DEFAULT_PDF_SETTINGS = PdfSettings()
