"""planwatch watch against a real local HTTP server: new editions, links, 304s, failures, locks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from planwatch.cli import cli
from planwatch.watch import Archive

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CFC_1, CFC_2 = (SAMPLES / f"hwfrs-prevention-cfc-{d}.docx" for d in ("2021-11", "2022-02"))
IMP_1, IMP_2 = (SAMPLES / f"hwfrs-improvement-plan-{d}.docx" for d in ("2020-10", "2021-01"))


def _small_plan(path: Path, updated: str, second_status: str) -> bytes:
    """Write a three-action plan of a third service; return its bytes."""
    document = docx.Document()
    document.add_paragraph("Eastfield Fire and Rescue Service")
    document.add_paragraph("HMICFRS Improvement Plan")
    document.add_paragraph(f"Updated: {updated}")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ["Ref", "Action", "Lead", "Target date", "Status"], strict=True
    ):
        cell.text = text
    for row in (
        ["1.1", "Review the risk model for every station area", "AM", "Mar 2023", "Complete"],
        ["1.2", "Train every crew in the new prevention visit", "GM", "Jun 2023", second_status],
        ["1.3", "Publish the fleet maintenance schedule online", "AM", "Sep 2023", "Open"],
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(path)
    return path.read_bytes()


def _sources(tmp_path: Path, *tables: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("\n".join(f"[[source]]\n{t}\n" for t in tables), encoding="utf-8")
    return path


def _watch(tmp_path: Path, sources: Path, *options: str):
    return CliRunner().invoke(
        cli,
        [
            "watch",
            str(sources),
            "--store",
            str(tmp_path / "pw.db"),
            "--archive",
            str(tmp_path / "archive"),
            "--report-dir",
            str(tmp_path / "reports"),
            *options,
        ],
    )


def _editions(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "pw.db") as conn:
        return conn.execute(
            "SELECT plan_id, edition_date, source_url FROM editions ORDER BY plan_id, edition_date"
        ).fetchall()


def test_three_plans_two_editions_each(site, tmp_path: Path) -> None:
    small_1 = _small_plan(tmp_path / "e1.docx", "March 2023", "Open")
    small_2 = _small_plan(tmp_path / "e2.docx", "June 2023", "Complete")
    site.publish("/cfc.docx", CFC_1.read_bytes(), DOCX, '"c1"')
    site.publish("/improvement.docx", IMP_1.read_bytes(), DOCX, '"i1"')
    site.publish("/eastfield.docx", small_1, DOCX, '"e1"')
    sources = _sources(
        tmp_path,
        *(f'url = "{site.url(p)}"' for p in ("/cfc.docx", "/improvement.docx", "/eastfield.docx")),
    )

    first = _watch(tmp_path, sources)
    assert first.exit_code == 0, first.output
    assert first.output.count("new edition") == 3
    assert first.output.count("no earlier edition of this plan") == 3

    site.publish("/cfc.docx", CFC_2.read_bytes(), DOCX, '"c2"')
    site.publish("/improvement.docx", IMP_2.read_bytes(), DOCX, '"i2"')
    site.publish("/eastfield.docx", small_2, DOCX, '"e2"')
    second = _watch(tmp_path, sources)
    assert second.exit_code == 0, second.output
    assert second.output.count("new edition") == 3
    assert "2023-06-01 (3 entries); since 2023-03-01: 1 action changed" in second.output
    assert len(_editions(tmp_path)) == 6
    assert {url for *_, url in _editions(tmp_path)} == {
        site.url(p) for p in ("/cfc.docx", "/improvement.docx", "/eastfield.docx")
    }
    reports = sorted(p.name for p in (tmp_path / "reports").iterdir() if p.suffix != ".json")
    assert len(reports) == 6  # an .html report and a changes .csv per plan
    assert sum(name.endswith(".html") for name in reports) == 3
    east = next((tmp_path / "reports").glob("efrs-*-changes.csv")).read_text("utf-8-sig")
    assert "1.2" in east and "complete" in east

    before = site.requests[:]
    third = _watch(tmp_path, sources)
    assert third.exit_code == 0, third.output
    assert third.output.count("unchanged (not modified)") == 3
    asked = [headers for path, headers in site.requests[len(before) :]]
    assert [h.get("if-none-match") for h in asked] == ['"c2"', '"i2"', '"e2"']
    assert len(_editions(tmp_path)) == 6


def test_page_whose_link_moves_to_a_newer_edition(site, tmp_path: Path) -> None:
    site.publish("/docs/cfc-nov-2021.docx", CFC_1.read_bytes(), DOCX)
    site.publish("/docs/cfc-feb-2022.docx", CFC_2.read_bytes(), DOCX)
    page = (
        "<html><body><nav><a href='/'>Home</a></nav>"
        "<a href='/docs/inspection-report.pdf'>HMICFRS inspection report</a>"
        "<a href='../docs/cfc-nov-2021.docx'>Cause for Concern action plan (November 2021)</a>"
        "{newer}</body></html>"
    )
    site.publish("/about/hmicfrs", page.format(newer="").encode(), "text/html")
    sources = _sources(
        tmp_path, f'url = "{site.url("/about/hmicfrs")}"\nlink = "cause for concern"'
    )
    assert "new edition" in _watch(tmp_path, sources).output
    newer = "<a href='/docs/cfc-feb-2022.docx'>Cause for Concern action plan (February 2022)</a>"
    site.publish("/about/hmicfrs", page.format(newer=newer).encode(), "text/html")
    second = _watch(tmp_path, sources)
    assert "new edition" in second.output and "since 2021-11-17" in second.output
    assert [url for *_, url in _editions(tmp_path)] == [
        site.url("/docs/cfc-nov-2021.docx"),
        site.url("/docs/cfc-feb-2022.docx"),
    ]


@pytest.mark.parametrize(
    ("route", "options", "reason"),
    [
        ({"status": 404}, (), "HTTP 404 Not Found"),
        ({"status": 500}, (), "HTTP 500 Internal Server Error"),
        ({"delay_s": 3.0}, ("--timeout", "1"), "no answer within 1 s"),
        ({"endless": True}, ("--max-file-mb", "1"), "over the 1 MB limit"),
        ({"redirect": "/loop"}, (), "more than 5 redirects"),
        (
            {"body": b"\x89PNG\r\n\x1a\n" + bytes(64), "content_type": "image/png"},
            (),
            "not a plan file (content type image/png",
        ),
        (
            {"body": b"<html><body><p>Welcome</p></body></html>", "content_type": "text/html"},
            (),
            "no action table found",
        ),
    ],
)
def test_a_failing_source_is_named_and_the_rest_still_checked(
    site, tmp_path: Path, route: dict, options: tuple, reason: str
) -> None:
    from .conftest import Route

    site.routes["/loop"] = Route(**route)
    site.publish("/cfc.docx", CFC_1.read_bytes(), DOCX)
    sources = _sources(tmp_path, f'url = "{site.url("/loop")}"', f'url = "{site.url("/cfc.docx")}"')
    result = _watch(tmp_path, sources, *options)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and site.url("/loop") in errors[0] and reason in errors[0], errors
    assert "new edition" in result.output  # the good source after it went through
    assert len(_editions(tmp_path)) == 1


def test_two_runs_never_overlap(site, tmp_path: Path) -> None:
    site.publish("/cfc.docx", CFC_1.read_bytes(), DOCX)
    sources = _sources(tmp_path, f'url = "{site.url("/cfc.docx")}"')
    with Archive(tmp_path / "archive").locked():
        result = _watch(tmp_path, sources)
    assert result.exit_code == 1
    assert "another `planwatch watch` is running on this archive; nothing done" in result.output
    assert site.requests == []
    assert _watch(tmp_path, sources).exit_code == 0  # the lock went with the other run


def test_archive_keeps_each_file_once_with_its_origin(site, tmp_path: Path) -> None:
    import hashlib
    import json

    data = CFC_1.read_bytes()
    site.publish("/cfc.docx", data, DOCX)
    sources = _sources(tmp_path, f'url = "{site.url("/cfc.docx")}"')
    _watch(tmp_path, sources)
    second = _watch(tmp_path, sources)  # no validators offered: fetched again, same content
    assert "unchanged (already loaded as" in second.output
    folder = tmp_path / "archive" / hashlib.sha256(data).hexdigest()
    assert (folder / "cfc.docx").read_bytes() == data
    record = json.loads((folder / "fetched.json").read_text())
    assert record["url"] == site.url("/cfc.docx") and record["content_type"] == DOCX


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('url = "ftp://example.org/plan.docx"', "url must be an http:// or https:// address"),
        ('url = "http://127.0.0.1/x"\nlink = "("', "link is not a valid regular expression"),
        ('url = "http://127.0.0.1/x"\nfeed = "y"', "unknown key 'feed'"),
    ],
)
def test_a_bad_sources_file_is_named(tmp_path: Path, text: str, reason: str) -> None:
    result = _watch(tmp_path, _sources(tmp_path, text))
    assert result.exit_code == 1
    assert "sources.toml: source 1: " + reason in result.output


def test_pdf_engine_chooses_the_parser_that_reads_a_fetched_pdf(site, tmp_path: Path) -> None:
    # the reason a damaged PDF is refused with names PDFium only when PDFium read it
    pdf = (SAMPLES / "hwfrs-prevention-cfc-2021-11.pdf").read_bytes()
    site.publish("/cut.pdf", pdf[: len(pdf) // 2], "application/pdf")
    sources = _sources(tmp_path, f'url = "{site.url("/cut.pdf")}"')
    default = _watch(tmp_path, sources)
    plumber = _watch(tmp_path, sources, "--pdf-engine", "pdfplumber")
    for result in (default, plumber):
        assert result.exit_code == 1, result.output
        assert "cut.pdf: not a valid PDF (" in result.output
    assert "(PDFium: " in default.output
    assert "PDFium" not in plumber.output
