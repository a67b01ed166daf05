"""The glyphs of a page as PDFium's text page gives them, boxed the way pdfminer boxes them.

A glyph runs across its advance width (PDFium's loose box) and up from the font's
descent below the baseline by one font size, both engines alike. The size is the
size as drawn: the font size times the scale of the text's matrix (Chromium and
WeasyPrint set text in CSS pixels, 20 px drawn at 0.75 is 15 pt), as pdfminer
measures it.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable
from typing import NamedTuple

from .pdf_records import Glyph, Run, is_bold, make_run

_NOT_DRAWN = frozenset((0, 0xFFFE, 0xFFFF))  # no character, or one PDFium could not map
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Handle(ctypes.c_void_p):
    """A PDFium handle as a call returns it: kept as a pointer to pass back, not made an int."""


class TextCalls(NamedTuple):
    """PDFium's text-page functions, called without ctypes' argument conversion.

    Each glyph costs five calls; the conversion pypdfium2 declares for them
    (handle type checks, output pointers) doubles the cost of each.
    """

    count: Callable
    unicode: Callable
    generated: Callable
    origin: Callable
    loose_box: Callable
    text_object: Callable
    font_size: Callable
    matrix: Callable
    text: Callable
    font: Callable  # of a text object


def text_calls() -> TextCalls:
    """Return the calls, bound to the loaded PDFium library."""
    import pypdfium2.raw as raw

    def bare(fn, restype):
        return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)

    c_int = ctypes.c_int
    return TextCalls(
        bare(raw.FPDFText_CountChars, c_int),
        bare(raw.FPDFText_GetUnicode, ctypes.c_uint),
        bare(raw.FPDFText_IsGenerated, c_int),
        bare(raw.FPDFText_GetCharOrigin, c_int),
        bare(raw.FPDFText_GetLooseCharBox, c_int),
        bare(raw.FPDFText_GetTextObject, ctypes.c_void_p),
        bare(raw.FPDFText_GetFontSize, ctypes.c_double),
        bare(raw.FPDFText_GetMatrix, c_int),
        bare(raw.FPDFText_GetText, c_int),
        bare(raw.FPDFTextObj_GetFont, _Handle),
    )


class _Style(NamedTuple):
    """What the glyphs of one text object share."""

    bold: bool
    descent: float  # below the baseline, per point of size (negative)
    size: float  # as drawn


def page_runs(page, at: tuple, calls: TextCalls) -> list[Run]:
    """Return the page's drawn glyphs in text order, as runs, placed on the page by ``at``."""
    textpage = page.get_textpage()
    try:
        return _runs(calls, ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value), at)
    finally:
        textpage.close()


def _runs(calls: TextCalls, tp, at: tuple) -> list[Run]:
    """Return the text page's glyphs as runs, with no record per glyph.

    A run is cut at a new baseline, size or weight, and where a glyph stands apart
    from the one before (a word placed on its own, the next cell), so that a line is
    a few runs, each in order. Where a run is cut does not change what is read.
    """
    a, b, c, d, e, f = at
    origin, loose_box, text_object = calls.origin, calls.loose_box, calls.text_object
    # PDFium writes each glyph's origin and box here; the views read them in one step
    box, point = (ctypes.c_float * 4)(), (ctypes.c_double * 2)()
    box_at, x_at, y_at = ctypes.byref(box), ctypes.byref(point), ctypes.byref(point, 8)
    corners, xy = _floats(box, "f"), _floats(point, "d")
    styles: dict[int, tuple] = {}  # by text object: bold, size, descent times size, run gap
    faces: dict[int, tuple[bool, float]] = {}
    runs: list[Run] = []
    texts: list[str] = []  # the open run's glyphs
    lefts: list[float] = []
    rights: list[float] = []
    last_x = last_y = last_obj = run_bottom = None
    bold = size = drop = gap = run_size = run_bold = None
    x0 = x1 = 0.0
    for i, text in enumerate(_page_text(calls, tp)):
        if text <= " " or text >= "\ufffe":
            text = _drawn(calls, tp, i, text)
            if text is None:
                continue
        origin(tp, i, x_at, y_at)
        x, y = xy
        if x == last_x and y == last_y:
            texts[-1] += text  # one glyph mapped to several characters ("ffi" spelt out)
            continue
        last_x, last_y = x, y
        loose_box(tp, i, box_at)
        obj = text_object(tp, i)
        if obj != last_obj:
            bold, size, drop, gap = styles.get(obj) or styles.setdefault(
                obj, _object_style(calls, tp, i, obj, faces)
            )
            last_obj = obj
        left, top, right, low = corners
        # across the box as drawn; up from the baseline less the descent, by the size
        ax, bx = a * left + c * low + e, a * right + c * top + e
        bottom = b * x + d * y + f - drop
        if ax > bx:
            ax, bx = bx, ax
        if bottom != run_bottom or size != run_size or bold != run_bold or ax < x0 or ax - x1 > gap:
            if texts:
                runs.append(
                    make_run(
                        texts, lefts, rights, run_bottom - run_size, run_bottom, run_size, run_bold
                    )
                )
            texts, lefts, rights = [text], [ax], [bx]
            run_bottom, run_size, run_bold = bottom, size, bold
        else:
            texts.append(text)
            lefts.append(ax)
            rights.append(bx)
        x0, x1 = ax, bx
    if texts:
        runs.append(
            make_run(texts, lefts, rights, run_bottom - run_size, run_bottom, run_size, run_bold)
        )
    return runs


