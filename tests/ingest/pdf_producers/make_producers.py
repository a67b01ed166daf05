"""Write small action-plan PDFs drawn the way producers other than LibreOffice draw them.

Run from the repository root: ``.venv/bin/python tests/ingest/pdf_producers/make_producers.py``
(needs reportlab, and the Liberation Sans and DejaVu Sans fonts). Each file copies one
habit of a real producer (Word, Microsoft Print to PDF, Google Docs, reporting tools);
``tests/ingest/test_pdf_producers.py`` holds, written out by hand, what each should read as.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).parent
FONTS = Path("/usr/share/fonts/truetype")

HEADER = ("Ref", "Action", "Lead", "Target date", "Status")
ACTIONS = [
    HEADER,
    (
        "1.1",
        "Review the fire safety audit programme for high-rise premises and publish the results",
        "GC Protection",
        "Mar 2021",
        "Complete",
    ),
    ("1.2", "Train all on-call crews in water rescue before the flood season", "AM Response",
     "Q4 2021/2022", "Ongoing"),
    ("1.3", "Replace the station fleet and/or equipment plan", "Head of Fleet", "30.09.21", "Open"),
]  # fmt: skip
WIDTHS = (40, 200, 90, 75, 60)
TITLE = "Hereford & Worcester FRS Improvement Plan"

# the long plan: rows of several lines, so the table runs over pages and rows are cut
LONG_ACTIONS = [
    HEADER,
    ("2.1", "Carry out a review of the on-call duty system, including the pay model, the "
     "availability targets for each station and the way crews book on and off duty", "AM Response",
     "Mar 2021", "Complete"),
    ("2.2", "Introduce a new performance management framework so that every manager reviews the "
     "objectives of each member of staff twice a year and records the outcome", "Head of HR",
     "Jun 2021", "Ongoing"),
    ("2.3", "Publish the workforce plan", "Head of HR", "Sep 2021", "Open"),
    ("2.4", "Develop a coaching and mentoring scheme open to all staff, with trained mentors in "
     "every district, a published guide and a yearly report to the Senior Leadership Board on how "
     "many staff have taken part, what they thought of it and what will change next year as a "
     "result; the scheme will be evaluated by an outside body after its first full year and the "
     "evaluation will be shared with the representative bodies and all staff through the intranet",
     "GC Training", "Q4 2021/2022", "Ongoing"),
    ("2.5", "Review the equality impact assessments of all workforce policies", "Head of HR",
     "Dec 2021", "Open"),
    ("2.6", "Set up a staff survey every year and publish an action plan in response to the "
     "results, agreed with the representative bodies", "Head of HR", "Mar 2022", "Open"),
    ("2.7", "Make sure that fitness assessments are recorded for all operational staff and that "
     "support is offered to those who do not meet the standard", "GC Training", "30.09.21",
     "Complete"),
    ("2.8", "Improve the recording of training for on-call staff by moving every station onto "
     "the new training records system", "GC Training", "Q3 2021/2022", "Ongoing"),
]  # fmt: skip


def _fonts() -> None:
    # Liberation Sans has Arial's metrics; DejaVu Sans has the fi and fl ligature glyphs
    pdfmetrics.registerFont(TTFont("Arial", FONTS / "liberation" / "LiberationSans-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("ArialBd", FONTS / "liberation" / "LiberationSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu", FONTS / "dejavu" / "DejaVuSans.ttf"))


# --- tables drawn on a canvas, one drawing habit at a time ------------------------------


class Grid:
    """Where the rows and columns of a canvas table fall, and each cell's wrapped lines."""

    def __init__(
        self, rows, widths, x: float, top: float, font: str, size: float, split=simpleSplit
    ) -> None:
        self.rows, self.widths, self.font, self.size = rows, widths, font, size
        self.pad, self.lead = 4.0, size * 1.2
        self.xs = [x]
        for w in widths:
            self.xs.append(self.xs[-1] + w)
        self.lines = [
            [
                split(text, font, size, w - 2 * self.pad)
                for text, w in zip(row, widths, strict=True)
            ]
            for row in rows
        ]
        self.ys = [top]  # from the top of the page down, in PDF units (y up)
        for cells in self.lines:
            height = max(len(lines) for lines in cells) * self.lead + 2 * self.pad
            self.ys.append(self.ys[-1] - height)


Rules = Callable[[Canvas, Grid], None]
Words = Callable[[Canvas, str, float, float, str, float], None]


def rules_as_lines(c: Canvas, g: Grid) -> None:
    """Every rule one stroked line across the table (Microsoft Print to PDF)."""
    c.setLineWidth(0.5)
    for y in g.ys:
        c.line(g.xs[0], y, g.xs[-1], y)
    for x in g.xs:
        c.line(x, g.ys[0], x, g.ys[-1])


def rules_as_one_path(c: Canvas, g: Grid) -> None:
    """The whole grid one stroked path of many pieces; the frame one closed polyline
    (browsers' PDF engines, which Google Docs and web reports go through)."""
    c.setLineWidth(0.5)
    path = c.beginPath()
    path.moveTo(g.xs[0], g.ys[0])
    for x, y in ((g.xs[-1], g.ys[0]), (g.xs[-1], g.ys[-1]), (g.xs[0], g.ys[-1])):
        path.lineTo(x, y)
    path.close()
    for y in g.ys[1:-1]:
        path.moveTo(g.xs[0], y)
        path.lineTo(g.xs[-1], y)
    for x in g.xs[1:-1]:
        path.moveTo(x, g.ys[0])
        path.lineTo(x, g.ys[-1])
    c.drawPath(path, stroke=1, fill=0)


def rules_as_cell_boxes(c: Canvas, g: Grid) -> None:
    """Each cell its own stroked box, so shared edges are drawn twice (Google Docs)."""
    c.setLineWidth(0.75)
    for r in range(len(g.rows)):
        for col in range(len(g.widths)):
            c.rect(g.xs[col], g.ys[r + 1], g.widths[col], g.ys[r] - g.ys[r + 1], stroke=1, fill=0)


def rules_thick_frame(c: Canvas, g: Grid) -> None:
    """A 3 pt outer frame and 0.5 pt inner rules, all as filled boxes (Word's "Box" border)."""
    c.setFillColor(colors.black)
    thin, thick = 0.5, 3.0
    for y in g.ys[1:-1]:
        c.rect(g.xs[0], y - thin / 2, g.xs[-1] - g.xs[0], thin, stroke=0, fill=1)
    for x in g.xs[1:-1]:
        c.rect(x - thin / 2, g.ys[-1], thin, g.ys[0] - g.ys[-1], stroke=0, fill=1)
    width, height = g.xs[-1] - g.xs[0], g.ys[0] - g.ys[-1]
    c.rect(g.xs[0] - thick, g.ys[0], width + 2 * thick, thick, stroke=0, fill=1)
    c.rect(g.xs[0] - thick, g.ys[-1] - thick, width + 2 * thick, thick, stroke=0, fill=1)
    c.rect(g.xs[0] - thick, g.ys[-1], thick, height, stroke=0, fill=1)
    c.rect(g.xs[-1], g.ys[-1], thick, height, stroke=0, fill=1)


def rules_across_only(c: Canvas, g: Grid) -> None:
    """Rules between rows only, none between columns (Word's "Plain Table" styles)."""
    c.setLineWidth(0.5)
    for y in g.ys:
        c.line(g.xs[0], y, g.xs[-1], y)


def cells_as_tiles(c: Canvas, g: Grid) -> None:
    """Each cell a tinted tile, 2 pt of white between tiles, no rule drawn (cell spacing)."""
    c.setFillColor(colors.HexColor("#DCE6F1"))
    for r in range(len(g.rows)):
        for col in range(len(g.widths)):
            x, y = g.xs[col] + 1, g.ys[r + 1] + 1
            c.rect(x, y, g.widths[col] - 2, g.ys[r] - g.ys[r + 1] - 2, stroke=0, fill=1)
    c.setFillColor(colors.black)


def no_rules(c: Canvas, g: Grid) -> None:
    """No rules at all: rows told apart by their fills alone (reporting tools)."""


