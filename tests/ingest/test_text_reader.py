"""Properties of the .txt reader: any text reads, tables come out square and tab-free."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.errors import PlanwatchError
from planwatch.ingest import DEFAULT_LIMITS, read_document
from planwatch.ingest.text_reader import read_text
from planwatch.model import Document, Paragraph, Source, Table

SOURCE = Source(name="plan.txt", sha256="0" * 64, format="txt")
# lines, tabs and the odd characters real exports carry: NBSP, BOM, CR, form feed
TEXTS = (
    st.text(
        alphabet=st.sampled_from(list(string.printable) + ["\t", "\u00a0", "\ufeff", "é", "’", "–"])
    )
    | st.text()
)
TOKENS = st.text(alphabet=string.ascii_letters + string.digits + ".:/()&", min_size=1)


def read(text: str) -> Document:
    return read_text(Path("plan.txt"), SOURCE, text.encode("utf-8"), DEFAULT_LIMITS)


def tables(document: Document) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


@given(TEXTS)
def test_any_text_reads(text: str) -> None:
    assert isinstance(read(text), Document)


@given(st.binary())
def test_any_bytes_read(data: bytes) -> None:
    assert isinstance(read_text(Path("plan.txt"), SOURCE, data, DEFAULT_LIMITS), Document)


@given(TEXTS)
def test_every_row_of_a_table_has_the_same_width(text: str) -> None:
    for table in tables(read(text)):
        assert len({len(row.cells) for row in table.rows}) == 1


@given(TEXTS)
def test_no_tab_or_line_break_survives_in_a_cell_or_paragraph(text: str) -> None:
    for block in read(text).blocks:
        texts = [block.text] if isinstance(block, Paragraph) else [
            cell.text for row in block.rows for cell in row.cells
        ]  # fmt: skip
        for cell in texts:
            assert "\t" not in cell
            assert "\n" not in cell
            assert "\r" not in cell
            assert cell == cell.strip()


@given(st.lists(st.lists(TOKENS, min_size=2, max_size=6), min_size=1, max_size=8))
def test_cells_come_back_as_written_padded_to_the_widest_row(grid: list[list[str]]) -> None:
    text = "\n".join("\t".join(row) for row in grid)
    (table,) = tables(read(text))
    width = max(map(len, grid))
    assert [list(row.texts) for row in table.rows] == [
        row + [""] * (width - len(row)) for row in grid
    ]


def test_paragraphs_split_tables() -> None:
    document = read("Objective 1\nref\taction\n1.1\tReview\nKey\nAD\tAssistant Director\n")
    assert [type(b).__name__ for b in document.blocks] == [
        "Paragraph",
        "Table",
        "Paragraph",
        "Table",
    ]
    assert tables(document)[1].rows[0].texts == ("AD", "Assistant Director")


def test_inline_markup_is_dropped() -> None:
    (table,) = tables(read("Lead\t<i>Head of Operational Support</i>\n"))
    assert table.rows[0].texts == ("Lead", "Head of Operational Support")


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(deadline=None)  # reads a file each time: a busy machine must not fail it
@given(text=TEXTS)
def test_registry_reads_any_text_or_says_why_not(folder: Path, text: str) -> None:
    path = folder / "export.txt"
    path.write_text(text, encoding="utf-8")
    try:
        document = read_document(path)
    except PlanwatchError as exc:
        assert str(exc).startswith("export.txt: ")
    else:
        # text that opens with an HTML tag ("<p>...", "<table>") is read as the web page it is
        assert document.source.format in ("txt", "html")


HEADER = "Ref\tAction\tProgress\n"


@pytest.mark.parametrize(
    "separator", ["\v", "\f", "\u2028", "\u2029", "\u0085", "\r", "\x1c", "\x1d", "\x1e"]
)
def test_a_line_separator_inside_a_cell_is_a_space_and_the_row_stays_whole(separator) -> None:
    text = HEADER + f"1.1\tReview the policy\tDraft{separator}agreed\n1.2\tTrain staff\tBooked\n"
    (table,) = tables(read(text))
    assert [row.texts for row in table.rows] == [
        ("Ref", "Action", "Progress"),
        ("1.1", "Review the policy", "Draft agreed"),
        ("1.2", "Train staff", "Booked"),
    ]


def test_windows_line_ends_split_rows() -> None:
    (table,) = tables(read(HEADER.replace("\n", "\r\n") + "1.1\tReview\tDone\r\n"))
    assert table.rows[1].texts == ("1.1", "Review", "Done")


def read_bytes(data: bytes) -> Document:
    return read_text(Path("plan.txt"), SOURCE, data, DEFAULT_LIMITS)


def test_a_stray_cp1252_byte_in_a_utf8_file_leaves_the_rest_utf8() -> None:
    data = (
        "Objective 1 – Prevention\n".encode()
        + HEADER.encode()
        + "1.1\tReview – policy\tDone\n".encode()
        + b"1.2\tTrain staff \x96 crews\tBooked\n"
    )
    document = read_bytes(data)
    assert document.blocks[0].text == "Objective 1 – Prevention"
    (table,) = tables(document)
    assert table.rows[1].texts[1] == "Review – policy"
    assert table.rows[2].texts[1] == "Train staff – crews"
    (warning,) = document.notes
    assert "line 4" in warning and "UTF-8" in warning


def test_a_cp1252_file_reads_as_cp1252_with_a_warning() -> None:
    data = "Objective 1 – Prevention\nRef\tAction\n1.1\tCrew’s review – 2021\n".encode("cp1252")
    document = read_bytes(data)
    assert document.blocks[0].text == "Objective 1 – Prevention"
    assert tables(document)[0].rows[1].texts == ("1.1", "Crew’s review – 2021")
    (warning,) = document.notes
    assert "cp1252" in warning and "not UTF-8" in warning


def test_a_utf8_file_has_no_warning() -> None:
    assert read_bytes("Objective 1 – Prevention\n".encode()).notes == ()
