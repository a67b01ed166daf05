"""Soak: many seeds, each plan read from .docx and from its LibreOffice PDF; prints the share
exact overall, by format, and per dimension and value.

Run as ``python -m generator.soak`` from samples/ (``make soak N=500``). Seeds start at
an offset the property test's seeds never reach.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .check import differences
from .compose import compose_plan
from .render import convert_many, write_docx

OFFSET = 100_000  # the property test's seeds are below this


def _run_chunk(seeds: list[int], pdf: bool) -> list[tuple[int, dict, list[str], list[str] | None]]:
    """Build, convert and read one chunk of seeds; return (seed, choices, docx diffs, pdf diffs)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plans = [compose_plan(seed) for seed in seeds]
        files = [write_docx(plan, folder) for plan in plans]
        pdfs = {p.stem for p in convert_many(files, folder)} if pdf else set()
        results = []
        for plan, docx in zip(plans, files, strict=True):
            pdf_diffs = None
            if pdf:
                target = folder / f"{plan.stem}.pdf"
                pdf_diffs = (
                    differences(target, plan.expected)
                    if plan.stem in pdfs
                    else ["LibreOffice made no PDF"]
                )
            results.append((plan.seed, plan.choices, differences(docx, plan.expected), pdf_diffs))
        return results


def _table(results, pdf: bool) -> list[str]:
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for _, choices, docx_diffs, pdf_diffs in results:
        for key in choices.items():
            t = tally[key]
            t[0] += 1
            t[1] += not docx_diffs
            t[2] += pdf_diffs is not None
            t[3] += pdf_diffs is not None and not pdf_diffs
    lines = [
        "| dimension | value | plans | exact .docx | exact PDF |",
        "| --- | --- | --- | --- | --- |",
    ]
    for (name, value), (n, ok, np_, okp) in sorted(tally.items()):
        pdf_share = f"{100 * okp / np_:.0f}%" if np_ else "-"
        shown = value.replace("|", "/")  # "Code | Meaning" would split the table's cells
        lines.append(f"| {name} | {shown} | {n} | {100 * ok / n:.0f}% | {pdf_share} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500, help="plans to generate")
    parser.add_argument("--offset", type=int, default=OFFSET, help="first seed")
    parser.add_argument("--no-pdf", action="store_true", help="read the .docx files only")
    parser.add_argument("-j", type=int, default=2, help="worker processes")
    parser.add_argument("--show", type=int, default=10, help="failures to print")
    args = parser.parse_args(argv)
    seeds = list(range(args.offset, args.offset + args.n))
    chunks = [seeds[i : i + 25] for i in range(0, len(seeds), 25)]
    with ProcessPoolExecutor(args.j) as pool:
        results = [
            r
            for part in pool.map(_run_chunk, chunks, [not args.no_pdf] * len(chunks))
            for r in part
        ]
    _report(results, not args.no_pdf, args.show)
    return 0


def _report(results, pdf: bool, show: int) -> None:
    n = len(results)
    docx_ok = sum(not r[2] for r in results)
    pdf_ok = sum(r[3] is not None and not r[3] for r in results)
    both = sum(not r[2] and r[3] is not None and not r[3] for r in results)
    print(f"plans: {n}; exact from .docx: {docx_ok} ({100 * docx_ok / n:.1f}%)", end="")
    if pdf:
        print(
            f"; from PDF: {pdf_ok} ({100 * pdf_ok / n:.1f}%); both: {both} ({100 * both / n:.1f}%)"
        )
    else:
        print()
    print("\n".join(_table(results, pdf)))
    failed = [r for r in results if r[2] or r[3]]
    for seed, _, docx_diffs, pdf_diffs in failed[:show]:
        print(f"seed {seed}: docx {docx_diffs[:2]} pdf {(pdf_diffs or [])[:2]}")


if __name__ == "__main__":
    sys.exit(main())