def words_by_line(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """One text object per line, no space written after its last word (Word)."""
    c.setFont(font, size)
    c.drawString(x, y, text)


def words_one_by_one(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """One text object per word, the space between words left as a gap, no glyph."""
    c.setFont(font, size)
    space = pdfmetrics.stringWidth(" ", font, size)
    for word in text.split(" "):
        c.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word, font, size) + space


def words_narrow_gaps(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """One text object per word, 0.22 em apart, no space glyph: Calibri's space is 0.226 em."""
    c.setFont(font, size)
    for word in text.split(" "):
        c.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word, font, size) + 0.22 * size


def ordinals_raised(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """One text object per line; "st", "nd", "th" after a number in superscript (Word's
    AutoFormat: two-thirds size, raised a third of the size)."""
    text_object = c.beginText(x, y)
    for piece in re.split(r"(?<=\d)(st|nd|rd|th)\b", text):
        if piece in ("st", "nd", "rd", "th"):
            text_object.setFont(font, size * 2 / 3)
            text_object.setRise(size / 3)
        else:
            text_object.setFont(font, size)
            text_object.setRise(0)
        text_object.textOut(piece)
    c.drawText(text_object)


def overprinted_bold(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """Each line drawn twice, the second 0.4 pt to the right: bold faked by overprinting
    (print drivers and reporting tools without a bold face)."""
    c.setFont(font, size)
    c.drawString(x, y, text)
    c.drawString(x + 0.4, y, text)


def glyphs_one_by_one(c: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """One text object per glyph, kerned pairs drawn closer (Word with kerning on)."""
    c.setFont(font, size)
    for i, char in enumerate(text):
        c.drawString(x, y, char)
        x += pdfmetrics.stringWidth(char, font, size)
        if text[i : i + 2] in ("Te", "ov", "ra", "Re", "ye", "r "):
            x -= 0.04 * size


def draw_table(
    c: Canvas, g: Grid, rules: Rules, words: Words, fills=None, inks=None, bold_rows=()
) -> None:
    """Draw fills, then rules, then text, as the producers do."""
    for r, colour in (fills or {}).items():
        c.setFillColor(colour)
        c.rect(g.xs[0], g.ys[r + 1], g.xs[-1] - g.xs[0], g.ys[r] - g.ys[r + 1], stroke=0, fill=1)
    rules(c, g)
    for r, cells in enumerate(g.lines):
        c.setFillColor((inks or {}).get(r, colors.black))
        font = g.font + "Bd" if r in bold_rows else g.font
        for col, lines in enumerate(cells):
            y = g.ys[r] - g.pad - g.size
            for line in lines:
                words(c, line, g.xs[col] + g.pad, y, font, g.size)
                y -= g.lead


def canvas_plan(path: Path, rules: Rules, words: Words, font: str = "Arial", **look) -> None:
    """One A4 page: the title, then the short plan table drawn with the given habits."""
    c = Canvas(str(path), pagesize=A4)
    c.setFont(font, 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(ACTIONS, WIDTHS, 50, 750, font, 10), rules, words, **look)
    c.save()


def build_zebra(path: Path) -> None:
    """Dark blue header in white bold, alternate rows tinted, completed rows grey."""
    canvas_plan(
        path,
        rules_as_lines,
        words_by_line,
        fills={
            0: colors.HexColor("#1F3864"),
            1: colors.HexColor("#D9D9D9"),
            2: colors.HexColor("#DCE6F1"),
        },  # fmt: skip
        inks={0: colors.white},
        bold_rows=(0,),
    )


def build_page_border(path: Path) -> None:
    """The short plan inside a page border: a stroked box round the text area (Word)."""
    c = Canvas(str(path), pagesize=A4)
    c.setLineWidth(1.5)
    c.rect(40, 40, A4[0] - 80, A4[1] - 80, stroke=1, fill=0)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(ACTIONS, WIDTHS, 50, 750, "Arial", 10), rules_as_lines, words_by_line)
    c.save()


def build_spans(path: Path) -> None:
    """A reporting tool's table whose first row, the area for improvement, spans every column."""
    body = ParagraphStyle("cell", fontName="Arial", fontSize=9, leading=11)
    area = "Area for improvement 1: The service should make sure it audits high-risk premises"
    rows = [(area, "", "", "", ""), *ACTIONS]
    data = [[Paragraph(t, body) for t in row] for row in rows]
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#FFC000")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(TITLE, body), Table(data, list(WIDTHS), style=style)])


# an action whose text, lead and date cells span its two progress rows, as in row_span_pieces
SPAN_ROWS = [
    ("Ref", "Action", "Lead", "Status", "Update"),
    ("1", "Review the demand strategy", "Supt Contact", "Amber", "Strategy drafted"),
    ("2", "Introduce a call-back service for non-emergency calls", "Ch Insp Control", "Green",
     "Pilot live in the north"),
    (None, None, None, "Green", "Pilot extended to the whole force"),
]  # fmt: skip


def build_row_span_pieces(path: Path) -> None:
    """Cells spanning two rows, every cell's side rules drawn one row at a time (Chromium,
    WeasyPrint): the spanning cells' side rules end, unclosed, where the row under the
    progress cells begins, and the spanning action's text runs on below that line."""
    c = Canvas(str(path), pagesize=A4)
    widths, size, lead, pad = (40, 100, 90, 60, 120), 10.0, 12.0, 4.0
    xs = [50.0]
    for w in widths:
        xs.append(xs[-1] + w)
    lines = [
        [simpleSplit(t or "", "Arial", size, w - 2 * pad) for t, w in zip(row, widths, strict=True)]
        for row in SPAN_ROWS
    ]
    ys = [750.0]
    for r, cells in enumerate(lines):  # a row is as tall as its cells that do not span
        own = [len(cl) for col, cl in enumerate(cells) if r != 2 or col >= 3] or [1]
        ys.append(ys[-1] - max(own) * lead - 2 * pad)
    c.setLineWidth(0.5)
    for r in range(len(SPAN_ROWS)):
        for col in range(len(widths)):
            spanned = r == 3 and col < 3  # covered by the cell above: no rule over it
            c.line(xs[col], ys[r], xs[col], ys[r + 1])
            c.line(xs[col + 1], ys[r], xs[col + 1], ys[r + 1])
            if not spanned:
                c.line(xs[col], ys[r], xs[col + 1], ys[r])
            if not (r == 2 and col < 3):
                c.line(xs[col], ys[r + 1], xs[col + 1], ys[r + 1])
    c.setFont("Arial", size)
    for r, cells in enumerate(lines):
        for col, cell in enumerate(cells):
            y = ys[r] - pad - size
            for line in cell:
                c.drawString(xs[col] + pad, y, line)
                y -= lead
    c.save()


def _cell_row(c: Canvas, xs, top: float, texts, height: float, shut=None, open_top=()) -> float:
    """Draw one row of boxed cells from top down, each cell's rules on its own; return
    its foot. ``shut``: per column, whether the rule under it is drawn; ``open_top``:
    the columns with no rule over them. A text may be a list of lines, drawn as given."""
    for col, text in enumerate(texts):
        c.line(xs[col], top, xs[col], top - height)
        c.line(xs[col + 1], top, xs[col + 1], top - height)
        if col not in open_top:
            c.line(xs[col], top, xs[col + 1], top)
        if shut is None or shut[col]:
            c.line(xs[col], top - height, xs[col + 1], top - height)
        width = xs[col + 1] - xs[col] - 8
        lines = text if isinstance(text, list) else simpleSplit(text, "Arial", 10, width)
        for k, line in enumerate(lines):
            c.drawString(xs[col] + 4, top - 14 - 12 * k, line)
    return top - height


def _page(c: Canvas) -> None:
    c.setFont("Arial", 10)
    c.setLineWidth(0.5)


def build_moved_cell(path: Path) -> None:
    """A row cut at a page foot as WeasyPrint cuts it: its action's first line did not fit,
    so the whole action moved to the next page, under the repeated header, in a row empty
    but for it; the ref spans this row and the next, its box left open at the page foot."""
    xs = [50.0, 90.0, 240.0, 330.0, 400.0, 450.0]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 560, HEADER, 20)
    first = ("1", "Review the fleet plan", "Head of Fleet", "Mar 2021", "Green")
    top = _cell_row(c, xs, top, first, 20)
    shut = (False, True, True, True, True)
    _cell_row(c, xs, top, ("3", "", "DCI Public Protection", "31/01/2023", "Green"), top - 40, shut)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, HEADER, 20)
    moved = ("", "Improve the quality of victim needs assessments", "", "", "")
    top = _cell_row(c, xs, top, moved, 32, shut)
    last = ("", "Check that victims are updated", "DCI Public Protection", "31/03/2023", "Red")
    _cell_row(c, xs, top, last, 32, open_top=(0,))
    c.save()


def build_totals_after_own_row(path: Path) -> None:
    """An action's last words in a row of their own ("action text over two rows") down to
    the page foot, and the totals row alone on the next page: its one-line cells stand where
    the row before is empty, yet they are a row of their own, not cells moved whole (a one-line
    cell fits wherever its neighbours' first lines did)."""
    xs = [40.0, 150.0, 260.0, 360.0, 440.0, 520.0]
    c = Canvas(str(path), pagesize=A4)
    _page(c)
    top = _cell_row(c, xs, 800, HEADER, 20)
    first = ("2.3", "Train all station-based crews to", "Head of Protection", "Dec 2021", "Open")
    top = _cell_row(c, xs, top, first, 32)
    rest = ("", "deliver safe and well visits every quarter.", "", "", "")
    _cell_row(c, xs, top, rest, top - 45)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 800, HEADER, 20)
    _cell_row(c, xs, top, ("Total actions: 1", "", "Complete: 0", "", ""), 20)
    c.save()


FORMS = [
    ("1.1", "Review the fleet plan", "Head of Fleet", "Mar 2021", "Complete"),
    ("1.2", "Train all crews in water rescue", "AM Response", "Jun 2021", "Ongoing"),
    ("1.3", "Publish the workforce plan", "Head of HR", "Sep 2021", "Open"),
]


def _form_rows(c: Canvas, xs, top: float, labels, values) -> float:
    """Draw a form's rows from top down, each a label beside its value; return the foot."""
    for label, value in zip(labels, values, strict=True):
        top = _cell_row(c, xs, top, (label, value), 20)
    return top


def build_forms_over_break(path: Path) -> None:
    """A form per action (a label and its value on each row), two on page 1, the third at
    the head of page 2 with no header of its own: the same two columns as the form at the
    foot before it, its first label again where a continued form would go on."""
    xs = [60.0, 160.0, 400.0]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = 560.0
    for form in FORMS[:2]:
        top = _form_rows(c, xs, top, HEADER, form) - 24  # the paragraph between two forms
    c.showPage()
    _page(c)
    _form_rows(c, xs, 560.0, HEADER, FORMS[2])
    c.save()


