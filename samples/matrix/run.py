"""The page-geometry matrix: every sample x every geometry x three PDF producers.

Each sample .docx is laid out in each geometry (``geometry.py``), rendered to PDF by
LibreOffice, Chromium and WeasyPrint (``producers.py``), and each PDF's canonical rows
are compared field by field with those of its .docx. PDFs missing text a producer
clipped are left out and counted apart. Prints exact/total per producer and per
geometry factor; writes every verdict to ``out/matrix/results.tsv``.

Run from the repository root: ``.venv/bin/python samples/matrix/run.py [-j N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # the samples' shared renderers

from compare import first_difference  # noqa: E402
from geometry import GEOMETRIES, Geometry, make_variant  # noqa: E402
from html_render import core_properties, render_html  # noqa: E402
from producers import PRODUCERS, chromium, libreoffice, missing_text, stamp, weasyprint  # noqa: E402

ROOT = HERE.parent.parent
OUT = ROOT / "out" / "matrix"


def samples() -> list[Path]:
    """Return every sample .docx: the bundled plans, the layouts and the development plans."""
    folders = [ROOT / "samples" / name for name in ("", "layouts", "development", "unseen")]
    return sorted(p for folder in folders for p in folder.glob("*.docx"))


def build_variants(geometry: Geometry, docxs: list[Path]) -> Path:
    """Write each sample's variant .docx and .html under out/matrix/<geometry>/."""
    folder = OUT / geometry.name
    folder.mkdir(parents=True, exist_ok=True)
    for docx in docxs:
        data = docx.read_bytes()
        title = core_properties(data).get("title", docx.stem)
        variant = make_variant(data, geometry, title)
        _write_if_changed(folder / docx.name, variant)
        _write_if_changed(folder / f"{docx.stem}.html", render_html(variant, geometry).encode())
    return folder


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _stale(pdf: Path, source: Path) -> bool:
    return not pdf.exists() or pdf.stat().st_mtime < source.stat().st_mtime


def render(geometry: Geometry, folder: Path, jobs: int) -> None:
    """Render every variant in the folder with each producer, skipping PDFs up to date."""
    docxs = sorted(folder.glob("*.docx"))
    lo = folder / "libreoffice"
    lo.mkdir(exist_ok=True)
    todo = [d for d in docxs if _stale(lo / f"{d.stem}.pdf", d)]
    if todo:
        libreoffice(todo, lo)
    tasks = []
    for producer in ("chromium", "weasyprint"):
        (folder / producer).mkdir(exist_ok=True)
        for d in docxs:
            html, pdf = folder / f"{d.stem}.html", folder / producer / f"{d.stem}.pdf"
            if _stale(pdf, html):
                tasks.append((producer, html, pdf, geometry.running))
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_render_one, tasks))
    for d in docxs:
        modified = core_properties(d.read_bytes()).get("modified", "")
        for producer in PRODUCERS:
            pdf = folder / producer / f"{d.stem}.pdf"
            if pdf.exists() and modified:
                stamp(pdf, modified)


def _render_one(task) -> None:
    producer, html, pdf, running = task
    if producer == "chromium":
        chromium(html, pdf, running)
    else:
        weasyprint(html, pdf)


def verdict(task: tuple[str, str, str, str]) -> tuple[str, str, str, str, str, str]:
    """Return (geometry, producer, stem, outcome, detail, told) for one PDF of the matrix.

    The task names the PDF and the engine that reads it. ``told`` says whether the
    reading warned of anything (a finding, a row's warning, an error): "warned" or
    "silent", so a misreading that passes unannounced can be counted.
    """
    from planwatch.errors import PlanwatchError
    from planwatch.pipeline import extract_file, read_file

    try:
        from planwatch.ingest.pdf_settings import PdfSettings
    except ImportError:  # a tree older than the engine seam has one engine
        PdfSettings = None  # noqa: N806

    geometry, producer, stem, engine = task
    pdf_settings = {"pdf": PdfSettings(engine)} if PdfSettings else {}
    folder = OUT / geometry
    docx, pdf = folder / f"{stem}.docx", folder / producer / f"{stem}.pdf"
    if not pdf.exists():
        return geometry, producer, stem, "no pdf", "the producer wrote no PDF", "warned"
    lost = missing_text(pdf, _docx_text(docx))
    if lost:
        return geometry, producer, stem, "left out", f"clipped: text missing ({lost})", "warned"
    told = "warned"
    try:
        reading = read_file(pdf, **pdf_settings)
        difference = first_difference(extract_file(docx), reading.actions)
        if not reading.findings and not any(a.warnings for a in reading.actions):
            told = "silent"
    except PlanwatchError as exc:
        difference = f"error: {exc}"
    return geometry, producer, stem, "differs" if difference else "exact", difference, told


def _docx_text(docx: Path) -> str:
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return "".join(root.itertext())


def report(results: list[tuple[str, ...]]) -> str:
    """Return the figures: exact/total per producer and per value of each geometry factor."""
    by_name = {g.name: g for g in GEOMETRIES}
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for geometry, producer, _, outcome, *_ in results:
        keys = [("producer", producer), ("all", "all")]
        keys += list(by_name[geometry].factors.items())
        for key in keys:
            counts = tally[key]
            if outcome == "left out":
                counts[2] += 1
                continue
            counts[1] += 1
            counts[0] += outcome == "exact"
    lines = []
    for (factor, value), (exact, total, left) in sorted(tally.items()):
        extra = f"  ({left} left out: clipped)" if left else ""
        lines.append(f"{factor:12} {value:14} {exact:4}/{total:<4} exact{extra}")
    wrong = [r for r in results if r[3] == "differs"]
    silent = sum(1 for r in wrong if r[5] == "silent")
    lines.append(f"of {len(wrong)} PDFs read differently, {silent} gave no warning at all")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--geometry", action="append", help="only these geometries (names)")
    parser.add_argument("--no-render", action="store_true", help="read the PDFs already built")
    parser.add_argument("--render-only", action="store_true", help="build the PDFs, read none")
    parser.add_argument("--results", default="results.tsv", help="file under out/matrix/")
    parser.add_argument("--pdf-engine", default="pdfium", help="the engine that reads the PDFs")
    args = parser.parse_args(argv)
    docxs = samples()
    geometries = [g for g in GEOMETRIES if not args.geometry or g.name in args.geometry]
    for geometry in geometries:
        folder = build_variants(geometry, docxs)
        if not args.no_render:
            render(geometry, folder, args.jobs)
        print(f"rendered {geometry.name}", file=sys.stderr)
    if args.render_only:
        return 0
    tasks = [
        (g.name, p, d.stem, args.pdf_engine) for g in geometries for p in PRODUCERS for d in docxs
    ]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(verdict, tasks, chunksize=4))
    (OUT / args.results).write_text("".join("\t".join(r) + "\n" for r in results), encoding="utf-8")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
