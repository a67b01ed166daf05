"""The painted paths of a page as PDFium gives them, cut into subpaths the way pdfminer cuts them.

Each path object is read through its matrix (and every form's over it) onto the page
as shown; each subpath is named line, rect or curve by pdfminer's rule. A ruled table
draws every cell border as a path of its own: a page of cells holds hundreds, each
read in a dozen PDFium calls, so the calls are made without ctypes' argument
conversion, into buffers made once.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

from .pdf_pdfium_glyphs import blank_glyph
from .pdf_records import Glyph, Shape

_TEXT, _PATH, _FORM = 1, 2, 5  # FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM
_MOVE, _BEZIER = 2, 1  # FPDF_SEGMENT_MOVETO, FPDF_SEGMENT_BEZIERTO
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Handle(ctypes.c_void_p):
    """A PDFium handle as a call returns it: kept as a pointer to pass back, not made an int."""


class ObjectCalls:
    """PDFium's page-object and path functions, bound once, with their output buffers."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        def bare(fn, restype=ctypes.c_int):
            return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)

        self.count, self.object = (
            bare(raw.FPDFPage_CountObjects),
            bare(raw.FPDFPage_GetObject, _Handle),
        )
        self.form_count = bare(raw.FPDFFormObj_CountObjects)
        self.form_object = bare(raw.FPDFFormObj_GetObject, _Handle)
        self.kind, self.get_matrix = bare(raw.FPDFPageObj_GetType), bare(raw.FPDFPageObj_GetMatrix)
        self.get_bounds, self.draw_mode = (
            bare(raw.FPDFPageObj_GetBounds),
            bare(raw.FPDFPath_GetDrawMode),
        )
        self.fill, self.stroke = (
            bare(raw.FPDFPageObj_GetFillColor),
            bare(raw.FPDFPageObj_GetStrokeColor),
        )
        self.width, self.segments = (
            bare(raw.FPDFPageObj_GetStrokeWidth),
            bare(raw.FPDFPath_CountSegments),
        )
        self.segment = bare(raw.FPDFPath_GetPathSegment, _Handle)
        self.segment_kind, self.point = (
            bare(raw.FPDFPathSegment_GetType),
            bare(raw.FPDFPathSegment_GetPoint),
        )
        self.closes = bare(raw.FPDFPathSegment_GetClose)
        self.matrix = raw.FS_MATRIX()
        self.colour_names: dict[tuple, str] = {}  # RRGGBB by channels, as read so far
        self.floats = (ctypes.c_float * 4)()  # bounds, a segment's point, a stroke width
        self.ints = (ctypes.c_uint * 4)()  # draw modes, a colour's r, g, b, a
        f, n = self.floats, self.ints
        self.f_at = [ctypes.byref(f, 4 * k) for k in range(4)]
        self.n_at = [ctypes.byref(n, 4 * k) for k in range(4)]
        self.matrix_at = ctypes.byref(self.matrix)


def painted(page, at: tuple, calls: ObjectCalls) -> tuple[tuple[Shape, ...], list[Glyph]]:
    """Return the page's painted shapes, and the glyphs of its text objects with no ink."""
    shapes: list[Shape] = []
    blanks: list[Glyph] = []
    for i in range(calls.count(page.raw)):
        for obj, kind, matrix in _objects(calls, calls.object(page.raw, i), _IDENTITY):
            if kind == _PATH:
                shapes += _path_shapes(calls, obj, matrix, at)
            else:
                blanks.append(blank_glyph(_typed(obj), matrix, at))
    return tuple(shapes), blanks


def _typed(obj: _Handle):
    import pypdfium2.raw as raw

    return ctypes.cast(obj, raw.FPDF_PAGEOBJECT)


