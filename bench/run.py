"""Time planwatch against its own parsers on generated plans; print the ratios, write RESULTS.md.

Run from the repository root: ``.venv/bin/python bench/run.py`` (or ``make bench``). Every
figure comes from this one run on the same files (``bench/make_large.py`` builds them once).
Options: ``--runs N`` timed runs per measure (slow ones get at most ``--slow-runs``),
``--profile all|none`` to profile the large PDF and DOCX always or never (default: on a miss).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

import make_large

ROOT = make_large.ROOT
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PLANWATCH = Path(sys.executable).with_name("planwatch")
SLOW_SECONDS = 5.0  # a measure whose first run takes longer gets --slow-runs runs
HELP_RUNS = 10
STAGES = ("ingest", "extract", "normalise", "write")
LIBRARIES = ("planwatch", "pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "lxml", "click")


@dataclass(frozen=True)
class Target:
    """One target of the issue: a measured figure, its limit, and whether it is met."""

    name: str
    figure: float
    limit: float
    unit: str  # "x" for a ratio, "s", "MB"
    higher_is_better: bool = False
    note: str = ""

    @property
    def met(self) -> bool:
        """True when the figure is on the right side of the limit."""
        return self.figure >= self.limit if self.higher_is_better else self.figure <= self.limit


def rounds(
    fns: list[Callable[[], object]], runs: int, slow_runs: int
) -> list[tuple[list[float], list[float]]]:
    """Return (wall seconds, CPU seconds) of each run of each of ``fns``, run in turn.

    Taking turns makes a change in the machine's load hit every measure alike. There are
    ``runs`` rounds, or ``slow_runs`` when the first round takes over SLOW_SECONDS.
    """
    times: list[tuple[list[float], list[float]]] = [([], []) for _ in fns]
    wanted = runs
    while len(times[0][0]) < wanted:
        for fn, (wall, cpu) in zip(fns, times, strict=True):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        if len(times[0][0]) == 1 and sum(wall[0] for wall, _ in times) > SLOW_SECONDS:
            wanted = slow_runs
    return times


# --- what is timed ----------------------------------------------------------------------


def staged_extract(path: Path, stages: dict[str, list[float]]) -> None:
    """Run the pipeline on ``path`` and CSV-write the result, adding each stage's seconds."""
    from planwatch.export.csv_writer import write_csv
    from planwatch.extract import ExtractSettings, extract_document
    from planwatch.ingest import read_document
    from planwatch.normalise.actions import normalise_extraction

    marks = [time.perf_counter()]
    document = read_document(path)
    marks.append(time.perf_counter())
    extraction = extract_document(document, ExtractSettings())
    marks.append(time.perf_counter())
    actions = normalise_extraction(extraction, document.source)
    marks.append(time.perf_counter())
    write_csv(actions, io.StringIO())
    marks.append(time.perf_counter())
    for stage, start, end in zip(STAGES, marks, marks[1:], strict=False):
        stages.setdefault(stage, []).append(end - start)


def pdfplumber_tables(path: Path) -> None:
    """pdfplumber's own table extraction over every page: the floor for the PDF reader."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def python_docx_cells(path: Path) -> None:
    """python-docx reading the text of every cell of every table: the floor for Word."""
    import docx

    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


@dataclass(frozen=True)
class Child:
    """What one subprocess cost: wall seconds, CPU seconds (its children included), peak RSS."""

    seconds: float
    cpu: float
    peak_mb: float
    code: int


def run_child(command: list[str]) -> Child:
    """Run ``command`` to its end, sampling its memory high-water mark as it goes.

    ru_maxrss cannot be used: Linux carries the forking parent's resident size over to the
    child, so every child of this (large) process would seem as large as it. VmHWM in
    /proc/PID/status belongs to the child's own address space.
    """
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = Path(f"/proc/{child.pid}/status")
    peak_kb = 0
    while True:
        pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        peak_kb = max(peak_kb, _high_water_kb(status))
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(wait_status)
    return Child(seconds, usage.ru_utime + usage.ru_stime, peak_kb / 1024, child.returncode)


def _high_water_kb(status: Path) -> int:
    """Return VmHWM of a running process in kB; 0 once it has exited (the line is gone)."""
    try:
        text = status.read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("VmHWM")), 0)


def traced_peak_mb(path: Path) -> float:
    """Return tracemalloc's peak of Python allocations while extracting ``path``, in MB."""
    from planwatch.pipeline import extract_file

    tracemalloc.start()
    try:
        extract_file(path)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# a fixed amount of pure CPU work, about a second on one free core
