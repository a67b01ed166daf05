"""Bad and hostile files through the command line: one clear line each, the batch goes on.

Every bad file is run alone and all of them in one batch with a good plan; the
good plan's 37 rows must all come out, each bad file must be named on standard
error with its reason, the exit status must be 1, and no traceback may show.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD = SAMPLES / "hwfrs-prevention-cfc-2021-11.docx"
GOOD_PDF = SAMPLES / "hwfrs-prevention-cfc-2021-11.pdf"
# the plan's three objectives number their actions 1.1-1.9, 2.1-2.14 and 3.1-3.14
GOOD_IDS = [
    f"{objective}.{n}" for objective, last in ((1, 9), (2, 14), (3, 14)) for n in range(1, last + 1)
]
GOOD_ROWS = 37
PLANWATCH = Path(sys.executable).with_name("planwatch")
SECRET = "PLANWATCH-SECRET-9D41"
MB = 2**20


@dataclass(frozen=True)
class Bad:
    """A bad file: how to make it, and the words its one-line message must hold."""

    name: str
    make: Callable[[Path], None]
    reason: tuple[str, ...]


# --- makers: each writes one bad file at the path given ------------------------


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "white").save(path, format="PNG")


def _half(sample: Path) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(sample.read_bytes()[: sample.stat().st_size // 2])


def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=GOOD_PDF)
    writer.encrypt("letmein")
    writer.write(path)


def _scanned_pdf(path: Path) -> None:
    from PIL import Image, ImageDraw

    pages = []
    for _ in range(2):  # a photographed table: ruled lines, no glyphs
        page = Image.new("L", (850, 1100), 255)
        draw = ImageDraw.Draw(page)
        for y in range(100, 1000, 45):
            draw.line((80, y, 770, y), fill=0, width=2)
        pages.append(page)
    pages[0].save(path, format="PDF", save_all=True, append_images=pages[1:], resolution=100)


def _many_pages_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=GOOD_PDF)
    for _ in range(30):
        writer.add_blank_page()
    writer.write(path)


def _docx(paragraphs: list[str], table: list[list[str]]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        import docx

        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, texts in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
        document.save(path)

    return make


def _ole(path: Path) -> None:
    # the OLE2 compound-file signature Word 97-2003 writes, then its sector padding
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))


def _odt(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")


def _rewrite(source: Path, path: Path, edit: Callable[[str, bytes], bytes]) -> zipfile.ZipFile:
    """Copy a .docx member by member through ``edit``; return the open copy for more."""
    # level 1: deflating 300 MB of zeros at the default level takes seconds
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
    with zipfile.ZipFile(source) as zf:
        for info in zf.infolist():
            out.writestr(info.filename, edit(info.filename, zf.read(info)))
    return out


def _padded(megabytes: int) -> Callable[[Path], None]:
    """The good plan plus an unreferenced member of zeros: a zip bomb's shape."""

    def make(path: Path) -> None:
        # written in chunks, so the test never holds the inflated bytes
        with (
            _rewrite(GOOD, path, lambda _, data: data) as out,
            out.open("word/media/zeros.bin", "w") as member,
        ):
            chunk = bytes(MB)
            for _ in range(megabytes):
                member.write(chunk)

    return make


def _with_dtd(
    doctype: str,
    reference: str,
    encoding: str = "utf-8",
    part: str = "word/document.xml",
    target: str = "Review of data sources",  # the text of action 1.2
) -> Callable[[Path], None]:
    """The good plan with a DTD in one part and an entity reference before ``target``."""

    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        text = data.decode("utf-8")
        declaration_end = text.index("?>") + 2
        text = text[:declaration_end] + doctype + text[declaration_end:]
        text = text.replace(target, reference + target, 1)
        text = text.replace("encoding='UTF-8'", f"encoding='{encoding.upper()}'")
        return text.encode(encoding)

    def make(path: Path) -> None:
        _rewrite(GOOD, path, edit).close()

    return make


def _xxe(secret: Path) -> str:
    return f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'


