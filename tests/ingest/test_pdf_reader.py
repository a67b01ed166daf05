"""The PDF reader on the LibreOffice PDFs of the sample plans and on small made-up files."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from planwatch.errors import UnreadableFile
from planwatch.ingest import Limits, read_document
from planwatch.ingest.pdf_layout import PageLayout, rejoin_cells
from planwatch.ingest.pdf_records import to_hex
from planwatch.ingest.pdf_settings import DEFAULT_PDF_SETTINGS, PdfSettings
from planwatch.ingest.pdf_tables import Fragment, RawCell
from planwatch.ingest.pdf_text import Line, join_lines, join_parts
from planwatch.model import Document, Paragraph, Table
from planwatch.normalise.fills import is_grey

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FIXTURES = Path(__file__).parent / "pdf_fixtures"
SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf"))
IMPROVEMENT = SAMPLES / "hwfrs-improvement-plan-2021-01.pdf"
PREVENTION = SAMPLES / "hwfrs-prevention-cfc-2021-11.pdf"


@functools.cache
def _read(path: Path) -> Document:
    return read_document(path)


def _tables(document: Document) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


def _first_difference(got: list[Table], want: list[Table]) -> str | None:
    if len(got) != len(want):
        return f"{len(got)} tables, the text export has {len(want)}"
    for t, (a, b) in enumerate(zip(got, want, strict=True)):
        for r in range(max(len(a.rows), len(b.rows))):
            mine = a.rows[r].texts if r < len(a.rows) else None
            theirs = b.rows[r].texts if r < len(b.rows) else None
            if mine != theirs:
                page = a.rows[min(r, len(a.rows) - 1)].page
                return f"table {t} row {r} (page {page}):\n pdf  {mine}\n text {theirs}"
    return None


@pytest.mark.parametrize("pdf", SAMPLE_PDFS, ids=lambda p: p.name)
def test_sample_tables_match_the_text_export(pdf: Path) -> None:
    export = pdf.with_suffix(".txt")
    if not export.exists():
        pytest.skip(f"no text export beside {pdf.name}")
    difference = _first_difference(_tables(_read(pdf)), _tables(read_document(export)))
    assert difference is None, difference


@pytest.mark.skipif(not IMPROVEMENT.exists(), reason="samples not built")
def test_each_table_keeps_its_rows_once_across_page_breaks() -> None:
    tables = _tables(_read(IMPROVEMENT))
    # ES1.1 .. P1.12: 3 heading rows + actions and continuations + "Strategic lead"
    assert [len(t.rows) for t in tables] == [10, 11, 13, 9, 10, 13, 12]
    es11 = tables[0]
    deliver = next(r for r in es11.rows if r.texts[0].startswith("Deliver new MDTs"))
    # the row LibreOffice cut at the foot of page 2 and finished at the head of page 3
    assert deliver.page == 2
    assert deliver.texts[1].endswith("this was delayed, roll out completed Dec 2020.")
    assert [r.page for r in es11.rows] == [2] * 7 + [3] * 3


@pytest.mark.skipif(not IMPROVEMENT.exists(), reason="samples not built")
def test_header_rows_repeated_on_each_page_are_read_once_and_marked() -> None:
    es14 = _tables(_read(IMPROVEMENT))[1]
    assert [r.header for r in es14.rows[:4]] == [True, True, True, False]
    assert sum(r.texts[0] == "HWFRS Action Proposed" for r in es14.rows) == 1


@pytest.mark.skipif(not PREVENTION.exists(), reason="samples not built")
def test_a_new_row_at_the_head_of_a_page_stays_a_row() -> None:
    objective3 = _tables(_read(PREVENTION))[-1]
    refs = [r.texts[0] for r in objective3.rows]
    assert refs[1:] == [f"3.{n}" for n in range(1, 15)]
    assert objective3.rows[refs.index("3.8")].page == 7


@pytest.mark.skipif(not IMPROVEMENT.exists(), reason="samples not built")
def test_grey_rows_are_the_completed_rows() -> None:
    for table in _tables(_read(IMPROVEMENT)):
        for row in table.rows:
            complete = row.texts[-1].startswith("Complete")
            own = [c for c in row.cells if not c.merged]  # not a cell running down from above
            assert all(is_grey(c.fill) for c in own) == complete, row.texts
            assert (row.cells[-1].fill == "D9D9D9") == complete


@pytest.mark.skipif(not IMPROVEMENT.exists(), reason="samples not built")
def test_merged_cells_read_as_in_the_word_file() -> None:
    area = _tables(_read(IMPROVEMENT))[0].rows[0]
    assert area.texts[0] == "Area for Improvement"
    assert area.cells[1].col_span == 3
    assert [c.merged for c in area.cells] == [False, False, True, True]


@pytest.mark.skipif(not IMPROVEMENT.exists(), reason="samples not built")
def test_paragraphs_come_whole_in_order_with_their_page() -> None:
    paragraphs = [b for b in _read(IMPROVEMENT).blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs[:3]] == [
        "Hereford & Worcester Fire and Rescue Service",
        "HMICFRS Improvement Plan 2018/19",
        "Updated: January 2021",
    ]
    first = paragraphs[3].text
    assert first.startswith("In March 2018, Her Majesty's Inspectorate")
    assert first.endswith("one of the first 14 services to be inspected.")
    heading = next(p for p in paragraphs if p.text == "Effectiveness – ES1.4")
    assert heading.page == 3
    assert all(isinstance(b.page, int) for b in _read(IMPROVEMENT).blocks)


def test_borderless_table_read_from_its_columns() -> None:
    document = read_document(FIXTURES / "borderless.pdf")
    (table,) = _tables(document)
    assert [r.texts for r in table.rows] == [
        ("Ref", "Action", "Completion Date", "Lead"),
        (
            "1.1",
            "Add the cause for concern onto the Prevention Risk Register",
            "26.07.21",
            "GCP PM",
        ),
        (
            "1.2",
            "Review of data sources and systems, seeking 3 quotes for replacement geographic "
            "information and modelling software, linked to joint system with Protection",
            "30.09.21",
            "SCH GCP",
        ),
        ("1.3", "Attend regional FRS Prevention working group meetings", "ongoing", "PM"),
    ]
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [
        "Objective 1:",
        "Signed off by the Prevention Improvement Panel.",
    ]


def test_lines_wrapped_inside_words_join_as_written() -> None:
    (table,) = _tables(read_document(FIXTURES / "wraps.pdf"))
    assert [r.texts[1] for r in table.rows[1:]] == [
        "Run the staff Well-being survey",  # "Well-" | "being"
        "Review the fleet and/or garage list",
        "Update the risk - information and mapping",  # "risk -" | ... "informati" | "on"
    ]


@pytest.mark.parametrize(
    ("before", "after", "wrapped", "joined"),
    [
        ("Well-", "being", False, "Well-being"),
        ("and/", "or", False, "and/or"),
        ("Safety\\", "TFS", False, "Safety\\TFS"),
        ("at F:", "\\Technical Fire Safety", False, "at F:\\Technical Fire Safety"),
        ("appliances/", "vehicles", True, "appliances/ vehicles"),
        ("the risk -", "information", False, "the risk - information"),
        ("every 2 years.", "Deliver", False, "every 2 years. Deliver"),
    ],
)
def test_line_join_rule(before: str, after: str, wrapped: bool, joined: str) -> None:
    assert join_parts(before, after, wrapped) == joined


def _plain_line(text: str, x1: float, top: float, first_word: float, first_char: float) -> Line:
    return Line(
        text, 526.582, x1, top, top + 10.0, size=10.0, bold=False, whole_bold=False,
        wrapped=False, first_word_width=first_word, first_char_width=first_char,
    )  # fmt: skip


# a 10 pt lone word ending 2.775 pt short of its cell's text area, the next line's first
# letter set after it (the figures of the letter-size Chromium eastshire PDF, "Business" |
# "as usual"); the engines measure such a letter up to a hundredth of a point apart. The
# words are a piece of a word and its rest ("Recomme" | "ndation 1"): two common words
# that make none ("Business" "as") would be read as wrapped at a space by the language
@pytest.mark.parametrize(
    ("letter", "words", "joined"),
    [
        (2.775 - 1.0, frozenset(), "Recomme ndation 1"),  # the letter fits: a wrap at a space
        (2.775 + 1.0, frozenset(), "Recommendation 1"),  # it misses: a word broken for room
        # fitting or missing by a hair reads alike: the document's whole words decide
        (2.775 - 0.05, frozenset(), "Recommendation 1"),
        (2.775 + 0.05, frozenset(), "Recommendation 1"),
        (2.775 - 0.05, frozenset({"recomme", "ndation"}), "Recomme ndation 1"),
        (2.775 + 0.05, frozenset({"recomme", "ndation"}), "Recomme ndation 1"),
    ],
)
def test_a_letter_that_fits_by_a_hair_reads_as_one_that_misses(letter, words, joined) -> None:
    word = _plain_line("Recomme", 567.143, 0.0, 40.561, 7.0)
    rest = _plain_line("ndation 1", 563.0, 12.0, 10.558, letter)
    assert join_lines([word, rest], 569.918, words, settings=DEFAULT_PDF_SETTINGS) == joined


def test_no_word_runs_on_out_of_a_closing_bracket() -> None:
    # "CFO(Fin)" fills a narrow lead cell, and "DCC" would not have fitted after it; line
    # breaking (UAX #14, LB30) never breaks between a closing bracket and a letter, so the
    # author's space stood there: two codes, not one word broken for want of room
    code = _plain_line("CFO(Fin)", 567.143, 0.0, 40.561, 7.0)
    more = _plain_line("DCC", 547.0, 12.0, 20.558, 7.0)
    assert join_lines([code, more], 569.918, settings=DEFAULT_PDF_SETTINGS) == "CFO(Fin) DCC"


def test_no_word_runs_on_from_a_number_into_a_word() -> None:
    # "2023/24" fills a narrow header cell over "update": line breaking (UAX #14, LB23)
    # never breaks between a digit and a letter, so the author's space stood there
    year = _plain_line("2023/24", 567.143, 0.0, 40.561, 7.0)
    word = _plain_line("update", 547.0, 12.0, 30.558, 7.0)
    assert join_lines([year, word], 569.918, settings=DEFAULT_PDF_SETTINGS) == "2023/24 update"


def test_the_fit_tolerances_are_read_from_the_settings_passed() -> None:
    # the next letter, 1.775 pt wide, fits the 2.775 pt left with the default 0.5 pt of
    # slack (and 0.1 pt of margin): a wrap at a space; with 1 pt of slack it no longer fits
    word = _plain_line("Recomme", 567.143, 0.0, 40.561, 7.0)
    rest = _plain_line("ndation 1", 563.0, 12.0, 10.558, 1.775)
    lines, limit = [word, rest], 569.918
    assert join_lines(lines, limit, settings=PdfSettings()) == "Recomme ndation 1"
    assert join_lines(lines, limit, settings=PdfSettings(fit_slack=1.0)) == "Recommendation 1"


def test_rejoining_cells_builds_new_pages_and_leaves_the_pages_read() -> None:
    word = _plain_line("Recomme", 567.143, 0.0, 40.561, 7.0)
    rest = _plain_line("ndation 1", 563.0, 12.0, 10.558, 2.775 + 1.0)
    cell = RawCell(520.0, 575.0, 0.0, 30.0, "Recomme ndation 1", limit=569.918, lines=(word, rest))
    page = PageLayout(1, 842.0, [], [Fragment(1, [[cell]], 520.0, 575.0, 0.0, 30.0)], 16, 84.2)
    pages, _ = rejoin_cells([page], PdfSettings())
    assert pages[0].fragments[0].rows[0][0].text == "Recommendation 1"
    assert cell.text == "Recomme ndation 1" and page.fragments[0].rows[0][0] is cell


@pytest.mark.parametrize(
    ("colour", "hex_"),
    [((0.85,), "D9D9D9"), ((1, 1, 1), "FFFFFF"), ((0, 0, 0, 0.15), "D9D9D9"), ("pattern", None)],
)
def test_fill_colours_as_rrggbb(colour, hex_) -> None:
    assert to_hex(colour) == hex_


def test_truncated_pdf_is_not_valid(tmp_path: Path) -> None:
    data = (FIXTURES / "borderless.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    # the parser's reason in one pair of brackets, the message ending there
    with pytest.raises(UnreadableFile, match=r"^cut\.pdf: not a valid PDF \([^()]+\)$"):
        read_document(path)


def test_garbage_after_the_pdf_header_is_not_valid(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00 not a pdf body " * 20)
    with pytest.raises(UnreadableFile, match=r"^junk\.pdf: not a valid PDF \("):
        read_document(path)


def test_encrypted_pdf_asks_for_an_unlocked_copy(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=FIXTURES / "borderless.pdf")
    writer.encrypt("secret", algorithm="AES-256")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(UnreadableFile, match="^locked.pdf: PDF is password-protected; save an"):
        read_document(path)


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "scan.pdf"
    Image.new("L", (120, 80), 255).save(path)
    with pytest.raises(UnreadableFile, match=r"^scan\.pdf: PDF has no text layer \(scanned image"):
        read_document(path)


@pytest.mark.skipif(not PREVENTION.exists(), reason="samples not built")
def test_more_pages_than_the_limit_are_refused() -> None:
    with pytest.raises(UnreadableFile, match=f"^{PREVENTION.name}: PDF has 7 pages, over the 3-"):
        read_document(PREVENTION, Limits(max_pages=3))


def test_running_heads_and_page_numbers_are_dropped() -> None:
    blocks = read_document(FIXTURES / "running.pdf").blocks
    assert [(b.page, b.text[:30]) for b in blocks] == [
        (1, "Section 1"),
        (1, "The Service has extended its h"),
        (2, "Section 2"),
        (2, "The Service has extended its h"),
        (3, "Section 3"),
        (3, "The Service has extended its h"),
    ]
