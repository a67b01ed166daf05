"""A load killed midway (no rollback code runs at all) leaves the store as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planwatch.pipeline import extract_file
from planwatch.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OLD = SAMPLES / "hwfrs-prevention-cfc-2021-11.txt"
NEW = SAMPLES / "hwfrs-prevention-cfc-2022-02.txt"

# The child process dies on the tenth row of its insert, as a power cut or
# `kill -9` would: os._exit skips every except/finally, so only the database's own
# journal stands between the store and a half-written edition.
CHILD = """
import os, sys
from pathlib import Path
import planwatch.store.loader as loader
from planwatch.pipeline import extract_file
from planwatch.store import Store

real, rows = loader.action_values, []
def dying(action):
    rows.append(action)
    if len(rows) == 10:
        os._exit(9)
    return real(action)
loader.action_values = dying
Store(sys.argv[1]).load(extract_file(Path(sys.argv[2])))
"""


def test_a_load_killed_midway_leaves_the_store_as_it_was(store_url: str, snapshot) -> None:
    with Store(store_url) as store:
        store.load(extract_file(OLD))
        before = snapshot(store)

    child = subprocess.run([sys.executable, "-c", CHILD, store_url, str(NEW)], check=False)
    assert child.returncode == 9

    with Store(store_url) as store:
        assert snapshot(store) == before
        # and the store still takes the edition the dead process was loading
        assert store.load(extract_file(NEW)).loaded
        assert [str(e.edition_date) for e in store.editions()] == ["2021-11-17", "2022-02-15"]
