"""The PDFium engine: PDFium (through pypdfium2) parses each page, read into page records.

Glyph boxes are set the way pdfminer sets them (``pdf_pdfium_glyphs``), so both engines feed the
geometry the same page: from the glyph's origin, its advance width across, and
from the font's descent to one font size above it up. Paths are cut into
subpaths and named line, rect or curve by the shared rule; form XObjects are
flattened into the page, and the page's /Rotate is applied to every point.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager

from planwatch.errors import UnreadableFile

from .pdf_pdfium_glyphs import blank_glyph, page_glyphs, text_calls
from .pdf_records import Glyph, PageContent, ParsedPdf, Shape

_TEXT, _PATH, _FORM = 1, 2, 5  # FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM
_MOVE, _BEZIER = 2, 1  # FPDF_SEGMENT_MOVETO, FPDF_SEGMENT_BEZIERTO
_PASSWORD = 4  # FPDF_ERR_PASSWORD


@contextmanager
def open_pdf(name: str, data: bytes) -> Iterator[ParsedPdf]:
    """Yield the PDF's pages as records; raise UnreadableFile if PDFium cannot load it."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _unreadable(name, exc) from exc
    try:
        info = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items() if v}
        yield ParsedPdf(len(pdf), _pages(pdf), info)
    finally:
        pdf.close()


def _unreadable(name: str, exc: Exception) -> UnreadableFile:
    if getattr(exc, "err_code", None) == _PASSWORD:
        return UnreadableFile(f"{name}: PDF is password-protected; save an unlocked copy")
    # "Failed to load document (PDFium: Data format error)." -> "PDFium: Data format error"
    reason = str(exc).removeprefix("Failed to load document ").rstrip(".").strip("() ")
    reason = reason or "damaged"
    return UnreadableFile(f"{name}: not a valid PDF ({reason})")


def _pages(pdf) -> Iterator[PageContent]:
    calls, segments = text_calls(), _segment_calls()
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            at = _placement(page)
            shapes, blanks = _painted(page, at, segments)
            width, height = page.get_size()
            yield PageContent(
                index + 1,
                width,
                height,
                page.get_rotation(),
                (*page_glyphs(page, at, calls), *blanks),
                shapes,
            )
        finally:
            page.close()


def _placement(page) -> tuple:
    """Return the matrix taking a point of PDF space to (x, top) on the page as shown."""
    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation()
    if rotation == 90:
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)  # (y - bottom, x - left)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom)  # (right - x, y - bottom)
    if rotation == 270:
        return (0.0, -1.0, -1.0, 0.0, top, right)  # (top - y, right - x)
    return (1.0, 0.0, 0.0, -1.0, -left, top)  # (x - left, top - y)


def _painted(page, at: tuple, segments: tuple) -> tuple[tuple[Shape, ...], list[Glyph]]:
    """Return the page's painted shapes, and the glyphs of its text objects with no ink."""
    import pypdfium2.raw as raw

    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    shapes: list[Shape] = []
    blanks: list[Glyph] = []
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        for obj, kind, matrix in _objects(raw, raw.FPDFPage_GetObject(page.raw, i), identity):
            if kind == _PATH:
                shapes += _path_shapes(raw, obj, matrix, at, segments)
            else:
                blanks.append(blank_glyph(obj, matrix, at))
    return tuple(shapes), blanks


def _objects(raw, obj, outer: tuple) -> Iterator[tuple[object, int, tuple]]:
    """Yield the paths and inkless text objects under a page object, with their matrices.

    A form's objects come through its matrix; a text object with ink is the text
    page's to read.
    """
    kind = raw.FPDFPageObj_GetType(obj)
    if kind not in (_PATH, _FORM, _TEXT) or (kind == _TEXT and not _inkless(raw, obj)):
        return
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    matrix = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    if kind == _FORM:
        for i in range(raw.FPDFFormObj_CountObjects(obj)):
            yield from _objects(raw, raw.FPDFFormObj_GetObject(obj, i), matrix)
    else:
        yield obj, kind, matrix