def build_form_value_over_break(path: Path) -> None:
    """A form per action, the second cut by the page between the two paragraphs of its
    lead's value: the rest heads page 2 in a row of its own, its label cell empty."""
    xs = [60.0, 160.0, 400.0]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _form_rows(c, xs, 560.0, HEADER, FORMS[0]) - 24
    top = _form_rows(c, xs, top, HEADER[:2], FORMS[1][:2])
    _cell_row(c, xs, top, ("Lead", "DCFO"), top - 40, shut=(False, False))
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, ("", "ACO(F)"), 20, open_top=(0, 1))
    top = _form_rows(c, xs, top, HEADER[3:], FORMS[1][3:]) - 24
    _form_rows(c, xs, top, HEADER, FORMS[2])
    c.save()


def build_form_after_key(path: Path) -> None:
    """A form per action, two on page 1 and a key of lead codes after them, drawn to the
    forms' two columns and ending at the foot; the third form heads page 2."""
    xs = [60.0, 160.0, 400.0]
    key = [("Short form", "Post held"), ("HoF", "Head of Fleet"), ("AMR", "AM Response")]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = 40 + 20 * len(key) + 24 + 2 * (20 * len(HEADER) + 24)  # the key ends at the foot
    for form in FORMS[:2]:
        top = _form_rows(c, xs, top, HEADER, form) - 24
    for pair in key:
        top = _cell_row(c, xs, top, pair, 20)
    c.showPage()
    _page(c)
    _form_rows(c, xs, 560.0, HEADER, FORMS[2])
    c.save()


def build_tables_over_break(path: Path) -> None:
    """Two tables of the same columns either side of a page break: the first, whose last
    rows come after a paragraph with no header of their own (a table continued in a second
    table), ends at the foot of page 1; the next starts page 2 with the header the first
    table printed over its rows."""
    xs = [50.0, 90.0, 240.0, 330.0, 400.0, 450.0]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 560, HEADER, 20)
    top = _cell_row(c, xs, top, FORMS[0], 20)
    top -= 24
    _cell_row(c, xs, top, FORMS[1], top - 40)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, HEADER, 20)
    _cell_row(c, xs, top, ("2.1", *FORMS[2][1:]), 20)
    c.save()


SPAN_ACTION = "Deliver refresher training in crime recording standards to all investigators"


def build_span_over_break(path: Path) -> None:
    """An action spanning its two progress entries (rows), cut by the page break after its
    first row: its first lines at the foot of page 1 beside that row's one-line progress,
    its rest on page 2 beside the second entry's progress. Wrapped lines end in the space
    the producer wrapped at, as LibreOffice writes them. A later action spans its two
    entries on page 2, so the table shows that its actions span rows."""
    xs = [40.0, 70.0, 180.0, 340.0, 390.0]
    header = ("Ref", "Action", "Progress to date", "Lead")
    lines = simpleSplit(SPAN_ACTION, "Arial", 10, xs[2] - xs[1] - 8)
    lines = [f"{line} " for line in lines[:-1]] + lines[-1:]  # the wrap spaces
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32, header, 20)  # the table ends 30 pt above the foot
    _cell_row(c, xs, top, ("1.1", lines[:2], "Monthly audits held.", "CFO"), 32)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    rest = ("", lines[2:], "Funding has been secured.", "")
    top = _cell_row(c, xs, top, rest, 8 + 12 * len(lines[2:]))
    span = ("2.1", ["Publish the ", "workforce plan"], "Draft agreed.", "HRD")
    top = _cell_row(c, xs, top, span, 32, shut=(True, False, True, True))
    _cell_row(c, xs, top, ("", "", "Plan published.", ""), 20, open_top=(1,))
    c.save()


def build_group_at_foot(path: Path) -> None:
    """An action whose ref and text span its two progress entries, the page breaking after
    the second (no wrap marks, as Chromium): the action's last line leaves too little room
    for the first word of the next action, which opens page 2 beside its own new ref."""
    xs = [40.0, 70.0, 180.0, 340.0, 390.0]
    header = ("Ref", "Action", "Progress to date", "Lead")
    action = ["Deliver refresher", "training in crime", "recording standards."]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 40, header, 20)  # the table ends 30 pt above the foot
    spans = (False, False, True, True)  # the ref and the action run on over both entries
    top = _cell_row(c, xs, top, ("1", action, "Audits held.", "CFO"), 20, spans)
    _cell_row(c, xs, top, ("", "", "Funding secured.", ""), 20, open_top=(0, 1))
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    _cell_row(c, xs, top, ("2", "Evaluate the outcomes of visits.", "Scoping done.", "ACC"), 32)
    c.save()


def build_flush_ref_at_foot(path: Path) -> None:
    """A ref column as wide as its refs: "3.12" flush with its cell's edge in the row at the
    foot of page 1, every other cell of that row ending its text there; "3.13" opens page 2.
    Wrapped lines end in the space the producer wrapped at, as LibreOffice writes them."""
    ref = pdfmetrics.stringWidth("3.12", "Arial", 10) + 8.5
    xs = [50.0, 50.0 + ref, 230.0, 300.0, 340.0]
    header = ("Ref", "Action", "Target", "Lead")
    wrapped = ["Publish a prevention ", "communications plan"]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32 + 32, header, 20)  # the table ends 30 pt above the foot
    top = _cell_row(c, xs, top, ("3.11", wrapped, "30.11.21", "PM"), 32)
    _cell_row(c, xs, top, ("3.12", "Assure home safety visits", "31.12.21", "PM"), 32)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    _cell_row(c, xs, top, ("3.13", "Review the referral system", "30.11.21", "PM"), 32)
    c.save()


def _section_row(c: Canvas, xs, top: float, title: str) -> float:
    """Draw a row whose first cell holds a section title in bold, the others empty."""
    lines = simpleSplit(title, "ArialBd", 10, xs[1] - xs[0] - 8)
    foot = _cell_row(c, xs, top, ("",) * (len(xs) - 1), 8 + 12 * len(lines))
    c.setFont("ArialBd", 10)
    for k, line in enumerate(lines):
        c.drawString(xs[0] + 4, top - 14 - 12 * k, line)
    c.setFont("Arial", 10)
    return foot


def build_section_after_totals(path: Path) -> None:
    """A section's totals row at the foot of page 1, its count flush with the edge of its
    cell; page 2 opens, under the repeated header, with the next section's title in bold
    in that column. Wrapped lines end in the space the producer wrapped at (LibreOffice)."""
    total = pdfmetrics.stringWidth("Total actions: 1", "Arial", 10) + 8.5
    xs = [50.0, 50.0 + total, 240.0, 310.0, 360.0]
    header = ("Ref", "Action", "Status", "Lead")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 * 2 + 32 * 2, header, 20)  # the table ends 30 pt above the foot
    top = _section_row(c, xs, top, "Investigating crime")
    wrapped = ["Publish a prevention ", "communications plan"]
    top = _cell_row(c, xs, top, ("1.1", wrapped, "Open", "PM"), 32)
    _cell_row(c, xs, top, ("Total actions: 1", "", "Complete: 0", ""), 20)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    top = _section_row(c, xs, top, "Protecting vulnerable people")
    _cell_row(c, xs, top, ("2.1", "Review the referral system", "Open", "HRD"), 32)
    c.save()


def build_title_under_entry(path: Path) -> None:
    """Each section's title in bold alone in the narrow ref column, in a row of its own;
    page 1 ends on an action's second progress entry, its ref and action cells empty, the
    progress reaching the foot; page 2 opens, no header repeated, with the next section's
    title, where a cell moved whole to the next page would stand. Wrap marks as LibreOffice
    writes them."""
    xs = [50.0, 110.0, 250.0, 300.0, 400.0]
    header = ("Ref", "Action", "Status", "Progress")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    title = "Crime data integrity"
    title_height = 8 + 12 * len(simpleSplit(title, "ArialBd", 10, xs[1] - xs[0] - 8))
    top = _cell_row(c, xs, 40 + 40 + 32 + title_height + 20, header, 20)  # to the foot
    top = _section_row(c, xs, top, title)
    first = ("2.1", ["Audit crime reports ", "each month"], "Open", "Audits in place.")
    top = _cell_row(c, xs, top, first, 32)
    progress = ["Evaluation report ", "due to be presented ", "to the board."]
    _cell_row(c, xs, top, ("", "", "", progress), 40)
    c.showPage()
    _page(c)
    top = _section_row(c, xs, 560, "Responding to the public")
    _cell_row(c, xs, top, ("3.1", "Refresh the risk plan", "Open", "Scoping complete."), 32)
    c.save()


def _spans_row(c: Canvas, xs, top: float, spans, height: float) -> float:
    """Draw one row of boxed cells, each ``(first column, last column, text)``."""
    for first, last, text in spans:
        c.rect(xs[first], top - height, xs[last + 1] - xs[first], height)
        c.drawString(xs[first] + 4, top - 14, text)
    return top - height


def build_title_after_spanning_totals(path: Path) -> None:
    """A section's totals row at the foot of page 1, its count and its tally each spanning
    two columns, the count flush with its cell's edge; page 2 opens, under the repeated
    header, with the next section's title in plain text spanning all four columns. Wrapped
    lines end in the space the producer wrapped at (LibreOffice)."""
    total = pdfmetrics.stringWidth("Total actions: 1", "Arial", 10) + 8.5
    xs = [50.0, 80.0, 50.0 + total, 300.0, 360.0]
    header = ("Ref", "Lead", "Action", "Status")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 * 3 + 32, header, 20)  # the table ends 30 pt above the foot
    top = _spans_row(c, xs, top, [(0, 3, "AFI 1: Investigating crime")], 20)
    wrapped = ["Publish a prevention ", "communications plan"]
    top = _cell_row(c, xs, top, ("1.1", "PM", wrapped, "Open"), 32)
    _spans_row(c, xs, top, [(0, 1, "Total actions: 1"), (2, 3, "Complete: 0")], 20)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    top = _spans_row(c, xs, top, [(0, 3, "AFI 2: Protecting vulnerable people")], 20)
    _cell_row(c, xs, top, ("2.1", "HRD", "Review the referral system", "Open"), 32)
    c.save()


