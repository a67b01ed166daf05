"""Build the bundled samples: text editions, their Word renderings and LibreOffice PDFs.

Run from the repository root: ``.venv/bin/python samples/build.py [--no-pdf]``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx_render import (
    Layout,
    Properties,
    render_docx,
    split_blocks,
    strip_markup,
    write_if_changed,
)
from editions import IMPROVEMENT_PLAN_2020_10, PREVENTION_CFC_2022_02, Edit, apply_edits
from pdf_render import convert_to_pdf, find_broken_rows

SAMPLES = Path(__file__).resolve().parent
# the seed exports live in shared/, beside the checkout
SEEDS = SAMPLES.parent.parent / "shared" / "seeds"
ORGANISATION = "Hereford & Worcester Fire and Rescue Service"

IMPROVEMENT_PLAN = Layout(
    # "Hereford & Worcester Fire and Rescue Service", "HMICFRS Improvement Plan 2018/19",
    # "Updated: January 2021"
    title_styles=("Subtitle", "Title", "Subtitle"),
    grey_complete_rows=True,
    column_widths_cm={4: (5.5, 8.0, 7.0, 4.12)},
)
PREVENTION_CFC = Layout(
    # "Prevention Cause for Concern Action Plan", "17 November 2021", "How Hereford & Worcester
    # Fire and Rescue Service", "Keeps the Public Safe Through Prevention Activity"
    title_styles=("Title", "Subtitle", "Subtitle", "Subtitle"),
    grey_complete_rows=False,
    column_widths_cm={2: (3.0, 9.0), 5: (1.5, 14.12, 3.0, 2.5, 3.5)},
)


@dataclass(frozen=True)
class Edition:
    """One edition: its file stem, where its text comes from, and how it is dressed."""

    stem: str
    seed: str
    edits: tuple[Edit, ...]
    layout: Layout
    title: str
    date: datetime


def _day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


EDITIONS = (
    Edition(
        "hwfrs-improvement-plan-2020-10",
        "000_28ead04b1a2d02e6.txt",
        IMPROVEMENT_PLAN_2020_10,
        IMPROVEMENT_PLAN,
        "HMICFRS Improvement Plan 2018/19",
        _day(2020, 10, 1),
    ),
    Edition(
        "hwfrs-improvement-plan-2021-01",
        "000_28ead04b1a2d02e6.txt",
        (),
        IMPROVEMENT_PLAN,
        "HMICFRS Improvement Plan 2018/19",
        _day(2021, 1, 1),
    ),
    Edition(
        "hwfrs-prevention-cfc-2021-11",
        "001_5cc5d8f0762aeead.txt",
        (),
        PREVENTION_CFC,
        "Prevention Cause for Concern Action Plan",
        _day(2021, 11, 17),
    ),
    Edition(
        "hwfrs-prevention-cfc-2022-02",
        "001_5cc5d8f0762aeead.txt",
        PREVENTION_CFC_2022_02,
        PREVENTION_CFC,
        "Prevention Cause for Concern Action Plan",
        _day(2022, 2, 15),
    ),
)


def build_edition(edition: Edition, pdf: bool) -> list[str]:
    """Write the edition's .txt, .docx and (optionally) .pdf; return what was (re)written."""
    if not (SEEDS / edition.seed).exists():
        raise RuntimeError(f"seed export {edition.seed} not found in {SEEDS}")
    seed = (SEEDS / edition.seed).read_bytes()
    text = apply_edits(seed.decode("utf-8"), edition.edits).encode("utf-8")
    txt, docx, pdf_path = (SAMPLES / f"{edition.stem}.{ext}" for ext in ("txt", "docx", "pdf"))
    written = [txt.name] if write_if_changed(txt, text) else []
    properties = Properties(edition.title, ORGANISATION, edition.date)
    data = render_docx(text.decode("utf-8"), edition.layout, properties)
    if write_if_changed(docx, data):
        written.append(docx.name)
    # LibreOffice stamps each PDF with the time: convert only when the .docx is newer
    stale = not pdf_path.exists() or pdf_path.stat().st_mtime < docx.stat().st_mtime
    if pdf and stale:
        convert_to_pdf(docx, SAMPLES)
        written.append(pdf_path.name)
    return written


def report_breaks(edition: Edition, pdf_path: Path) -> None:
    """Print the PDF's page count and the table rows it breaks across a page boundary."""
    text = (SAMPLES / f"{edition.stem}.txt").read_text(encoding="utf-8")
    rows = [
        [strip_markup(cell) for cell in fields]
        for block in split_blocks(text)
        if isinstance(block, list)
        for fields in block
    ]
    pages, broken = find_broken_rows(pdf_path, rows)
    print(f"{pdf_path.name}: {pages} pages, {len(broken)} rows broken across pages")
    for page, fields in broken:
        print(f"  page {page}-{page + 1}: {' | '.join(cell[:40] for cell in fields)}")


def main(argv: list[str] | None = None) -> int:
    """Build every edition; print what changed and which table rows break across pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF step")
    args = parser.parse_args(argv)
    try:
        for edition in EDITIONS:
            written = build_edition(edition, pdf=not args.no_pdf)
            print(f"{edition.stem}: {', '.join(written) or 'up to date'}")
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for edition in EDITIONS:
        pdf_path = SAMPLES / f"{edition.stem}.pdf"
        if not args.no_pdf and edition.layout.grey_complete_rows:
            report_breaks(edition, pdf_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
