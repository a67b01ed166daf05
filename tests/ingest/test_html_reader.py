"""Web pages: tables with spans and fills, text in page order, page chrome left out, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from planwatch.errors import NotAPlan
from planwatch.ingest import read_document
from planwatch.model import Paragraph, Table
from planwatch.normalise.fills import is_grey
from planwatch.pipeline import extract_file


def _read(tmp_path: Path, html: str | bytes, name: str = "plan.html"):
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return read_document(path)


def _texts(document) -> list:
    return [
        b.text if isinstance(b, Paragraph) else [r.texts for r in b.rows] for b in document.blocks
    ]


def test_spans_become_explicit_slots(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "<table><tr><th>Ref</th><th>Action</th><th>Lead</th></tr>"
        "<tr><td rowspan='2'>1.1</td><td colspan=2>Review risk</td></tr>"
        "<tr><td>Update</td><td>AM</td></tr></table>",
    )
    (table,) = doc.blocks
    assert [r.texts for r in table.rows] == [
        ("Ref", "Action", "Lead"),
        ("1.1", "Review risk", ""),
        ("", "Update", "AM"),
    ]
    assert table.rows[0].header and not table.rows[1].header
    assert table.rows[1].cells[0].row_span == 2 and table.rows[2].cells[0].merged
    assert table.rows[1].cells[1].col_span == 2 and table.rows[1].cells[2].merged


def test_fills_from_style_attribute_and_page_stylesheet(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "<html><head><style>/* RAG */ td.done, .closed { background: #d9d9d9 }"
        " tr.late td { color: red } .amber{background-color:rgb(255, 192, 0)}</style></head>"
        "<body><table><tr><td class='done'>a</td><td style='background-color:#00B050'>b</td>"
        "<td bgcolor='red'>c</td><td class='x amber'>d</td><td>e</td></tr>"
        "<tr style='background: gray'><td>f</td></tr></table></body></html>",
    )
    (table,) = doc.blocks
    assert [c.fill for c in table.rows[0].cells] == ["D9D9D9", "00B050", "FF0000", "FFC000", None]
    assert is_grey(table.rows[0].cells[0].fill)
    assert table.rows[1].cells[0].fill == "808080"  # the row's shading reaches its cells


def test_page_order_and_chrome_left_out(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "<!DOCTYPE html><html><head><title>Action plan</title><script>var a = 1;</script></head>"
        "<body><header><nav><a href='/'>Home</a></nav></header>"
        "<h1>Northshire Fire and Rescue Service</h1><p>Improvement&nbsp;plan &ndash; May 2023</p>"
        "<div>Status: <b>Complete</b><br>Update: done</div>"
        "<ul><li>First</li><li>Second <em>point</em></li></ul>"
        "<div hidden>secret</div><p style='display: none'>gone</p>"
        "<footer>Cookies</footer></body></html>",
    )
    assert _texts(doc) == [
        "Northshire Fire and Rescue Service",
        "Improvement plan – May 2023",
        "Status: Complete",
        "Update: done",
        "First",
        "Second point",
    ]
    assert doc.blocks[0].style == "Heading 1"
    assert doc.properties["title"] == "Action plan"


def test_encoding_from_meta_charset(tmp_path: Path) -> None:
    page = "<html><head><meta charset='windows-1252'></head><body><p>Director’s plan</p></body>"
    doc = _read(tmp_path, page.encode("cp1252"))
    assert _texts(doc) == ["Director’s plan"]


def test_utf16_page(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<html><body><p>Plan – 2023</p></body></html>".encode("utf-16"))
    assert _texts(doc) == ["Plan – 2023"]


def test_nothing_is_fetched_while_reading(tmp_path: Path, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    doc = _read(
        tmp_path,
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><head><link rel='stylesheet' href='http://127.0.0.1:9/x.css'>"
        "<style>@import url('http://127.0.0.1:9/y.css');</style></head>"
        "<body><img src='http://127.0.0.1:9/z.png'><p>Plan &xxe;</p>"
        "<iframe src='http://127.0.0.1:9/'></iframe></body></html>",
    )
    assert "TOP SECRET" not in str(doc.blocks)


def test_malformed_markup_is_recovered(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<html><body><table><tr><td>1.1<td>Review<tr><td>1.2<td>Train</table>")
    (table,) = doc.blocks
    assert isinstance(table, Table)
    assert [r.texts for r in table.rows] == [("1.1", "Review"), ("1.2", "Train")]


def test_a_page_with_no_plan_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><script>only()</script><p>Welcome</p></body></html>")
    with pytest.raises(NotAPlan, match="page.html: no action table found"):
        extract_file(path)


def test_stylesheets_of_any_shape_are_read_in_one_pass(tmp_path: Path) -> None:
    # found by fuzzing: a long <style> with no braces once took seconds per 30 KB
    from planwatch.ingest.css import StyleSheet

    assert StyleSheet.parse("td " * 20_000).by_selector == ()
    assert StyleSheet.parse("/* open comment td.x { background: red }").by_selector == ()
    nested = "@media print { td.done { background: #ccc } } /* c */ .x{background:red}"
    assert StyleSheet.parse(nested).by_selector == (("td", "done", "CCCCCC"), ("", "x", "FF0000"))
    doc = _read(tmp_path, f"<style>{'p ' * 20_000}</style><table><tr><td>a</td></tr></table>")
    assert [r.texts for r in doc.blocks[0].rows] == [("a",)]