def _objects(calls: ObjectCalls, obj, outer: tuple) -> Iterator[tuple[object, int, tuple]]:
    """Yield the paths and inkless text objects under a page object, with their matrices.

    A form's objects come through its matrix; a text object with ink is the text
    page's to read.
    """
    kind = calls.kind(obj)
    if kind not in (_PATH, _FORM, _TEXT) or (kind == _TEXT and not _inkless(calls, obj)):
        return
    m = calls.matrix
    calls.get_matrix(obj, calls.matrix_at)
    matrix = compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    if kind == _FORM:
        for i in range(calls.form_count(obj)):
            yield from _objects(calls, calls.form_object(obj, i), matrix)
    else:
        yield obj, kind, matrix


def _inkless(calls: ObjectCalls, text) -> bool:
    # the text page's own test for leaving an object out: its box narrower than 0.01
    left, bottom, right, top = calls.f_at
    if not calls.get_bounds(text, left, bottom, right, top):
        return False
    box = calls.floats
    return abs(box[2] - box[0]) < 0.01


def _path_shapes(calls: ObjectCalls, obj, matrix: tuple, at: tuple) -> Iterator[Shape]:
    """Yield the subpaths a path object paints, through its matrix."""
    fill_at, stroke_at = calls.n_at[:2]
    calls.draw_mode(obj, fill_at, stroke_at)
    fill, stroke = calls.ints[0], calls.ints[1]
    if not fill and not stroke:
        return
    paint = (bool(stroke), bool(fill), *_colours(calls, obj))
    m0, m1, m2, m3, m4, m5 = matrix
    a0, a1, a2, a3, a4, a5 = at
    for ops, points in _subpaths(calls, obj):
        # the object's matrix, then the page's placement, one after the other
        inner = [(m0 * x + m2 * y + m4, m1 * x + m3 * y + m5) for x, y in points]
        pts = [(a0 * x + a2 * y + a4, a1 * x + a3 * y + a5) for x, y in inner]
        shape = _classify(ops, pts)
        if shape is not None:
            xs, ys = [p[0] for p in shape[1]], [p[1] for p in shape[1]]
            yield Shape(shape[0], min(xs), min(ys), max(xs), max(ys), tuple(shape[1]), *paint)


def _colours(calls: ObjectCalls, obj) -> tuple[str | None, str | None, float]:
    r, g, b, a = calls.n_at
    n, names = calls.ints, calls.colour_names
    fill = _colour_name(names, n) if calls.fill(obj, r, g, b, a) else None
    stroke = _colour_name(names, n) if calls.stroke(obj, r, g, b, a) else None
    calls.floats[0] = 0.0
    calls.width(obj, calls.f_at[0])
    return fill, stroke, calls.floats[0]


def _colour_name(names: dict, n) -> str:
    """Return RRGGBB of the colour in ``n``, kept by its channels: a document paints
    thousands of rules in a few colours."""
    key = (n[0], n[1], n[2])
    return names.get(key) or names.setdefault(key, f"{n[0]:02X}{n[1]:02X}{n[2]:02X}")


def _subpaths(calls: ObjectCalls, obj) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """Yield each subpath as pdfminer spells it: operators (m, l, c, h) and their end points."""
    ops, points = "", []
    x_at, y_at = calls.f_at[:2]
    xy = calls.floats
    segment, kind_of, point, closes = calls.segment, calls.segment_kind, calls.point, calls.closes
    pending_curve = 0
    for i in range(calls.segments(obj)):
        seg = segment(obj, i)
        kind = kind_of(seg)
        point(seg, x_at, y_at)
        x, y = xy[0], xy[1]
        if kind == _MOVE:
            if ops:
                yield ops, points
            ops, points = "m", [(x, y)]
        elif kind == _BEZIER:
            pending_curve += 1
            if pending_curve == 3:  # two control points, then the end point
                ops, pending_curve = ops + "c", 0
                points.append((x, y))
        else:
            ops += "l"
            points.append((x, y))
        if closes(seg):
            ops += "h"
            points.append(points[0])
    if ops:
        yield ops, points


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


def compose(inner: tuple, outer: tuple) -> tuple:
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
