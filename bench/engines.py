"""Time both PDF engines against the bare parsers, on the large plan and on a batch, in one run.

Run from the repository root: ``.venv/bin/python bench/engines.py [--runs N]``. Two sets of
files, the large generated plan (``plan-600``) and a batch of twenty short plans
(``short-1`` .. ``short-20``, a few pages each, so that opening a file weighs in), and five
measures on each, taken in turn so that other load on the machine hits each alike:
planwatch's whole extract through each engine; pdfplumber's bare ``extract_tables()`` over
every page; the bare PDFium parse (each page and its text page loaded, each character's
code and box read, each page object listed to depth 2, nothing more read, no planwatch
logic); and every PDFium read the engine makes (``pdfium_reads``: the same calls as the
engine, on plain pypdfium2, with no planwatch logic and no records built). Each measure runs
in a fresh process, warmed up on one short plan first. Times are CPU seconds, medians over
the runs; peak memory is each measure's VmHWM on the large plan (the most of the runs). The
figures are printed and written between the markers in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import make_large

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN, END = "<!-- engines: begin -->", "<!-- engines: end -->"
PDFIUM, PLUMBER = "planwatch extract, PDFium engine", "planwatch extract, pdfplumber engine"
TABLES, BARE = "pdfplumber extract_tables(), every page", "PDFium parse alone (chars and objects)"
READS = "PDFium reads the engine makes, alone"


def extract(paths: list[Path], engine: str) -> int:
    from planwatch.ingest import PdfSettings
    from planwatch.pipeline import extract_file

    return sum(len(extract_file(path, pdf=PdfSettings(engine=engine))) for path in paths)


def pdfplumber_tables(paths: list[Path]) -> int:
    import pdfplumber

    count = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            count += sum(len(page.extract_tables()) for page in pdf.pages)
    return count


def pdfium_parse(paths: list[Path]) -> int:
    """The bare PDFium parse: each page's characters with their boxes, and its objects."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    count = 0
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            for i in range(raw.FPDFText_CountChars(textpage.raw)):
                raw.FPDFText_GetUnicode(textpage.raw, i)
                raw.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top)
                count += 1
            count += sum(1 for _ in page.get_objects(max_depth=2))
            textpage.close()
            page.close()
        pdf.close()
    return count


def pdfium_reads(paths: list[Path]) -> int:
    """Every PDFium read the engine makes, as plain pypdfium2 calls with no planwatch logic.

    Each page's text in one call, and each character's origin, box and text object;
    each page object (forms opened) with its type and matrix, and each path's draw
    mode, colours, stroke width and every segment's type, point and close flag.
    """
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    count = 0
    box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            chars = raw.FPDFText_CountChars(textpage.raw)
            raw.FPDFText_GetText(textpage.raw, 0, chars, (ctypes.c_ushort * (chars + 1))())
            for i in range(chars):
                raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
                raw.FPDFText_GetLooseCharBox(textpage.raw, i, box)
                raw.FPDFText_GetTextObject(textpage.raw, i)
            count += chars
            for i in range(raw.FPDFPage_CountObjects(page.raw)):
                count += _object_reads(raw, raw.FPDFPage_GetObject(page.raw, i))
            textpage.close()
            page.close()
        pdf.close()
    return count


def _object_reads(raw, obj) -> int:
    import ctypes

    kind = raw.FPDFPageObj_GetType(obj)
    raw.FPDFPageObj_GetMatrix(obj, raw.FS_MATRIX())
    if kind == raw.FPDF_PAGEOBJ_FORM:
        count = raw.FPDFFormObj_CountObjects(obj)
        return 1 + sum(_object_reads(raw, raw.FPDFFormObj_GetObject(obj, i)) for i in range(count))
    if kind != raw.FPDF_PAGEOBJ_PATH:
        return 1
    fill, stroke, width = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    x, y = ctypes.c_float(), ctypes.c_float()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    raw.FPDFPageObj_GetFillColor(obj, r, g, b, a)
    raw.FPDFPageObj_GetStrokeColor(obj, r, g, b, a)
    raw.FPDFPageObj_GetStrokeWidth(obj, width)
    segments = raw.FPDFPath_CountSegments(obj)
    for i in range(segments):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        raw.FPDFPathSegment_GetClose(segment)
    return 1 + segments