def _pdf(*objects: bytes) -> bytes:
    """Return a PDF of these numbered objects (1 the catalog), with a correct xref table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _one_page_pdf(content: bytes, resources: bytes = b"", *more: bytes) -> bytes:
    stream = zlib.compress(content, 9)
    return _pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> %s >> >>" % resources,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *more,
    )


# "billion laughs": nine levels of ten references each, 10**9 copies of "lol"
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)

HUGE = "x" * 150_000  # a runaway cell: a hostile file or a broken export


def _huge_cell_docx(path: Path) -> None:
    _docx([], [["Action", "Lead", "Target Date"], [HUGE, "AD", "Mar 2022"]])(path)


def _huge_cell_txt(path: Path) -> None:
    path.write_text(f"Action\tLead\tTarget Date\n{HUGE}\tAD\tMar 2022\n", encoding="utf-8")


# -----------------------------------------------------------------------------

SUPPORTED = "supported formats: .docx, .pdf, .txt"
BAD = [
    Bad("picture.docx", _png, ("a PNG image is not supported", SUPPORTED)),
    Bad("notes.pdf", lambda p: p.write_text("Minutes\tof the meeting\n"), ("not a pdf file",)),
    Bad("cut-short.docx", _half(GOOD), ("not a valid Word document",)),
    Bad("cut-short.pdf", _half(GOOD_PDF), ("not a valid PDF",)),
    Bad("empty.docx", lambda p: p.write_bytes(b""), ("file is empty",)),
    Bad("locked.pdf", _encrypted_pdf, ("password-protected",)),
    Bad("scanned.pdf", _scanned_pdf, ("no text layer",)),
    Bad(
        "minutes.docx",
        _docx(
            ["Minutes of the Fire Authority"],
            [["Date", "Venue", "Present"], ["1 May", "HQ", "All"]],
        ),
        ("no action table found", "--explain"),
    ),
    # an OLE file with no Word stream in it: an old Excel or PowerPoint file named .doc
    Bad("old-office.doc", _ole, ("legacy Office file", "is not supported", SUPPORTED)),
    Bad("plan.odt", _odt, ("not a valid OpenDocument file",)),
    Bad("bomb.docx", _padded(300), ("MB limit for unpacked content", "zip bomb")),
    Bad("padded.docx", _padded(30), ("over the 20 MB limit",)),  # with --max-inflated-mb 20
    Bad("laughs.docx", _with_dtd(LAUGHS, "&lol9;"), ("declares a DTD",)),
    Bad("many-pages.pdf", _many_pages_pdf, ("37 pages", "over the 20-page limit")),
    Bad("huge-cell.docx", _huge_cell_docx, ("150,000 characters", "100,000 character limit")),
    Bad("huge-cell.txt", _huge_cell_txt, ("150,000 characters", "100,000 character limit")),
]
# the two limits lowered for the batch; the good plan is well within both
OPTIONS = ["--max-inflated-mb", "20", "--max-pages", "20"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder holding every bad file, a secret, and the XXE files aimed at it."""
    folder = tmp_path_factory.mktemp("bad")
    for bad in BAD:
        bad.make(folder / bad.name)
    secret = folder / "secret.txt"
    secret.write_text(SECRET)
    _with_dtd(_xxe(secret), "&xxe;")(folder / "xxe.docx")
    _with_dtd(_xxe(secret), "&xxe;", "utf-16")(folder / "xxe-utf16.docx")
    _with_dtd(_xxe(secret), "&xxe;", "utf-32")(folder / "xxe-utf32.docx")
    # the title in the document's properties, where plan_title may be read from
    title = "Prevention Cause for Concern Action Plan</dc:title>"
    _with_dtd(_xxe(secret), "&xxe;", part="docProps/core.xml", target=title)(
        folder / "xxe-properties.docx"
    )
    (folder / "a-folder.docx").mkdir()
    return folder


# files the batch names that are not in BAD: not there, a folder, XXE
OTHERS = {
    "missing.docx": ("file not found",),
    "a-folder.docx": ("is a folder",),
    "xxe.docx": ("declares a DTD",),
    "xxe-utf16.docx": ("declares a DTD",),
    "xxe-properties.docx": ("part docProps/core.xml declares a DTD",),
}
EXPECTED = {bad.name: bad.reason for bad in BAD} | OTHERS


