"""Soak: many seeds, each plan read from .docx and from its PDFs (LibreOffice, and Chromium
printing its HTML rendering, as asked); prints the share exact overall, by format and
producer, and per dimension and value.

Run as ``python -m generator.soak`` from samples/ (``make soak N=500``;
``SOAK_ARGS="--producers libreoffice,chromium"`` adds Chromium). Seeds start at an offset
the property test's seeds never reach.
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
from .render import convert_many, render_docx

OFFSET = 100_000  # the property test's seeds are below this
PRODUCERS = ("libreoffice", "chromium")

# (seed, choices, .docx differences, producer -> PDF differences)
Result = tuple[int, dict, list[str], dict[str, list[str]]]


def _run_chunk(seeds: list[int], producers: tuple[str, ...], keep: Path | None) -> list[Result]:
    """Build, print and read one chunk of seeds (in ``keep`` when given, reusing its PDFs
    of plans whose .docx is unchanged)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        plans = [compose_plan(seed) for seed in seeds]
        files = [_write_kept(plan, folder, producers) for plan in plans]
        made = {producer: _print(producer, plans, files, folder) for producer in producers}
        results = []
        for plan, docx in zip(plans, files, strict=True):
            pdf_diffs = {
                producer: differences(made[producer][plan.stem], plan.expected)
                if plan.stem in made[producer]
                else [f"{producer} made no PDF"]
                for producer in producers
            }
            results.append((plan.seed, plan.choices, differences(docx, plan.expected), pdf_diffs))
        return results


def _write_kept(plan, folder: Path, producers: tuple[str, ...]) -> Path:
    """Write the plan's .docx; drop its PDFs when the .docx changed (the generator moved)."""
    path = folder / f"{plan.stem}.docx"
    data = render_docx(plan)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
        for pdf in _pdf_paths(plan.stem, folder, producers).values():
            pdf.unlink(missing_ok=True)
    return path


def _pdf_paths(stem: str, folder: Path, producers: tuple[str, ...]) -> dict[str, Path]:
    return {
        p: folder / f"{stem}.pdf" if p == "libreoffice" else folder / p / f"{stem}.pdf"
        for p in producers
    }


def _print(producer: str, plans, files: list[Path], folder: Path) -> dict[str, Path]:
    """Return stem -> PDF of each plan the producer printed (or had printed before)."""
    pending = [
        (plan, docx)
        for plan, docx in zip(plans, files, strict=True)
        if not _pdf_paths(plan.stem, folder, (producer,))[producer].exists()
    ]
    if pending and producer == "libreoffice":
        convert_many([docx for _, docx in pending], folder)
    elif pending:
        from .chromium import print_many

        print_many([p for p, _ in pending], [d for _, d in pending], folder / producer)
    paths = {plan.stem: _pdf_paths(plan.stem, folder, (producer,))[producer] for plan in plans}
    return {stem: pdf for stem, pdf in paths.items() if pdf.exists()}


def _table(results: list[Result], producers: tuple[str, ...]) -> list[str]:
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * (2 + len(producers)))
    for _, choices, docx_diffs, pdf_diffs in results:
        for key in choices.items():
            t = tally[key]
            t[0] += 1
            t[1] += not docx_diffs
            for n, producer in enumerate(producers, start=2):
                t[n] += not pdf_diffs[producer]
    heads = " | ".join(f"exact PDF ({p})" for p in producers)
    lines = [
        f"| dimension | value | plans | exact .docx |{f' {heads} |' if producers else ''}",
        "| --- | --- | --- | --- |" + " --- |" * len(producers),
    ]
    for (name, value), (n, ok, *oks) in sorted(tally.items()):
        shown = value.replace("|", "/")  # "Code | Meaning" would split the table's cells
        shares = "".join(f" {100 * k / n:.0f}% |" for k in oks)
        lines.append(f"| {name} | {shown} | {n} | {100 * ok / n:.0f}% |{shares}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500, help="plans to generate")
    parser.add_argument("--offset", type=int, default=OFFSET, help="first seed")
    parser.add_argument("--no-pdf", action="store_true", help="read the .docx files only")
    parser.add_argument(
        "--producers",
        default="libreoffice",
        help=f"PDF producers, comma-separated, of {', '.join(PRODUCERS)} (default libreoffice)",
    )
    parser.add_argument("-j", type=int, default=2, help="worker processes")
    parser.add_argument("--show", type=int, default=10, help="failures to print")
    parser.add_argument(
        "--keep",
        type=Path,
        help="folder to keep the plans and PDFs in; a later run reuses the PDFs of plans "
        "whose .docx is unchanged, so only the reading is measured again",
    )
    args = parser.parse_args(argv)
    producers = () if args.no_pdf else tuple(p.strip() for p in args.producers.split(","))
    if unknown := set(producers) - set(PRODUCERS):
        parser.error(f"unknown producer {', '.join(sorted(unknown))}")
    seeds = list(range(args.offset, args.offset + args.n))
    chunks = [seeds[i : i + 25] for i in range(0, len(seeds), 25)]
    with ProcessPoolExecutor(args.j) as pool:
        parts = pool.map(_run_chunk, chunks, [producers] * len(chunks), [args.keep] * len(chunks))
        results = [r for part in parts for r in part]
    _report(results, producers, args.show)
    return 0


def _report(results: list[Result], producers: tuple[str, ...], show: int) -> None:
    n = len(results)
    docx_ok = sum(not r[2] for r in results)
    parts = [f"plans: {n}", f"exact from .docx: {docx_ok} ({100 * docx_ok / n:.1f}%)"]
    for producer in producers:
        ok = sum(not r[3][producer] for r in results)
        parts.append(f"from PDF ({producer}): {ok} ({100 * ok / n:.1f}%)")
    if producers:
        every = sum(not r[2] and not any(r[3].values()) for r in results)
        parts.append(f"all: {every} ({100 * every / n:.1f}%)")
    print("; ".join(parts))
    print("\n".join(_table(results, producers)))
    failed = [r for r in results if r[2] or any(r[3].values())]
    for seed, _, docx_diffs, pdf_diffs in failed[:show]:
        pdfs = "; ".join(f"{p} {d[:2]}" for p, d in pdf_diffs.items() if d)
        print(f"seed {seed}: docx {docx_diffs[:2]} {pdfs}")


if __name__ == "__main__":
    sys.exit(main())