_SPIN_CHILD = "n = 0\nfor i in range(25_000_000):\n    n += i\n"


def free_cores(cores: int) -> float:
    """Return how many cores the machine gives this run: ``cores`` spins at once, against one."""
    alone = run_child([sys.executable, "-c", _SPIN_CHILD]).seconds
    start = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-c", _SPIN_CHILD]) for _ in range(cores)]
    for child in children:
        child.wait()
    return min(cores, cores * alone / (time.perf_counter() - start))


def settle(cores: int, patience: float = 60.0) -> tuple[float, float]:
    """Return (free cores, seconds waited): wait up to ``patience`` for the cores to be free."""
    start = time.perf_counter()
    free = free_cores(cores)
    while free < 0.9 * cores and time.perf_counter() - start < patience:
        time.sleep(5)
        free = free_cores(cores)
    return free, time.perf_counter() - start


def has_jobs_option() -> bool:
    """True when ``planwatch extract`` takes ``-j``/``--jobs``."""
    done = subprocess.run([PLANWATCH, "extract", "--help"], capture_output=True, text=True)
    return "--jobs" in done.stdout


# --- the run ------------------------------------------------------------------------------


@dataclass
class Report:
    """Everything measured, in the order it is printed."""

    rows: list[tuple[str, str]]  # (measure, figure)
    stages: dict[str, dict[str, float]]  # file -> stage -> median seconds
    targets: list[Target]
    profiles: dict[str, list[tuple[str, float, float]]]  # file -> (where, seconds, share)


def _med(times: list[float]) -> float:
    return statistics.median(times)


