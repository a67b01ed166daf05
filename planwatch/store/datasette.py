"""Datasette metadata for a store: titles, the contract's column descriptions, facets."""

from __future__ import annotations

from pathlib import Path

_SUMMARY_COLUMNS = {
    "actions": "How many actions the edition has (each counted once, by its first entry).",
    "complete": "Actions whose status is complete.",
    "open": "Actions whose status is open.",
    "ongoing": "Actions whose status is ongoing.",
    "deferred": "Actions whose status is deferred.",
    "cancelled": "Actions whose status is cancelled.",
    "overdue": "Actions past their target date and not complete.",
    "changed_since_last": "Actions with any change since the plan's previous edition.",
}
_STORE_COLUMNS = {
    "edition_id": "The store's number for the edition (one loaded file).",
    "row_no": "The row's place in its edition, in document order.",
    "old_edition_id": "The store's number for the older edition compared.",
    "new_edition_id": "The store's number for the newer edition compared.",
    "change_no": "The change's place among the changes into its edition.",
}
# view -> title, description, facets
_VIEWS = {
    "latest_actions": (
        "Latest actions",
        "Every action entry of the newest edition of each plan: text and status first.",
        ["status", "overdue", "plan_id", "section_ref"],
    ),
    "action_history": (
        "Action history",
        "One row per action per edition, following each action's series key across "
        "renumbering: filter by plan_id and action_key to read one action's story.",
        ["plan_id", "status", "edition_date"],
    ),
    "changes": (
        "Changes between editions",
        "One row per change between consecutive editions of a plan, worked out when "
        "each edition was loaded.",
        ["kind", "change", "field", "plan_id", "new_edition"],
    ),
    "plan_summary": (
        "Plan summary",
        "Per plan and edition: actions by status, overdue, and how many changed since "
        "the edition before.",
        ["plan_id"],
    ),
}


def datasette_metadata(store: Path | str) -> dict:
    """Return Datasette's metadata for the SQLite store at ``store`` (its views and tables)."""
    from planwatch.export.schema import ACTION_DESCRIPTIONS, CHANGE_DESCRIPTIONS

    columns = {**_STORE_COLUMNS, **ACTION_DESCRIPTIONS}
    change_columns = {**_STORE_COLUMNS, **CHANGE_DESCRIPTIONS}
    tables: dict[str, dict] = {}
    for view, (title, description, facets) in _VIEWS.items():
        described = {
            "changes": change_columns,
            "plan_summary": {**columns, **_SUMMARY_COLUMNS},
        }.get(view, columns)
        tables[view] = {
            "title": title,
            "description": description,
            "columns": described,
            "facets": facets,
        }
    tables["actions"] = {
        "title": "Every action of every edition",
        "description": "The canonical actions table, one row per action entry per edition.",
        "columns": columns,
        "facets": ["plan_id", "status", "edition_date"],
    }
    for hidden in ("first_entries", "edition_changes", "schema_version", "revisions"):
        tables[hidden] = {"hidden": True}
    return {
        "title": "planwatch: published improvement plans, edition by edition",
        "description": "Start with latest_actions, changes or plan_summary.",
        "databases": {Path(store).stem: {"tables": tables}},
    }
