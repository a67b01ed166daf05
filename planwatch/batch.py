"""Run the pipeline over many files, on every core, results in input order.

A batch always goes on: a worker process that dies (a crash in a C library, the
kernel's out-of-memory killer) fails only the file it was reading, and the
workers end with their parent, even when the parent is killed outright.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from planwatch.errors import PlanwatchError
from planwatch.extract import ExtractSettings
from planwatch.ingest import DEFAULT_LIMITS, DEFAULT_PDF_SETTINGS, Limits, PdfSettings
from planwatch.model import Action, Finding

if TYPE_CHECKING:
    from planwatch.workers import WorkerDied

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT_PER_WORKER = 2  # few tasks queued, so a dying worker leaves few suspects


@dataclass(frozen=True)
class Outcome:
    path: Path
    actions: list[Action]
    error: str = ""  # one line for the user; empty when the file went through
    detail: str = ""  # the traceback of a bug, shown with --debug
    findings: tuple[Finding, ...] = ()  # what the user must hear about a file that went through
    warnings: tuple[str, ...] = ()  # the document's own, about no one row


def extract_many(
    paths: Sequence[Path],
    *,
    plan_id: str | None = None,
    settings: ExtractSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    jobs: int | None = None,
    pdf: PdfSettings = DEFAULT_PDF_SETTINGS,
) -> Iterator[Outcome]:
    """Yield one Outcome per path, in the order given, using up to ``jobs`` processes."""
    args = [(Path(p), plan_id, settings, limits, pdf) for p in paths]
    for arg, result in map_in_workers(_extract_one, args, jobs=jobs):
        if not isinstance(result, Outcome):  # WorkerDied
            path = arg[0]
            yield Outcome(
                path, [], f"{path.name}: the process reading it {result.reason}; the rest went on"
            )
        else:
            yield result


def map_in_workers(
    fn: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None
) -> Iterator[tuple[T, R | WorkerDied]]:
    """Yield ``(item, fn(item))`` in input order, computed in up to ``jobs`` processes.

    Where a worker dies, the pool is broken for every task it held; those tasks
    are run again one by one, each in a process of its own, so that only the
    item that kills its process comes back as WorkerDied, and the rest go on.
    With one job (or one item) everything runs in this process.
    """
    jobs = min(jobs or os.cpu_count() or 1, len(items))
    if jobs <= 1:
        for item in items:
            yield item, fn(item)
        return
    # a process pool costs a one-file command about 15 ms to import: loaded only here
    from planwatch.workers import run_alone

    results: dict[int, R | WorkerDied] = {}
    emitted = 0
    queue = list(range(len(items)))
    while queue:
        lost: set[int] = set()
        for _ in _pool_round(fn, items, queue, jobs, results, lost):
            while emitted in results:
                yield items[emitted], results.pop(emitted)
                emitted += 1
        for index in sorted(lost):
            results[index] = run_alone(fn, items[index])
        queue = [i for i in queue if i >= emitted and i not in results and i not in lost]
        while emitted in results:
            yield items[emitted], results.pop(emitted)
            emitted += 1


def _pool_round(
    fn: Callable, items: Sequence, queue: list[int], jobs: int, results: dict, lost: set[int]
) -> Iterator[None]:
    """Run ``queue`` in one pool, filling ``results``, until done or the pool breaks.

    Yields after each batch of finished tasks; a broken pool's unfinished tasks
    are added to ``lost``, the ones not yet submitted stay for the next round.
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from planwatch.workers import end_with_parent

    waiting = list(queue)
    in_flight: dict = {}
    with ProcessPoolExecutor(jobs, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
        while (waiting or in_flight) and not lost:
            try:
                while waiting and len(in_flight) < jobs * IN_FLIGHT_PER_WORKER:
                    in_flight[pool.submit(fn, items[waiting[0]])] = waiting[0]
                    waiting.pop(0)
            except BrokenProcessPool:
                # the pool is flagged broken before it fails the dead worker's task
                _settle(in_flight, results, lost)
                yield
                return
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            _settle({f: in_flight.pop(f) for f in finished}, results, lost)
            if lost:  # every task still held is resolved at once, most as lost
                _settle(in_flight, results, lost)
            yield


def _settle(futures: dict, results: dict, lost: set[int]) -> None:
    """Put each future's result in ``results`` by index, or its index in ``lost`` where the
    pool broke under it (waiting for the futures still running)."""
    from concurrent.futures.process import BrokenProcessPool

    for future, index in futures.items():
        try:
            results[index] = future.result()
        except BrokenProcessPool:
            lost.add(index)


def _extract_one(
    arg: tuple[Path, str | None, ExtractSettings | None, Limits, PdfSettings],
) -> Outcome:
    from planwatch.pipeline import read_file

    path, plan_id, settings, limits, pdf = arg
    try:
        read = read_file(path, plan_id=plan_id, settings=settings, limits=limits, pdf=pdf)
        return Outcome(path, read.actions, findings=read.findings, warnings=read.warnings)
    except PlanwatchError as exc:
        return Outcome(path, [], str(exc), traceback.format_exc())
    except Exception as exc:  # a bug: the batch goes on, the user is told how to report it
        message = f"{path.name}: internal error ({type(exc).__name__}: {exc}); rerun with --debug"
        return Outcome(path, [], message, traceback.format_exc())