def _fmt(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def _runs(times: list[float]) -> str:
    return f"median of {len(times)}" if len(times) > 1 else "1 run"


def measure(args: argparse.Namespace) -> Report:
    """Return every figure of the benchmark, printing each as it comes."""
    plans = make_large.ensure_all()
    large, small = plans[make_large.LARGE.stem], plans[make_large.SMALL.stem]
    batch = [plans[p.stem][2] for p in make_large.BATCH]
    report = Report([], {}, [], {})

    def row(name: str, figure: str) -> None:
        report.rows.append((name, figure))
        print(f"{name:<58} {figure}", flush=True)

    # import the parsers and the pipeline once, outside the timings
    for path in (small[1], small[2]):
        staged_extract(path, {})
    pdfplumber_tables(small[2])
    python_docx_cells(small[1])

    for label, floor, floor_name, limit in (
        ("PDF", pdfplumber_tables, "pdfplumber extract_tables(), every page", 1.3),
        ("DOCX", python_docx_cells, "python-docx cell.text, every cell", 2.0),
    ):
        big, little = (large[2], small[2]) if label == "PDF" else (large[1], small[1])
        stages: dict[str, list[float]] = {}
        timed = rounds(
            [
                lambda p=big, s=stages: staged_extract(p, s),
                lambda p=big, f=floor: f(p),
                lambda p=little: staged_extract(p, {}),
                lambda p=little, f=floor: f(p),
            ],
            args.runs,
            args.slow_runs,
        )
        ours, theirs, ours_small, theirs_small = (_med(wall) for wall, _ in timed)
        cpu, floor_cpu, cpu_small, floor_cpu_small = (_med(cpu) for _, cpu in timed)
        report.stages[f"{label} ({big.name})"] = {s: _med(t) for s, t in stages.items()}
        counted = _runs(timed[0][0])
        for name, wall, cpu_seconds in (
            ("planwatch extract + CSV, in process", ours, cpu),
            (floor_name, theirs, floor_cpu),
            ("planwatch extract + CSV, 10x smaller plan", ours_small, cpu_small),
            ("its floor, 10x smaller plan", theirs_small, floor_cpu_small),
        ):
            row(f"{label}: {name}", f"{_fmt(wall)}, {_fmt(cpu_seconds)} CPU ({counted})")
        floor_short = floor_name.split(",")[0]
        report.targets.append(
            Target(f"{label} extract vs {floor_short}", ours / theirs, limit, "x")
        )
        # judged on CPU seconds: other sessions' load stretches wall time unevenly
        note = (
            f"wall-clock ratio {ours / ours_small:.2f} x; the floor's own:"
            f" {floor_cpu / floor_cpu_small:.2f} x CPU, {theirs / theirs_small:.2f} x wall"
        )
        name = f"{label} linearity: 10x rows, CPU-time ratio"
        report.targets.append(Target(name, cpu / cpu_small, 11.0, "x", note=note))

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for label, path in (("PDF", large[2]), ("DOCX", large[1])):
            child = run_child([str(PLANWATCH), "extract", str(path), "-o", str(out / "one.csv")])
            row(f"{label}: `planwatch extract` subprocess (exit {child.code})", _fmt(child.seconds))
            if label == "PDF":
                row(f"{label}: peak resident memory of that subprocess", f"{child.peak_mb:.0f} MB")
                limit_name = "peak memory, 100-page PDF (VmHWM)"
                report.targets.append(Target(limit_name, child.peak_mb, 300, "MB"))
        floor = run_child([sys.executable, "-c", _FLOOR_CHILD, str(large[2])])
        row("PDF: peak resident memory of pdfplumber extract_tables()", f"{floor.peak_mb:.0f} MB")
        peak = traced_peak_mb(large[2])
        row("PDF: tracemalloc peak of Python allocations in extract", f"{peak:.0f} MB")

        helps = [run_child([str(PLANWATCH), "--help"]).seconds for _ in range(HELP_RUNS)]
        row("`planwatch --help` start-up", f"{_fmt(_med(helps))} ({_runs(helps)})")
        report.targets.append(Target("`planwatch --help` start-up", _med(helps), 0.3, "s"))

        cores = os.cpu_count() or 1
        free, waited = settle(cores)
        row("load average (1 min) before the batch", _load())
        figure = f"{free:.2f} (after waiting {waited:.0f} s for other load to pass)"
        row(f"cores free for the batch ({cores} CPU-bound spins vs one)", figure)
        report.targets.append(_batch(batch, out, args, row, free))
    if args.profile != "none":
        report.profiles = profile_runs(report.targets, large, args.profile)
    return report


# a child process for pdfplumber's own peak memory on the same PDF
_FLOOR_CHILD = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    [page.extract_tables() for page in pdf.pages]\n"
)


def _batch(paths: list[Path], out: Path, args: argparse.Namespace, row, free: float) -> Target:
    """Time the CLI on the batch with one worker and with every core; check the outputs agree."""
    cores = os.cpu_count() or 1
    name = f"batch of {len(paths)} PDFs: -j {cores} speed-up over -j 1"
    if not has_jobs_option():
        row(name, "n/a: `planwatch extract` has no -j option")
        return Target(name, 0.0, 1.7, "x", higher_is_better=True, note="no -j option")
    times: dict[int, list[float]] = {}
    cpu: dict[int, list[float]] = {}
    for _ in range(args.slow_runs):
        for jobs in (1, cores):
            command = [str(PLANWATCH), "extract", *map(str, paths), "-j", str(jobs)]
            child = run_child([*command, "-o", str(out / f"batch-{jobs}.csv")])
            times.setdefault(jobs, []).append(child.seconds)
            cpu.setdefault(jobs, []).append(child.cpu)
    same = (out / "batch-1.csv").read_bytes() == (out / f"batch-{cores}.csv").read_bytes()
    for jobs, seconds in times.items():
        figure = f"{_fmt(_med(seconds))} ({_fmt(_med(cpu[jobs]))} CPU, {_runs(seconds)})"
        row(f"batch of {len(paths)} PDFs, `planwatch extract -j {jobs}`", figure)
    row(f"batch output of -j {cores} identical to -j 1, same order", "yes" if same else "NO")
    speedup = _med(times[1]) / _med(times[cores])
    after = free_cores(cores)
    row("cores free after the batch", f"{after:.2f}")
    note = f"{free:.2f} then {after:.2f} of {cores} cores free" + (
        "" if same else "; outputs differ"
    )
    return Target(name, speedup, 1.7, "x", higher_is_better=True, note=note)


