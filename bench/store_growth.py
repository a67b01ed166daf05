"""How the store's costs grow with edition size, and what one small `load` costs.

Run from the repository root: ``.venv/bin/python bench/store_growth.py`` (``--sizes``,
``--runs``). It writes its section of bench/RESULTS.md. Editions come from
``bench/editions.py`` (changes made by construction; ``diff`` is checked to find each).

- ``load``: the second edition into a store holding the first (keying, diff, changes
  stored), in process; ``diff``: ``diff_editions`` of the two; ``history``: the
  ``planwatch history`` and ``history --action`` commands on that store.
- a small ``load``: the ``planwatch load`` command on a bundled 37-row plan, bytecode
  compiled as an installed package has it.
- re-keying: an edition inserted between the first two of ten, against one appended.
"""

from __future__ import annotations

import argparse
import gc
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


def cpu_without_gc(fn) -> float:
    """Return the CPU seconds of one call of ``fn`` with CPython's cyclic collector off."""
    gc.collect()
    gc.disable()
    try:
        return cpu(fn)
    finally:
        gc.enable()


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


def growth_row(rows: int, runs: int, folder: Path) -> dict[str, float]:
    """Return the median seconds of load, diff and history at ``rows`` rows."""
    from planwatch.diff import diff_editions
    from planwatch.store import Store

    pair = make_pair(rows)
    found = Counter(c.kind for c in diff_editions(pair.old, pair.new))
    if found != Counter({k: n for k, n in pair.made.items() if n}):
        raise SystemExit(f"{rows} rows: diff found {dict(found)}, made {pair.made}")
    loads, diffs, floors, listing, story, bare_loads, bare_diffs = ([] for _ in range(7))
    for run in range(runs):
        floors.append(cpu(lambda: floor(pair)))
        path = folder / f"growth-{rows}-{run}.db"
        for timer, times, name in ((cpu, loads, "gc"), (cpu_without_gc, bare_loads, "nogc")):
            with Store(path.with_suffix(f".{name}.db")) as store:
                store.load(pair.old)
                times.append(timer(lambda store=store: store.load(pair.new)))
        diffs.append(cpu(lambda: diff_editions(pair.old, pair.new)))
        bare_diffs.append(cpu_without_gc(lambda: diff_editions(pair.old, pair.new)))
        store_arg = ["--store", str(path.with_suffix(".gc.db"))]
        listing.append(wall([str(PLANWATCH), "history", PLAN_ID, *store_arg]))
        story.append(wall([str(PLANWATCH), "history", PLAN_ID, "--action", "1.2", *store_arg]))
    return {
        "load": statistics.median(loads),
        "load, GC off": statistics.median(bare_loads),
        "diff": statistics.median(diffs),
        "diff, GC off": statistics.median(bare_diffs),
        "floor": statistics.median(floors),
        "history": statistics.median(listing),
        "history --action": statistics.median(story),
    }


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


def report(sizes, growth, small, helps, rekey, args) -> str:
    lines = [
        BEGIN,
        "## Store: growth with edition size (`bench/store_growth.py`, one run)",
        "",
        f"Load average (1 min) at the start: {os.getloadavg()[0]:.1f}. `load` and `diff` are CPU "
        f"seconds in process, `history` wall seconds of the command; medians of {args.runs} "
        "(100,000 rows: one run).",
        "",
        "| Rows | " + " | ".join(growth[sizes[0]]) + " |",
        "|---|" + "---|" * len(growth[sizes[0]]),
    ]
    for rows in sizes:
        lines.append(
            f"| {rows:,} | " + " | ".join(f"{s:.3f} s" for s in growth[rows].values()) + " |"
        )
    for small_rows, big_rows in zip(sizes, sizes[1:], strict=False):
        ratios = [growth[big_rows][m] / growth[small_rows][m] for m in growth[small_rows]]
        lines.append(
            f"| ratio {big_rows:,} / {small_rows:,} | "
            + " | ".join(f"{r:.2f} x" for r in ratios)
            + " |"
        )
    lines += [
        "",
        f"Growth target: at most {GROWTH_LIMIT:g} x per 10x rows. `floor` is the least a diff "
        "does (each new row joined to the old edition by id and copied once): it grows faster "
        "than 10x too, as a larger heap costs more per object (memory caches, and CPython's "
        "cyclic garbage collector, which scans every live object on each full collection: "
        "the GC-off columns are the same calls with the collector disabled). "
        "`history` runs the command, so its start-up (about the `--help` time) is in every "
        "figure.",
        "",
        "| Measure | Figure | Target |",
        "|---|---|---|",
        f"| `planwatch load` of a 37-row plan (median of {args.small_runs}) | {small[0]:.3f} s "
        f"wall, {small[1]:.3f} s CPU | <= {SMALL_LOAD_LIMIT} s |",
        f"| `planwatch --help` (median of {args.small_runs}) | {helps[0]:.3f} s wall, "
        f"{helps[1]:.3f} s CPU | |",
        f"| load an edition between the first two of {args.rekey_editions} ({args.rekey_rows:,} "
        f"rows each; re-keys all later ones) | {rekey[0]:.3f} s CPU | |",
        f"| load the same edition after the last | {rekey[1]:.3f} s CPU | |",
        END,
    ]
    return "\n".join(lines)


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
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, helps = small_load(args.small_runs, folder)
        print(f"small load {small} s, --help {helps} s (wall, CPU)", flush=True)
        rekey = rekey_costs(args.rekey_rows, args.rekey_editions, folder)
        print(f"re-key: between {rekey[0]:.3f} s, after {rekey[1]:.3f} s", flush=True)
        growth = {}
        for rows in sizes:
            runs = args.runs if rows < 100_000 else 1
            growth[rows] = growth_row(rows, runs, folder)
            print(rows, {k: round(v, 3) for k, v in growth[rows].items()}, flush=True)
    text = report(sizes, growth, small, helps, rekey, args)
    write_section(text)
    print(text)


if __name__ == "__main__":
    main()
