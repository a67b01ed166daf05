"""The Python API a notebook uses; the command line is a thin layer over it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planwatch.model import Action, Change

if TYPE_CHECKING:
    import pandas as pd

    from planwatch.diff import DiffSettings
    from planwatch.extract import ExtractSettings
    from planwatch.ingest import Limits

    # a plan file, a frame read_plan returned, or the actions read_actions returned
    EditionLike = str | os.PathLike | pd.DataFrame | Sequence[Action]


def read_actions(
    path: str | os.PathLike,
    *,
    plan_id: str | None = None,
    profile: str | os.PathLike | None = None,
    settings: ExtractSettings | None = None,
    limits: Limits | None = None,
) -> list[Action]:
    """Return the canonical actions of one plan file, one record per action entry.

    ``plan_id`` files the edition under that plan instead of the one read from
    the document; ``profile`` is a TOML file of extra header synonyms (or pass
    whole ``settings``); ``limits`` bounds file size, pages and cell length.
    Raise PlanwatchError (UnreadableFile, NotAPlan, ...) with a one-line reason.
    """
    from planwatch.extract import ExtractSettings
    from planwatch.ingest import DEFAULT_LIMITS
    from planwatch.pipeline import extract_file

    settings = settings or ExtractSettings()
    if profile is not None:
        settings = settings.extended_by(Path(profile))
    limits = limits or DEFAULT_LIMITS
    return extract_file(Path(path), plan_id=plan_id, settings=settings, limits=limits)


def read_plan(path: str | os.PathLike, **options: object) -> pd.DataFrame:
    """Return one plan file as a DataFrame: one row per action entry, the contract's columns.

    Types follow the published schema: text and ids as ``string``, dates as
    dates (``date32[pyarrow]``), flags as ``boolean``, ``entry_no`` and
    ``source_page`` as ``Int64``, lead codes and warnings as lists. ``options``
    are those of read_actions.
    """
    from planwatch.export.frames import actions_frame

    return actions_frame(read_actions(path, **options))  # type: ignore[arg-type]


def compare(
    old: EditionLike, new: EditionLike, *, settings: DiffSettings | None = None
) -> pd.DataFrame:
    """Return what changed from edition ``old`` to ``new``, one row per change.

    Each edition is a plan file's path, a frame from read_plan, or a list of
    actions from read_actions. The columns are the changes table's (see
    docs/columns.md): ``action_id``, ``change``, ``field``, ``old_value``,
    ``new_value``, ``note``, ...; ``settings`` (a ``planwatch.diff.DiffSettings``) says
    how alike two texts must be to be one action.
    """
    from planwatch.diff import DiffSettings, diff_editions
    from planwatch.export.frames import changes_frame

    changes = diff_editions(_actions_of(old), _actions_of(new), settings=settings or DiffSettings())
    return changes_frame(changes)


def _actions_of(edition: EditionLike) -> list[Action]:
    if isinstance(edition, str | os.PathLike):
        return read_actions(edition)
    if hasattr(edition, "columns"):  # a DataFrame, without importing pandas to ask
        from planwatch.export.frames import actions_from_frame

        return actions_from_frame(edition)
    return list(edition)


def to_frame(records: Sequence[Action] | Sequence[Change]) -> pd.DataFrame:
    """Return actions or changes (from a Store, read_actions, ...) as a typed DataFrame.

    The same columns and types as read_plan and compare give; an empty list gives
    an empty frame of actions.
    """
    from planwatch.export.frames import actions_frame, changes_frame

    records = list(records)
    if records and isinstance(records[0], Change):
        return changes_frame(records)  # type: ignore[arg-type]
    return actions_frame(records)  # type: ignore[arg-type]
