"""Time both PDF engines against the bare parsers on the large generated plan, in one run.

Run from the repository root: ``.venv/bin/python bench/engines.py [--runs N]``. Four
measures, taken in turn so that other load on the machine hits each alike: planwatch's
whole extract through each engine, pdfplumber's bare ``extract_tables()`` over every
page, and the bare PDFium parse (every page's characters with their boxes and every
page object, no planwatch logic). Peak memory is each one's VmHWM in a child process.
The figures are printed and written between the markers in ``bench/RESULTS.md``.
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


def extract(path: Path, engine: str) -> int:
    from planwatch.ingest import PdfSettings
    from planwatch.pipeline import extract_file

    return len(extract_file(path, pdf=PdfSettings(engine=engine)))


def pdfplumber_tables(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_tables()) for page in pdf.pages)


def pdfium_parse(path: Path) -> int:
    """The bare PDFium parse: each page's characters with their boxes, and its objects."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    count = 0
    pdf = pdfium.PdfDocument(path)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
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


MEASURES = {
    "planwatch extract, PDFium engine": lambda p: extract(p, "pdfium"),
    "planwatch extract, pdfplumber engine": lambda p: extract(p, "pdfplumber"),
    "pdfplumber extract_tables(), every page": pdfplumber_tables,
    "PDFium parse alone (chars and objects)": pdfium_parse,
}


def timed(fn, path: Path) -> float:
    start = time.process_time()
    fn(path)
    return time.process_time() - start


def peak_mb(name: str, path: Path) -> float:
    """Return the VmHWM of a child process running one measure once."""
    code = (
        "import sys; sys.path.insert(0, 'bench'); import engines;"
        f" engines.MEASURES[{name!r}](engines.Path({str(path)!r}));"
        " print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = make_large.ensure_plan(make_large.LARGE, make_large.read_pools())[2]
    times: dict[str, list[float]] = {name: [] for name in MEASURES}
    for _ in range(args.runs):
        for name, fn in MEASURES.items():
            times[name].append(timed(fn, path))
    medians = {name: statistics.median(t) for name, t in times.items()}
    peaks = {name: peak_mb(name, path) for name in MEASURES}
    write(render(path, medians, peaks, args.runs))


def render(path: Path, medians: dict[str, float], peaks: dict[str, float], runs: int) -> str:
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(path))
    fast, slow = (
        medians["planwatch extract, PDFium engine"],
        medians["planwatch extract, pdfplumber engine"],
    )
    tables, bare = (
        medians["pdfplumber extract_tables(), every page"],
        medians["PDFium parse alone (chars and objects)"],
    )
    lines = [
        f"## PDF engines (`bench/engines.py`, {path.name}, {pages} pages, CPU seconds,"
        f" median of {runs}, one run)",
        "",
        "| Measure | CPU time | Peak memory (VmHWM) |",
        "|---|---|---|",
        *(f"| {n} | {medians[n]:.2f} s | {peaks[n]:.0f} MB |" for n in MEASURES),
        "",
        "| Ratio | Figure | Target |",
        "|---|---|---|",
        f"| PDFium extract / pdfplumber extract_tables() | {fast / tables:.3f} x | <= 0.25 x |",
        f"| PDFium extract / bare PDFium parse | {fast / bare:.2f} x | <= 2 x |",
        f"| pdfplumber-engine extract / extract_tables() | {slow / tables:.2f} x | |",
        f"| PDFium extract / pdfplumber-engine extract | {fast / slow:.3f} x | |",
    ]
    return "\n".join(lines)


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