def build_entry_beside_amber(path: Path) -> None:
    """An action merged over its two progress entries, its status told by the cell's shade
    alone (no words); page 1 ends on the first entry, its action cut mid-paragraph (wrap
    marks, LibreOffice), amber; page 2 opens, no header repeated, with the action's rest
    beside the second entry, green. Only the shade tells the second entry is a row."""
    xs = [40.0, 70.0, 220.0, 340.0, 390.0]
    header = ("Ref", "Action", "Progress to date", "RAG")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32 + 32, header, 20)  # the table ends 30 pt above the foot
    _shade(c, xs, 3, top, 32, "#00B050")
    top = _cell_row(c, xs, top, ("1.1", "Publish the plan", "Plan published.", ""), 32)
    _shade(c, xs, 3, top, 32, "#FFC000")
    cut = ["Review the referral system ", "with the council's "]
    _cell_row(c, xs, top, ("1.2", cut, "Terms agreed.", ""), 32)
    c.showPage()
    _page(c)
    _shade(c, xs, 3, 560, 32, "#00B050")
    top = _cell_row(c, xs, 560, ("", "safeguarding team.", "Review completed.", ""), 32)
    _shade(c, xs, 3, top, 32, "#FF0000")
    _cell_row(c, xs, top, ("1.3", "Train every crew", "Not started.", ""), 32)
    c.save()


def build_greyed_after_plain(path: Path) -> None:
    """Wrap marks (LibreOffice): page 1 ends on a row unshaded, its action's last line
    flush with the cell's edge, so it may run on; page 2 opens, no header repeated, with
    the next action's row shaded grey (complete). Only the shade tells them apart."""
    last = "to deliver safe and well visits."
    edge = 40.0 + pdfmetrics.stringWidth(last, "Arial", 10) + 8.5
    xs = [40.0, edge, edge + 35, edge + 100, edge + 200]
    header = ("Planned actions", "Lead", "Status", "Progress update")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32, header, 20)  # the table ends 30 pt above the foot
    action = ["Train all station-based crews ", last]
    _cell_row(c, xs, top, (action, "GM", "Deferred", ["Framework drafted ", "for comment."]), 32)
    c.showPage()
    _page(c)
    for col in range(4):
        _shade(c, xs, col, 560, 32, "#D9D9D9")
    action = ["Introduce a risk-based ", "targeting model."]
    _cell_row(c, xs, 560, (action, "GM", "Complete", ["Two inspectors ", "appointed."]), 32)
    c.save()


def build_new_row_after_flush(path: Path) -> None:
    """Wrap marks (LibreOffice): page 1 ends on a row whose action's last line is flush
    with the cell's edge, so it may run on; page 2 repeats the header and opens with the
    next action's row: its ref, lead, status and date would each have fitted on the line
    of the cell above it, so each opens a paragraph, as a new row's cells do."""
    last = "to deliver safe and well visits."
    edge = 70.0 + pdfmetrics.stringWidth(last, "Arial", 10) + 8.5
    xs = [40.0, 70.0, edge, edge + 40, edge + 95, edge + 145]
    header = ("Ref", "Action", "Lead", "Status", "Due")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32, header, 20)  # the table ends 30 pt above the foot
    action = ["Train all station-based crews ", last]
    _cell_row(c, xs, top, ("3.1", action, "GM", "Ongoing", "2023/24"), 32)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    action = ["Deliver refresher training ", "to all investigators."]
    _cell_row(c, xs, top, ("3.2", action, "AM", "On hold", "2021/22"), 32)
    c.save()


def build_box_after_key(path: Path) -> None:
    """Each section opens with a box, its numbered label beside its text, then its actions;
    a key of owner codes, as wide and split as the boxes, ends page 1; page 2 opens with
    the next section's box. Wrap marks as LibreOffice writes them."""
    box, acts = [40.0, 160.0, 380.0], [40.0, 70.0, 240.0, 300.0, 380.0]
    header = ("Ref.", "Action:", "Owner:", "Status:")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, box, 560, ("Recommendation 1", "Target prevention work"), 20) - 20
    top = _cell_row(c, acts, top, header, 20)
    top = _cell_row(c, acts, top, ("a.", "Publish the plan", "HoP", "Open"), 20) - 20
    c.drawString(40, top - 10, "Owner codes")
    top = _cell_row(c, box, top - 16, ("Short form", "Post held"), 20)
    for code, post in (("HoP", "Head of Prevention"), ("GM", "Group Manager")):
        top = _cell_row(c, box, top, (code, post), 20)
    c.showPage()
    _page(c)
    top = _cell_row(c, box, 560, ("Recommendation 2", "Protect the public"), 20) - 20
    top = _cell_row(c, acts, top, header, 20)
    _cell_row(c, acts, top, ("a.", "Audit high-rise premises", "GM", "Open"), 20)
    c.save()


def _shade(c: Canvas, xs, col: int, top: float, height: float, colour: str) -> None:
    """Fill one cell's box, under the rules and text drawn after it."""
    c.setFillColor(colors.HexColor(colour))
    c.rect(xs[col], top - height, xs[col + 1] - xs[col], height, stroke=0, fill=1)
    c.setFillColor(colors.black)


def build_span_shaded_to_its_text(path: Path) -> None:
    """No wrap marks (WeasyPrint): a completed action, shaded grey, merged over its two
    progress entries; page 1 ends in its first entry's progress, cut mid-paragraph, and
    the action's cell is shaded at the foot only as far down as its text goes, its centre
    bare. Page 2 opens, no header repeated, with that progress's rest beside the action's
    cell, shaded whole, then the second entry."""
    xs = [40.0, 70.0, 200.0, 330.0, 390.0]
    header = ("Ref", "Action", "Progress", "Status")
    grey = "#D9D9D9"
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 40 + 20 + 32 + 54, header, 20)  # the table ends at the foot
    for col in range(4):
        _shade(c, xs, col, top, 32, grey)
    top = _cell_row(c, xs, top, ("1.1", "Publish the plan", "Plan published.", "Complete"), 32)
    _shade(c, xs, 0, top, 54, grey)
    _shade(c, xs, 1, top, 24, grey)  # to the foot of its two lines only
    for col in (2, 3):
        _shade(c, xs, col, top, 54, grey)
    progress = ["Terms of reference were", "agreed with the council", "and the first",
                "meeting of the review"]  # fmt: skip
    action = ["Review the referral", "system with partners"]
    shut = (False, False, False, False)
    _cell_row(c, xs, top, ("1.2", action, progress, "Complete"), 54, shut=shut)
    c.showPage()
    _page(c)
    _shade(c, xs, 0, 560, 64, grey)
    _shade(c, xs, 1, 560, 64, grey)
    for col in (2, 3):
        _shade(c, xs, col, 560, 32, grey)
        _shade(c, xs, col, 528, 32, grey)
    open_shut = (False, False, True, True)
    top = _cell_row(c, xs, 560, ("", "", "group was held.", ""), 32, shut=open_shut,
                    open_top=(0, 1, 2, 3))  # fmt: skip
    _cell_row(c, xs, top, ("", "", "Review completed.", "Complete"), 32, open_top=(0, 1))
    c.save()


def build_sentence_at_line_end(path: Path) -> None:
    """No wrap marks (Chromium): two tables with an action column as narrow as one word,
    which fills its line to the edge: "January." ending a sentence, over "Develop"
    opening the next; and "HMICFRS", the bold head, over the plain "inspection"."""
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    cases = [("January.", ["Agreed in", "January.", "Develop a", "plan."], ()),
             ("HMICFRS", ["HMICFRS", "inspection", "response."], (0,))]  # fmt: skip
    top = 560.0
    for ref, (word, lines, bold) in enumerate(cases, 1):
        font = "ArialBd" if bold else "Arial"
        edge = 70.0 + pdfmetrics.stringWidth(word, font, 10) + 8.5
        xs = [40.0, 70.0, edge, edge + 60]
        top = _cell_row(c, xs, top, ("Ref", "Action", "Status"), 20)
        _cell_row(c, xs, top, (str(ref), [""] * len(lines), "Open"), 8 + 12 * len(lines))
        for k, line in enumerate(lines):
            c.setFont("ArialBd" if k in bold else "Arial", 10)
            c.drawString(xs[1] + 4, top - 14 - 12 * k, line)
        top -= 8 + 12 * len(lines) + 40
    c.save()


def build_action_after_span(path: Path) -> None:
    """No wrap marks (WeasyPrint): an action spanning its two progress entries, then at the
    foot of page 1 an action whose last line leaves too little room for the next word;
    page 2 opens with the next action and its own progress. No ref column tells them apart."""
    xs = [40.0, 170.0, 330.0, 390.0]
    header = ("Action", "Progress to date", "Status")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 40 + 32, header, 20)  # the table ends 30 pt above the foot
    spans = (False, True, True)  # the action runs on over both entries
    top = _cell_row(c, xs, top, ("Publish the plan", "Draft agreed.", "Open"), 20, spans)
    top = _cell_row(c, xs, top, ("", "Plan published.", "Complete"), 20, open_top=(0,))
    cut = ["Formalise independent", "scrutiny of promotion"]
    _cell_row(c, xs, top, (cut, "Terms agreed.", "Open"), 32)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    _cell_row(c, xs, top, ("Building a toolkit", "Toolkit ready.", "Complete"), 20)
    c.save()


