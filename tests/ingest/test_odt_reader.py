"""OpenDocument text: headings, paragraphs, tables with spans and fills; unsafe XML refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from planwatch.errors import UnreadableFile
from planwatch.ingest import read_document
from planwatch.model import Paragraph
from planwatch.normalise.fills import is_grey

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
STYLES = (
    '<office:automatic-styles><style:style style:name="Grey" style:family="table-cell">'
    '<style:table-cell-properties fo:background-color="#d9d9d9"/></style:style>'
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    "</office:automatic-styles>"
)
BODY = (
    '<text:p text:style-name="P1">Eastshire Fire and Rescue Service</text:p>'
    '<text:h text:outline-level="2">Objective<text:s/>1: reduce risk</text:h>'
    "<text:list><text:list-item><text:p>A listed point</text:p></text:list-item></text:list>"
    '<table:table><table:table-column table:number-columns-repeated="3"/>'
    "<table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Ref</text:p></table:table-cell>"
    "<table:table-cell><text:p>Action</text:p></table:table-cell>"
    "<table:table-cell><text:p>Lead</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>"
    '<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>1.1</text:p>'
    '</table:table-cell><table:table-cell table:style-name="Grey" '
    'table:number-columns-spanned="2"><text:p>Review</text:p><text:p>the risk</text:p>'
    "</table:table-cell><table:covered-table-cell/></table:table-row>"
    "<table:table-row><table:covered-table-cell/>"
    "<table:table-cell><text:p>Update<text:tab/>one<text:line-break/>two</text:p>"
    "<text:note><text:note-body><text:p>a footnote</text:p></text:note-body></text:note>"
    "</table:table-cell><table:table-cell><text:p>AM</text:p></table:table-cell>"
    "</table:table-row></table:table>"
)


def _odt(path: Path, body: str = BODY, prolog: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr(
            "content.xml",
            f'<?xml version="1.0"?>{prolog}<office:document-content {NS}>{STYLES}'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        )
    return path


def test_blocks_in_order_with_spans_and_fills(tmp_path: Path) -> None:
    doc = read_document(_odt(tmp_path / "plan.odt"))
    title, heading, listed, table = doc.blocks
    assert (title.text, title.style) == ("Eastshire Fire and Rescue Service", "Title")
    assert (heading.text, heading.style) == ("Objective 1: reduce risk", "Heading 2")
    assert isinstance(listed, Paragraph) and listed.text == "A listed point"
    assert [r.texts for r in table.rows] == [
        ("Ref", "Action", "Lead"),
        ("1.1", "Review the risk", ""),
        ("", "Update one two", "AM"),
    ]
    assert [r.header for r in table.rows] == [True, False, False]
    review = table.rows[1].cells[1]
    assert (review.col_span, review.fill, is_grey(review.fill)) == (2, "D9D9D9", True)
    assert table.rows[1].cells[0].row_span == 2 and table.rows[2].cells[0].merged


def test_external_entity_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = _odt(
        tmp_path / "xxe.odt",
        body="<text:p>&xxe;</text:p>",
        prolog=f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    )
    with pytest.raises(UnreadableFile, match="xxe.odt: part content.xml declares a DTD"):
        read_document(path)


def test_damaged_package_named(tmp_path: Path) -> None:
    data = _odt(tmp_path / "good.odt").read_bytes()
    path = tmp_path / "cut.odt"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="cut.odt: not a valid OpenDocument file"):
        read_document(path)
