"""Read OpenDocument text (.odt): headings, paragraphs, lists and tables in body order."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planwatch.errors import UnreadableFile
from planwatch.model import Block, Cell, Document, Paragraph, Row, Source, Table

from .css import colour
from .emphasis import leading_bold
from .limits import Limits
from .xml_safety import check_package

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
_ELEMENT = Any  # an lxml element


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _H, _LIST, _TABLE = _q("text:p"), _q("text:h"), _q("text:list"), _q("table:table")
_ROW, _CELL, _COVERED = (
    _q("table:table-row"),
    _q("table:table-cell"),
    _q("table:covered-table-cell"),
)
_HEADER_ROWS = _q("table:table-header-rows")
_ROW_GROUPS = {_q("table:table-rows"), _q("table:table-row-group"), _HEADER_ROWS}
# containers whose children are body blocks
_CONTAINERS = {
    _q("text:section"),
    _LIST,
    _q("text:list-item"),
    _q("text:list-header"),
    _q("text:index-body"),
}
# text that is not the document's own running text: notes, comments, tracked deletions, frames
_NOT_TEXT = {
    _q("text:note"),
    _q("office:annotation"),
    _q("text:tracked-changes"),
    _q("draw:frame"),
    _q("text:table-of-content-source"),
}
_SPACES = {_q("text:s"), _q("text:tab"), _q("text:line-break")}
_STYLE_NAME, _SPAN_COLS, _SPAN_ROWS = (
    _q("table:style-name"),
    _q("table:number-columns-spanned"),
    _q("table:number-rows-spanned"),
)
_REPEAT_COLS, _REPEAT_ROWS = _q("table:number-columns-repeated"), _q("table:number-rows-repeated")
# a spreadsheet-style run of thousands of repeated empty rows or columns is padding
_MAX_REPEAT = 100


def read_odt(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of an .odt: paragraphs and tables in body order, with cell fills."""
    parts = _parts(path, data, limits)
    content = parts["content.xml"]
    fills = _cell_fills(content) | _cell_fills(parts.get("styles.xml"))
    styles = _parent_styles(content)
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise UnreadableFile(f"{path.name}: not an OpenDocument text (no office:text body)")
    bold = _bold_styles(content, parts.get("styles.xml"))
    blocks = tuple(_Body(fills, styles, bold).blocks(body))
    return Document(source=source, blocks=blocks, properties=_properties(parts.get("meta.xml")))


