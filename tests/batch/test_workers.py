"""A batch always goes on: a dying worker fails only its own file; workers end with their parent."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import process
from pathlib import Path

import pytest

import planwatch.pipeline
from planwatch.batch import extract_many, map_in_workers
from planwatch.workers import WorkerDied

PLANS = [
    "hwfrs-prevention-cfc-2021-11.txt",
    "hwfrs-prevention-cfc-2022-02.txt",
    "hwfrs-improvement-plan-2020-10.txt",
    "hwfrs-improvement-plan-2021-01.txt",
]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process signals")


def _square_or_die(n: int) -> int:
    if n == 3:
        os._exit(7)
    if n == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def test_only_the_items_whose_worker_dies_fail():
    results = list(map_in_workers(_square_or_die, list(range(8)), jobs=2))
    assert [item for item, _ in results] == list(range(8))  # input order, none lost
    assert [r for _, r in results if not isinstance(r, WorkerDied)] == [0, 1, 4, 16, 36, 49]
    assert results[3][1] == WorkerDied("exited with status 7")
    assert results[5][1].reason.startswith("was killed (SIGKILL")


def _die_on_every_third(n: int) -> int:
    if n % 3 == 1:
        os._exit(7)
    return n


def test_a_batch_where_many_workers_die_goes_on(monkeypatch):
    # a pool is flagged broken a moment before it fails the dead worker's task; a task
    # handed to it in that moment ended the whole batch. The moment is widened here.
    real = process._ExecutorManagerThread.terminate_broken

    def flag_then_fail(self, cause):
        executor = self.executor_reference()
        if executor is not None:
            executor._broken = "a child process terminated abruptly"
        time.sleep(0.3)
        real(self, cause)

    monkeypatch.setattr(process._ExecutorManagerThread, "terminate_broken", flag_then_fail)
    results = list(map_in_workers(_die_on_every_third, list(range(12)), jobs=2))
    assert [item for item, _ in results] == list(range(12))
    died = [item for item, r in results if isinstance(r, WorkerDied)]
    assert died == [1, 4, 7, 10]
    assert all(r == item for item, r in results if item not in died)


def test_a_file_that_kills_its_worker_fails_alone(samples, monkeypatch):
    real = planwatch.pipeline.read_file

    def crash_on_one(path, **options):  # the forked workers inherit this stand-in
        if Path(path).name == PLANS[1]:
            faulthandler.disable()  # pytest's own crash report would only add noise
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path, **options)

    monkeypatch.setattr(planwatch.pipeline, "read_file", crash_on_one)
    outcomes = list(extract_many([samples / name for name in PLANS], jobs=2))
    assert [o.path.name for o in outcomes] == PLANS
    assert [bool(o.actions) for o in outcomes] == [True, False, True, True]
    assert outcomes[1].error == (
        f"{PLANS[1]}: the process reading it crashed (SIGSEGV); the rest went on"
    )


PARENT = """
import os, sys, time
from pathlib import Path
import planwatch.workers
from planwatch.batch import map_in_workers

if sys.argv[2] == "watchdog":  # as off Linux: no parent-death signal from the kernel
    planwatch.workers._ask_kernel = lambda: False

def sleep_forever(n):
    Path(sys.argv[1], str(os.getpid())).touch()
    time.sleep(600)

if __name__ == "__main__":
    list(map_in_workers(sleep_forever, [1, 2], jobs=2))
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be read


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states in /proc")
@pytest.mark.parametrize("how", ["kernel", "watchdog"])
def test_kill_9_of_the_parent_leaves_no_workers(tmp_path, how):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(PARENT))
    pids = tmp_path / "pids"
    pids.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(pids), how])
    try:
        deadline = time.monotonic() + 60
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) == 2 and all(map(_alive, workers))
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # leave the machine as found, even when the check fails
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "pool workers outlived their parent"