def run(*args: str | Path) -> tuple[int, str, str]:
    """Return exit status, stdout and stderr of ``planwatch`` run in-process."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str | Path) -> tuple[int, str, str]:
    """Return exit status, stdout and stderr of the installed ``planwatch`` command."""
    done = subprocess.run(
        [PLANWATCH, *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )
    return done.returncode, done.stdout, done.stderr


def rows_of(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


def assert_named(stderr: str, name: str, reason: tuple[str, ...]) -> None:
    """The file has exactly one error line, and it gives every part of the reason."""
    lines = [line for line in stderr.splitlines() if line.startswith("error: ") and name in line]
    assert len(lines) == 1, stderr
    for words in reason:
        assert words in lines[0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_alone(folder: Path, name: str) -> None:
    status, stdout, stderr = run("extract", "-j", "1", *OPTIONS, folder / name)
    assert status == 1
    assert_named(stderr, name, EXPECTED[name])
    assert len(stderr.splitlines()) == 1
    assert rows_of(stdout) == []
    assert "Traceback" not in stdout + stderr


def test_batch_keeps_every_row_of_the_good_plan(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "actions.csv"
    names = sorted(EXPECTED)
    status, stdout, stderr = run(
        "extract", "-j", "1", *OPTIONS, "-o", out, folder / names[0], GOOD,
        *(folder / n for n in names[1:]),
    )  # fmt: skip
    assert status == 1
    for name in names:
        assert_named(stderr, name, EXPECTED[name])
    assert f"{GOOD.name}: {GOOD_ROWS} entries" in stderr
    rows = rows_of(out.read_text(encoding="utf-8"))
    assert [r["action_id"] for r in rows] == GOOD_IDS
    assert {r["source_file"] for r in rows} == {GOOD.name}
    assert "Traceback" not in stdout + stderr


def test_batch_through_the_installed_command(folder: Path, tmp_path: Path) -> None:
    """The real entry point, with files spread over worker processes."""
    out = tmp_path / "actions.csv"
    status, stdout, stderr = run_process(
        "extract", *OPTIONS, "-o", out, GOOD, *(folder / n for n in sorted(EXPECTED))
    )
    assert status == 1
    for name, reason in EXPECTED.items():
        assert_named(stderr, name, reason)
    assert len(rows_of(out.read_text(encoding="utf-8"))) == GOOD_ROWS
    assert "Traceback" not in stdout + stderr


@pytest.mark.parametrize("name", ["picture.docx", "missing.docx", "scanned.pdf", "xxe.docx"])
def test_bad_file_through_the_installed_command(folder: Path, name: str) -> None:
    status, stdout, stderr = run_process("extract", folder / name)
    assert status == 1
    assert_named(stderr, name, EXPECTED[name])
    assert "Traceback" not in stdout + stderr


@pytest.mark.parametrize(
    "name", ["xxe.docx", "xxe-utf16.docx", "xxe-utf32.docx", "xxe-properties.docx"]
)
def test_external_entity_never_reaches_the_output(folder: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "actions.csv"
    _, stdout, stderr = run("extract", "-j", "1", "-o", out, folder / name, GOOD)
    assert SECRET not in stdout + stderr + out.read_text(encoding="utf-8")


def test_a_dtd_in_utf32_is_refused(folder: Path) -> None:
    status, _, stderr = run("extract", "-j", "1", folder / "xxe-utf32.docx")
    assert status == 1
    assert_named(stderr, "xxe-utf32.docx", ("declares a DTD",))


def test_pdf_stream_bomb_is_refused(tmp_path: Path) -> None:
    # 60 MB of spaces after one word deflate to some 60 KB
    content = b"BT /F1 12 Tf 72 720 Td (Action) Tj ET\n" + b" " * (60 * MB)
    (tmp_path / "stream-bomb.pdf").write_bytes(_one_page_pdf(content))
    status, _, stderr = run(
        "extract", "-j", "1", "--max-inflated-mb", "20", tmp_path / "stream-bomb.pdf"
    )
    assert status == 1
    assert_named(stderr, "stream-bomb.pdf", ("MB limit",))


def test_a_form_drawing_itself_gives_one_line(tmp_path: Path) -> None:
    # a form XObject whose content draws the form again
    form = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Length 7"
        b" /Resources << /XObject << /X1 6 0 R >> >> >>\nstream\n/X1 Do\nendstream"
    )
    content = b"/X1 Do\nBT /F1 12 Tf 72 720 Td (Action) Tj ET"
    pdf = _one_page_pdf(content, b"/XObject << /X1 6 0 R >>", form)
    (tmp_path / "loop.pdf").write_bytes(pdf)
    # in a process of its own: pytest would capture the log records
    status, _, stderr = run_process("extract", tmp_path / "loop.pdf")
    assert status == 1
    assert len(stderr.splitlines()) == 1, stderr


def test_docx_with_bytes_missing_from_the_middle(tmp_path: Path) -> None:
    """A damaged download: found by ``make fuzz``."""
    data = GOOD.read_bytes()
    (tmp_path / "damaged.docx").write_bytes(data[:1000] + data[21000:])
    status, stdout, stderr = run("extract", "-j", "1", tmp_path / "damaged.docx")
    assert status == 1
    assert_named(stderr, "damaged.docx", ("not a valid Word document",))


def test_zip_bomb_refused_at_the_default_limit(folder: Path) -> None:
    status, stdout, stderr = run("extract", "-j", "1", folder / "bomb.docx")
    assert status == 1
    assert_named(stderr, "bomb.docx", ("over the 256 MB limit", "zip bomb"))


def test_file_over_the_size_option(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"Action\tLead\n" * 200_000)  # 2.4 MB
    status, _, stderr = run("extract", "-j", "1", "--max-file-mb", "1", tmp_path / "big.txt", GOOD)
    assert status == 1
    assert_named(stderr, "big.txt", ("file is 2.3 MB, over the 1.0 MB limit", "--max-file-mb"))


def test_raised_inflated_limit_lets_a_padded_plan_through(folder: Path) -> None:
    status, stdout, stderr = run(
        "extract", "-j", "1", "--max-inflated-mb", "40", folder / "padded.docx"
    )
    assert (status, stderr) == (0, "")
    assert len(rows_of(stdout)) == GOOD_ROWS


def test_raised_page_limit_lets_a_long_pdf_through(folder: Path) -> None:
    status, stdout, stderr = run(
        "extract", "-j", "1", "--max-pages", "40", folder / "many-pages.pdf"
    )
    assert (status, stderr) == (0, "")
    assert len(rows_of(stdout)) == GOOD_ROWS


def test_raised_cell_limit_lets_a_long_cell_through(folder: Path) -> None:
    status, _, stderr = run(
        "extract", "-j", "1", "--max-cell-chars", "200000", folder / "huge-cell.txt"
    )
    assert "character limit" not in stderr


def test_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    """An owner password with an empty user password: any viewer opens it, so do we."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=GOOD_PDF)
    writer.encrypt("", owner_password="council-only")
    writer.write(tmp_path / "print-only.pdf")
    status, stdout, stderr = run("extract", "-j", "1", tmp_path / "print-only.pdf")
    assert (status, stderr) == (0, "")
    assert len(rows_of(stdout)) == GOOD_ROWS


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "private.docx"
    locked.write_bytes(GOOD.read_bytes())
    locked.chmod(0)
    status, stdout, stderr = run("extract", "-j", "1", locked, GOOD)
    assert status == 1
    assert_named(stderr, "private.docx", ("permission denied",))
    assert len(rows_of(stdout)) == GOOD_ROWS


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    status, stdout, stderr = run_process(
        "extract", GOOD, "-o", tmp_path / "no" / "such" / "out.csv"
    )
    assert status == 1
    assert_named(stderr, "out.csv", ("cannot write", "No such file or directory"))
    assert "Traceback" not in stdout + stderr


def test_debug_shows_the_traceback(folder: Path) -> None:
    status, _, stderr = run("--debug", "extract", "-j", "1", folder / "cut-short.docx")
    assert status == 1
    assert "Traceback" in stderr
    assert_named(stderr, "cut-short.docx", ("not a valid Word document",))


def test_debug_shows_the_traceback_through_the_installed_command(folder: Path) -> None:
    status, _, stderr = run_process("--debug", "extract", folder / "notes.pdf")
    assert status == 1
    assert "Traceback" in stderr


def test_limit_defaults_in_help_match_the_limits() -> None:
    from planwatch.ingest import DEFAULT_LIMITS

    _, help_text, _ = run("extract", "--help")
    help_text = " ".join(help_text.split())
    assert f"(default {DEFAULT_LIMITS.max_file_bytes // MB})" in help_text
    assert f"zip bomb (default {DEFAULT_LIMITS.max_inflated_bytes // MB})" in help_text
    assert f"(default {DEFAULT_LIMITS.max_pages})" in help_text
    assert f"(default {DEFAULT_LIMITS.max_cell_chars})" in help_text