# --- where the time goes ------------------------------------------------------------------


def profile_runs(
    targets: list[Target], large: list[Path], which: str
) -> dict[str, list[tuple[str, float, float]]]:
    """Return where the time goes in extracting the large PDF and DOCX: missed ones, or ``all``."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument not installed: pip install -e '.[bench]' to profile", file=sys.stderr)
        return {}
    profiles = {}
    for label, path in (("PDF", large[2]), ("DOCX", large[1])):
        missed = [t.name for t in targets if t.name.startswith(label) and not t.met]
        if not missed and which != "all":
            continue
        profiler = Profiler(interval=0.005)
        profiler.start()
        staged_extract(path, {})
        profiler.stop()
        reason = f"missed: {'; '.join(missed)}" if missed else "all targets met"
        profiles[f"{path.name} ({reason})"] = attribute(profiler.last_session.root_frame())
    return profiles


def attribute(root) -> list[tuple[str, float, float]]:
    """Return (project function -> its heaviest library call, seconds, share), largest first.

    A project function is charged its time minus the time of the project functions it calls,
    so each second is charged once, to the innermost project code it passed through.
    """
    charged: dict[str, float] = {}
    library: dict[str, dict[str, float]] = {}  # project function -> library call -> seconds

    def walk(frame, owner: str | None, called_from_project: bool) -> float:
        """Charge ``frame``'s subtree; return the time handed to inner project frames."""
        mine = _is_project(frame.file_path)
        if mine:
            owner = f"{Path(frame.file_path).relative_to(ROOT)}:{frame.function}"
        inner = sum(walk(child, owner, mine) for child in frame.children)
        if mine:
            charged[owner] = charged.get(owner, 0.0) + frame.time - inner
            return frame.time
        if owner and called_from_project and not frame.is_synthetic:
            calls = library.setdefault(owner, {})
            name = f"{Path(frame.file_path or '?').parent.name}.{frame.function}"
            calls[name] = calls.get(name, 0.0) + frame.time - inner
        return inner

    walk(root, None, False)
    heavy = []
    for owner, seconds in sorted(charged.items(), key=lambda item: -item[1])[:10]:
        if seconds < 0.01:
            break
        calls = library.get(owner, {})
        top = max(calls, key=calls.get, default=None)
        if top and calls[top] > seconds / 2:
            owner = f"{owner} -> {top} ({100 * calls[top] / seconds:.0f}%)"
        heavy.append((owner, seconds, seconds / root.time))
    return heavy


def _is_project(file_path: str | None) -> bool:
    if not file_path:
        return False
    path = Path(file_path)
    return path.is_relative_to(ROOT) and not path.is_relative_to(ROOT / ".venv")


# --- the machine and the results file -----------------------------------------------------