def _parts(path: Path, data: bytes, limits: Limits) -> dict[str, _ELEMENT]:
    """Return the parsed content, styles and meta parts, after the package safety checks."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "content.xml" not in zf.namelist():
                raise UnreadableFile(f"{path.name}: not a valid OpenDocument file (no content.xml)")
            check_package(path.name, zf, limits)
            names = [n for n in ("content.xml", "styles.xml", "meta.xml") if n in zf.namelist()]
            return {n: etree.fromstring(zf.read(n), parser) for n in names}
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise UnreadableFile(f"{path.name}: not a valid OpenDocument file ({exc})") from exc
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(f"{path.name}: not a valid OpenDocument file ({exc})") from exc


def _cell_fills(root: _ELEMENT | None) -> dict[str, str]:
    """Return table-cell style name -> background RRGGBB, for the styles that set one."""
    fills = {}
    for style in () if root is None else root.iterfind(".//style:style", _NS):
        props = style.find("style:table-cell-properties", _NS)
        fill = colour(props.get(_q("fo:background-color"))) if props is not None else None
        if fill:
            fills[style.get(_q("style:name"))] = fill
    return fills


def _parent_styles(content: _ELEMENT) -> dict[str, str]:
    """Return automatic paragraph style -> the named style it derives from ("P3" -> "Title")."""
    return {
        style.get(_q("style:name")): style.get(_q("style:parent-style-name"))
        for style in content.iterfind("office:automatic-styles/style:style", _NS)
        if style.get(_q("style:parent-style-name"))
    }


def _bold_styles(*roots: _ELEMENT | None) -> dict[str, bool]:
    """Return style name -> bold, for each style whose text weight it or a parent sets."""
    own: dict[str, bool] = {}
    parents: dict[str, str] = {}
    for root in roots:
        for style in () if root is None else root.iterfind(".//style:style", _NS):
            name = style.get(_q("style:name"))
            props = style.find("style:text-properties", _NS)
            weight = props.get(_q("fo:font-weight")) if props is not None else None
            if weight:
                own[name] = weight in ("bold", "600", "700", "800", "900")
            if parent := style.get(_q("style:parent-style-name")):
                parents[name] = parent
    out = {}
    for name in {*own, *parents}:
        seen, at = set(), name
        while at not in own and at in parents and at not in seen:
            seen.add(at)
            at = parents[at]
        if at in own:
            out[name] = own[at]
    return out


def _properties(meta: _ELEMENT | None) -> dict[str, str]:
    if meta is None:
        return {}
    found = {
        "title": meta.findtext(".//dc:title", "", _NS),
        "created": meta.findtext(".//meta:creation-date", "", _NS),
        "modified": meta.findtext(".//dc:date", "", _NS),
    }
    return {key: value.strip() for key, value in found.items() if value and value.strip()}


def text_of(element: _ELEMENT) -> str:
    """Return the tidied text of a paragraph, cell or heading: spaces, tabs and breaks as spaces."""
    return " ".join("".join(_pieces(element)).split())


def _pieces(element: _ELEMENT) -> Iterator[str]:
    if element.tag in _NOT_TEXT:
        return
    if element.tag in _SPACES:
        yield " "
    elif element.tag in (_P, _H):
        yield " "  # one paragraph of a cell from the next
    yield element.text or ""
    for child in element:
        yield from _pieces(child)
        yield child.tail or ""


class _Body:
    """Turns office:text into blocks, resolving each cell's fill through the styles."""

    def __init__(
        self, fills: dict[str, str], styles: dict[str, str], bold: dict[str, bool]
    ) -> None:
        self.fills = fills
        self.styles = styles
        self.bold = bold

    def blocks(self, parent: _ELEMENT) -> Iterator[Block]:
        for child in parent:
            if child.tag == _TABLE:
                yield self.table(child)
            elif child.tag == _H:
                if text := text_of(child):
                    yield Paragraph(text, f"Heading {child.get(_q('text:outline-level'), '1')}")
            elif child.tag == _P:
                if text := text_of(child):
                    yield Paragraph(text, self.style(child))
            elif child.tag in _CONTAINERS:
                yield from self.blocks(child)

    def style(self, p: _ELEMENT) -> str | None:
        name = p.get(_q("text:style-name"))
        return self.styles.get(name, name) if name else None

    def table(self, table: _ELEMENT) -> Table:
        """Return the table as a full grid; covered cells are the merged slots they are."""
        rows = []
        for tr, header in _rows(table):
            cells = []
            for td in tr:
                if td.tag in (_CELL, _COVERED):
                    repeat = min(_int(td.get(_REPEAT_COLS)), _MAX_REPEAT)
                    cells += [self.cell(td)] * repeat
            rows += [Row(tuple(cells), header=header)] * min(
                _int(tr.get(_REPEAT_ROWS)), _MAX_REPEAT
            )
        width = max((len(r.cells) for r in rows), default=0)
        return Table(
            tuple(
                Row(r.cells + (Cell(""),) * (width - len(r.cells)), header=r.header) for r in rows
            )
        )

    def cell(self, td: _ELEMENT) -> Cell:
        fill = self.fills.get(td.get(_STYLE_NAME))
        if td.tag == _COVERED:
            return Cell("", fill, merged=True)
        text = text_of(td)
        spans = _int(td.get(_SPAN_COLS)), _int(td.get(_SPAN_ROWS))
        return Cell(text, fill, *spans, bold_head=self.bold_head(td, text))

    def bold_head(self, td: _ELEMENT, text: str) -> str:
        """Return the text of the cell's opening paragraphs set wholly in bold, else ''."""
        return leading_bold((self._line(p) for p in td), text)

    def _line(self, p: _ELEMENT) -> tuple[str, bool]:
        """Return a paragraph's text and whether every piece of it is bold."""
        line = text_of(p)
        if not line or p.tag not in (_P, _H):
            return line, False
        return line, all(bold for piece, bold in self._runs(p, False) if piece.strip())

    def _runs(self, element: _ELEMENT, bold: bool) -> Iterator[tuple[str, bool]]:
        """Yield each piece of text with whether its paragraph or span style makes it bold."""
        if element.tag in _NOT_TEXT:
            return
        bold = self.bold.get(element.get(_q("text:style-name")) or "", bold)
        yield element.text or "", bold
        for child in element:
            yield from self._runs(child, bold)
            yield child.tail or "", bold


def _rows(table: _ELEMENT, header: bool = False) -> Iterator[tuple[_ELEMENT, bool]]:
    """Yield (row, is header) in order, through header-row and row-group wrappers."""
    for child in table:
        if child.tag == _ROW:
            yield child, header
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child, header or child.tag == _HEADER_ROWS)


def _int(value: str | None) -> int:
    return max(int(value), 1) if value and value.isdigit() else 1
