"""An HTML rendering of a .docx variant, for the browser and WeasyPrint producers.

Faithful and plain: the body's paragraphs (title, subtitle and heading styles as
headings), its tables with their spans, vertical merges, shading, bold header
text and column widths, "repeat header row" as a table head, "row may not
break" as ``break-inside: avoid``; the page size, margins and base font of the
variant; the core properties as the document's title and dates.
"""

from __future__ import annotations

import html
import io
import zipfile

from geometry import MARGINS_CM, NS, TWIPS_PER_CM, Geometry, _q
from lxml import etree

_HEADINGS = {"Title": "h1", "Subtitle": "h2", "Heading1": "h2", "Heading2": "h3", "Heading3": "h4"}
_CP = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}


def core_properties(docx: bytes) -> dict[str, str]:
    """Return the document's title, created and modified (ISO) from docProps/core.xml."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        core = etree.fromstring(z.read("docProps/core.xml"))
    out = {}
    for key, path in (
        ("title", "dc:title"),
        ("created", "dcterms:created"),
        ("modified", "dcterms:modified"),
    ):
        el = core.find(path, _CP)
        if el is not None and el.text:
            out[key] = el.text.strip()
    return out


def render_html(docx: bytes, geometry: Geometry) -> str:
    """Return the HTML document of the .docx laid out in ``geometry``."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find("w:body", NS)
    props = core_properties(docx)
    parts = []
    for el in body:
        if el.tag == _q("p"):
            parts.append(_paragraph(el))
        elif el.tag == _q("tbl"):
            parts.append(_table(el, geometry))
    title = html.escape(props.get("title", ""))
    metas = "".join(
        f'<meta name="dcterms.{k}" content="{html.escape(props[k])}">'
        for k in ("created", "modified")
        if k in props
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{metas}<style>{_css(geometry, title)}</style></head><body>{''.join(parts)}</body></html>"
    )


def _css(geometry: Geometry, title: str) -> str:
    width, height = geometry.page_cm()
    margin = MARGINS_CM[geometry.margins]
    running = ""
    if geometry.running:
        running = (
            f"@top-center {{ content: '{title} - running head'; font-size: 9pt; }}"
            "@bottom-center { content: 'Page ' counter(page) ' of ' counter(pages);"
            " font-size: 9pt; }"
        )
    return (
        f"@page {{ size: {width}cm {height}cm; margin: {margin}cm; {running} }}"
        "body { font-family: Arial, 'Liberation Sans', sans-serif;"
        f" font-size: {geometry.font_pt}pt;"
        " margin: 0; }"
        "h1 { font-size: 2.4em; font-weight: normal; margin: 0 0 0.3em; }"
        "h2 { font-size: 1.4em; font-weight: normal; margin: 0.4em 0; }"
        "h3, h4 { font-size: 1.2em; margin: 0.4em 0; }"
        "p { margin: 0 0 0.6em; }"
        "table { border-collapse: collapse; margin: 0 0 0.8em; table-layout: fixed; }"
        "td, th { border: 0.5pt solid black; padding: 0 0.19cm; vertical-align: top;"
        " text-align: left; font-weight: normal; overflow-wrap: anywhere; }"
        "td p, th p { margin: 0; }"
        "tr.whole { break-inside: avoid; }"
    )


def _style(p) -> str:
    el = p.find("w:pPr/w:pStyle", NS)
    return el.get(_q("val")) if el is not None else ""


def _runs(p) -> str:
    out = []
    for run in p.iter(_q("r")):
        text = "".join(t.text or "" for t in run.iter(_q("t")))
        text += "\n" * len(run.findall("w:br", NS))
        if not text:
            continue
        text = html.escape(text).replace("\n", "<br>")
        bold = run.find("w:rPr/w:b", NS)
        if bold is not None and bold.get(_q("val"), "true") not in ("0", "false"):
            text = f"<b>{text}</b>"
        colour = run.find("w:rPr/w:color", NS)
        if colour is not None and colour.get(_q("val"), "auto") not in ("auto", "000000"):
            text = f"<span style='color:#{colour.get(_q('val'))}'>{text}</span>"
        out.append(text)
    return "".join(out)


def _paragraph(p) -> str:
    tag = _HEADINGS.get(_style(p), "p")
    text = _runs(p)
    if not text and tag == "p":
        return "<p>&nbsp;</p>"
    return f"<{tag}>{text}</{tag}>"


def _table(tbl, geometry: Geometry) -> str:
    widths = [int(c.get(_q("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    cols = "".join(f"<col style='width:{w / TWIPS_PER_CM:.3f}cm'>" for w in widths)
    rows = tbl.findall("w:tr", NS)
    grid = [_row_cells(tr) for tr in rows]
    spans = _row_spans(grid)
    head, body = [], []
    for i, (tr, cells) in enumerate(zip(rows, grid, strict=True)):
        marks = tr.find("w:trPr", NS)
        header = marks is not None and marks.find("w:tblHeader", NS) is not None
        whole = marks is not None and marks.find("w:cantSplit", NS) is not None
        html_cells = "".join(
            _cell(tc, span, spans.get((i, col), 1))
            for tc, col, span, merge in cells
            if merge != "continue"
        )
        line = f"<tr{' class=whole' if whole else ''}>{html_cells}</tr>"
        (head if header and len(body) == 0 else body).append(line)
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return f"<table><colgroup>{cols}</colgroup>{thead}<tbody>{''.join(body)}</tbody></table>"


def _row_cells(tr) -> list[tuple]:
    """Return (tc, first grid column, column span, vMerge value) per cell of the row."""
    out, col = [], 0
    for tc in tr.findall("w:tc", NS):
        span_el = tc.find("w:tcPr/w:gridSpan", NS)
        span = int(span_el.get(_q("val"))) if span_el is not None else 1
        merge_el = tc.find("w:tcPr/w:vMerge", NS)
        merge = None if merge_el is None else merge_el.get(_q("val"), "continue")
        out.append((tc, col, span, merge))
        col += span
    return out


def _row_spans(grid: list[list[tuple]]) -> dict[tuple[int, int], int]:
    """Return (row, column) -> rows spanned, for each cell that starts a vertical merge."""
    spans = {}
    for i, cells in enumerate(grid):
        for _, col, _, merge in cells:
            if merge != "restart":
                continue
            n = 1
            while i + n < len(grid) and any(
                c == col and m == "continue" for _, c, _, m in grid[i + n]
            ):
                n += 1
            spans[(i, col)] = n
    return spans


def _cell(tc, colspan: int, rowspan: int) -> str:
    shade = tc.find("w:tcPr/w:shd", NS)
    fill = shade.get(_q("fill")) if shade is not None else None
    style = f" style='background:#{fill}'" if fill and fill.lower() != "auto" else ""
    attrs = (f" colspan={colspan}" if colspan > 1 else "") + (
        f" rowspan={rowspan}" if rowspan > 1 else ""
    )
    paras = "".join(f"<p>{_runs(p) or '&nbsp;'}</p>" for p in tc.findall("w:p", NS))
    return f"<td{attrs}{style}>{paras}</td>"
