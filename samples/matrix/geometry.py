"""Page geometries of the matrix and the .docx variant of a sample laid out in each.

A variant is the sample's own document.xml and styles.xml with the page size,
orientation, margins and font sizes changed, table widths scaled to the new text
width (unless the geometry keeps them, to probe producers that clip), the
"repeat header row" marks (w:tblHeader) kept or removed, "allow row to break
across pages" turned off (w:cantSplit) or left on, and optionally a running head
and foot. The content is untouched, so the variant's rows are the sample's.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W}
TWIPS_PER_CM = 566.93
PAPERS_CM = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94), "A3": (29.7, 42.0)}
MARGINS_CM = {"narrow": 1.27, "moderate": 2.0, "normal": 2.54, "wide": 3.8}
BASE_PT = 11  # the samples' Normal font size
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_HF_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Geometry:
    """One page geometry: the factors the matrix varies."""

    name: str
    paper: str = "A4"
    landscape: bool = True
    margins: str = "normal"
    font_pt: float = BASE_PT
    repeat_header: bool = True  # keep the sample's w:tblHeader marks
    cant_split: bool = False  # rows may not break across pages
    running: bool = False  # a running head and page-numbered foot
    fit_tables: bool = True  # scale table widths to the text width

    @property
    def factors(self) -> dict[str, str]:
        """Return the factor -> value pairs the matrix reports figures by."""
        return {
            "paper": self.paper,
            "orientation": "landscape" if self.landscape else "portrait",
            "margins": self.margins,
            "font": f"{self.font_pt:g}pt",
            "header": "repeated" if self.repeat_header else "not repeated",
            "rows": "kept whole" if self.cant_split else "may break",
            "running": "head+foot" if self.running else "none",
            "widths": "fitted" if self.fit_tables else "as built",
        }

    def page_cm(self) -> tuple[float, float]:
        """Return (width, height) of the paper in cm."""
        short, long = PAPERS_CM[self.paper]
        return (long, short) if self.landscape else (short, long)

    def text_width_cm(self) -> float:
        return self.page_cm()[0] - 2 * MARGINS_CM[self.margins]


GEOMETRIES = (
    Geometry("a4-landscape"),
    Geometry("a4-portrait", landscape=False),
    Geometry("letter-portrait-narrow-10", "Letter", False, "narrow", 10, repeat_header=False),
    Geometry("letter-landscape-wide-12", "Letter", True, "wide", 12, cant_split=True),
    Geometry("a3-portrait-14-running", "A3", False, "normal", 14, running=True),
    Geometry("a3-landscape-narrow-9", "A3", True, "narrow", 9, repeat_header=False, running=True),
    Geometry("a4-portrait-wide-9", "A4", False, "wide", 9, repeat_header=False, cant_split=True),
    Geometry("a4-landscape-narrow-12", "A4", True, "narrow", 12, cant_split=True, running=True),
    Geometry("a4-portrait-as-built", "A4", False, fit_tables=False),
)


def make_variant(docx: bytes, geometry: Geometry, title: str) -> bytes:
    """Return the .docx bytes of the document laid out in ``geometry``."""
    parts = _read_zip(docx)
    document = etree.fromstring(parts["word/document.xml"])
    old_width = _set_page(document, geometry)
    if geometry.fit_tables and old_width:
        _scale_tables(document, geometry.text_width_cm() * TWIPS_PER_CM / old_width)
    for row in document.iter(_q("tr")):
        _set_row_marks(row, geometry)
    scale = geometry.font_pt / BASE_PT
    _scale_sizes(document, scale)
    styles = etree.fromstring(parts["word/styles.xml"])
    _scale_sizes(styles, scale)
    parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, standalone=True)
    if geometry.running:
        _add_running(parts, document, title)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, standalone=True)
    return _write_zip(parts)


def _read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _write_zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _set_page(document, geometry: Geometry) -> float:
    """Set every section's page and margins; return the first section's old text width."""
    old = 0.0
    width, height = (round(v * TWIPS_PER_CM) for v in geometry.page_cm())
    margin = str(round(MARGINS_CM[geometry.margins] * TWIPS_PER_CM))
    for sect in document.iter(_q("sectPr")):
        size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
        if not old and size is not None and mar is not None:
            old = int(size.get(_q("w"))) - int(mar.get(_q("left"))) - int(mar.get(_q("right")))
        size.set(_q("w"), str(width))
        size.set(_q("h"), str(height))
        size.set(_q("orient"), "landscape" if geometry.landscape else "portrait")
        for side in ("top", "right", "bottom", "left"):
            mar.set(_q(side), margin)
    return float(old)


def _scale_tables(document, ratio: float) -> None:
    for tag in ("gridCol", "tcW", "tblW"):
        for el in document.iter(_q(tag)):
            value = el.get(_q("w"))
            if value and value.isdigit() and el.get(_q("type"), "dxa") == "dxa":
                el.set(_q("w"), str(round(int(value) * ratio)))


def _set_row_marks(row, geometry: Geometry) -> None:
    props = row.find("w:trPr", NS)
    if props is None:
        props = etree.Element(_q("trPr"))
        row.insert(0, props)
    if not geometry.repeat_header:
        for mark in props.findall("w:tblHeader", NS):
            props.remove(mark)
    for mark in props.findall("w:cantSplit", NS):
        props.remove(mark)
    if geometry.cant_split:
        props.insert(0, etree.Element(_q("cantSplit")))


def _scale_sizes(root, scale: float) -> None:
    for tag in ("sz", "szCs"):
        for el in root.iter(_q(tag)):
            value = el.get(_q("val"))
            if value and value.isdigit():
                el.set(_q("val"), str(max(2, round(int(value) * scale))))


def _add_running(parts: dict[str, bytes], document, title: str) -> None:
    """Add a head (the title) and a foot ("Page N of M") to every section."""
    head = _part("hdr", f"<w:p><w:r><w:t>{_escape(title)} - running head</w:t></w:r></w:p>")
    foot = _part(
        "ftr",
        "<w:p><w:r><w:t xml:space='preserve'>Page </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><w:t xml:space='preserve'> of </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>NUMPAGES</w:instrText>"
        "</w:r><w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>",
    )
    parts["word/header9.xml"], parts["word/footer9.xml"] = head, foot
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    for rid, kind, target in (
        ("rIdH9", _HEADER_REL, "header9.xml"),
        ("rIdF9", _FOOTER_REL, "footer9.xml"),
    ):
        etree.SubElement(rels, f"{{{pkg}}}Relationship", Id=rid, Type=kind, Target=target)
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True)
    types = etree.fromstring(parts["[Content_Types].xml"])
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    for name, kind in (("header9", "header"), ("footer9", "footer")):
        etree.SubElement(
            types,
            f"{{{ct}}}Override",
            PartName=f"/word/{name}.xml",
            ContentType=_HF_TYPE.format(kind),
        )
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True)
    for sect in document.iter(_q("sectPr")):
        for tag, rid in (("headerReference", "rIdH9"), ("footerReference", "rIdF9")):
            ref = etree.Element(_q(tag))
            ref.set(_q("type"), "default")
            ref.set(f"{{{R}}}id", rid)
            sect.insert(0, ref)


def _part(root: str, body: str) -> bytes:
    return (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
        f"<w:{root} xmlns:w='{W}' xmlns:r='{R}'>{body}</w:{root}>"
    ).encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
