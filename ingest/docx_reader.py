"""Read Word .docx files: body paragraphs and tables, merges and shading kept explicit."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from planwatch.errors import UnreadableFile
from planwatch.model import Block, Cell, Document, Paragraph, Row, Source, Table

from .emphasis import leading_bold
from .limits import Limits, check_text_length
from .sniff import OLE, is_encrypted_package
from .xml_safety import check_office_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_T, _BR, _CR, _TAB = f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_TC_PR, _GRID_SPAN, _VMERGE, _SHD = f"{_W}tcPr", f"{_W}gridSpan", f"{_W}vMerge", f"{_W}shd"
_TR_PR, _GRID_BEFORE, _GRID_AFTER = f"{_W}trPr", f"{_W}gridBefore", f"{_W}gridAfter"
_TBL_HEADER, _VAL, _FILL, _COLOR = f"{_W}tblHeader", f"{_W}val", f"{_W}fill", f"{_W}color"
_NO_BREAK_HYPHEN, _VANISH = f"{_W}noBreakHyphen", f"{_W}vanish"
_R, _R_PR, _BOLD, _R_STYLE = f"{_W}r", f"{_W}rPr", f"{_W}b", f"{_W}rStyle"
_FALSE = ("0", "false", "off")
_ELEMENT = Any  # an lxml element of the parsed document

# Text of a paragraph or cell: w:t runs, and Word's non-breaking hyphen ("Mar-23");
# breaks and tabs become spaces; a new paragraph (w:p) inside a cell also becomes a
# space. w:delText and w:instrText (deleted text, field codes) are other tags, so they
# drop out and fields keep only their results; so does a run formatted hidden.
_TEXT_TAGS = (_P, _T, _BR, _CR, _TAB, _NO_BREAK_HYPHEN)


def read_docx(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a .docx: paragraphs and tables in body order."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    _check_container(path, data, limits)
    try:
        word = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        # "file '<_io.BytesIO ...>' is not a Word file, content type is '...'" (.docm, .dotx)
        kind = str(exc).rpartition("content type is ")[2] or str(exc)
        raise UnreadableFile(
            f"{path.name}: not a valid Word document (its main part is {kind});"
            " save it as a Word Document (.docx)"
        ) from exc
    except (PackageNotFoundError, KeyError, XMLSyntaxError) as exc:
        raise _invalid(path, exc) from exc
    body = word.element.body
    _drop_removed_content(body)
    styles = {s.style_id: s.name for s in word.styles}
    default_style = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    bold = _Bold(_style_bold(word), default_style.style_id if default_style else None)
    reader = _BodyReader(path, limits, styles, default_style.name if default_style else None, bold)
    blocks = tuple(reader.blocks(body))
    return Document(source=source, blocks=blocks, properties=_properties(word))


def _check_container(path: Path, data: bytes, limits: Limits) -> None:
    if data.startswith(OLE):
        if is_encrypted_package(data):
            raise UnreadableFile(
                f"{path.name}: Word document is password-protected; save an unprotected copy"
            )
        raise UnreadableFile(
            f"{path.name}: not a valid Word document (an OLE file,"
            " probably Word 97-2003 .doc; save it as .docx)"
        )
    try:
        check_office_package(path.name, data, "word/document.xml", "Word document", limits)
    # ValueError: "negative seek value" from a zip with bytes cut from its middle
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise _invalid(path, exc) from exc


def _invalid(path: Path, exc: BaseException) -> UnreadableFile:
    return UnreadableFile(f"{path.name}: not a valid Word document ({exc})")


def _drop_removed_content(body: _ELEMENT) -> None:
    """Prune tracked deletions, moved-away text and compatibility fallbacks from the tree."""
    # "w:moveFrom" repeats text found again in "w:moveTo"; "mc:Fallback" repeats
    # "mc:Choice"; a "w:del" in "w:trPr" marks a whole deleted row
    for element in list(body.iter(f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK)):
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag == f"{_W}trPr":
            row = parent.getparent()
            if row.getparent() is not None:
                row.getparent().remove(row)
        elif parent.tag != f"{_W}rPr":  # a deleted paragraph mark: nothing to drop
            parent.remove(element)


def _properties(word: Any) -> dict[str, str]:
    from docx.opc.constants import RELATIONSHIP_TYPE

    # python-docx invents default core properties when the part is missing
    try:
        word.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return {}
    core = word.core_properties
    found = {"title": core.title, "created": core.created, "modified": core.modified}
    return {
        key: value if isinstance(value, str) else value.isoformat()
        for key, value in found.items()
        if value
    }


class _BodyReader:
    """Turns body XML into blocks, checking text lengths against the limits."""

    def __init__(
        self,
        path: Path,
        limits: Limits,
        styles: dict[str, str],
        default_style: str | None,
        bold: _Bold,
    ) -> None:
        self.path = path
        self.limits = limits
        self.styles = styles
        self.default_style = default_style
        self.bold = bold

    def blocks(self, body: _ELEMENT) -> Iterator[Block]:
        """Yield non-empty paragraphs and tables in document order."""
        for element in _children(body, (_P, _TBL)):
            if element.tag == _TBL:
                yield self.table(element)
                continue
            text = self.text(element)
            if text:
                yield Paragraph(text, self.style(element))

    def style(self, p: _ELEMENT) -> str | None:
        """Return the UI name of a paragraph's style, the default style if it names none."""
        style_id = p.find(f"{_W}pPr/{_W}pStyle")
        if style_id is None:
            return self.default_style
        return self.styles.get(style_id.get(_VAL), self.default_style)

    def table(self, tbl: _ELEMENT) -> Table:
        """Return the table as a full grid: one Cell per grid column in every row."""
        rows: list[list[Cell]] = []
        headers: list[bool] = []
        # grid column -> (row, column) of the vMerge restart cell still open above it
        open_merges: dict[int, tuple[int, int]] = {}
        for tr in _children(tbl, (_TR,)):
            row_props = _row_props(tr)
            cells: list[Cell] = [Cell("")] * row_props.before
            still_open: dict[int, tuple[int, int]] = {}
            for tc in _children(tr, (_TC,)):
                col, (span, vmerge, fill) = len(cells), _cell_props(tc)
                if vmerge == "continue" and col in open_merges:
                    r0, c0 = still_open[col] = open_merges[col]
                    rows[r0][c0] = replace(rows[r0][c0], row_span=rows[r0][c0].row_span + 1)
                    cells += [Cell("", fill, merged=True)] * span
                    continue
                text = self.text(tc, cell=True)
                cells.append(Cell(text, fill, col_span=span, bold_head=self.bold.head(tc, text)))
                cells += [Cell("", fill, merged=True)] * (span - 1)
                # an orphan "continue" (nothing above to join) opens a merge of its own
                if vmerge is not None:
                    still_open[col] = (len(rows), col)
            cells += [Cell("")] * row_props.after
            open_merges = still_open
            rows.append(cells)
            headers.append(row_props.header)
        width = max([len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))] + [len(r) for r in rows])
        return Table(
            tuple(
                Row(tuple(cells) + (Cell(""),) * (width - len(cells)), header=header)
                for cells, header in zip(rows, headers, strict=True)
            )
        )

    def text(self, element: _ELEMENT, cell: bool = False) -> str:
        """Return the tidied text of a paragraph or cell; a nested table's text joins in."""
        text = _tidy(element)
        # checked while reading, so a runaway document is refused before it is all built
        where = "a table cell" if cell else "a paragraph"
        check_text_length(self.path.name, where, len(text), self.limits)
        return text


