"""Readers report their pages, so a long file can show a progress bar."""

from __future__ import annotations

from pathlib import Path

from planwatch.ingest import read_document
from planwatch.ingest.progress import page_done, watching_pages

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_the_pdf_reader_reports_every_page_once_in_order() -> None:
    seen: list[tuple[str, int, int]] = []
    with watching_pages(lambda *args: seen.append(args)):
        read_document(SAMPLES / "hwfrs-improvement-plan-2021-01.pdf")
    name = "hwfrs-improvement-plan-2021-01.pdf"
    assert seen == [(name, n, 14) for n in range(1, 15)]  # the sample is 14 pages


def test_no_one_watching_is_no_cost_and_no_error() -> None:
    page_done("plan.pdf", 1, 3)  # outside watching_pages: nothing to call


def test_watching_ends_with_the_block() -> None:
    seen: list[tuple[str, int, int]] = []
    with watching_pages(lambda *args: seen.append(args)):
        page_done("a.pdf", 1, 2)
    page_done("a.pdf", 2, 2)
    assert seen == [("a.pdf", 1, 2)]
