"""Rules every extraction must keep; a broken one is a bug in planwatch, never a row to ship."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from planwatch.model import STATUSES, Action, Extraction


class BrokenInvariant(RuntimeError):
    """Extraction produced rows that break a rule that must always hold (a bug to report)."""


def check_invariants(extraction: Extraction, rows: Sequence[Action]) -> None:
    """Return None when the rows keep every rule; raise BrokenInvariant naming the first broken."""
    problems = [
        *_duplicate_keys(rows),
        *_entry_numbers(rows),
        *_empty_actions(rows),
        *_statuses(rows),
        *_tables(extraction),
    ]
    if problems:
        name = rows[0].source_file if rows else "document"
        raise BrokenInvariant(
            f"{name}: {problems[0]}"
            + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
        )


def _duplicate_keys(rows: Sequence[Action]) -> list[str]:
    keys = Counter((r.plan_id, r.edition_date, r.action_id, r.entry_no) for r in rows)
    return [
        f"key (plan_id, edition_date, action_id, entry_no) {key!r} on {n} rows"
        for key, n in keys.items()
        if n > 1
    ]


def _entry_numbers(rows: Sequence[Action]) -> list[str]:
    """Each action's entries sit together and are numbered 1..n."""
    problems, seen = [], set()
    for action_id, group in groupby(rows, key=lambda r: r.action_id):
        numbers = [r.entry_no for r in group]
        if action_id in seen or numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"action {action_id} has entries numbered {numbers}")
        seen.add(action_id)
    return problems


def _empty_actions(rows: Sequence[Action]) -> list[str]:
    return [
        f"action {r.action_id} entry {r.entry_no} has no action text"
        for r in rows
        if not r.action.strip()
    ]


def _statuses(rows: Sequence[Action]) -> list[str]:
    """A status is canonical, or empty with the printed text kept and a warning given."""
    return [
        f"action {r.action_id} entry {r.entry_no} has status {r.status!r}"
        for r in rows
        if r.status not in STATUSES and not (r.status == "" and r.status_raw and r.warnings)
    ]


def _tables(extraction: Extraction) -> list[str]:
    """No entry comes from a table that also fed the key or legend, or was skipped."""
    kinds = {verdict.index: verdict.kind for verdict in extraction.tables}
    tables = {raw.table for raw in extraction.actions if raw.table}
    return [
        f"entries read from table {t}, read as {kinds.get(t, 'no table')}"
        for t in sorted(tables)
        if kinds.get(t) != "actions"
    ]
