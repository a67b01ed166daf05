"""The store's tables and views, written once for every backend, and the migrations.

Each step is SQL with a few type words in braces that each backend spells its own way
(``{id}`` is SQLite's ``INTEGER PRIMARY KEY``, PostgreSQL's identity column), so one
schema serves both and a store of either kind has the same tables, columns and views.
"""

from __future__ import annotations

SCHEMA = """
CREATE TABLE plans (
    plan_id TEXT PRIMARY KEY,
    organisation TEXT NOT NULL,
    plan_title TEXT NOT NULL
);
CREATE TABLE editions (
    edition_id {id},
    plan_id TEXT NOT NULL REFERENCES plans (plan_id),
    edition_date {date},
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL UNIQUE,
    source_format TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);
CREATE INDEX editions_by_plan_date ON editions (plan_id, edition_date);
CREATE TABLE actions (
    edition_id {ref} NOT NULL REFERENCES editions (edition_id),
    row_no INTEGER NOT NULL,
    plan_id TEXT NOT NULL,
    organisation TEXT NOT NULL,
    plan_title TEXT NOT NULL,
    edition_date {date},
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_format TEXT NOT NULL,
    source_page INTEGER,
    section_ref TEXT NOT NULL,
    section_title TEXT NOT NULL,
    action_id TEXT NOT NULL,
    action_ref TEXT NOT NULL,
    entry_no INTEGER NOT NULL,
    action TEXT NOT NULL,
    progress TEXT NOT NULL,
    latest_update TEXT NOT NULL,
    update_period TEXT NOT NULL,
    due_raw TEXT NOT NULL,
    due_start {date},
    due_end {date},
    due_precision TEXT NOT NULL,
    status TEXT NOT NULL,
    status_raw TEXT NOT NULL,
    status_note TEXT NOT NULL,
    lead_raw TEXT NOT NULL,
    lead_codes TEXT NOT NULL,     -- JSON array
    lead_roles TEXT NOT NULL,     -- JSON array
    signed_off_by TEXT NOT NULL,
    signed_off_date {date},
    greyed {bool} NOT NULL,
    overdue {bool} NOT NULL,
    warnings TEXT NOT NULL,       -- JSON array
    section_summary TEXT NOT NULL,
    PRIMARY KEY (edition_id, row_no)
);
CREATE INDEX actions_by_action ON actions (plan_id, action_id)
"""

# Changes between consecutive editions, worked out when an edition is loaded; the
# edition ids say which pair, so a load between two editions replaces their pair's rows.
# Views for people and dashboards: text and status first, provenance last.
CHANGES_AND_VIEWS = """
CREATE TABLE edition_changes (
    old_edition_id {ref} NOT NULL REFERENCES editions (edition_id),
    new_edition_id {ref} NOT NULL REFERENCES editions (edition_id),
    change_no INTEGER NOT NULL,
    plan_id TEXT NOT NULL,
    old_edition {date},
    new_edition {date},
    action_id TEXT NOT NULL,
    change TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    note TEXT NOT NULL,
    section_ref TEXT NOT NULL,
    matched_by TEXT NOT NULL,
    entry_no INTEGER,
    kind TEXT NOT NULL,
    action_key TEXT NOT NULL,
    action TEXT NOT NULL,
    previous_action_id TEXT NOT NULL,
    days_moved INTEGER,
    months_moved INTEGER,
    sentences_added TEXT NOT NULL,    -- JSON array
    sentences_removed TEXT NOT NULL,  -- JSON array
    status TEXT NOT NULL,
    due_raw TEXT NOT NULL,
    signed_off_by TEXT NOT NULL,
    PRIMARY KEY (new_edition_id, change_no)
);
CREATE INDEX edition_changes_by_old ON edition_changes (old_edition_id);
CREATE INDEX actions_by_edition_action ON actions (edition_id, action_id, row_no);
CREATE VIEW first_entries AS
    SELECT edition_id, action_id, min(row_no) AS row_no FROM actions
    GROUP BY edition_id, action_id;
CREATE VIEW latest_actions AS
    SELECT a.action, a.status, a.due_raw, a.due_end, a.overdue, a.progress,
        a.latest_update, a.lead_codes, a.plan_id, a.action_id, a.action_key, a.entry_no,
        a.section_ref,
        a.section_title, a.organisation, a.plan_title, a.edition_date, a.source_file,
        a.edition_id, a.row_no
    FROM actions a JOIN (
        SELECT edition_id, row_number() OVER (
            PARTITION BY plan_id
            ORDER BY edition_date IS NULL, edition_date DESC, edition_id DESC
        ) AS newest FROM editions
    ) e ON e.edition_id = a.edition_id AND e.newest = 1;
CREATE VIEW action_history AS
    SELECT a.plan_id, a.action_key, a.action_id, a.previous_action_id, a.edition_date,
        a.action, a.status, a.due_raw, a.due_end, a.overdue, a.progress, a.lead_codes,
        a.section_ref, a.source_file,
        a.edition_id
    FROM first_entries f JOIN actions a ON a.edition_id = f.edition_id AND a.row_no = f.row_no;
CREATE VIEW changes AS
    SELECT c.plan_id, c.old_edition, c.new_edition, c.action_id, c.action, c.kind,
        c.change, c.field, c.old_value, c.new_value, c.note, c.status, c.due_raw,
        c.days_moved, c.months_moved, c.section_ref, c.entry_no, c.action_key,
        c.previous_action_id, c.old_edition_id, c.new_edition_id, c.change_no
    FROM edition_changes c;
CREATE VIEW plan_summary AS
    SELECT e.plan_id, e.edition_date, count(a.row_no) AS actions,
        sum(CASE WHEN a.status = 'complete' THEN 1 ELSE 0 END) AS complete,
        sum(CASE WHEN a.status = 'open' THEN 1 ELSE 0 END) AS open,
        sum(CASE WHEN a.status = 'ongoing' THEN 1 ELSE 0 END) AS ongoing,
        sum(CASE WHEN a.status = 'deferred' THEN 1 ELSE 0 END) AS deferred,
        sum(CASE WHEN a.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
        sum(CASE WHEN a.overdue THEN 1 ELSE 0 END) AS overdue,
        (SELECT count(DISTINCT c.action_id) FROM edition_changes c
         WHERE c.new_edition_id = e.edition_id) AS changed_since_last,
        e.source_file, e.edition_id
    FROM editions e
    LEFT JOIN first_entries f ON f.edition_id = e.edition_id
    LEFT JOIN actions a ON a.edition_id = f.edition_id AND a.row_no = f.row_no
    GROUP BY e.plan_id, e.edition_date, e.source_file, e.edition_id
"""

