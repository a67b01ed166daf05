"""Run the pipeline over many files, on every core, results in input order."""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.extract import ExtractSettings
from planwatch.ingest import DEFAULT_LIMITS, Limits
from planwatch.model import Action


@dataclass(frozen=True)
class Outcome:
    path: Path
    actions: list[Action]
    error: str = ""  # one line for the user; empty when the file went through
    detail: str = ""  # the traceback of a bug, shown with --debug


def extract_many(
    paths: Sequence[Path],
    *,
    plan_id: str | None = None,
    settings: ExtractSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    jobs: int | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per path, in the order given, using up to ``jobs`` processes."""
    jobs = min(jobs or os.cpu_count() or 1, len(paths))
    args = [(Path(p), plan_id, settings, limits) for p in paths]
    if jobs <= 1:
        yield from map(_extract_one, args)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_extract_one, args)


def _extract_one(arg: tuple[Path, str | None, ExtractSettings | None, Limits]) -> Outcome:
    from planwatch.pipeline import extract_file

    path, plan_id, settings, limits = arg
    try:
        return Outcome(path, extract_file(path, plan_id=plan_id, settings=settings, limits=limits))
    except PlanwatchError as exc:
        return Outcome(path, [], str(exc), traceback.format_exc())
    except Exception as exc:  # a bug: the batch goes on, the user is told how to report it
        message = f"{path.name}: internal error ({type(exc).__name__}: {exc}); rerun with --debug"
        return Outcome(path, [], message, traceback.format_exc())
