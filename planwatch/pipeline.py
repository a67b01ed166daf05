"""The one-way flow for a file: ingest, extract, normalise."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract import ExtractSettings, extract_document
from planwatch.ingest import (
    DEFAULT_LIMITS,
    DEFAULT_PDF_SETTINGS,
    Limits,
    PdfSettings,
    read_document,
)
from planwatch.model import Action
from planwatch.normalise.actions import Normalised, normalise_plan


def extract_file(
    path: Path,
    *,
    plan_id: str | None = None,
    settings: ExtractSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    pdf: PdfSettings = DEFAULT_PDF_SETTINGS,
) -> list[Action]:
    """Return the canonical actions of one plan file; raise PlanwatchError on bad input."""
    return read_file(path, plan_id=plan_id, settings=settings, limits=limits, pdf=pdf).actions


def read_file(
    path: Path,
    *,
    plan_id: str | None = None,
    settings: ExtractSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    pdf: PdfSettings = DEFAULT_PDF_SETTINGS,
) -> Normalised:
    """Return one plan file's canonical actions and findings (text read into nothing, skipped
    tables that look like actions, duplicate refs, statuses not understood)."""
    settings = settings or ExtractSettings()
    document = read_document(Path(path), limits, pdf)
    extraction = extract_document(document, settings)
    return normalise_plan(extraction, document.source, plan_id=plan_id, settings=settings.cells)