MEASURES = {
    PDFIUM: lambda paths: extract(paths, "pdfium"),
    PLUMBER: lambda paths: extract(paths, "pdfplumber"),
    TABLES: pdfplumber_tables,
    BARE: pdfium_parse,
    READS: pdfium_reads,
}


def timed(fn, paths: list[Path]) -> float:
    start = time.process_time()
    fn(paths)
    return time.process_time() - start


def in_child(name: str, paths: list[Path], warm: Path) -> tuple[float, float]:
    """Return the CPU seconds one measure takes on ``paths`` in a fresh process, after a
    warm-up on ``warm`` (imports, first-use caches), and the process's peak memory in MB.

    A fresh process each time: after pdfplumber's 450 MB ``extract_tables()`` in the
    same process, planwatch's PDFium extract of the batch took 1.1 s instead of 0.6 s.
    """
    code = (
        "import sys; sys.path.insert(0, 'bench'); import engines;"
        f" print(*engines.child({name!r}, {[str(p) for p in paths]!r}, {str(warm)!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, peak = out.stdout.split()[-2:]
    return float(seconds), float(peak)


def child(name: str, paths: list[str], warm: str) -> tuple[float, float]:
    """In the child: warm up, time the measure, and read the peak memory (VmHWM)."""
    MEASURES[name]([Path(warm)])
    seconds = timed(MEASURES[name], [Path(p) for p in paths])
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line for line in status if line.startswith("VmHWM")).split()[1]
    return seconds, int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pools = make_large.read_pools()
    sets = {
        "large": [make_large.ensure_plan(make_large.LARGE, pools)[2]],
        "batch": [make_large.ensure_plan(plan, pools)[2] for plan in make_large.SHORT_BATCH],
    }
    warm = sets["batch"][0]
    times = {(s, name): [] for s in sets for name in MEASURES}
    peaks: dict[str, float] = {}
    for _ in range(args.runs):
        for s, paths in sets.items():
            for name in MEASURES:
                seconds, peak = in_child(name, paths, warm)
                times[(s, name)].append(seconds)
                if s == "large":
                    peaks[name] = max(peaks.get(name, 0.0), peak)
    medians = {key: statistics.median(t) for key, t in times.items()}
    write(render(sets, medians, peaks, args.runs))


def render(sets: dict, medians: dict, peaks: dict, runs: int) -> str:
    pages = {s: _pages(paths) for s, paths in sets.items()}
    large, batch = sets["large"][0].name, len(sets["batch"])
    lines = [
        f"## PDF engines (`bench/engines.py`, CPU seconds, median of {runs},"
        " each in a fresh process)",
        "",
        f"Large: {large}, {pages['large']} pages. Batch: {batch} short generated plans,"
        f" {pages['batch']} pages in all.",
        "",
        "| Measure | Large plan | Peak memory (VmHWM), large | Batch |",
        "|---|---|---|---|",
        *(
            f"| {n} | {medians[('large', n)]:.2f} s | {peaks[n]:.0f} MB"
            f" | {medians[('batch', n)]:.2f} s |"
            for n in MEASURES
        ),
        "",
        "| Ratio | Large plan | Batch | Target |",
        "|---|---|---|---|",
        _ratio("PDFium extract / pdfplumber extract_tables()", medians, PDFIUM, TABLES, "<= 0.25"),
        _ratio("PDFium extract / bare PDFium parse", medians, PDFIUM, BARE, "<= 2"),
        _ratio("PDFium extract / the engine's PDFium reads alone", medians, PDFIUM, READS, ""),
        _ratio("pdfplumber-engine extract / extract_tables()", medians, PLUMBER, TABLES, ""),
        _ratio("PDFium extract / pdfplumber-engine extract", medians, PDFIUM, PLUMBER, ""),
    ]
    return "\n".join(lines)


def _ratio(label: str, medians: dict, top: str, bottom: str, target: str) -> str:
    figures = (medians[(s, top)] / medians[(s, bottom)] for s in ("large", "batch"))
    shown = " | ".join(f"{r:.3f} x" for r in figures)
    return f"| {label} | {shown} | {target + ' x' if target else ''} |"


def _pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        total += len(pdf)
        pdf.close()
    return total


def write(section: str) -> None:
    print(section)
    text = RESULTS.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{section}\n{END}"
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