def describe_machine() -> list[tuple[str, str]]:
    """Return (what, value) pairs naming the CPU, cores, memory, Python and library versions."""
    cpuinfo = Path("/proc/cpuinfo")
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in (cpuinfo.read_text().splitlines() if cpuinfo.exists() else [])
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    meminfo = Path("/proc/meminfo")
    total_kb = (
        next(
            (
                int(line.split()[1])
                for line in meminfo.read_text().splitlines()
                if "MemTotal" in line
            ),
            0,
        )
        if meminfo.exists()
        else 0
    )
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    return [
        ("CPU", model),
        ("Cores", str(os.cpu_count())),
        ("RAM", f"{total_kb / 2**20:.1f} GB"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("Libraries", ", ".join(versions)),
        ("Commit", commit or "unknown"),
    ]


def _target_line(t: Target) -> str:
    sign = ">=" if t.higher_is_better else "<="
    figure = f"{t.figure:.2f}" if t.unit == "x" else f"{t.figure:.3g}"
    verdict = "met" if t.met else "NOT MET"
    note = f" ({t.note})" if t.note else ""
    return f"| {t.name} | {figure} {t.unit} | {sign} {t.limit:g} {t.unit} | {verdict}{note} |"


def render(report: Report, machine: list[tuple[str, str]], load: tuple[str, str]) -> str:
    """Return RESULTS.md: the machine, the targets, every figure, the stages and profiles."""
    lines = [
        "# planwatch benchmarks",
        "",
        f"Written by `make bench` (`bench/run.py`) on {datetime.now():%Y-%m-%d %H:%M}. "
        "All figures come from that one run on the same generated files "
        f"(`bench/make_large.py`): {_plan_sizes()}.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {what} | {value} |" for what, value in machine),
        f"| Load average (1 min) | {load[0]} at start, {load[1]} at end |",
        "",
        "## Targets",
        "",
        "| Target | Measured | Limit | Verdict |",
        "|---|---|---|---|",
        *(_target_line(t) for t in report.targets),
        "",
        "In-process times are medians, with planwatch and its floor run alternately so that "
        "other load on the machine hits both; peak memory is the subprocess's own VmHWM. "
        "A batch speed-up is only meaningful while the load average stays under the core count.",
        "",
        "## Figures",
        "",
        "| Measure | Figure |",
        "|---|---|",
        *(f"| {name} | {figure} |" for name, figure in report.rows),
        "",
        "## Stages (medians, in process)",
        "",
        "| File | " + " | ".join(STAGES) + " |",
        "|---|" + "---|" * len(STAGES),
        *(
            f"| {name} | " + " | ".join(_share(stages, s) for s in STAGES) + " |"
            for name, stages in report.stages.items()
        ),
        "",
    ]
    if report.profiles:
        lines += ["## Where the time goes (pyinstrument, one profiled run)", ""]
        lines.append(
            "Each second is charged to the innermost project function it passed through, "
            "library calls included; `->` names the library call that takes most of it. "
            "The profiler slows pdfminer's many small calls: read the shares."
        )
        for name, heavy in report.profiles.items():
            lines += ["", f"**{name}**", "", "| Function | Seconds | Share |", "|---|---|---|"]
            lines += [f"| `{w}` | {sec:.2f} | {100 * share:.0f}% |" for w, sec, share in heavy]
        lines.append("")
    return "\n".join(lines)


def _share(stages: dict[str, float], stage: str) -> str:
    total = sum(stages.values()) or 1.0
    return f"{stages.get(stage, 0.0):.3f} s ({100 * stages.get(stage, 0.0) / total:.0f}%)"


def _plan_sizes() -> str:
    """Return the large and small plans' rows, pages and text size, for the results' preamble."""
    import pdfplumber

    sizes = []
    for plan in (make_large.LARGE, make_large.SMALL):
        with pdfplumber.open(plan.path("pdf")) as pdf:
            pages = len(pdf.pages)
        chars = len(plan.path("txt").read_text(encoding="utf-8"))
        sizes.append(f"`{plan.stem}` {plan.rows} action rows, {pages} pages, {chars:,} characters")
    return "; ".join(sizes)


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def main(argv: list[str] | None = None) -> int:
    """Run every measure, print the targets with their ratios, write RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measure")
    parser.add_argument("--slow-runs", type=int, default=3, help="runs for measures over 5 s")
    parser.add_argument(
        "--profile",
        choices=("misses", "all", "none"),
        default="misses",
        help="profile the large PDF/DOCX extraction on a miss (default), always, never",
    )
    args = parser.parse_args(argv)
    started, load_start = time.perf_counter(), _load()
    try:
        report = measure(args)
    except RuntimeError as exc:  # LibreOffice missing while the cache is empty
        print(f"error: {exc}", file=sys.stderr)
        return 1
    RESULTS.write_text(render(report, describe_machine(), (load_start, _load())), encoding="utf-8")
    print()
    for target in report.targets:
        print(_target_line(target))
    print(f"\nwrote {RESULTS.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
