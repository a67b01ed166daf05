"""A load killed midway (no rollback code runs at all) leaves the store as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planwatch.pipeline import extract_file
from planwatch.store import editions, load_edition, open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OLD = SAMPLES / "hwfrs-prevention-cfc-2021-11.txt"
NEW = SAMPLES / "hwfrs-prevention-cfc-2022-02.txt"

# The child process dies on the tenth row of its insert, as a power cut or
# `kill -9` would: os._exit skips every except/finally, so only SQLite's own
# journal stands between the store and a half-written edition.
CHILD = """
import os, sys
from pathlib import Path
import planwatch.store.loader as loader
from planwatch.pipeline import extract_file
from planwatch.store import load_edition, open_store

real, rows = loader.action_values, []
def dying(action):
    rows.append(action)
    if len(rows) == 10:
        os._exit(9)
    return real(action)
loader.action_values = dying
load_edition(open_store(Path(sys.argv[1])), extract_file(Path(sys.argv[2])))
"""


def test_a_load_killed_midway_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = tmp_path / "planwatch.db"
    conn = open_store(store)
    load_edition(conn, extract_file(OLD))
    before = list(conn.iterdump())
    conn.close()

    child = subprocess.run([sys.executable, "-c", CHILD, str(store), str(NEW)], check=False)
    assert child.returncode == 9

    conn = open_store(store)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert list(conn.iterdump()) == before
    # and the store still takes the edition the dead process was loading
    assert load_edition(conn, extract_file(NEW)).loaded
    assert [e.edition_date.isoformat() for e in editions(conn)] == ["2021-11-17", "2022-02-15"]
