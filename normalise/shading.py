"""Shading the plan itself defines ("Greyed out sections of the plan note actions completed"):
a row it shades grey has the status the plan gives grey."""

from __future__ import annotations

from collections.abc import Mapping

from .settings import NormaliseSettings
from .statuses import Status, parse_status


def stated_status(meaning: str, settings: NormaliseSettings) -> str | None:
    """Return the status a legend meaning states: the whole text ("Complete") or the last
    words of a sentence ("... note actions completed"), the longest of at most
    ``max_status_words`` that reads as one; else None."""
    words = meaning.strip(" .;:").split()
    for n in range(min(len(words), settings.max_status_words), 0, -1):
        value = parse_status(" ".join(words[-n:]), settings).value
        if value is not None:
            return value
    return None


def greyed_row_status(
    status: Status, greyed: bool, legend: Mapping[str, str], settings: NormaliseSettings
) -> Status:
    """Return the status of a row the plan's grey shading marks, where the plan says what
    grey means and the printed status is not already final (complete or cancelled); the
    printed text is kept in ``raw`` and the reading is named in a warning."""
    meaning = next((legend[k] for k in ("grey", "gray") if k in legend), "")
    value = stated_status(meaning, settings) if greyed and meaning else None
    if value is None or value == status.value or status.value in ("complete", "cancelled"):
        return status
    printed = f" over the printed '{' '.join(status.raw.split())}'" if status.raw else ""
    warning = f"status read from the row's grey shading, which the plan defines: '{meaning}'"
    return Status(value, status.raw, status.note, (warning + printed,))
