"""The plain records every stage passes on: document, raw action, canonical action, change."""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from datetime import date

# --- format-neutral document (what ingest/ returns) -------------------------


@dataclass(frozen=True)
class Cell:
    """One grid slot of a table row.

    A merged cell is explicit: the slot where the merge starts carries the text
    and its spans; every other slot it covers is present with empty text and
    ``merged=True``, so rows always have one cell per grid column.

    ``bold_head`` is the emphasis the source gives the cell's text, in any format: the text
    of its opening whole lines (paragraphs, or lines as printed) set in bold, which is all of
    ``text`` where all of it is bold; "" where the cell opens in plain text, or where the
    reader cannot tell. Bold inside a line is no head.

    ``spaced`` is the text read otherwise where a reader joined a word over a line end on
    geometry alone (a PDF's "Superseded" + "by" flush with the cell's edge): the same text
    with those joins read as spaces, for a reader of the cell's content to choose; "" where
    no join was a guess.
    """

    text: str
    fill: str | None = None  # background as upper-case RRGGBB, None if unshaded
    col_span: int = 1
    row_span: int = 1
    merged: bool = False
    bold_head: str = ""
    spaced: str = ""


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    page: int | None = None  # 1-based page the row starts on (PDF only)
    header: bool = False  # marked by the source as a repeating header row

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells)


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    page: int | None = None
    # the columns it may hold where its rows stop short of them: a spreadsheet's block ends
    # at its rightmost text, so the rest of a table parted by blank rows can be narrower
    width: int | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str | None = None  # e.g. "Heading 1", "Title"; None where unknown
    page: int | None = None


Block = Paragraph | Table


@dataclass(frozen=True)
class Source:
    name: str  # file name as given, without folders
    sha256: str
    format: str  # "docx", "pdf", "txt"


@dataclass(frozen=True)
class Document:
    source: Source
    blocks: tuple[Block, ...]
    # document properties where the format has them: "title", "created", "modified"
    properties: dict[str, str] = field(default_factory=dict)
    # what the reader left out on purpose ("sheet 'Old' is hidden: skipped"), for --explain
    notes: tuple[str, ...] = ()


_HEX = frozenset("0123456789abcdefABCDEF")


def fill_rgb(fill: str | None) -> tuple[int, int, int] | None:
    """Return the red, green, blue bytes of a fill such as 'FFC000', '#ffc000' or 'FFFFC000'."""
    digits = (fill or "").strip().lstrip("#")
    if len(digits) == 8:  # ARGB, as spreadsheets write it
        digits = digits[2:]
    if len(digits) != 6 or not _HEX.issuperset(digits):
        return None
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


# --- what extract/ returns --------------------------------------------------


@dataclass(frozen=True)
class PlanInfo:
    organisation: str
    title: str
    edition_raw: str  # e.g. "Updated: January 2021" or "17 November 2021"
    # where the edition came from: "document", "settings", "file name", "file properties"
    edition_from: str = "document"


@dataclass(frozen=True)
class RawAction:
    """One action entry as printed, before any interpretation."""

    section_ref: str
    section_title: str
    action_ref: str
    entry_no: int
    position: int  # 1-based order of the action within its section
    action: str
    progress: str = ""
    latest_update: str = ""
    update_period: str = ""
    due_raw: str = ""
    status_raw: str = ""
    lead_raw: str = ""
    signoff_raw: str = ""
    greyed: bool = False
    source_page: int | None = None
    status_fill: str | None = None  # fill of the status cell, for RAG colours
    # the status cell with the word joins its reader guessed read as spaces ("" where none)
    status_spaced: str = ""
    # where no column holds the status: the one colour the row's cells are shaded in (not
    # grey), which the document's own colour key may give a meaning
    row_fill: str | None = None
    section_summary: str = ""  # the summary finding printed with the section, if any
    table: int = 0  # 1-based index of the table the entry was read from (0: unknown)
    row: int = 0  # 1-based row of that table


