"""Which page-break classes a matrix PDF shows, found from where the .docx rows land.

Each table row of the .docx is looked for in the PDF's text (spaces removed, pages
in order): the page its first cell's text starts on and the page its last text
ends on. From those: a row cut over a break (over three pages), a header row
alone at a page foot, a vertically merged cell running over a break, a table
running over pages with or without its header repeated. Used to pick the PDFs
the test subset keeps; the rows expected of each still come from its .docx.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from geometry import NS, _q
from lxml import etree

_SPACE = re.compile(r"\s+")
_PROBE = 14  # characters of a cell's text looked for


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def page_texts(pdf: Path) -> list[str]:
    """Return each page's text, spaces removed, in the order it was drawn."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return [_squash("".join(c["text"] for c in page.chars)) for page in document.pages]


def docx_tables(docx: Path) -> list[list[dict]]:
    """Return per table its rows: cell texts, header mark, vertical-merge continuations."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml")).find("w:body", NS)
    tables = []
    for tbl in body.iter(_q("tbl")):
        rows = []
        for tr in tbl.findall("w:tr", NS):
            cells = [_squash("".join(tc.itertext())) for tc in tr.findall("w:tc", NS)]
            rows.append(
                {
                    "cells": cells,
                    "header": tr.find("w:trPr/w:tblHeader", NS) is not None,
                    "continues_merge": any(
                        m.get(_q("val"), "continue") == "continue"
                        for m in tr.iterfind("w:tc/w:tcPr/w:vMerge", NS)
                    ),
                }
            )
        tables.append(rows)
    return tables


def classes(docx: Path, pdf: Path, repeat: bool) -> set[str]:
    """Return the page-break classes the PDF shows."""
    pages = page_texts(pdf)
    found: set[str] = set()
    cursor = (0, 0)  # page, offset: rows are found in order
    for rows in docx_tables(docx):
        spans = []
        for row in rows:
            texts = [c for c in row["cells"] if c]
            if not texts:
                spans.append(None)
                continue
            start = _find(pages, texts[0][:_PROBE], cursor)
            end = _find(pages, texts[-1][-_PROBE:], start) if start else None
            spans.append((start[0], end[0]) if start and end else None)
            if start:
                cursor = start
        found |= _row_classes(rows, spans, repeat)
    return found


def _row_classes(rows: list[dict], spans: list, repeat: bool) -> set[str]:
    found = set()
    placed = [s for s in spans if s]
    if placed and placed[-1][1] > placed[0][0]:
        found.add("repeated header" if repeat and rows[0]["header"] else "no repeated header")
    for i, span in enumerate(spans):
        if not span:
            continue
        if span[1] - span[0] >= 2:
            found.add("row over three pages")
        if span[1] > span[0]:
            found.add("cut row")
        after = next((s for s in spans[i + 1 :] if s), None)
        header = rows[i]["header"] or i == 0
        if header and after and after[0] > span[1]:
            found.add("header alone at foot")
        before = next((s for s in reversed(spans[:i]) if s), None)
        if rows[i]["continues_merge"] and before and span[0] > before[0]:
            found.add("merged cell over break")
    return found


def _find(pages: list[str], probe: str, start: tuple[int, int]) -> tuple[int, int] | None:
    page, offset = start
    for number in range(page, len(pages)):
        at = pages[number].find(probe, offset if number == page else 0)
        if at >= 0:
            return number, at
    return None