def build_moved_beside_cut(path: Path) -> None:
    """No wrap marks (WeasyPrint): the row at the foot of page 1 cut in its action, its
    target date's first lines not fitting there, so that date moved whole to page 2,
    where it stands beside the action's rest under an empty cell at the foot."""
    xs = [40.0, 70.0, 190.0, 250.0, 340.0, 390.0]
    header = ("Ref", "Action", "Target", "Progress", "Status")
    action = simpleSplit(CUT_ACTION, "Arial", 10, xs[2] - xs[1] - 8)
    due = simpleSplit("second half of 2022/23", "Arial", 10, xs[3] - xs[2] - 8)
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 20 + 32, header, 20)  # the table ends 30 pt above the foot
    top = _cell_row(c, xs, top, ("1.3", "Evaluate the model.", "Mar 2023", "", "Open"), 20)
    _cell_row(c, xs, top, ("1.4", action[:2], "", "Agreement drafted.", "On track"), 32)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    top = _cell_row(c, xs, top, ("", action[2:], due, "", ""), 8 + 12 * len(due))
    _cell_row(c, xs, top, ("1.5", "Publish the results.", "Jun 2023", "", "Open"), 20)
    c.save()


CUT_ACTION = "Share referrals of vulnerable people with the county council in real time."


def build_one_line_rows_at_foot(path: Path) -> None:
    """No wrap marks (Chromium): a key of one-line rows over two pages, its header repeated;
    page 1 ends on "DCC" | "Deputy Chief Constable", each too full for the first word of
    the row opening page 2 ("Supt" | "Superintendent, Force Contact")."""
    code = pdfmetrics.stringWidth("DCC", "Arial", 10) + 8 + 4
    role = pdfmetrics.stringWidth("Superintendent, Force Contact", "Arial", 10) + 8 + 4
    xs = [50.0, 50.0 + code, 50.0 + code + role]
    header = ("Code", "Role")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 * 3, header, 20)  # the table ends 30 pt above the foot
    top = _cell_row(c, xs, top, ("ACC", "Assistant Chief Constable"), 20)
    _cell_row(c, xs, top, ("DCC", "Deputy Chief Constable"), 20)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    top = _cell_row(c, xs, top, ("Supt", "Superintendent, Force Contact"), 20)
    _cell_row(c, xs, top, ("DI", "Detective Inspector"), 20)
    c.save()


def build_broken_ref_at_foot(path: Path) -> None:
    """A ref column too narrow for "3.12": "3." over "12", flush with the cell's edge, in
    the row at the foot of page 1, whose other cells end their text there; "3.13" opens
    page 2. Wrapped lines end in the space the producer wrapped at, as LibreOffice writes
    them, and no space fits after "12"."""
    ref = pdfmetrics.stringWidth("12", "Arial", 10) + 1.0 + 8
    xs = [50.0, 50.0 + ref, 230.0, 300.0, 340.0]
    header = ("Ref", "Action", "Target", "Lead")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32 + 32, header, 20)  # the table ends 30 pt above the foot
    wrapped = ["Publish a prevention ", "communications plan"]
    top = _cell_row(c, xs, top, (["3.", "11"], wrapped, "30.11.21", "PM"), 32)
    assure = ["Assure the home fire ", "safety visits"]
    _cell_row(c, xs, top, (["3.", "12"], assure, "31.12.21", "PM"), 32)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    _cell_row(c, xs, top, (["3.", "13"], "Review the referral system", "30.11.21", "PM"), 32)
    c.save()


def build_span_opening_at_foot(path: Path) -> None:
    """A table per area, the area's cell merged down over its actions: the area's first
    action is the last row of page 1, its area cut mid-paragraph; page 2 opens, under the
    repeated header, with the area's rest beside the second action, every other cell a
    new text under one that ended its paragraph. Wrapped lines end in the space the
    producer wrapped at, as LibreOffice writes them; the table draws no other span."""
    xs = [40.0, 160.0, 290.0, 350.0, 420.0]
    header = ("Area", "Action", "Target", "Lead")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 30 + 20 + 32, header, 20)  # the table ends 30 pt above the foot
    area = ["Area 4: The service ", "should assure itself "]
    first = (area, ["Train all crews to ", "deliver safe visits."], "Q4 2022/23", "Supt North")
    _cell_row(c, xs, top, first, 32, shut=(False, True, True, True))
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    rest = ["that its workforce ", "plan meets its needs."]
    second = (rest, ["Evaluate the outcomes ", "of visits."], "Q1 2023/24", "AM Response")
    _cell_row(c, xs, top, second, 32)
    c.save()


AREA = "The force should make sure it has enough trained detectives to investigate crime"
HIRE = "Hire detectives for every team in the force, as the workforce plan sets out"


def build_area_over_break(path: Path, cut_row: bool = False) -> None:
    """An area's cell spanning its actions, cut by the page break: its first lines on
    page 1 down to the foot, the rest in its column of page 2's first row, beside that
    row's own action (no wrap marks, every line but the last full). ``cut_row``: the
    action beside it is cut by the same break, its rest in that first row too."""
    xs = [50.0, 100.0, 190.0, 320.0, 410.0]
    header = ("Ref", "Area", "Action", "Lead")
    lines = simpleSplit(AREA, "Arial", 10, xs[2] - xs[1] - 8)
    hire = simpleSplit(HIRE, "Arial", 10, xs[3] - xs[2] - 8) if cut_row else ["Hire detectives"]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    shown = 3  # the lines that fit down to the foot of the page: the table ends there
    area = ("2", lines[:shown], "", "")
    _cell_row(c, xs, top, area, 20, shut=(True, False, True, True))
    action = ("2.1", "", hire[:1], "Det Supt Crime")
    _cell_row(c, xs, top - 20, action, 12 * shown - 10, open_top=(1,))
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    if cut_row:
        rest = ("", lines[shown:], hire[1:], "")
        top = _cell_row(c, xs, top, rest, 8 + 12 * len(hire[1:]), shut=(True, False, True, True))
        lines = []
    last = ("2.2", lines[shown:], "Offer retention payments", "Head of HR")
    _cell_row(c, xs, top, last, 20 + 12 * max(len(lines[shown:]), 1), open_top=(1,) * cut_row)
    c.save()


def build_totals_under_area(path: Path) -> None:
    """No wrap marks (Chromium): an area's cell spanning its two actions down to the foot
    of page 1, its text ending a sentence on a line too full for the next word; page 2
    opens with the totals row, its label in the area's column."""
    area = "AFI2: The force should improve how it answers emergency calls."
    width = pdfmetrics.stringWidth("emergency calls.", "Arial", 10) + 1
    xs = [50.0, 50.0 + width + 8, 160.0, 300.0, 370.0]
    lines = simpleSplit(area, "Arial", 10, width)
    assert lines[-1] == "emergency calls."
    span = 8 + 12 * len(lines)
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 40 + span + 20, ("Area", "Ref", "Action", "Status"), 20)
    _cell_row(c, xs, top, (lines, "2.1", "Answer 999 calls sooner", "Open"), 20,
              shut=(False, True, True, True))  # fmt: skip
    _cell_row(c, xs, top - 20, ("", "2.2", "Staff the call centre", "Open"), span - 20,
              open_top=(0,))  # fmt: skip
    c.showPage()
    _page(c)
    totals = simpleSplit("Total actions: 2", "Arial", 10, width)
    _cell_row(c, xs, 560, (totals, "", "", "Complete: 0"), 8 + 12 * len(totals))
    c.save()


def build_bold_head_at_foot(path: Path) -> None:
    """Wrap marks as LibreOffice writes them: an action cell merged over its two entries
    shows only its bold head at the foot of page 1, room to spare under it, as its text's
    first lines would not fit there whole; the text heads page 2 beside the rest of the
    second entry's comment, cut mid-paragraph."""
    xs = [50.0, 200.0, 260.0, 400.0]
    header = ("Action", "Lead", "Comments")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 40 + 20 + 20 + 32, header, 20)  # the table ends at the foot
    _cell_row(c, xs, top, ("", "ACC", "Scoping complete."), 20, shut=(False, True, True))
    _cell_row(c, xs, top - 20, ("", "", ["Evaluation report ", "due to "]), 32, open_top=(0,),
              shut=(False, False, False))  # fmt: skip
    c.setFont("ArialBd", 10)
    for k, line in enumerate(["Recommendation 3:", "Protecting people"]):
        c.drawString(xs[0] + 4, top - 14 - 12 * k, line)
    c.setFont("Arial", 10)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    rest = ("Review the inspection plan.", "", "be presented to the board.")
    top = _cell_row(c, xs, top, rest, 20, open_top=(0, 1, 2))
    _cell_row(c, xs, top, ("Train every crew.", "Supt", "Not started."), 20)
    c.save()


def build_text_below_table(path: Path) -> None:
    """An area cell spanning its actions whose last line the producer drew on past the
    table's bottom rule, as WeasyPrint draws a cell it cannot fit at a page break; a
    paragraph stands further down."""
    xs = [50.0, 100.0, 190.0, 320.0, 410.0]
    header = ("Ref", "Area", "Action", "Lead")
    lines = simpleSplit(AREA, "Arial", 10, xs[2] - xs[1] - 8)
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    area_top = top
    top = _cell_row(c, xs, top, ("2", lines, "", ""), 20, shut=(True, False, True, True))
    _cell_row(c, xs, top, ("2.1", "", "Hire detectives", "Det Supt Crime"), 12 * len(lines) - 26,
              open_top=(1,))  # fmt: skip
    # the area's box ends a line short of its text: the last line stands under the rule
    assert area_top - 14 - 12 * (len(lines) - 1) < top - (12 * len(lines) - 26)
    c.drawString(50, top - 12 * len(lines) - 40, "Next review: March 2024")
    c.save()