def _object_style(calls: TextCalls, tp, index: int, obj: int, faces: dict) -> tuple:
    """Return (bold, size, descent times size, run gap) of the text object drawing glyph
    ``index``; a glyph further than the gap past the one before opens a run."""
    bold, descent, size = _style(calls, tp, index, obj, faces)
    return bold, size, descent * size, 0.1 * size


def _floats(struct, kind: str) -> memoryview:
    return memoryview(struct).cast("B").cast(kind)


def _page_text(calls: TextCalls, tp) -> str:
    """Return the text page's characters, one for each index, read in one call.

    PDFium's bulk text writes U+FFFE for its line-end hyphen mark (U+0002), as for a
    character it could not map; ``_drawn`` asks again for each. A character beyond
    U+FFFF takes two UTF-16 units there, so such a page is read one character at a time.
    """
    count = calls.count(tp)
    if count <= 0:
        return ""
    units = (ctypes.c_ushort * (count + 1))()
    calls.text(tp, 0, count, units)
    text = bytes(units)[: 2 * count].decode("utf-16-le", "surrogatepass")
    if len(text) == count and not _SURROGATE.search(text):
        return text
    return "".join(chr(calls.unicode(tp, i)) for i in range(count))


def _drawn(calls: TextCalls, tp, index: int, text: str) -> str | None:
    """Return the text of a control or unmapped character as drawn, None if PDFium added it."""
    code = calls.unicode(tp, index) if text == "\ufffe" else ord(text)
    # PDFium adds spaces and line breaks between words, none of them drawn
    if code in _NOT_DRAWN or (code <= 32 and calls.generated(tp, index) == 1):
        return None
    return "-" if code == 2 else chr(code)  # U+0002: PDFium's mark of a line-end hyphen


def _style(calls: TextCalls, tp, index: int, obj: int, faces: dict) -> _Style:
    """Return the style of the text object drawing glyph ``index``; ``faces`` holds the
    page's fonts read so far, by address (a page draws hundreds of objects in a few fonts)."""
    import pypdfium2.raw as raw

    font = calls.font(ctypes.c_void_p(obj))
    size = calls.font_size(tp, index) * _scale(calls, tp, index)
    face = faces.get(font.value) or faces.setdefault(
        font.value, _face(raw, ctypes.cast(font, raw.FPDF_FONT))
    )
    return _Style(*face, size)


def _face(raw, font) -> tuple[bool, float]:
    """Return (bold, descent per point of size) of a font."""
    length = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(length)
    raw.FPDFFont_GetBaseFontName(font, name, length)
    descent = ctypes.c_float()
    raw.FPDFFont_GetDescent(font, ctypes.c_float(1.0), descent)
    return is_bold(name.value.decode("latin-1")), descent.value


def _scale(calls: TextCalls, tp, index: int) -> float:
    """Return how much the matrices over a glyph (its text object's and the page's) enlarge its em.

    PDFium gives the font size as set by Tf; the size as drawn, as pdfminer gives it,
    is that times this: Chromium and WeasyPrint set 11 pt text as 14.67 px under a
    0.75 matrix.
    """
    import pypdfium2.raw as raw

    m = raw.FS_MATRIX()
    if not calls.matrix(tp, index, ctypes.byref(m)):
        return 1.0
    return math.hypot(m.c, m.d) or 1.0


def blank_glyph(obj, matrix: tuple, at: tuple) -> Glyph:
    """Return the glyph of a text object that draws no ink, which the text page leaves out.

    Chromium draws every glyph as a text object of its own; PDFium's text page skips
    one whose box has no width (a space, a no-break space) and may put an undrawn
    space of its own nearby, so a line would lose the space glyphs pdfminer keeps
    (a wrap mark, a space's width). The text page serves no text for such an object:
    it is read as one space, as wide as the font's space, from the object's origin.
    ``matrix`` is the object's text matrix with every form's over it.
    """
    import pypdfium2.raw as raw

    font = raw.FPDFTextObj_GetFont(obj)
    set_size, advance = ctypes.c_float(), ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, set_size)
    raw.FPDFFont_GetGlyphWidth(font, ord(" "), set_size.value, advance)
    bold, descent = _face(raw, font)
    a, b, c, d, e, f = matrix
    size = set_size.value * (math.hypot(c, d) or 1.0)
    ox, oy = _place(at, e, f)
    ex = _place(at, e + a * advance.value, f + b * advance.value)[0]
    bottom = oy - descent * size
    return Glyph(" ", min(ox, ex), max(ox, ex), bottom - size, bottom, size, bold)


def _place(at: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = at
    return (a * x + c * y + e, b * x + d * y + f)
