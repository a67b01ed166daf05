"""What extraction made of a document, table by table, for ``extract --explain``."""

from __future__ import annotations

from collections import Counter

from planwatch.model import Action, Extraction


def render_explanation(name: str, extraction: Extraction, actions: list[Action]) -> str:
    """Return a readable account of how each table was read and where each warning came from."""
    plan = extraction.plan
    lines = [
        f"{name}",
        f"  organisation: {plan.organisation or '(not found)'}",
        f"  title:        {plan.title or '(not found)'}",
        f"  edition:      {plan.edition_raw or '(not found)'}"
        + (f" -> {actions[0].edition_date}" if actions and actions[0].edition_date else ""),
        f"  tables: {len(extraction.tables)}",
    ]
    for verdict in extraction.tables:
        page = f" (page {verdict.page})" if verdict.page else ""
        count = (
            f", {verdict.rows} {'codes' if verdict.kind == 'key' else 'entries'}"
            if verdict.rows
            else ""
        )
        lines.append(f"  table {verdict.index}{page}: {verdict.kind}{count}: {verdict.reason}")
        lines += [f"      {c}" for c in verdict.columns]
    if extraction.keys:
        key = ", ".join(f"{code} = {role}" for code, role in extraction.keys.items())
        lines.append(f"  key: {key}")
    statuses = Counter(a.status for a in actions)
    lines.append(
        f"  actions: {len(actions)} entries; "
        + ", ".join(f"{n} {s}" for s, n in statuses.most_common())
    )
    for action in actions:
        for warning in action.warnings:
            page = f", page {action.source_page}" if action.source_page else ""
            lines.append(f"  warning {action.action_id} entry {action.entry_no}{page}: {warning}")
    return "\n".join(lines)