ACROSS_FOOT = (
    "Review the risk-based inspection programme against the community risk profile and"
    " report the results to the fire authority"
)


def build_text_across_foot(path: Path) -> None:
    """A row cut by the page break as Chromium cuts it: its box ends at the page foot
    through a line of the action, which is drawn across the bottom rule, and the next
    line under it; the rest heads page 2 under the repeated header."""
    xs = [50.0, 90.0, 200.0, 330.0]
    header = ("Ref", "Action", "Lead")
    lines = simpleSplit(ACROSS_FOOT, "Arial", 10, xs[2] - xs[1] - 8)
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 40 + 20 + 20 + 45, header, 20)  # the table ends at the foot
    top = _cell_row(c, xs, top, ("1.1", "Publish the plan", "GC Prot"), 20)
    # the box ends 5 pt over the fourth line's baseline: that line straddles the rule
    _cell_row(c, xs, top, ("1.2", lines[:5], "AM Resp"), 45, shut=(False, False, False))
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    rest = lines[5:]
    top = _cell_row(c, xs, top, ("", rest, ""), 8 + 12 * len(rest), open_top=(0, 1, 2))
    _cell_row(c, xs, top, ("1.3", "Train every crew", "HRD"), 20)
    c.save()


def build_text_over_text(path: Path) -> None:
    """A cut cell's rest drawn over the next row's text, as Chromium draws a cell spanning
    rows at a page break: "investigators." and "This action carries" on one baseline."""
    xs = [50.0, 90.0, 230.0, 330.0]
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 560, ("Ref", "Action", "Lead"), 20)
    top = _cell_row(c, xs, top, ("1.1", "Deliver training to all", "DCI"), 20)
    _cell_row(c, xs, top, ("1.2", "This action carries forward", "PSD"), 32)
    c.drawString(xs[1] + 10, top - 14, "investigators.")
    c.save()


def build_rotated_270(path: Path) -> None:
    """A landscape page stored as a portrait page turned by /Rotate 270, bold overprinted."""
    c = Canvas(str(path), pagesize=A4)
    c.setPageRotation(270)
    width, height = A4
    # drawn upright for a reader who turns the page a quarter anticlockwise
    c.transform(0, -1, 1, 0, 0, height)
    c.setFont("Arial", 14)
    c.drawString(50, width - 60, TITLE)
    g = Grid(ACTIONS, (40, 360, 110, 90, 80), 50, width - 90, "Arial", 10)
    draw_table(c, g, rules_as_lines, overprinted_bold)
    c.save()


def build_full_line_at_foot(path: Path) -> None:
    """A table over two pages, no wrap spaces, whose page 1 ends on a row one line tall
    with its action line almost full, and page 2 opens a new row with a long first word."""
    first = [
        *ACTIONS[:3],
        ("1.3", "Publish the fleet replacement programme", "Head of Fleet", "Jun 2021", "Open"),
    ]
    second = [
        ("1.4", "Establishing a joint control room with Shropshire", "AM Response", "Mar 2022",
         "Open"),
    ]  # fmt: skip
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(first, WIDTHS, 50, 750, "Arial", 10), rules_as_lines, words_by_line)
    c.showPage()
    draw_table(c, Grid(second, WIDTHS, 50, 790, "Arial", 10), rules_as_lines, words_by_line)
    c.save()


def build_centred(path: Path) -> None:
    """Dates and statuses centred in their cells, a status wrapping over four lines (Word)."""
    rows = [
        HEADER,
        ("1.1", "Train all on-call crews in water rescue", "AM Response", "Mar 2021",
         "Complete (staff identified and courses booked)"),
        ("1.2", "Replace the fleet plan", "Head of Fleet", "Q4 2021/2022", "Deferred to 2022/23"),
    ]  # fmt: skip
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    g = Grid(rows, WIDTHS, 50, 750, "Arial", 10)
    rules_as_lines(c, g)
    c.setFont("Arial", 10)
    for r, cells in enumerate(g.lines):
        for col, lines in enumerate(cells):
            y = g.ys[r] - g.pad - g.size
            for line in lines:
                if col >= 3:
                    c.drawCentredString((g.xs[col] + g.xs[col + 1]) / 2, y, line)
                else:
                    c.drawString(g.xs[col] + g.pad, y, line)
                y -= g.lead
    c.save()


def build_paragraph_cut(path: Path) -> None:
    """A row cut over two pages, no wrap spaces: the action mid-sentence, the lead cell
    between two paragraphs ("Head of Fleet and Head of Estates" | "Deputy: GC Fleet")."""
    first = [
        HEADER,
        ("1.3", "Replace the station fleet and equipment plan with a", "Head of Fleet and "
         "Head of Estates", "30.09.21", "Open"),
    ]  # fmt: skip
    second = [("", "rolling ten-year programme", "Deputy: GC Fleet", "", "")]
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(first, WIDTHS, 50, 750, "Arial", 10), rules_as_lines, words_by_line)
    c.showPage()
    draw_table(c, Grid(second, WIDTHS, 50, 790, "Arial", 10), rules_as_lines, words_by_line)
    c.save()


LABELLED = [
    "AFI 1",
    "Our response: Review the audit programme for high-rise premises.",
    "Status: Complete",
    "AFI 2",
    "Our response: Introduce a risk-based targeting model for safety checks.",
    "Status: Not met",
]


def build_paragraphs_over_page(path: Path) -> None:
    """Labelled paragraphs of one line each, 2.5 cm margins both sides, none wide enough to
    wrap: the longest ends page 1, and the next paragraph opens page 2."""
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 11)
    for k, text in enumerate(LABELLED[:5]):
        c.drawString(71, 780 - 20 * k, text)
    c.showPage()
    c.setFont("Arial", 11)
    c.drawString(71, 780, LABELLED[5])
    c.save()


def build_lone_word(path: Path) -> None:
    """A status whose first line is one word leaving less room than the next word's "M"."""
    rows = [HEADER, ("1.1", "Review the audit programme", "GC Protection", "Mar 2021",
                     "Cancelled Merged with 1.2")]  # fmt: skip
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(rows, WIDTHS, 50, 750, "Arial", 10), rules_as_lines, words_by_line)
    c.save()


