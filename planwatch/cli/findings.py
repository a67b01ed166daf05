"""The --strict option, the one-line account of a file's findings on standard error, and
the warnings -v prints for each file read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import click

from planwatch.model import ACTION_LIKE_SKIPPED, READING_NOTE, UNACCOUNTED, Finding

strict_option = click.option(
    "--strict",
    is_flag=True,
    help="Fail a file (exit 1) that has text read into nothing, a skipped table that looks "
    "like actions, a ref printed for two actions or a status not understood.",
)

_NOUNS = {  # kind -> (one, many)
    UNACCOUNTED: ("cell of text read into nothing", "cells of text read into nothing"),
    ACTION_LIKE_SKIPPED: (
        "skipped table that looks like actions",
        "skipped tables that look like actions",
    ),
    "duplicate_ref": ("ref printed for two actions", "refs printed for two actions"),
    "unknown_status": ("status not understood", "statuses not understood"),
}
_EXAMPLES = 3


def findings_text(findings: Sequence[Finding]) -> str:
    """Return "2 cells of text read into nothing (table 1 row 5 ...; ...); ..." or ''."""
    from planwatch.explain import describe_finding, locate_finding

    parts = [f.text for f in findings if f.kind == READING_NOTE]
    counts = Counter(f.kind for f in findings if f.kind != READING_NOTE)
    for kind, n in counts.items():
        show = locate_finding if kind == UNACCOUNTED else describe_finding
        shown = [show(f) for f in findings if f.kind == kind][:_EXAMPLES]
        more = "; ..." if n > _EXAMPLES else ""
        noun = _NOUNS.get(kind, (kind, kind))[n > 1]
        parts.append(f"{n} {noun} ({'; '.join(shown)}{more})")
    return "; ".join(parts)


def strict_failure(name: str, findings: Sequence[Finding]) -> str:
    """Return the one-line reason a file fails under --strict, or '' when it does not."""
    failing = [f for f in findings if f.strict]
    if not failing:
        return ""
    return f"{name}: failed under --strict: {findings_text(failing)}"


def warning_lines(document_warnings: Sequence[str], actions: Sequence) -> list[str]:
    """Return the lines -v prints for one file read: the document's own warnings (an
    edition date taken from the file's saved date), then each row's once, prefixed with
    the action it is about."""
    rows: dict[str, None] = {}
    for action in actions:
        for warning in action.warnings:
            rows.setdefault(f"{action.action_id} entry {action.entry_no}: {warning}")
    return [f"  warning: {w}" for w in (*document_warnings, *rows)]
