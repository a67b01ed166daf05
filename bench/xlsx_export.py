"""Time and peak memory of writing N action rows to .xlsx (the rows of a sample, repeated).

Run from the repository root: ``.venv/bin/python bench/xlsx_export.py 32000``. Each run is a
fresh process, so the peak resident size is the writer's (plus the rows it is given).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import planwatch
from planwatch.export import write_actions

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "hwfrs-improvement-plan-2021-01.txt"


def main(rows: int) -> None:
    base = planwatch.read_actions(SAMPLE)
    actions = [replace(base[i % len(base)], action_id=str(i)) for i in range(rows)]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_actions(actions, Path(folder) / "actions.xlsx")
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{rows} rows to .xlsx: {seconds:.1f} s, peak resident {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 32000)
