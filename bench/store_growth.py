"""How the store's costs grow with edition size, and what one small `load` costs.

Run from the repository root: ``.venv/bin/python bench/store_growth.py`` (``--sizes``,
``--runs``). It writes its section of bench/RESULTS.md. Editions come from
``bench/editions.py`` (changes made by construction; ``diff`` is checked to find each).

- ``load``: the second edition into a store holding the first (keying, diff, changes
  stored), in process; ``diff``: ``diff_editions`` of the two; CPU and wall seconds, each
  size in a process of its own, the runs interleaved; the growth ratio per 10x rows is
  the median of the runs' ratios. ``history``: the ``planwatch history`` and
  ``history --action`` commands on that store (wall seconds).
- a small ``load``: the ``planwatch load`` command on a bundled 37-row plan, bytecode
  compiled as an installed package has it.
- re-keying: an edition inserted between the first two of ten, against one appended.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from editions import PLAN_ID, make_pair

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN, END = "<!-- store: begin -->", "<!-- store: end -->"
PLANWATCH = Path(sys.executable).with_name("planwatch")
SMALL_PLAN = ROOT / "samples" / "hwfrs-prevention-cfc-2021-11.txt"
GROWTH_LIMIT = 11.0
SMALL_LOAD_LIMIT = 0.4


def cpu(fn) -> float:
    """Return the CPU seconds of one call of ``fn``."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the wall seconds of one run of ``command``, which must exit 0."""
    return child(command, env)[0]