def _tidy(element: _ELEMENT) -> str:
    return " ".join("".join(map(_piece, element.iter(*_TEXT_TAGS))).split())


def _piece(node: _ELEMENT) -> str:
    if node.tag == _T:
        return "" if _hidden(node.getparent()) else node.text or ""
    if node.tag == _NO_BREAK_HYPHEN:
        return "" if _hidden(node.getparent()) else "-"
    return " "


def _hidden(run: _ELEMENT) -> bool:
    """True for a run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
    props = run.find(_R_PR) if run is not None and run.tag == _R else None
    vanish = None if props is None else props.find(_VANISH)
    return vanish is not None and (vanish.get(_VAL) or "true").lower() not in _FALSE


def _style_bold(word: Any) -> dict[str, bool]:
    """Return style id -> bold, for each style that sets bold itself or through its bases."""
    out: dict[str, bool] = {}
    for style in word.styles:
        base, value = style, None
        while base is not None and value is None:
            font = getattr(base, "font", None)  # a numbering style has no font
            value = font.bold if font is not None else None
            base = getattr(base, "base_style", None)
        if value is not None:
            out[style.style_id] = value
    return out


class _Bold(NamedTuple):
    """Which text is bold: set on the run, by its character style, or by its paragraph's."""

    styles: dict[str, bool]  # style id -> bold
    default_style: str | None  # id of the paragraph style of a paragraph naming none

    def head(self, tc: _ELEMENT, text: str) -> str:
        """Return the text of the cell's opening paragraphs set wholly in bold, else ''."""
        return leading_bold(self._lines(tc), text)

    def _lines(self, tc: _ELEMENT) -> Iterator[tuple[str, bool]]:
        for block in _children(tc, (_P, _TBL)):
            if block.tag == _TBL:
                return  # a nested table ends the head
            line = _tidy(block)
            yield line, bool(line) and self.paragraph(block)

    def paragraph(self, p: _ELEMENT) -> bool:
        """True when every run printing text in the paragraph is bold."""
        style = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(_VAL) if style is not None else self.default_style
        default = self.styles.get(style_id or "", False)
        runs = [r for r in p.iter(_R) if "".join(t.text or "" for t in r.iter(_T)).strip()]
        return bool(runs) and all(self.run(r, default) for r in runs)

    def run(self, r: _ELEMENT, default: bool) -> bool:
        props = r.find(_R_PR)
        if props is None:
            return default
        bold = props.find(_BOLD)
        if bold is not None:
            return (bold.get(_VAL) or "true").lower() not in _FALSE
        style = props.find(_R_STYLE)
        return self.styles.get(style.get(_VAL), default) if style is not None else default


