"""The published schema: a Frictionless Data Package describing every CSV planwatch writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from planwatch.model import CHANGE_KINDS as CHANGE_KIND_NAMES
from planwatch.model import PRECISIONS, STATUSES, Action, Change, column_kinds

from .atomic import atomic_write
from .cells import FORMULA_TRIGGERS, LIST_SEPARATOR, QUOTE

PACKAGE_FILE = "datapackage.json"
CHANGE_KINDS = ("added", "removed", "changed")

ACTION_DESCRIPTIONS: dict[str, str] = {
    "plan_id": "Stable slug of the plan series, the same for every edition.",
    "organisation": "The organisation publishing the plan, e.g. "
    "'Hereford & Worcester Fire and Rescue Service'.",
    "plan_title": "Title of the plan, e.g. 'HMICFRS Improvement Plan 2018/19'.",
    "edition_date": "Date of the edition (first day of the month where only a month is given).",
    "source_file": "Name of the file the row came from.",
    "source_sha256": "SHA-256 of the source file's bytes.",
    "source_format": "Format of the source file: docx, pdf, txt, ...",
    "source_page": "Page number in a PDF; empty otherwise.",
    "section_ref": "The document's own reference of the group: ES1.1, EY1.4, P1.8, Objective 2.",
    "section_title": "Heading text of the group: the area for improvement, or the objective.",
    "action_id": "Stable id of the action within the plan, e.g. ES1.4/f, 2.10, ES1.1/3 "
    "(positional only where the document gives no ref).",
    "action_ref": "The document's own ref as printed (1.1, f.), empty if none.",
    "entry_no": "1 for the action's first row; 2, 3 ... for continuation rows that add "
    "progress entries to the same action.",
    "action": "The action text (filled down into continuation rows).",
    "progress": "Progress-to-date text.",
    "latest_update": "The latest period's update text, where the plan has such a column.",
    "update_period": "The period of the latest update column, e.g. 2020/21 Q3.",
    "due_raw": "The target / completion date cell exactly as printed.",
    "due_start": "First day of what due_raw means (Q4 2021/2022 starts 2022-01-01).",
    "due_end": "Last day of what due_raw means (Q4 2021/2022 ends 2022-03-31).",
    "due_precision": "How precise due_raw is.",
    "status": "Status in one vocabulary across all plans.",
    "status_raw": "The status text as printed, if any.",
    "status_note": "Qualifier kept from the status text, "
    "e.g. 'staff identified and courses booked'.",
    "lead_raw": "The lead cell as printed (GCP PM SCP, Head of Community Risk and HRD).",
    "lead_codes": "Resolved lead codes (GCP;PM;SCP).",
    "lead_roles": "The roles those codes stand for, from the document's key.",
    "signed_off_by": "Who signed the action off, from a sign-off cell such as 'AD 27.07.21'.",
    "signed_off_date": "When the action was signed off.",
    "greyed": "true where the source shades the row as completed.",
    "overdue": "true where due_end is before edition_date and the status is not complete.",
    "warnings": "Notes on anything resolved by judgement (e.g. 'lead CGP read as GCP').",
    "section_summary": "The summary finding printed with the section, if any.",
    "source_url": "The address the file was fetched from by `planwatch watch`; empty otherwise.",
    "action_key": "The action's series key, stable across editions and renumbering: the id it "
    "had when first seen (with ~2, ~3 ... where another action first had that id).",
    "previous_action_id": "The id the action had in the previous edition, where it changed.",
}

CHANGE_DESCRIPTIONS: dict[str, str] = {
    "plan_id": "Stable slug of the plan series compared.",
    "old_edition": "Date of the older edition compared.",
    "new_edition": "Date of the newer edition compared.",
    "action_id": "The action, as in the newer edition (the older one if removed).",
    "change": "What happened to the action.",
    "field": "For 'changed': the canonical column that changed (status, due_end, progress, ...).",
    "old_value": "The value in the older edition.",
    "new_value": "The value in the newer edition.",
    "note": "What a reader needs: 'target moved 3 months later', 'closed', 'reopened', "
    "the sentences added to the progress text.",
    "section_ref": "The section the action belongs to.",
    "matched_by": "How the action was paired across editions: ref, text or position.",
    "entry_no": "The continuation entry the change is about; empty: the action as a whole.",
    "kind": "What kind of change it is: added, removed, closed, reopened, target_later, "
    "target_earlier, became_overdue, renumbered, reworded, lead_changed, progress_added, ...",
    "action_key": "The action's series key (as in the actions table).",
    "action": "The action text, as in the newer edition (the older one if removed).",
    "previous_action_id": "The action's id in the older edition, where it differs.",
    "days_moved": "For a moved target: days from the old end date to the new (negative: earlier).",
    "months_moved": "For a moved target where both dates are month-precise or coarser: months.",
    "sentences_added": "For a changed text: the sentences only the newer text has.",
    "sentences_removed": "For a changed text: the sentences only the older text has.",
    "status": "The status of the action (or entry) in the newer edition (older if removed).",
    "due_raw": "Its target date as printed there.",
    "signed_off_by": "For a sign-off: who signed.",
}

TABLES: dict[str, tuple[type, dict[str, str]]] = {
    "actions": (Action, ACTION_DESCRIPTIONS),
    "changes": (Change, CHANGE_DESCRIPTIONS),
}
ENUMS: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "due_precision": PRECISIONS,
    "change": CHANGE_KINDS,
    "kind": CHANGE_KIND_NAMES,
}
# One file yields one edition, so its hash stands for (plan_id, edition_date).
PRIMARY_KEYS = {"actions": ["source_sha256", "action_id", "entry_no"]}

NEUTRALISATION_RULE = (
    "Text cells that a spreadsheet would run as a formula (starting with "
    + ", ".join(repr(t) for t in FORMULA_TRIGGERS)
    + f") or that start with {QUOTE} are written with one {QUOTE} in front "
    "(OWASP CSV-injection advice). To restore the original text, remove one leading "
    f"{QUOTE} from every text cell that starts with {QUOTE}. Files written with raw=True "
    "carry the text unchanged."
)


def table_schema(table: str) -> dict:
    """Return the Table Schema of ``actions`` or ``changes``."""
    record_type, descriptions = TABLES[table]
    fields = []
    for name, kind in column_kinds(record_type).items():
        field: dict = {"name": name, "type": kind, "description": descriptions[name]}
        if kind == "date":
            field["format"] = "default"  # ISO 8601 YYYY-MM-DD
        elif kind == "boolean":
            field |= {"trueValues": ["true"], "falseValues": ["false"]}
        elif kind == "list":
            field |= {"delimiter": LIST_SEPARATOR, "itemType": "string"}
        if name in ENUMS:
            field["constraints"] = {"enum": list(ENUMS[name])}
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[table]
    return schema


def csv_resource(csv_path: Path, table: str, encoding: str = "utf-8-sig") -> dict:
    """Return the Data Package resource describing one CSV file of ``table``.

    ``encoding`` is ``utf-8-sig`` for a file that starts with a byte-order mark
    (so that Excel reads it as UTF-8), ``utf-8`` for one written without.
    """
    return {
        "name": _resource_name(csv_path),
        "path": csv_path.name,
        "type": "table",
        "title": f"planwatch {table}",
        "description": f"The canonical {table} table. Dates are ISO YYYY-MM-DD; booleans "
        f"true/false; list cells join their items with '{LIST_SEPARATOR}'; empty means "
        f"unknown or not given. {NEUTRALISATION_RULE}",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": encoding,
        "dialect": {"csv": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"'}},
        "schema": table_schema(table),
    }


def write_datapackage(csv_path: Path, table: str = "actions", encoding: str = "utf-8-sig") -> Path:
    """Write or update ``datapackage.json`` beside ``csv_path``; return its path.

    Resources of other CSV files still present in the folder are kept, so one
    folder can hold an actions and a changes file under one package.
    """
    package_path = csv_path.parent / PACKAGE_FILE
    resources = [
        r
        for r in _existing_resources(package_path)
        if r.get("path") != csv_path.name and (csv_path.parent / str(r.get("path"))).is_file()
    ]
    resource = csv_resource(csv_path, table, encoding)
    taken = {r.get("name") for r in resources}
    base, n = resource["name"], 1
    while resource["name"] in taken:  # "a b.csv" and "a-b.csv" would share a name
        n += 1
        resource["name"] = f"{base}-{n}"
    resources.append(resource)
    package = {
        "name": "planwatch",
        "title": "Improvement and action plans as data",
        "description": "Action tables of published HMICFRS improvement and action plans, "
        "one row per action entry per edition, and what changed between editions.",
        "resources": resources,
    }
    with atomic_write(package_path) as fh:
        fh.write(json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    return package_path


def _existing_resources(package_path: Path) -> list[dict]:
    try:
        package = json.loads(package_path.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    resources = package.get("resources") if isinstance(package, dict) else None
    return [r for r in resources or [] if isinstance(r, dict)]


def _resource_name(csv_path: Path) -> str:
    # Data Package names are lower case letters, digits and - . _
    return re.sub(r"[^a-z0-9._-]+", "-", csv_path.stem.lower()).strip("-") or "table"