def split_breaking_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of text filled word by word; a word wider than a line is broken where its
    next letter no longer fits, as browsers do (CSS overflow-wrap: break-word)."""
    lines = [""]
    for word in text.split(" "):
        joined = f"{lines[-1]} {word}" if lines[-1] else word
        if pdfmetrics.stringWidth(joined, font, size) <= width:
            lines[-1] = joined
            continue
        if lines[-1]:
            lines.append("")
        for letter in word:
            if lines[-1] and pdfmetrics.stringWidth(lines[-1] + letter, font, size) > width:
                lines.append("")
            lines[-1] += letter
    return lines


def build_broken_after_foot(path: Path) -> None:
    """No wrap marks (Chromium), an action column so narrow that "programme" breaks inside
    the word ("programm" | "e"), and the action's row cut by the page break just before
    it: "inspection" fills the last line at the foot of page 1, "programm" heads page 2."""
    width = pdfmetrics.stringWidth("programm", "Arial", 10) + 1
    xs = [50.0, 80.0, 80.0 + width + 8, 200.0]
    header = ("Ref", "Action", "Lead")
    action = "Review the risk-based inspection programme against the community risk profile."
    lines = split_breaking_words(action, "Arial", 10, width)
    cut = lines.index("inspection") + 1
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = 40 + 20 + 32 + 8 + 12 * cut  # the table ends at the foot
    top = _cell_row(c, xs, top, header, 20)
    top = _cell_row(c, xs, top, ("1.1", ["Publish the", "plan"], "GC Prot"), 32)
    _cell_row(c, xs, top, ("1.2", lines[:cut], "AM Resp"), 40, shut=(False, False, False))
    c.showPage()
    _page(c)
    rest = lines[cut:]
    _cell_row(c, xs, 560, ("", rest, ""), 8 + 12 * len(rest), open_top=(0, 1, 2))
    c.save()


_NARROW_SIZE, _NARROW_PAD = 10.0, 4.0


def _flush(word: str, slack: float) -> float:
    """Return the width of a column whose text area holds ``word`` and ``slack`` points."""
    return pdfmetrics.stringWidth(word, "Arial", _NARROW_SIZE) + slack + 2 * _NARROW_PAD


def _draw_narrow(path: Path, rows, widths) -> None:
    """Draw one ruled table of narrow cells under the title, words placed one by one with
    no wrap marks (as Chromium writes them), and words broken where they no longer fit."""
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    grid = Grid(rows, widths, 50, 750, "Arial", _NARROW_SIZE, split_breaking_words)
    draw_table(c, grid, rules_as_lines, words_by_line)
    c.save()


def build_broken_words(path: Path) -> None:
    """Narrow Ref and Status columns: refs and statuses longer than their cell broken
    inside the word with no mark (Chromium), beside words wrapped at a space."""
    rows = [
        HEADER,
        ("R1.10", "Review the audit programme", "GC Protection", "Mar 2021", "Completed"),
        ("R1.11", "Train crews in water rescue", "AM Response", "Q4 2021/2022", "Not started"),
        ("R2.1", "Replace the fleet plan", "Head of Fleet", "30.09.21", "Cancelled Merged"),
    ]  # fmt: skip
    _draw_narrow(path, rows, (26, 200, 90, 75, 44))


def build_flush_words(path: Path) -> None:
    """Cells as narrow as one word, no wrap marks (Chromium): "registered" fills its
    line to the edge and wraps at the space after it, "Recommendations" is broken where
    its next letter no longer fits, and "every" fills its line before "one"."""
    rows = [
        HEADER,
        ("1.1", "Manage registered sex offenders", "DCI", "Mar 2021", "Open"),
        ("1.2", "Recommendations agreed", "Supt", "Jun 2021", "Open"),
        ("1.3", "Audit", "Sent to every one", "Sep 2021", "Open"),
    ]
    widths = (30, _flush("registered", 0.5), _flush("every", 0.3), 75, 60)
    _draw_narrow(path, rows, widths)


def build_flush_pairs(path: Path) -> None:
    """Cells as narrow as one word, no wrap marks (Chromium), each opening on a word that
    fills its line and wraps at the space after it: a word the word list sees less often
    ("Outcomes" of), a hyphenated compound ("station-based" crews), a word before a
    semicolon ("appointed;" recruitment), a word before a British spelling broken in
    turn ("inspection" programm+e) and a word before a plural the list sees less often
    than its singular ("protection" audits)."""
    rows = [
        ("Ref", "Aim", "Crews", "Staffing", "Review", "Checks"),
        ("1", "Outcomes of targeted visits", "station-based crews", "appointed; recruitment",
         "inspection programme", "protection audits"),
    ]  # fmt: skip
    words = ("Outcomes", "station-based", "appointed;", "inspection", "protection")
    widths = (30, *(_flush(word, 0.5) for word in words))
    _draw_narrow(path, rows, widths)


def build_status_flush_word(path: Path) -> None:
    """A status column as narrow as "Superseded", no wrap marks (Chromium): the word fills
    its line to the edge and wraps at the space before "by", which looks the same as a word
    broken for want of room; only the status words tell the two readings apart."""
    rows = [HEADER, ("1.1", "Move home fire safety visits to the new booking system",
                     "GC Prevention", "Mar 2022", "Superseded by action 3.2")]  # fmt: skip
    _draw_narrow(path, rows, (30, 200, 90, 60, _flush("Superseded", 0.5)))


def build_bracket_after_date(path: Path) -> None:
    """A target column as narrow as a date, no wrap marks (Chromium): "31/01/2023" fills
    its line to the edge and wraps at the space before "(was"."""
    rows = [HEADER, ("1.1", "Review the audit programme", "GC Protection",
                     "Revised: 31/01/2023 (was 30/11/2022)", "Open")]  # fmt: skip
    _draw_narrow(path, rows, (30, 200, 90, _flush("31/01/2023", 0.5), 60))


AREAS = [
    "Recommendation 1: Audit high-risk premises",
    "Recommendation 2: Train on-call crews",
    "Recommendation 3: Replace the fleet plan",
    "Recommendation 4: Publish the survey",
]
AREA_ACTIONS = [
    "Review the fire safety audit programme for high-rise premises",
    "Train all on-call crews in water rescue before the flood season",
    "Replace the station fleet and equipment plan with a new one",
    "Publish the results of the staff survey every year",
]


def build_broken_at_foot(path: Path) -> None:
    """An area column so narrow that "Recommendation" breaks inside the word on every row
    (no wrap marks, as Chromium), and a row cut by the page break after its first lines:
    "Recomme" alone at the foot of page 1, "ndation 3: ..." at the head of page 2 under
    the repeated header."""
    area_width = (pdfmetrics.stringWidth("Recomme", "Arial", 10) + 2) + 8
    xs = [50.0, 50.0 + area_width, 250.0, 330.0]
    header = ("Area", "Action", "Lead")
    leads = ("GC Protection", "AM Response", "Head of Fleet", "Head of HR")
    cells = [
        (split_breaking_words(area, "Arial", 10, xs[1] - xs[0] - 8),
         simpleSplit(action, "Arial", 10, xs[2] - xs[1] - 8), [lead])
        for area, action, lead in zip(AREAS, AREA_ACTIONS, leads, strict=True)
    ]  # fmt: skip

    def height(texts) -> float:
        return 8 + 12 * max(len(t) if isinstance(t, list) else 1 for t in texts)

    def row(c: Canvas, top: float, texts, open_top=()) -> float:
        return _cell_row(c, xs, top, texts, height(texts), open_top=open_top)

    cut = cells[2]
    page_1 = [header, *cells[:2], [t[:1] for t in cut]]  # the cut row's first lines only
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = 30 + sum(height(texts) for texts in page_1)  # the table ends 30 pt above the foot
    for texts in page_1:
        top = row(c, top, texts)
    c.showPage()
    _page(c)
    top = row(c, 560, header)
    top = row(c, top, [t[1:] for t in cut], open_top=(0, 1, 2))
    row(c, top, cells[3])
    c.save()


WIDOW_ACTION = (
    "Introduce a risk-based targeting model for home fire safety checks using partner data"
    " and the latest incident figures for every district"
)


def build_widow_at_foot(path: Path) -> None:
    """A row cut at the page foot as Chromium cuts it under ``widows: 2``: its action's
    fourth line would have fitted, but the two lines left for page 2 must stand together,
    so page 1's part ends more than a line and a half above the foot of its cell."""
    xs = [50.0, 90.0, 240.0, 330.0]
    header = ("Ref", "Action", "Lead")
    c = Canvas(str(path), pagesize=A5)
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    top = _cell_row(c, xs, top, ("1", "Review the fleet plan", "Head of Fleet"), 20)
    lines = simpleSplit(WIDOW_ACTION, "Arial", 10, xs[2] - xs[1] - 8)
    shown, rest = lines[:3], lines[3:]  # two lines or more go over
    # the last baseline stands 14 + 12 * 2 below the top; the cell ends 22 pt under it
    _cell_row(c, xs, top, ("2", shown, "GC Protection"), 14 + 12 * 2 + 22)
    c.showPage()
    _page(c)
    top = _cell_row(c, xs, 560, header, 20)
    top = _cell_row(c, xs, top, ("", rest, ""), 8 + 12 * len(rest), open_top=(0, 1, 2))
    _cell_row(c, xs, top, ("3", "Publish the survey", "Head of HR"), 20)
    c.save()


def build_inner_edge(path: Path) -> None:
    """Text set 0.4 pt inside the edge its left padding implies, as Chromium sets it
    beside a collapsed border: "Completed" broken though it would fit by 0.3 pt."""
    size, pad = 10.0, 4.0
    status = pdfmetrics.stringWidth("Completed", "Arial", size) + 0.3 + 2 * pad
    rows = [HEADER, *[(*row[:4], "Completed") for row in ACTIONS[1:]]]

    def inside(text: str, font: str, size: float, width: float) -> list[str]:
        return split_breaking_words(text, font, size, width - 0.4)

    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    grid = Grid(rows, (*WIDTHS[:4], status), 50, 750, "Arial", size, inside)
    draw_table(c, grid, rules_as_lines, words_by_line)
    c.save()


def build_ordinals(path: Path) -> None:
    """Target dates written "31st March 2021", their ordinals in superscript."""
    rows = [
        HEADER,
        ("1.1", "Review the fire safety audit programme", "GC Protection", "31st March 2021",
         "Complete"),
        ("1.2", "Report to the 2nd Fire Authority meeting", "AM Response", "22nd June 2021",
         "Ongoing"),
        ("1.3", "Replace the fleet plan", "Head of Fleet", "30th September 2021", "Open"),
    ]  # fmt: skip
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Arial", 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(rows, WIDTHS, 50, 750, "Arial", 10), rules_as_lines, ordinals_raised)
    c.save()


def build_fills_only(path: Path) -> None:
    """The zebra plan with no rules: dark header, a grey completed row, a tinted one."""
    canvas_plan(
        path,
        no_rules,
        words_by_line,
        fills={
            0: colors.HexColor("#1F3864"),
            1: colors.HexColor("#D9D9D9"),
            2: colors.HexColor("#DCE6F1"),
        },  # fmt: skip
        inks={0: colors.white},
        bold_rows=(0,),
    )