def _children(parent: _ELEMENT, tags: tuple[str, ...]) -> Iterator[_ELEMENT]:
    """Yield the children with one of ``tags``, looking inside content controls."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tags)


class _CellProps(NamedTuple):
    span: int
    vmerge: str | None  # "restart", "continue" or None
    fill: str | None


class _RowProps(NamedTuple):
    before: int
    after: int
    header: bool


def _cell_props(tc: _ELEMENT) -> _CellProps:
    """Return a cell's grid span, vertical merge and own shading from one pass over w:tcPr."""
    span, vmerge, fill = 1, None, None
    tc_pr = tc.find(_TC_PR)
    for prop in () if tc_pr is None else tc_pr:
        if prop.tag == _GRID_SPAN:
            span = max(_int(prop.get(_VAL)), 1)
        elif prop.tag == _VMERGE:
            # a bare <w:vMerge/> means continue
            vmerge = "restart" if prop.get(_VAL) == "restart" else "continue"
        elif prop.tag == _SHD:
            # shading from the row (w:trPr) or the table style is ignored: plans shade cells
            fill = _shading(prop)
    return _CellProps(span, vmerge, fill)


def _shading(shd: _ELEMENT) -> str | None:
    """Return a w:shd's colour: its fill, or its pattern colour where the pattern is solid
    (Word's "Solid (100%)" shading writes the colour there, the fill left "auto")."""
    value = shd.get(_FILL)
    if shd.get(_VAL) == "solid" and (shd.get(_COLOR) or "auto").lower() != "auto":
        value = shd.get(_COLOR)
    return value.upper() if value and value.lower() != "auto" else None


def _row_props(tr: _ELEMENT) -> _RowProps:
    """Return the empty grid columns before and after a row's cells, and its header flag."""
    before, after, header = 0, 0, False
    tr_pr = tr.find(_TR_PR)
    for prop in () if tr_pr is None else tr_pr:
        if prop.tag == _GRID_BEFORE:
            before = _int(prop.get(_VAL))
        elif prop.tag == _GRID_AFTER:
            after = _int(prop.get(_VAL))
        elif prop.tag == _TBL_HEADER:
            header = (prop.get(_VAL) or "true").lower() not in _FALSE
    return _RowProps(before, after, header)


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0