@dataclass(frozen=True)
class CellTally:
    """Where the non-empty cells of one table ended: each cell counts in exactly one place,
    and so does a bold first line taken out of a cell as the name of its section."""

    actions: int = 0  # a field of an action entry
    header: int = 0  # a column title of the header (or a header repeated mid-table)
    key: int = 0
    legend: int = 0
    context: int = 0  # a label, banner or bold row, an area cell or bold line, that set the section
    skipped: int = 0  # the table was skipped, with its reason
    unaccounted: int = 0  # read into nothing: each one is a Finding

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name in self.__dataclass_fields__)


# Finding kinds; those in STRICT_FINDINGS make a file fail under --strict
UNACCOUNTED = "unaccounted_text"
ACTION_LIKE_SKIPPED = "skipped_action_like_table"
DUPLICATE_REF = "duplicate_ref"
UNKNOWN_STATUS = "unknown_status"
READING_NOTE = "reading_note"
STRICT_FINDINGS = frozenset({UNACCOUNTED, ACTION_LIKE_SKIPPED, DUPLICATE_REF, UNKNOWN_STATUS})


@dataclass(frozen=True)
class Finding:
    """Something a user must hear about a file: text read into nothing, a skipped table that
    looks like actions, a ref printed twice, a status not understood, a reading note."""

    kind: str
    text: str = ""  # the cell text, the status or ref as printed, or the note
    table: int | None = None  # 1-based table index
    row: int | None = None  # 1-based row of that table
    column: int | None = None  # 1-based column
    page: int | None = None
    reason: str = ""  # why a table was skipped; the id a duplicate ref was given
    first_row: tuple[int, int] | None = None  # (table, row) of the first of a duplicated ref

    @property
    def strict(self) -> bool:
        return self.kind in STRICT_FINDINGS


@dataclass(frozen=True)
class ColumnEvidence:
    """One column's content: the share of its non-empty cells of each kind (0 to 1)."""

    col: int  # 0-based
    cells: int  # non-empty cells looked at
    prose: float = 0.0
    date: float = 0.0
    status: float = 0.0
    ref: float = 0.0
    number: float = 0.0

    def text(self) -> str:
        """Return "prose 0.90, date 0.10": the shares above nought, as --explain prints them."""
        kinds = ("prose", "date", "status", "ref", "number")
        shares = ", ".join(f"{k} {getattr(self, k):.2f}" for k in kinds if getattr(self, k))
        return shares or ("empty" if not self.cells else "short text")


@dataclass(frozen=True)
class TableVerdict:
    """How one table of the document was read, for ``extract --explain``."""

    index: int  # 1-based among the document's tables
    kind: str  # "actions", "key", "legend", "section" (a box naming one), "skipped"
    reason: str
    columns: tuple[str, ...] = ()  # "'Target Date' -> due", one per matched column
    page: int | None = None
    rows: int = 0  # action entries (or key entries) read from it
    content: tuple[ColumnEvidence, ...] = ()  # what each column holds, for an action table
    tally: CellTally = CellTally()


