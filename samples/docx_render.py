"""Word renderings of the plans' text exports, laid out like the published council documents."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

GREY = "D9D9D9"
FONT = "Arial"
FONT_SIZE_PT = 11
MARGIN_CM = 2.54  # Word's "Normal" margins
# a fixed zip timestamp so that rebuilding gives identical bytes
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)

# lines of the exports that are sub-headings of the preamble, not body text
SUBHEADINGS = frozenset(
    {
        "Report findings",
        "Cause for concern:",
        "Recommendations:",
        "Detailed Findings:",
        "What does good look like?",
        "Aim:",
        "Objectives:",
        "Key:",
    }
)
# "Effectiveness – ES1.1", "Efficiency- EY1.4", "People – P1.8", "Objective 1:"
SECTION_HEADING = re.compile(
    r"^(?:(?:Effectiveness|Efficiency|People)\s*[–-]\s*\S+|Objective \d+:)$"
)
# "**effective**", "<i>Head of Operational Support</i>", "[the link to the report](#)"
MARKUP = re.compile(r"\*\*(?P<bold>.+?)\*\*|<i>(?P<italic>.+?)</i>|\[(?P<link>[^\]]+)\]\([^)]*\)")
# column titles found only in the header row of an action table
HEADER_TITLES = frozenset({"Target Date", "Completion Date"})
# the improvement plan's Target Date cells that mark a completed row: "Complete (staff ...)"
COMPLETE = re.compile(r"^Complete\b")


@dataclass(frozen=True)
class Layout:
    """How one plan is dressed: styles of its leading title lines, grey rows, column widths."""

    title_styles: tuple[str, ...]
    grey_complete_rows: bool
    column_widths_cm: dict[int, tuple[float, ...]]  # by number of columns


@dataclass(frozen=True)
class Properties:
    """Core properties written into the .docx."""

    title: str
    author: str
    created: datetime


def split_blocks(text: str) -> list[str | list[list[str]]]:
    """Return the export's non-empty lines, with each run of tab-separated lines as one table."""
    blocks: list[str | list[list[str]]] = []
    table: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            blocks.append(table)
            table = []
        if line.strip():
            blocks.append(line)
    if table:
        blocks.append(table)
    return blocks


def strip_markup(text: str) -> str:
    """Return the text as a reader sees it: markup marks removed, link targets dropped."""
    return MARKUP.sub(lambda m: m.group("bold") or m.group("italic") or m.group("link"), text)


def _add_runs(paragraph, text: str, bold: bool = False) -> None:
    """Fill a paragraph with runs, bold and italic where the export marks them."""
    position = 0
    for match in MARKUP.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()]).bold = bold or None
        run = paragraph.add_run(match.group("bold") or match.group("italic") or match.group("link"))
        run.bold = True if match.group("bold") or bold else None
        run.italic = True if match.group("italic") else None
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:]).bold = bold or None


def _is_header(fields: list[str]) -> bool:
    """True for an action table's header row (`HWFRS Action Proposed`, `\t\tCompletion Date`)."""
    return not HEADER_TITLES.isdisjoint(fields)


def _spans_to_end(fields: list[str]) -> bool:
    """True for `Area for Improvement\tText\t\t`: a label and one text, then only empty fields."""
    return len(fields) > 2 and bool(fields[0]) and bool(fields[1]) and not any(fields[2:])


def _set_cell_fill(tc, fill: str) -> None:
    """Shade one table cell (w:shd) with a solid fill."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shd)


def _mark_header(row) -> None:
    """Mark a table row as one Word repeats at the top of each page (w:tblHeader)."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _add_table(document, rows: list[list[str]], layout: Layout) -> None:
    """Add one bordered table: label rows merged across, continuations down, completed rows grey."""
    from docx.shared import Cm

    ncols = max(len(fields) for fields in rows)
    rows = [fields + [""] * (ncols - len(fields)) for fields in rows]
    table = document.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    table.autofit = False
    widths = layout.column_widths_cm.get(ncols)
    header_at = next((i for i, fields in enumerate(rows) if _is_header(fields)), None)
    for i, fields in enumerate(rows):
        row = table.rows[i]
        header = i == header_at
        for j, text in enumerate(fields):
            cell = row.cells[j]
            if widths:
                cell.width = Cm(widths[j])
            if text:
                _add_runs(cell.paragraphs[0], text, bold=header)
        # Word and LibreOffice repeat only a leading run of header rows, so the label rows
        # above the column titles ("Area for Improvement", "Summary Finding") repeat with them
        if header_at is not None and i <= header_at:
            _mark_header(row)
    if widths:
        for j, column in enumerate(table.columns):
            column.width = Cm(widths[j])
    _merge(table, rows, header_at)
    if layout.grey_complete_rows and header_at is not None:
        for i, fields in enumerate(rows[header_at + 1 :], start=header_at + 1):
            if COMPLETE.match(fields[-1]):
                for tc in table.rows[i]._tr.tc_lst:
                    _set_cell_fill(tc, GREY)


def _merge(table, rows: list[list[str]], header_at: int | None) -> None:
    """Merge label texts over trailing empty columns and continuation rows into the action above."""
    for i, fields in enumerate(rows):
        if _spans_to_end(fields):
            table.cell(i, 1).merge(table.cell(i, len(fields) - 1))
    if header_at is None:
        return
    last_continuation: dict[int, int] = {}  # action row -> its last continuation row
    top = None
    for i in range(header_at + 1, len(rows)):
        fields = rows[i]
        if fields[0] and not _spans_to_end(fields):
            top = i
        elif not fields[0] and top is not None:
            last_continuation[top] = i
        else:
            top = None
    for top, end in last_continuation.items():
        table.cell(top, 0).merge(table.cell(end, 0))


def _set_page(document) -> None:
    """Set every section to A4 landscape with normal margins and the house font."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(MARGIN_CM))
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet"):
        style = document.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), FONT)
        # the template's headings name theme fonts, which win over a named font
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    document.styles["Normal"].font.size = Pt(FONT_SIZE_PT)


def render_docx(text: str, layout: Layout, properties: Properties) -> bytes:
    """Return the bytes of a .docx that lays out the text export like the published plan."""
    import docx

    document = docx.Document()
    _set_page(document)
    titles = iter(layout.title_styles)
    previous = None
    for block in split_blocks(text):
        if isinstance(block, list):
            # two tables with nothing between them are read as one (LibreOffice joins them)
            if isinstance(previous, list):
                document.add_paragraph()
            _add_table(document, block, layout)
            previous = block
            continue
        previous = block
        title_style = next(titles, None)
        if title_style:
            document.add_paragraph(strip_markup(block), style=title_style)
        elif SECTION_HEADING.match(block):
            document.add_paragraph(block, style="Heading 1")
        elif block in SUBHEADINGS:
            document.add_paragraph(block, style="Heading 2")
        elif block.startswith("- "):
            _add_runs(document.add_paragraph(style="List Bullet"), block[2:])
        else:
            _add_runs(document.add_paragraph(), block)
    _set_properties(document, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _set_properties(document, properties: Properties) -> None:
    """Write fixed core properties so that a rebuild does not change them."""
    core = document.core_properties
    core.title = properties.title
    core.author = properties.author
    core.last_modified_by = properties.author
    core.created = properties.created
    core.modified = properties.created
    core.last_printed = properties.created
    core.revision = 1
    core.comments = ""


def _fix_zip_times(data: bytes) -> bytes:
    """Return the zip with every member stamped ZIP_DATE_TIME (python-docx stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` unless it already holds exactly that; True if written."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True