def child(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Return the wall and CPU seconds (user and system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def measure_size(rows: int, repeat: int, folder: Path) -> dict[str, float]:
    """Return the median CPU and wall seconds of ``repeat`` loads, diffs and floors at
    ``rows`` rows, measured in this process after a warm-up (imports, first calls)."""
    from planwatch.diff import diff_editions
    from planwatch.store import Store

    warm = make_pair(300, seed=2)
    with Store(folder / "warm.db") as store:
        store.load(warm.old)
        store.load(warm.new)
    pair = make_pair(rows)
    found = Counter(c.kind for c in diff_editions(pair.old, pair.new))
    if found != Counter({k: n for k, n in pair.made.items() if n}):
        raise SystemExit(f"{rows} rows: diff found {dict(found)}, made {pair.made}")
    times: dict[str, list[float]] = {}
    for n in range(repeat):
        with Store(folder / f"growth-{rows}-{n}.db") as store:
            store.load(pair.old)
            gc.collect()
            _timed(times, "load", lambda store=store: store.load(pair.new))
        _timed(times, "diff", lambda: diff_editions(pair.old, pair.new))
        _timed(times, "floor", lambda: floor(pair))
    return {name: statistics.median(values) for name, values in times.items()}


def _timed(times: dict[str, list[float]], name: str, fn) -> None:
    start, cpu_start = time.perf_counter(), time.process_time()
    fn()
    times.setdefault(f"{name} CPU", []).append(time.process_time() - cpu_start)
    times.setdefault(f"{name} wall", []).append(time.perf_counter() - start)


def growth(sizes: list[int], runs: int, folder: Path) -> dict[int, list[dict[str, float]]]:
    """Return each size's figures, one dict a run. Each size is measured in a process of
    its own, and the runs are interleaved (every size once, then again), so the machine's
    other load falls on every size alike; each size is loaded three times a run at least
    (its median kept), an edition under 10,000 rows more, since one load of it takes a few
    hundredths of a second: one load of 10,000 rows varied by a quarter between runs."""
    found: dict[int, list[dict[str, float]]] = {rows: [] for rows in sizes}
    for run in range(runs):
        for rows in sizes:
            repeat = max(3, 10_000 // rows)
            command = [sys.executable, __file__, "--child", str(rows), "--repeat", str(repeat)]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            found[rows].append({**json.loads(out), "load average": os.getloadavg()[0]})
            print(f"run {run + 1}: {rows:,} rows {found[rows][-1]}", flush=True)
    return found


def history_times(rows: int, runs: int, folder: Path) -> dict[str, float]:
    """Return the median wall seconds of ``planwatch history`` and ``history --action``
    on a store holding both editions of ``rows`` rows."""
    from planwatch.store import Store

    pair = make_pair(rows)
    path = folder / f"history-{rows}.db"
    with Store(path) as store:
        store.load(pair.old)
        store.load(pair.new)
    store_arg = ["--store", str(path)]
    listing = [wall([str(PLANWATCH), "history", PLAN_ID, *store_arg]) for _ in range(runs)]
    story = [
        wall([str(PLANWATCH), "history", PLAN_ID, "--action", "1.2", *store_arg])
        for _ in range(runs)
    ]
    return {"history": statistics.median(listing), "history --action": statistics.median(story)}


def floor(pair) -> list:
    """The least any diff does: each new row joined to the old edition by id and copied once."""
    old = {a.action_id: a for a in pair.old}
    return [replace(a, action_key=old.get(a.action_id, a).action_id) for a in pair.new]


def small_load(runs: int, folder: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return the median (wall, CPU) seconds of ``planwatch load`` of a small plan, and of
    ``planwatch --help``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT)], check=False, env=env)
    loads, helps = [], []
    for run in range(runs):
        store = folder / f"small-{run}.db"
        loads.append(child([str(PLANWATCH), "load", "--store", str(store), str(SMALL_PLAN)], env))
        helps.append(child([str(PLANWATCH), "--help"], env))
    return _medians(loads), _medians(helps)


def _medians(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def rekey_costs(rows: int, editions: int, folder: Path) -> tuple[float, float]:
    """Return CPU seconds of loading an edition between the first two of ``editions``, and
    of loading the same edition after the last."""
    from planwatch.store import Store

    pair = make_pair(rows)
    series = [pair.old]
    for n in range(1, editions):
        day = pair.old[0].edition_date + timedelta(days=60 * n)
        series.append([_dated(a, day, f"e{n}") for a in pair.new])
    between = [_dated(a, pair.old[0].edition_date + timedelta(days=30), "x") for a in pair.new]
    after = [
        _dated(a, pair.old[0].edition_date + timedelta(days=60 * editions), "x") for a in pair.new
    ]
    costs = []
    for name, extra in (("between", between), ("after", after)):
        with Store(folder / f"rekey-{name}.db") as store:
            for edition in series:
                store.load(edition)
            costs.append(cpu(lambda store=store, extra=extra: store.load(extra)))
    return costs[0], costs[1]


def _dated(action, day, tag: str):
    return replace(
        action, edition_date=day, source_file=f"{tag}.txt", source_sha256=(tag * 64)[:64]
    )


MEASURES = ("load CPU", "load wall", "diff CPU", "diff wall", "floor CPU")


def report(sizes, found, history, small, helps, rekey, args) -> str:
    """Return the RESULTS.md section: median figures by size, then the growth ratios."""
    lines = [
        BEGIN,
        "## Store: growth with edition size (`bench/store_growth.py`, one run)",
        "",
        f"Load average (1 min) at the start: {args.load_average:.1f}, at the end: "
        f"{os.getloadavg()[0]:.1f}. `load` (the second edition into a store holding the "
        "first) and `diff` (`diff_editions` of the two) are timed in process, after a "
        "warm-up, in a process of each size's own; medians of "
        f"{args.runs} runs, the runs interleaved (each size once, then again); an edition "
        "is loaded three times a run, or 10,000 / rows times where that is more, and its "
        "median kept. "
        "`history` is the wall time of the command (its start-up included).",
        "",
        "| Rows | " + " | ".join(MEASURES) + " | history | history --action | load average |",
        "|---|" + "---|" * (len(MEASURES) + 3),
    ]
    for rows in sizes:
        medians = [statistics.median(run[m] for run in found[rows]) for m in MEASURES]
        figures = [*medians, history[rows]["history"], history[rows]["history --action"]]
        cells = " | ".join(f"{v:.3f} s" for v in figures)
        lines.append(f"| {rows:,} | {cells} | {_loads(found[rows])} |")
    for small_rows, big_rows in zip(sizes, sizes[1:], strict=False):
        cells = [_ratio(found[small_rows], found[big_rows], measure) for measure in MEASURES]
        lines.append(f"| ratio {big_rows:,} / {small_rows:,} | " + " | ".join(cells) + " | | | |")
    lines += [
        "",
        f"Growth target: at most {GROWTH_LIMIT:g} x per 10x rows. A ratio is the median over "
        "the runs of each run's ratio (in brackets the lowest and highest), so a burst of "
        "other load on the shared machine moves one run's, not the median. CPU time is the "
        "figure to judge: wall time also counts the time other processes held the cores. "
        "`floor` is the least a diff does (each new row joined to the old edition by id and "
        "copied once): its ratio shows what the machine's memory alone adds at that size.",
        "",
        "| Measure | Figure | Target |",
        "|---|---|---|",
        f"| `planwatch load` of a 37-row plan (median of {args.small_runs}) | {small[0]:.3f} s "
        f"wall, {small[1]:.3f} s CPU (load average {args.small_load_average:.1f}) "
        f"| <= {SMALL_LOAD_LIMIT} s |",
        f"| `planwatch --help` (median of {args.small_runs}) | {helps[0]:.3f} s wall, "
        f"{helps[1]:.3f} s CPU | |",
        f"| load an edition between the first two of {args.rekey_editions} ({args.rekey_rows:,} "
        f"rows each; re-keys all later ones) | {rekey[0]:.3f} s CPU | |",
        f"| load the same edition after the last | {rekey[1]:.3f} s CPU | |",
        END,
    ]
    return "\n".join(lines)


def _ratio(small: list[dict], big: list[dict], measure: str) -> str:
    """Return the median of the runs' ratios of ``measure``, with their lowest and highest."""
    ratios = [b[measure] / a[measure] for a, b in zip(small, big, strict=True)]
    return f"{statistics.median(ratios):.2f} x ({min(ratios):.1f}-{max(ratios):.1f})"


def _loads(runs: list[dict]) -> str:
    """Return the lowest and highest 1-minute load average seen after each run's process."""
    values = [run["load average"] for run in runs]
    return f"{min(values):.1f}-{max(values):.1f}"


def write_section(text: str, begin: str = BEGIN, end: str = END) -> None:
    """Put ``text`` in RESULTS.md in place of the section between ``begin`` and ``end``."""
    old = RESULTS.read_text() if RESULTS.exists() else ""
    if begin in old:
        head, rest = old.split(begin, 1)
        old = head + rest.split(end, 1)[1].lstrip("\n")
    RESULTS.write_text(old.rstrip("\n") + "\n\n" + text + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small-runs", type=int, default=10)
    parser.add_argument("--rekey-rows", type=int, default=1000)
    parser.add_argument("--rekey-editions", type=int, default=10)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)  # one size, in its own process
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure_size(args.child, args.repeat, Path(tmp))))
        return
    args.load_average = os.getloadavg()[0]
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, helps = small_load(args.small_runs, folder)
        args.small_load_average = os.getloadavg()[0]
        print(f"small load {small} s, --help {helps} s (wall, CPU)", flush=True)
        rekey = rekey_costs(args.rekey_rows, args.rekey_editions, folder)
        print(f"re-key: between {rekey[0]:.3f} s, after {rekey[1]:.3f} s", flush=True)
        found = growth(sizes, args.runs, folder)
        history = {rows: history_times(rows, args.runs, folder) for rows in sizes}
    text = report(sizes, found, history, small, helps, rekey, args)
    write_section(text)
    print(text)


if __name__ == "__main__":
    main()