@dataclass(frozen=True)
class Extraction:
    plan: PlanInfo
    actions: tuple[RawAction, ...]
    keys: dict[str, str]  # lead code -> role, from the document's own key tables
    warnings: tuple[str, ...] = ()
    tables: tuple[TableVerdict, ...] = ()
    properties: dict[str, str] = field(default_factory=dict)
    # the document's RAG legend: colour name ("green") or fill ("00B050") -> meaning as printed
    legend: dict[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()  # text read into nothing, skipped action-like tables


# --- canonical dataset (what normalise/ returns) -----------------------------

STATUSES = ("complete", "open", "ongoing", "deferred", "cancelled")
PRECISIONS = ("day", "month", "quarter", "half", "year", "financial_year", "none")


@dataclass(frozen=True, slots=True)
class Action:
    """One row of the canonical actions table; field order is the column order."""

    plan_id: str
    organisation: str
    plan_title: str
    edition_date: date | None
    source_file: str
    source_sha256: str
    source_format: str
    source_page: int | None
    section_ref: str
    section_title: str
    action_id: str
    action_ref: str
    entry_no: int
    action: str
    progress: str
    latest_update: str
    update_period: str
    due_raw: str
    due_start: date | None
    due_end: date | None
    due_precision: str
    status: str
    status_raw: str
    status_note: str
    lead_raw: str
    lead_codes: tuple[str, ...]
    lead_roles: tuple[str, ...]
    signed_off_by: str
    signed_off_date: date | None
    greyed: bool
    overdue: bool
    warnings: tuple[str, ...]
    section_summary: str = ""
    source_url: str = ""  # where a fetched file came from (``planwatch watch``); empty otherwise
    # The action's series across editions: the id it had when first seen (or, where
    # another series holds that id, the id with ``~2``, ``~3``...); empty: not yet keyed.
    action_key: str = ""
    previous_action_id: str = ""  # its id in the previous edition, where that differs

    @property
    def series_key(self) -> str:
        """Return the action's series key, its id where none was given."""
        return self.action_key or self.action_id


COLUMNS: tuple[str, ...] = tuple(Action.__dataclass_fields__)


# --- changes between editions (what diff returns) ---------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two editions, as typed values; ``note`` is rendered from them."""

    plan_id: str
    old_edition: date | None
    new_edition: date | None
    action_id: str
    change: str  # "added", "removed", "changed"
    field: str = ""
    old_value: str = ""
    new_value: str = ""
    note: str = ""
    section_ref: str = ""
    matched_by: str = ""  # how the action was paired: "ref", "text", "position"
    entry_no: int | None = None  # the continuation entry a change is about; None: the action
    kind: str = ""  # one of CHANGE_KINDS
    action_key: str = ""  # the action's series key (see Action.action_key)
    action: str = ""  # the action text, in the newer edition (the older one if removed)
    previous_action_id: str = ""  # the action's id in the older edition, where it differs
    days_moved: int | None = None  # target moves: days from the old end date to the new
    months_moved: int | None = None  # ... in months, where both dates are months or coarser
    sentences_added: tuple[str, ...] = ()  # text changes: sentences only the newer text has
    sentences_removed: tuple[str, ...] = ()  # ... only the older text has
    status: str = ""  # the entry's status in the newer edition (the older one if removed)
    due_raw: str = ""  # the entry's target as printed there
    signed_off_by: str = ""  # sign-offs: who signed


CHANGE_COLUMNS: tuple[str, ...] = tuple(Change.__dataclass_fields__)

# What a change is, for filtering and counting; the order is the order of the summary line.
CHANGE_KINDS: tuple[str, ...] = (
    "closed",
    "reopened",
    "status_changed",
    "target_later",
    "target_earlier",
    "target_set",
    "target_cleared",
    "became_overdue",
    "added",
    "removed",
    "renumbered",
    "reworded",
    "lead_changed",
    "progress_added",
    "progress_removed",
    "entry_added",
    "entry_removed",
    "signed_off",
    "sign_off_removed",
)


# --- column types, read once for the store and the published schema ---------


def column_kinds(record_type: type) -> dict[str, str]:
    """Return each field of a record type mapped to its kind, in field order: date,
    boolean, integer, list (a tuple of texts) or string, as Table Schema names them;
    an optional field (``int | None``) has the kind of its value."""
    return {name: _kind(hint) for name, hint in typing.get_type_hints(record_type).items()}


def _kind(hint: object) -> str:
    if typing.get_origin(hint) is tuple:
        return "list"
    args = [a for a in typing.get_args(hint) if a is not type(None)]  # int | None -> int
    base = args[0] if args else hint
    return {date: "date", bool: "boolean", int: "integer"}.get(base, "string")
