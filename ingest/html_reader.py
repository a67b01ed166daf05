"""Read web pages (.html): headings, paragraphs, lists and tables in page order.

lxml's HTML parser (libxml2) is used: it is already installed with python-docx,
it recovers from the malformed markup that content-management systems publish,
and it never touches the network (no DTD, no external entity, no stylesheet or
image is fetched; ``no_network`` makes that explicit). Scripts, styles, forms,
navigation, footers and hidden elements are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planwatch.errors import UnreadableFile
from planwatch.model import Block, Cell, Document, Paragraph, Row, Source, Table

from .css import StyleSheet, background_of
from .emphasis import leading_bold
from .limits import Limits

_ELEMENT = Any  # an lxml.html element
_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
        "button", "select", "textarea", "svg", "iframe", "object", "embed", "canvas",
        "video", "audio", "map", "head",
    }
)
_SKIPPED_ROLES = frozenset({"navigation", "contentinfo", "banner", "search"})
_HEADINGS = {f"h{n}": f"Heading {n}" for n in range(1, 7)}
# elements whose whole text is one paragraph (their inner markup is inline)
_PARAGRAPHS = {
    "p": None,
    "li": "List Paragraph",
    "dt": None,
    "dd": None,
    "pre": None,
    "address": None,
    "caption": None,
    "figcaption": None,
    "summary": None,
    "blockquote": None,
    **_HEADINGS,
}
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
        "time", "u", "var", "wbr", "img", "del", "ins", "big", "tt",
    }
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_DATES = {
    "created": "created",
    "dcterms.created": "created",
    "dc.date.created": "created",
    "changed": "modified",
    "modified": "modified",
    "dcterms.modified": "modified",
    "last-modified": "modified",
}
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def read_html(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a web page: its blocks in order and its <title>."""
    from lxml import etree, html

    parser = html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
    )
    try:
        root = html.document_fromstring(_XML_DECLARATION.sub("", _decode(data)), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(f"{path.name}: not a readable web page ({exc})") from exc
    sheet = StyleSheet.parse(" ".join(s.text_content() for s in root.iter("style")))
    _hide(root, sheet)
    body = root.find("body")
    blocks = tuple(_Walker(sheet).blocks(root if body is None else body))
    return Document(source=source, blocks=blocks, properties=_properties(root))


def _hide(root: _ELEMENT, sheet: StyleSheet) -> None:
    """Mark hidden each element the page's own stylesheet hides (a label shown on small
    screens only, inside each cell), as its ``hidden`` attribute would."""
    if not sheet.hidden:
        return
    for element in root.iter():
        tag = _tag(element)
        if tag and sheet.hides(tag, set((element.get("class") or "").split())):
            element.set("hidden", "")


def _properties(root: _ELEMENT) -> dict[str, str]:
    """Return the page's title and the save dates its <meta> tags give (LibreOffice, DC)."""
    found = {"title": " ".join((root.findtext(".//title") or "").split())}
    for meta in root.iter("meta"):
        key = _META_DATES.get((meta.get("name") or "").lower())
        if key and meta.get("content"):
            found[key] = meta.get("content").strip()
    return {key: value for key, value in found.items() if value}


def _decode(data: bytes) -> str:
    """Return the page's text in the encoding its BOM or <meta charset> names, else UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an encoding Python does not know: fall through to the evidence
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _tag(element: _ELEMENT) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _is_skipped(element: _ELEMENT) -> bool:
    tag = _tag(element)
    if not tag or tag in _SKIPPED or element.get("hidden") is not None:
        return True
    if (element.get("role") or "").lower() in _SKIPPED_ROLES:
        return True
    # a page header holding the site's navigation is chrome, not content
    if tag == "header" and element.find(".//nav") is not None:
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def text_of(element: _ELEMENT, images: bool = False) -> str:
    """Return an element's visible text with whitespace tidied, skipped parts left out;
    with ``images``, an image's alt text in its place (a table cell's status icon)."""
    return " ".join(" ".join(_pieces(element, images)).split())


def _pieces(element: _ELEMENT, images: bool) -> Iterator[str]:
    if _is_skipped(element):
        return
    tag = _tag(element)
    if tag == "br":
        yield " "
    if tag == "img" and images:
        yield f" {element.get('alt') or ''} "
    yield element.text or ""
    for child in element:
        yield from _pieces(child, images)
        yield child.tail or ""


def bold_head(td: _ELEMENT, text: str) -> str:
    """Return the text of a cell's opening lines set wholly in <b>, <strong> or a heading:
    its leading paragraphs, or the whole cell where it holds none; else ''."""
    blocks = [c for c in td if _tag(c) in _PARAGRAPHS or _tag(c) == "div"]
    if not blocks or (td.text or "").strip():
        blocks = [td]
    lines = ((line, bool(line) and _all_bold(b, line)) for b in blocks for line in [text_of(b)])
    return leading_bold(lines, text)


# a bold element not inside another, so that no text is counted twice
_OUTER_BOLD = (
    ".//b[not(ancestor::b or ancestor::strong)]|.//strong[not(ancestor::b or ancestor::strong)]"
)


def _all_bold(element: _ELEMENT, line: str) -> bool:
    if _tag(element) in _HEADINGS:
        return True
    bold = element.xpath(_OUTER_BOLD)
    return " ".join(" ".join(text_of(b) for b in bold).split()) == line


class _Walker:
    """Turns a page's body into blocks: text between block elements becomes a paragraph."""

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet

    def blocks(self, container: _ELEMENT) -> Iterator[Block]:
        """Yield the blocks of ``container`` in order; loose inline text forms paragraphs."""
        loose = [container.text or ""]
        for child in container:
            tag = _tag(child)
            if tag in _INLINE and not _is_skipped(child):
                loose.append(text_of(child))
            elif tag == "br":
                yield from _paragraph(loose)
                loose = []
            elif not _is_skipped(child):
                yield from _paragraph(loose)
                loose = []
                yield from self.block(child, tag)
            loose.append(child.tail or "")
        yield from _paragraph(loose)

    def block(self, element: _ELEMENT, tag: str) -> Iterator[Block]:
        if tag == "table":
            caption = element.find("caption")
            if caption is not None and text_of(caption):
                yield Paragraph(text_of(caption))
            table = self.table(element)
            if table.rows:
                yield table
        elif tag in _PARAGRAPHS and not _holds_blocks(element):
            text = text_of(element)
            if text:
                yield Paragraph(text, _PARAGRAPHS[tag])
        else:  # div, section, article, ul, ol, dl, a list item holding lists...
            yield from self.blocks(element)

    def table(self, table: _ELEMENT) -> Table:
        """Return the table as a full grid: colspan and rowspan made explicit slots."""
        rows = [tr for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")]
        grid: dict[tuple[int, int], Cell] = {}
        headers = []
        for r, tr in enumerate(rows):
            cells = [c for c in tr if _tag(c) in ("td", "th") and not _is_skipped(c)]
            headers.append(
                bool(cells)
                and (tr.getparent().tag == "thead" or all(_tag(c) == "th" for c in cells))
            )
            col = 0
            for td in cells:
                while (r, col) in grid:
                    col += 1
                col = self._place(grid, r, col, td, tr)
        width = max((c + 1 for _, c in grid), default=0)
        return Table(
            tuple(
                Row(tuple(grid.get((r, c), Cell("")) for c in range(width)), header=headers[r])
                for r in range(len(rows))
            )
        )

    def _place(self, grid: dict, r: int, col: int, td: _ELEMENT, tr: _ELEMENT) -> int:
        """Put one cell and the slots it spans into ``grid``; return the next free column."""
        col_span, row_span = _span(td.get("colspan")), _span(td.get("rowspan"))
        fill = background_of(td, self.sheet) or background_of(tr, self.sheet)
        text = text_of(td, images=True)
        head = bold_head(td, text)
        grid[(r, col)] = Cell(text, fill, col_span=col_span, row_span=row_span, bold_head=head)
        for dr in range(row_span):
            for dc in range(col_span):
                if dr or dc:
                    grid.setdefault((r + dr, col + dc), Cell("", fill, merged=True))
        return col + col_span


def _paragraph(loose: list[str]) -> Iterator[Paragraph]:
    text = " ".join(" ".join(loose).split())
    if text:
        yield Paragraph(text)


def _holds_blocks(element: _ELEMENT) -> bool:
    """True for a list item or quote that holds tables, lists or paragraphs of its own."""
    return any(_tag(c) in ("table", "ul", "ol", "p", "div", "dl") for c in element)


def _span(value: str | None) -> int:
    # browsers read "3;" or " 2 " as a number and cap absurd spans; so do we
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits.group(1)), 1), 1000) if digits else 1