def _inkless(raw, text) -> bool:
    # the text page's own test for leaving an object out: its box narrower than 0.01
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(text, left, bottom, right, top):
        return False
    return abs(right.value - left.value) < 0.01


def _path_shapes(raw, obj, matrix: tuple, at: tuple, segments: tuple) -> Iterator[Shape]:
    """Yield the subpaths a path object paints, through its matrix."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    if not fill.value and not stroke.value:
        return
    paint = (bool(stroke.value), bool(fill.value), *_colours(raw, obj))
    for ops, points in _subpaths(raw, obj, segments):
        pts = [_apply(at, *_apply(matrix, x, y)) for x, y in points]
        shape = _classify(ops, pts)
        if shape is not None:
            xs, ys = [p[0] for p in shape[1]], [p[1] for p in shape[1]]
            yield Shape(shape[0], min(xs), min(ys), max(xs), max(ys), tuple(shape[1]), *paint)


def _colours(raw, obj) -> tuple[str | None, str | None, float]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    colours = []
    for getter in (raw.FPDFPageObj_GetFillColor, raw.FPDFPageObj_GetStrokeColor):
        ok = getter(obj, r, g, b, a)
        colours.append(f"{r.value:02X}{g.value:02X}{b.value:02X}" if ok else None)
    width = ctypes.c_float()
    raw.FPDFPageObj_GetStrokeWidth(obj, width)
    return colours[0], colours[1], width.value


def _subpaths(raw, obj, segments: tuple) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """Yield each subpath as pdfminer spells it: operators (m, l, c, h) and their end points."""
    ops, points = "", []
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.byref(x), ctypes.byref(y)
    segment, kind_of, point, closes = segments
    pending_curve = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = segment(obj, i)
        kind = kind_of(seg)
        point(seg, x_at, y_at)
        if kind == _MOVE:
            if ops:
                yield ops, points
            ops, points = "m", [(x.value, y.value)]
        elif kind == _BEZIER:
            pending_curve += 1
            if pending_curve == 3:  # two control points, then the end point
                ops, pending_curve = ops + "c", 0
                points.append((x.value, y.value))
        else:
            ops += "l"
            points.append((x.value, y.value))
        if closes(seg):
            ops += "h"
            points.append(points[0])
    if ops:
        yield ops, points


class _Handle(ctypes.c_void_p):
    """A PDFium handle as a call returns it: kept as a pointer to pass back, not made an int."""


def _segment_calls() -> tuple:
    """Return PDFium's path-segment functions without ctypes' argument conversion.

    A ruled table's every cell border is a path of four or five segments, each read
    by four calls; the conversion doubles the cost of each.
    """
    import pypdfium2.raw as raw

    def bare(fn, restype):
        return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)

    return (
        bare(raw.FPDFPath_GetPathSegment, _Handle),
        bare(raw.FPDFPathSegment_GetType, ctypes.c_int),
        bare(raw.FPDFPathSegment_GetPoint, ctypes.c_int),
        bare(raw.FPDFPathSegment_GetClose, ctypes.c_int),
    )


def _classify(ops: str, pts: list) -> tuple[str, list] | None:
    """Return (kind, points) of a subpath by pdfminer's rule, or None for a lone move."""
    if len(ops) > 3 and ops[-2:] == "lh" and pts[-2] == pts[0]:
        ops, pts = ops[:-2] + "h", pts[:-2] + pts[-1:]  # a redundant "l" before the close
    if ops in ("mlh", "ml"):
        return "line", pts[:2]
    if ops in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if pts[0] == pts[4] and square:
            return "rect", pts
    return ("curve", pts) if len(ops) > 1 else None


def _compose(inner: tuple, outer: tuple) -> tuple:
    """Return the matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