def build_matplotlib(path: Path) -> None:
    """A table drawn by matplotlib (charting and reporting tools): cell boxes, Type 3 glyphs."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    rows = [
        ("1.1", "Review the fire safety audit", "GC Protection", "Mar 2021", "Complete"),
        ("1.2", "Train crews in water rescue", "AM Response", "Q4 2021/2022", "Ongoing"),
        ("1.3", "Replace the fleet plan", "Head of Fleet", "30.09.21", "Open"),
    ]
    figure, axes = pyplot.subplots(figsize=(8.27, 3))
    axes.axis("off")
    axes.set_title(TITLE)
    table = axes.table(cellText=rows, colLabels=HEADER, loc="center", cellLoc="left",
                       colWidths=[0.08, 0.42, 0.18, 0.17, 0.15])  # fmt: skip
    table.auto_set_font_size(False)
    table.set_fontsize(9)
    for col in range(len(HEADER)):
        table[1, col].set_facecolor("#D9D9D9")
    figure.savefig(path, metadata={"CreationDate": None})
    pyplot.close(figure)


def build_ligatures(path: Path) -> None:
    """Cell text set with the fi and fl ligature glyphs, as typesetters and Word do."""
    rows = [
        HEADER,
        ("1.1", "Review the ﬁre safety audit programme", "GC Protection", "Mar 2021", "Complete"),
        ("1.2", "Train crews in ﬂood and water rescue", "AM Response", "Q4 2021/2022", "Ongoing"),
        ("1.3", "Publish the oﬃce ﬁtness ﬂow chart", "Head of Fleet", "30.09.21", "Open"),
    ]
    c = Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 14)
    c.drawString(50, 780, TITLE)
    draw_table(c, Grid(rows, WIDTHS, 50, 750, "DejaVu", 9), rules_as_lines, words_by_line)
    c.save()


def build_rotated(path: Path) -> None:
    """A landscape page stored as a portrait page turned by /Rotate 90 (Word, some printers)."""
    c = Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    width, height = A4
    # drawn upright for a reader who turns the page a quarter clockwise
    c.transform(0, 1, -1, 0, width, 0)
    c.setFont("Arial", 14)
    c.drawString(50, width - 60, TITLE)
    g = Grid(ACTIONS, (40, 360, 110, 90, 80), 50, width - 90, "Arial", 10)
    draw_table(c, g, rules_as_lines, words_by_line)
    c.save()


# --- tables laid out by reportlab's platypus, over several pages ------------------------


def long_plan(
    path: Path, repeat_header: bool, cut_rows: bool, head_table: bool = False, grid: bool = True
) -> None:
    """The long plan on A5 pages under a running head and "Page N of M" at the foot."""
    body = ParagraphStyle("cell", fontName="Arial", fontSize=9, leading=11)
    data = [[Paragraph(text.replace("&", "&amp;"), body) for text in row] for row in LONG_ACTIONS]
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")),
        ]
        + ([("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if grid else [])
    )
    widths = [28, 160, 60, 55, 52]
    pages = _page_count(path, data, widths, style, repeat_header, cut_rows)

    def decorate(c: Canvas, doc) -> None:
        if head_table:
            _head_table(c, f"Page {doc.page} of {pages}")
            return
        c.setFont("Arial", 8)
        c.drawString(36, A5[1] - 30, TITLE)
        c.drawRightString(A5[0] - 36, 24, f"Page {doc.page} of {pages}")

    table = _long_table(data, widths, style, repeat_header, cut_rows)
    doc = SimpleDocTemplate(str(path), pagesize=A5, leftMargin=36, rightMargin=36)
    doc.build([table], onFirstPage=decorate, onLaterPages=decorate)


def _head_table(c: Canvas, page: str) -> None:
    """The running head as a ruled two-cell table: title, page number (a Word header table)."""
    g = Grid([(TITLE, page)], (255, 100), 36, A5[1] - 22, "Arial", 8)
    draw_table(c, g, rules_as_lines, words_by_line)


def _long_table(data, widths, style, repeat_header: bool, cut_rows: bool) -> Table:
    # splitByRow=0 with splitInRow: cut the row at the foot of the page first (Word's
    # "allow row to break across pages"), rather than moving the whole row over
    if cut_rows:
        return Table(data, widths, style=style, repeatRows=int(repeat_header), splitByRow=0,
                     splitInRow=1)  # fmt: skip
    return Table(data, widths, style=style, repeatRows=int(repeat_header))


def _page_count(path: Path, data, widths, style, repeat_header: bool, cut_rows: bool) -> int:
    doc = SimpleDocTemplate(str(path), pagesize=A5, leftMargin=36, rightMargin=36)
    doc.build([_long_table(data, widths, style, repeat_header, cut_rows)])
    return doc.page


def build_platypus_zebra(path: Path) -> None:
    """A reporting tool's table: header filled dark blue in white, striped rows, a grid."""
    head = ParagraphStyle("head", fontName="ArialBd", fontSize=9, leading=11, textColor="white")
    body = ParagraphStyle("cell", fontName="Arial", fontSize=9, leading=11)
    data = [[Paragraph(t, head if r == 0 else body) for t in row] for r, row in enumerate(ACTIONS)]
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#808080")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F3864")),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#E7EEF8")]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(TITLE, body), Table(data, list(WIDTHS), style=style)])


# one form per action, each opening on its area: the forms of one area open on one row
AREA_TEXT = "The service should make sure it has an effective system for risk-based inspections"
AREA_FORMS = [
    (("Area for improvement", AREA_TEXT), ("Ref", f"1.{n}"), ("Action", action),
     ("Lead officer", "Head of Protection"), ("Target date", due), ("Status", status))
    for n, (action, due, status) in enumerate([
        ("Review the audit programme for high-rise premises", "Mar 2021", "Complete"),
        ("Recruit two more fire safety inspectors", "Jun 2021", "Ongoing"),
        ("Publish the risk-based inspection programme", "Sep 2021", "Open"),
        ("Train crews in fire safety checks of business premises", "Dec 2021", "Open"),
        ("Report inspection figures to the fire authority each quarter", "Mar 2022", "Ongoing"),
    ], start=1)
]  # fmt: skip


def build_forms_opening_alike(path: Path) -> None:
    """One small form per action, kept whole and one after another on A5 pages, so that
    one form ends page 1 and the next, opening on the same row, heads page 2."""
    body = ParagraphStyle("cell", fontName="Arial", fontSize=9, leading=11)
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])  # fmt: skip
    story: list = [Paragraph(TITLE, body), Spacer(0, 12)]
    for form in AREA_FORMS:
        data = [[Paragraph(text, body) for text in pair] for pair in form]
        story += [KeepTogether(Table(data, [90, 250], style=style)), Spacer(0, 14)]
    doc = SimpleDocTemplate(str(path), pagesize=A5, leftMargin=36, rightMargin=36)
    doc.build(story)


BUILDS: dict[str, Callable[[Path], None]] = {
    "stroked_lines": lambda p: canvas_plan(p, rules_as_lines, words_by_line),
    "cell_boxes": lambda p: canvas_plan(p, rules_as_cell_boxes, words_by_line),
    "one_path": lambda p: canvas_plan(p, rules_as_one_path, words_by_line),
    "tiles": lambda p: canvas_plan(p, cells_as_tiles, words_by_line),
    "thick_frame": lambda p: canvas_plan(p, rules_thick_frame, words_by_line),
    "word_per_word": lambda p: canvas_plan(p, rules_as_lines, words_one_by_one),
    "word_per_glyph": lambda p: canvas_plan(p, rules_as_lines, glyphs_one_by_one),
    "zebra": build_zebra,
    "rules_across_only": lambda p: canvas_plan(p, rules_across_only, words_by_line),
    "fills_only": build_fills_only,
    "narrow_gaps": lambda p: canvas_plan(p, rules_as_lines, words_narrow_gaps),
    "matplotlib": build_matplotlib,
    "ordinals": build_ordinals,
    "spans": build_spans,
    "row_span_pieces": build_row_span_pieces,
    "moved_cell": build_moved_cell,
    "totals_after_own_row": build_totals_after_own_row,
    "forms_over_break": build_forms_over_break,
    "tables_over_break": build_tables_over_break,
    "form_value_over_break": build_form_value_over_break,
    "form_after_key": build_form_after_key,
    "span_over_break": build_span_over_break,
    "group_at_foot": build_group_at_foot,
    "flush_ref_at_foot": build_flush_ref_at_foot,
    "action_after_span": build_action_after_span,
    "span_opening_at_foot": build_span_opening_at_foot,
    "moved_beside_cut": build_moved_beside_cut,
    "one_line_rows_at_foot": build_one_line_rows_at_foot,
    "broken_ref_at_foot": build_broken_ref_at_foot,
    "section_after_totals": build_section_after_totals,
    "title_under_entry": build_title_under_entry,
    "area_over_break": build_area_over_break,
    "area_and_row_over_break": lambda p: build_area_over_break(p, cut_row=True),
    "paragraph_cut": build_paragraph_cut,
    "lone_word": build_lone_word,
    "text_below_table": build_text_below_table,
    "totals_under_area": build_totals_under_area,
    "bold_head_at_foot": build_bold_head_at_foot,
    "text_across_foot": build_text_across_foot,
    "text_over_text": build_text_over_text,
    "paragraphs_over_page": build_paragraphs_over_page,
    "centred": build_centred,
    "broken_words": build_broken_words,
    "flush_words": build_flush_words,
    "inner_edge": build_inner_edge,
    "flush_pairs": build_flush_pairs,
    "bracket_after_date": build_bracket_after_date,
    "status_flush_word": build_status_flush_word,
    "title_after_spanning_totals": build_title_after_spanning_totals,
    "entry_beside_amber": build_entry_beside_amber,
    "box_after_key": build_box_after_key,
    "greyed_after_plain": build_greyed_after_plain,
    "new_row_after_flush": build_new_row_after_flush,
    "sentence_at_line_end": build_sentence_at_line_end,
    "span_shaded_to_its_text": build_span_shaded_to_its_text,
    "broken_at_foot": build_broken_at_foot,
    "broken_after_foot": build_broken_after_foot,
    "widow_at_foot": build_widow_at_foot,
    "full_line_at_foot": build_full_line_at_foot,
    "rotated_270": build_rotated_270,
    "ligatures": build_ligatures,
    "rotated": build_rotated,
    "platypus_zebra": build_platypus_zebra,
    "forms_opening_alike": build_forms_opening_alike,
    "repeat_header": lambda p: long_plan(p, repeat_header=True, cut_rows=False),
    "no_repeat_header": lambda p: long_plan(p, repeat_header=False, cut_rows=False),
    "cut_rows": lambda p: long_plan(p, repeat_header=True, cut_rows=True),
    "cut_rows_no_header": lambda p: long_plan(p, repeat_header=False, cut_rows=True),
    "head_table": lambda p: long_plan(p, repeat_header=False, cut_rows=True, head_table=True),
    "page_border": build_page_border,
    "borderless_long": lambda p: long_plan(p, repeat_header=True, cut_rows=False, grid=False),
    "borderless_cut": lambda p: long_plan(p, repeat_header=False, cut_rows=True, grid=False),
}


def main() -> None:
    rl_config.invariant = 1  # no dates or random ids: the same bytes on every run
    _fonts()
    for name, build in BUILDS.items():
        build(HERE / f"{name}.pdf")


if __name__ == "__main__":
    main()