# 2: where a watched file came from, and its copy in the watch archive
WATCH_SOURCES = """
ALTER TABLE actions ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN archive_path TEXT NOT NULL DEFAULT ''
"""

# 3: each action's series key across editions; the files an edition was replaced by
SERIES_KEYS = """
ALTER TABLE actions ADD COLUMN action_key TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN previous_action_id TEXT NOT NULL DEFAULT '';
CREATE INDEX actions_by_key ON actions (plan_id, action_key);
CREATE TABLE revisions (
    revision_id {id},
    edition_id {ref} NOT NULL REFERENCES editions (edition_id),
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_format TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    actions TEXT NOT NULL         -- JSON array of the replaced rows, store values
)
"""

# 5: the changes view reads the action text from the edition where a change has none
CHANGES_ACTION_TEXT = """
DROP VIEW changes;
CREATE VIEW changes AS
    SELECT c.plan_id, c.old_edition, c.new_edition, c.action_id,
        coalesce(nullif(c.action, ''), (
            SELECT a.action FROM actions a
            WHERE a.edition_id = CASE WHEN c.change = 'removed'
                                      THEN c.old_edition_id ELSE c.new_edition_id END
              AND a.action_id = c.action_id
            ORDER BY a.row_no LIMIT 1)) AS action,
        c.kind,
        c.change, c.field, c.old_value, c.new_value, c.note, c.status, c.due_raw,
        c.days_moved, c.months_moved, c.section_ref, c.entry_no, c.action_key,
        c.previous_action_id, c.old_edition_id, c.new_edition_id, c.change_no
    FROM edition_changes c
"""

# Step i takes a store from schema version i to i + 1; append, never edit.
MIGRATIONS: tuple[str, ...] = (
    SCHEMA,
    WATCH_SOURCES,
    SERIES_KEYS,
    CHANGES_AND_VIEWS,
    CHANGES_ACTION_TEXT,
)
KEYED_VERSION = 3  # stores older than this get their series keys worked out on migration
CHANGES_VERSION = 4  # stores older than this get their changes worked out on migration
SCHEMA_VERSION = len(MIGRATIONS)
VIEWS = ("latest_actions", "action_history", "changes", "plan_summary")
TABLES = ("plans", "editions", "actions", "revisions", "edition_changes", "schema_version")


def statements(step: str, types: dict[str, str]) -> list[str]:
    """Return the statements of one migration step, in a backend's own type words."""
    script = step.format(**types)
    return [s.strip() for s in script.split(";\n") if s.strip()]
