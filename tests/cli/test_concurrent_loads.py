"""Two `planwatch load` processes on one store at the same time both succeed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PLANWATCH = Path(sys.executable).with_name("planwatch")


def test_two_load_commands_at_once_both_succeed(tmp_path: Path) -> None:
    store = tmp_path / "planwatch.db"
    files = [
        SAMPLES / "hwfrs-improvement-plan-2020-10.txt",
        SAMPLES / "hwfrs-prevention-cfc-2021-11.txt",
    ]
    procs = [
        subprocess.Popen(
            [str(PLANWATCH), "load", "--store", str(store), str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    for status, stdout, stderr in results:
        assert status == 0, stderr
        assert "locked" not in stderr and "Traceback" not in stderr
        assert "loaded" in stdout
    with sqlite3.connect(store) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(conn.execute("SELECT source_file, COUNT(*) FROM editions GROUP BY 1"))
        rows = conn.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    assert counts == {f.name: 1 for f in files}
    assert rows == 50 + 37
