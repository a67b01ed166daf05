"""The Word reader on tiny documents built with python-docx, and on the sample plan."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from planwatch.errors import UnreadableFile
from planwatch.ingest import read_document
from planwatch.ingest.docx_reader import read_docx
from planwatch.ingest.limits import DEFAULT_LIMITS
from planwatch.model import Cell, Paragraph, Source, Table
from planwatch.normalise.fills import is_grey

W = nsdecls("w")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _save(document, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def _table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    return table


def _shade(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {W} w:val="clear" w:fill="{fill}"/>'))


def _only_table(path: Path) -> Table:
    (table,) = [b for b in read_document(path).blocks if isinstance(b, Table)]
    return table


def test_blocks_come_in_document_order(tmp_path):
    document = docx.Document()
    document.add_heading("Effectiveness – ES1.1", level=1)
    _table(document, [["Area for Improvement", "Risk information"]])
    document.add_paragraph("")  # blank paragraphs are skipped, as blank lines in a text export
    document.add_paragraph("  Strategic   lead\tnotes ")
    _table(document, [["Action", "Due"], ["Deliver MDTs", "Mar 20"]])

    blocks = read_document(_save(document, tmp_path)).blocks

    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph", "Table"]
    assert blocks[0] == Paragraph("Effectiveness – ES1.1", style="Heading 1")
    assert blocks[1].rows[0].texts == ("Area for Improvement", "Risk information")
    assert blocks[2] == Paragraph("Strategic lead notes", style="Normal")
    assert blocks[3].rows[1].texts == ("Deliver MDTs", "Mar 20")


def test_horizontal_merge_gives_text_once_then_merged_slots(tmp_path):
    document = docx.Document()
    table = _table(document, [["", "", "", ""], ["Action", "Progress", "Q3", "Target"]])
    label, merged = table.cell(0, 0), table.cell(0, 1).merge(table.cell(0, 3))
    label.text, merged.text = "Area for Improvement", "Ensure good access to risk information."
    _shade(merged, "d9d9d9")

    first = _only_table(_save(document, tmp_path)).rows[0]

    assert first.cells == (
        Cell("Area for Improvement"),
        Cell("Ensure good access to risk information.", fill="D9D9D9", col_span=3),
        Cell("", fill="D9D9D9", merged=True),
        Cell("", fill="D9D9D9", merged=True),
    )


def test_vertical_merge_gives_row_span_and_empty_continuations(tmp_path):
    document = docx.Document()
    table = _table(
        document,
        [
            ["f. Additional training", "Delivered Sept 2019"],
            ["", "Statutory training begun"],
            ["g. Audit", "Done"],
        ],
    )
    table.cell(0, 0).merge(table.cell(1, 0)).text = "f. Additional training"

    rows = _only_table(_save(document, tmp_path)).rows

    assert rows[0].cells[0] == Cell("f. Additional training", row_span=2)
    assert rows[1].cells == (Cell("", merged=True), Cell("Statutory training begun"))
    assert rows[2].cells[0] == Cell("g. Audit")


def test_grey_shading_is_read_as_fill(tmp_path):
    document = docx.Document()
    table = _table(document, [["Deliver new MDTs", "Complete"], ["Review intel process", "Mar 21"]])
    for cell in table.rows[0].cells:
        _shade(cell, "D9D9D9")
    _shade(table.cell(1, 1), "auto")

    rows = _only_table(_save(document, tmp_path)).rows

    assert [c.fill for c in rows[0].cells] == ["D9D9D9", "D9D9D9"]
    assert all(is_grey(c.fill) for c in rows[0].cells)
    assert [c.fill for c in rows[1].cells] == [None, None]
    assert not any(is_grey(c.fill) for c in rows[1].cells)


def test_repeating_header_row_is_flagged(tmp_path):
    document = docx.Document()
    table = _table(
        document, [["Action", "Target Date"], ["Deliver MDTs", "Dec 20"], ["Review", "Mar 21"]]
    )
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:tblHeader {W}/>"))
    table.rows[2]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {W} w:val="0"/>'))

    rows = _only_table(_save(document, tmp_path)).rows

    assert [r.header for r in rows] == [True, False, False]


def test_ragged_rows_are_padded_to_the_grid(tmp_path):
    document = docx.Document()
    table = _table(document, [["a", "b", "c"], ["d", "e", "f"]])
    # row 0 starts one grid column late, row 1 stops one grid column early
    for tr, side, drop in (
        (table.rows[0]._tr, "gridBefore", 0),
        (table.rows[1]._tr, "gridAfter", 2),
    ):
        tr.remove(tr.tc_lst[drop])
        tr.get_or_add_trPr().append(parse_xml(f'<w:{side} {W} w:val="1"/>'))

    rows = _only_table(_save(document, tmp_path)).rows

    assert [r.texts for r in rows] == [("", "b", "c"), ("d", "e", "")]


def test_tracked_deletion_is_dropped_and_insertion_kept(tmp_path):
    document = docx.Document()
    table = _table(document, [["Target Date"]])
    p = table.cell(0, 0).paragraphs[0]._p
    run = '<w:r><w:{0} xml:space="preserve"> {1}</w:{0}></w:r>'
    p.append(
        parse_xml(f'<w:del {W} w:id="1" w:author="x">{run.format("delText", "March 2020")}</w:del>')
    )
    p.append(
        parse_xml(f'<w:ins {W} w:id="2" w:author="x">{run.format("t", "December 2020")}</w:ins>')
    )

    assert _only_table(_save(document, tmp_path)).rows[0].texts == ("Target Date December 2020",)


def test_cell_paragraphs_and_line_breaks_become_single_spaces(tmp_path):
    document = docx.Document()
    cell = _table(document, [["Complete"]]).cell(0, 0)
    cell.paragraphs[0].add_run().add_break()
    cell.paragraphs[0].add_run("(staff trained)")
    cell.add_paragraph("  Jan   21 ")

    assert _only_table(_save(document, tmp_path)).rows[0].texts == (
        "Complete (staff trained) Jan 21",
    )


def test_core_properties_are_read(tmp_path):
    document = docx.Document()
    document.core_properties.title = "HMICFRS Improvement Plan 2018/19"
    document.add_paragraph("Updated: January 2021")

    properties = read_document(_save(document, tmp_path)).properties

    assert properties["title"] == "HMICFRS Improvement Plan 2018/19"
    assert properties["created"].startswith("20")
    assert set(properties) == {"title", "created", "modified"}


def test_truncated_file_is_unreadable(tmp_path):
    document = docx.Document()
    document.add_paragraph("Updated: January 2021")
    path = _save(document, tmp_path, "cut.docx")
    path.write_bytes(path.read_bytes()[:2000])

    with pytest.raises(UnreadableFile, match=r"cut\.docx: not a valid Word document"):
        read_document(path)


def test_zip_without_word_document_is_unreadable(tmp_path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    source = Source(name=path.name, sha256="", format="docx")

    with pytest.raises(UnreadableFile, match=r"sheet\.docx: .* \(no word/document\.xml\)"):
        read_docx(path, source, path.read_bytes(), DEFAULT_LIMITS)


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.docx"
    chunk = bytes(2**20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/zeros.bin", "w") as member:
            for _ in range(300):
                member.write(chunk)

    with pytest.raises(UnreadableFile, match=r"bomb\.docx: unpacks to 300 MB, over the 256 MB"):
        read_document(path)


def test_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TEXT")
    document = docx.Document()
    document.add_paragraph("&xxe;")
    source = _save(document, tmp_path, "source.docx")
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                declaration = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
                data = data.replace(b"?>", b"?>" + declaration, 1).replace(b"&amp;xxe;", b"&xxe;")
            dst.writestr(item, data)

    with pytest.raises(
        UnreadableFile, match=r"xxe\.docx: part word/document\.xml declares a DTD"
    ) as caught:
        read_document(path)
    assert "TOP-SECRET-TEXT" not in str(caught.value)


def test_password_protected_file_is_named(tmp_path):
    path = tmp_path / "locked.docx"
    # the start of an OLE container whose directory holds the encrypted package
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le")
    source = Source(name=path.name, sha256="", format="docx")

    with pytest.raises(UnreadableFile, match=r"locked\.docx: Word document is password-protected"):
        read_docx(path, source, data, DEFAULT_LIMITS)


def test_overlong_cell_is_refused(tmp_path):
    document = docx.Document()
    _table(document, [["x" * (DEFAULT_LIMITS.max_cell_chars + 1)]])

    with pytest.raises(UnreadableFile, match=r"plan\.docx: a table cell holds 100,001 characters"):
        read_document(_save(document, tmp_path))


@pytest.mark.skipif(
    not (SAMPLES / "hwfrs-improvement-plan-2021-01.docx").exists(), reason="sample not built"
)
def test_sample_docx_tables_match_its_text_export():
    stem = SAMPLES / "hwfrs-improvement-plan-2021-01"
    from_word = [b for b in read_document(stem.with_suffix(".docx")).blocks if isinstance(b, Table)]
    from_text = [b for b in read_document(stem.with_suffix(".txt")).blocks if isinstance(b, Table)]

    assert len(from_word) == len(from_text)
    for word, text in zip(from_word, from_text, strict=True):
        assert [r.texts for r in word.rows] == [r.texts for r in text.rows]


def _bold_heads(path: Path) -> list[tuple[str, str]]:
    table = next(b for b in read_document(path).blocks if isinstance(b, Table))
    return [(c.text, c.bold_head) for row in table.rows for c in row.cells]


def test_a_cell_opening_with_a_bold_paragraph_records_it_as_its_bold_head(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    opening = table.cell(0, 0)
    opening.paragraphs[0].add_run("Protection").bold = True
    opening.add_paragraph("")  # an empty paragraph between the head and the rest
    opening.add_paragraph("Review the inspection programme.")
    table.cell(0, 1).paragraphs[0].add_run("All of it bold").bold = True
    middle = table.cell(0, 2).paragraphs[0]
    middle.add_run("Deliver the ")
    middle.add_run("new").bold = True
    middle.add_run(" module")
    assert _bold_heads(_save(document, tmp_path)) == [
        ("Protection Review the inspection programme.", "Protection"),
        ("All of it bold", "All of it bold"),
        ("Deliver the new module", ""),  # bold inside a line is no head
    ]


def test_bold_set_by_a_paragraph_or_character_style_counts_and_a_run_can_unset_it(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    strong = document.styles.add_style("Area name", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    table = document.add_table(rows=1, cols=3)
    styled = table.cell(0, 0)
    styled.paragraphs[0].style = document.styles["Heading 2"]  # a bold style
    styled.paragraphs[0].add_run("Prevention")
    styled.add_paragraph("Train crews.")
    by_character = table.cell(0, 1)
    by_character.paragraphs[0].add_run("Response", style="Area name")
    by_character.add_paragraph("Review crewing.")
    unset = table.cell(0, 2)
    unset.paragraphs[0].style = document.styles["Heading 2"]
    unset.paragraphs[0].add_run("Plain").bold = False
    unset.add_paragraph("Text.")
    assert _bold_heads(_save(document, tmp_path)) == [
        ("Prevention Train crews.", "Prevention"),
        ("Response Review crewing.", "Response"),
        ("Plain Text.", ""),
    ]
