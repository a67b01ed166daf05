"""Document to raw action records: table recognition, section context, keys, continuations.

The steps run in document order: headings set the section, legend lines and tables
say what each RAG colour means, key tables add lead codes, action tables (found by
their best-matching header row, not their position) give entries; any other table is
skipped with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planwatch.errors import NotAPlan
from planwatch.model import (
    READING_NOTE,
    Cell,
    ColumnEvidence,
    Document,
    Extraction,
    Finding,
    Paragraph,
    PlanInfo,
    RawAction,
    Table,
    TableVerdict,
)

from .accounting import (
    tally_action_table,
    tally_key_table,
    tally_section_box,
    tally_skipped_table,
)
from .emphasis import titles_in_bold
from .evidence import (
    column_values,
    continues_columns,
    holds_no_actions,
    infer_by_content,
    ref_by_content,
    status_by_content,
    table_evidence,
)
from .forms import turned_forms
from .headers import (
    ColumnMap,
    ColumnReading,
    in_column_order,
    infer_unlabelled,
    match_header,
    stacked_labels,
)
from .keys import is_key_heading, key_from_lines, read_key, read_key_line
from .labelled import read_labelled_blocks
from .legend import read_legend_table, read_legend_text, read_shading_text
from .metadata import read_plan_info
from .profile import ROLES, Profile, load_profile, normalise_label
from .rows import SectionCounter, read_action_rows
from .sections import Section, box_section, match_heading, take_title
from .settings import ExtractSettings
from .totals import is_totals

__all__ = [
    "ExtractSettings",
    "Profile",
    "extract_document",
    "find_header",
    "load_profile",
    "read_tables",
]


def extract_document(document: Document, settings: ExtractSettings | None = None) -> Extraction:
    """Return the plan's metadata, key, legend and raw action entries; raise NotAPlan if none."""
    extraction = read_tables(document, settings)
    if not extraction.actions:
        raise NotAPlan(
            f"{document.source.name}: no action table found ({len(extraction.tables)} tables"
            " read); run `planwatch extract --explain` to see why each table was skipped"
        )
    return extraction


def read_tables(document: Document, settings: ExtractSettings | None = None) -> Extraction:
    """Return what each table was read as, with the plan's metadata, key, legend, entries (maybe
    none) and findings: every cell is accounted for in its table's verdict."""
    settings = settings or ExtractSettings()
    blocks, form_notes = turned_forms(document.blocks, settings)
    tables = [block for block in blocks if isinstance(block, Table)]
    # one plan repeats its header over each table: each header's titles are matched once
    matched: dict[tuple[str, ...], ColumnMap] = {}
    headers = {id(table): find_header(table, settings, matched) for table in tables}
    titled = titles_in_bold(
        [(t, h[0], h[1].roles.get("action")) for t in tables if (h := headers[id(t)])], settings
    )
    reading = _Reading(settings, headers, titled)
    for block in blocks:
        if isinstance(block, Paragraph):
            reading.read_paragraph(block)
        else:
            reading.read_table(block)
    reading.end_key_lines()
    # no action table: the plan may be written as labelled blocks instead
    actions = tuple(reading.actions) or read_labelled_blocks(document, settings)
    plan, warnings = read_plan_info(document, settings)
    warnings = (*warnings, *form_notes, *reading.warnings)
    notes = tuple(Finding(READING_NOTE, text=note) for note in (*document.notes, *_unsure(plan)))
    return Extraction(
        plan=plan,
        actions=actions,
        keys=reading.keys,
        warnings=document.notes + warnings,
        tables=tuple(reading.verdicts),
        properties=dict(document.properties),
        legend=reading.legend,
        findings=notes + tuple(reading.findings),
    )


def _unsure(plan: PlanInfo) -> tuple[str, ...]:
    """Return a note for each part of the plan's identity the document does not give, for
    standard error: the editions are ordered by the edition date and paired by plan id."""
    notes = []
    if plan.edition_from == "file properties":
        notes.append(
            f"no edition date in the document: {plan.edition_raw or 'none'}, the date the file"
            " was saved, taken instead (give the edition with --edition-date)"
        )
    if not plan.organisation:
        notes.append(
            "no organisation named in the document: the plan id comes from the title alone"
            " (name the plan with --plan where two services publish one title)"
        )
    return tuple(notes)


@dataclass
class _Reading:
    """What has been read so far, walking the document's blocks in order."""

    settings: ExtractSettings
    headers: dict[int, tuple[int, ColumnMap] | None]  # id of each table -> its action header
    titled: bool  # the document's actions nearly all open with a bold line: their titles
    section: Section = field(default_factory=Section)
    counter: SectionCounter = field(default_factory=SectionCounter)
    key_announced: bool = False  # the paragraph before says "Key:"
    key_lines: list[tuple[str, str]] = field(default_factory=list)  # a key written as lines
    key_lines_announced: bool = False
    actions: list[RawAction] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    legend: dict[str, str] = field(default_factory=dict)
    verdicts: list[TableVerdict] = field(default_factory=list)
    # the columns of the action table just read, its entries' evidence and their cells
    columns: tuple[ColumnMap, tuple[ColumnEvidence, ...], tuple[frozenset[str], ...]] | None = None
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def read_paragraph(self, paragraph: Paragraph) -> None:
        """Headings set the section; legend lines add colours; a ref-only heading takes a title."""
        text, settings, profile = paragraph.text, self.settings, self.settings.profile
        if not text.strip():
            return  # an empty line neither ends a key nor follows a heading
        if heading := match_heading(text, settings):
            self.section = heading
        elif legend := read_legend_text(text, settings):
            self.legend.update(legend)
        elif not self.section.awaiting_title and (
            entry := read_key_line(text, settings, self.key_announced or bool(self.key_lines))
        ):
            if not self.key_lines:
                self.key_lines_announced = self.key_announced
            self.key_lines.append(entry)
            return
        elif self.section.awaiting_title and not is_key_heading(text, profile):
            self.section = take_title(self.section, text)
        elif shading := read_shading_text(text, settings):
            self.legend.update(shading)
        self.end_key_lines()
        self.key_announced = is_key_heading(text, profile)

    def end_key_lines(self) -> None:
        """Add the key a run of "code – role" lines gives, once the run has ended."""
        self.keys.update(key_from_lines(self.key_lines, self.key_lines_announced, self.settings))
        self.key_lines = []

    def read_table(self, table: Table) -> None:
        """Read the table as actions, a legend, a key or a section box, else skip it; record
        the verdict."""
        self.end_key_lines()
        index, page = len(self.verdicts) + 1, table.rows[0].page if table.rows else None
        self.section = replace(self.section, awaiting_title=False)
        found, settings = self.headers[id(table)], self.settings
        if carried := self._carried_on(table, found):
            found, table = carried
        elif found and self.key_announced and found[1].score < settings.key_table_roles:
            # two columns under "Key": what each status or code means, read as titles
            # ("Complete" | "Action finished and evidenced") by the words they share
            found = None
        if found:
            verdict, findings = self._read_actions(table, index, page, found)
        elif legend := read_legend_table(table, settings):
            self.legend.update(legend)
            tally, findings = tally_key_table(table, index, legend, "legend", settings)
            reason = "colour cells and what each colour means"
            verdict = TableVerdict(index, "legend", reason, (), page, len(table.rows), tally=tally)
        elif key := read_key(table, settings, self.key_announced):
            self.keys.update(key)
            tally, findings = tally_key_table(table, index, key, "key", settings)
            reason = "two columns of short codes and roles"
            verdict = TableVerdict(index, "key", reason, (), page, len(key), tally=tally)
        elif box := box_section(table, settings):
            self.section = box
            tally, findings = tally_section_box(table), ()
            reason = f"a box naming section {box.ref}"
            verdict = TableVerdict(index, "section", reason, (), page, 0, tally=tally)
        else:
            reason = _why_skipped(table, settings)
            tally, findings = tally_skipped_table(table, index, reason, settings)
            verdict = TableVerdict(index, "skipped", reason, (), page, 0, tally=tally)
        self.findings += findings
        self.verdicts.append(verdict)
        self.key_announced = False
        if verdict.kind != "actions":
            self.columns = None

    def _carried_on(
        self, table: Table, found: tuple[int, ColumnMap] | None
    ) -> tuple[tuple[int, ColumnMap], Table] | None:
        """Return (-1, the columns of the action table just before), and the table as wide
        as those columns (``_widened``), where this table has no header and its rows hold
        what those columns held: the same table carried on.

        A header ``found`` in it stands unless its own rows hold that content too (a body row
        whose lead "AM Response" and target "Q3 2024/25" read as header words is no header),
        or name fewer than two columns.
        """
        if self.columns is None:
            return None
        (columns, before, seen), settings = self.columns, self.settings
        texts = (columns.roles.get("progress"), columns.update_col)
        action = columns.roles.get("action")
        table = _widened(table, len(before), action)
        body = [list(r.texts) for r in table.rows if not is_totals(r, action, settings, texts)]
        if not continues_columns(columns, before, body, settings, seen):
            return None
        if found is not None:
            last, cmap = found
            heads = [list(row.texts) for row in table.rows[last - cmap.header_rows + 1 : last + 1]]
            # a header names two columns at least: a row of one cell (a progress entry) is none
            titles = [row for row in heads if sum(bool(text.strip()) for text in row) > 1]
            if titles and not continues_columns(columns, before, titles, settings, seen):
                return None
        index = len(self.verdicts) + 1
        self.warnings.append(
            f"table {index}: no header row; read with the columns of table {index - 1},"
            " whose kinds of content it holds"
        )
        return (-1, replace(columns, header_rows=0)), table

    def _read_actions(
        self, table: Table, index: int, page: int | None, found: tuple[int, ColumnMap]
    ) -> tuple[TableVerdict, tuple[Finding, ...]]:
        header_index, cmap = found
        carried = self.actions[-1] if self.actions else None
        read = read_action_rows(
            table, header_index, cmap, self.section, self.settings, self.counter,
            index=index, carried=carried, titled=self.titled,
        )  # fmt: skip
        self.section = read.section
        self.actions += read.actions
        entries = [
            list(row.texts)
            for row, use in zip(table.rows, read.uses, strict=True)
            if use == "entry"
        ]
        width = len(cmap.labels)
        self.columns = (
            cmap,
            table_evidence(width, entries, self.settings),
            column_values(width, entries),
        )
        self.warnings += [f"table {index} {note}" for note in read.notes]
        tally, findings = tally_action_table(table, index, read.uses, cmap, read.heads)
        reason = _header_reason(header_index, cmap)
        body = _body(table, header_index, self.settings)
        columns = _columns(cmap.labels, cmap)
        content = table_evidence(len(cmap.labels), body, self.settings)
        self.warnings += [f"table {index}: {line}" for line in cmap.content_roles]
        verdict = TableVerdict(
            index, "actions", reason, columns, page, len(read.actions), content, tally
        )
        return verdict, findings


def _widened(table: Table, width: int, action: int) -> Table:
    """Return the table with each row narrower than ``width`` given empty cells on its right,
    as far as the table may reach (``Table.width``) and where it goes past the ``action``
    column.

    A spreadsheet's block has no columns past its rightmost text: the rest of a table
    parted by blank rows, its last columns empty there (no update yet), is narrower than
    the part above it, and is read in its columns all the same. A table ending at the
    action column is another table (a key), and so is any table of a document that draws
    its columns (a box naming a section).
    """
    width = min(width, table.width or 0)
    widest = max((len(row.cells) for row in table.rows), default=0)
    if widest >= width or widest <= action + 1:
        return table
    rows = tuple(
        replace(row, cells=row.cells + (Cell(""),) * (width - len(row.cells)))
        for row in table.rows
    )
    return replace(table, rows=rows)


def _header_reason(last: int, cmap: ColumnMap) -> str:
    if cmap.header_rows == 0:
        return "no header row: the columns of the table before, whose content it holds"
    if cmap.header_rows == 1:
        return f"header row {last + 1} matched"
    return f"header rows {last - cmap.header_rows + 2}-{last + 1} matched"


def _columns(headers: tuple[str, ...], cmap: ColumnMap) -> tuple[str, ...]:
    """Return the header's matches, then each titled column no synonym matched."""
    read = {*cmap.roles.values(), cmap.update_col}
    ignored = (
        ColumnReading(col, text, "not read", "no synonym matches")
        for col, text in enumerate(headers)
        if col not in read and normalise_label(text)
    )
    return tuple(reading.text() for reading in in_column_order(*cmap.explained, *ignored))


def find_header(
    table: Table, settings: ExtractSettings, matched: dict | None = None
) -> tuple[int, ColumnMap] | None:
    """Return (index of its last row, column map) of the best action header in the top rows.

    ``matched``: the titles matched so far under ``settings`` (``match_header``), by their
    texts, to share between the tables of one document.
    """
    matched = {} if matched is None else matched
    best: tuple[int, ColumnMap] | None = None
    for index in range(min(len(table.rows), settings.header_search_rows)):
        for last, headers in _header_candidates(table, index, settings):
            if best is not None and not _may_beat(len(headers), best[1]):
                continue
            body = _body(table, last, settings)
            if not body:
                continue
            titles = tuple(headers)
            if titles not in matched:
                matched[titles] = match_header(headers, settings)
            cmap = _read_columns(matched[titles], headers, body, settings)
            cmap = replace(cmap, header_rows=last - index + 1)
            if _is_action_header(cmap, settings) and (best is None or _beats(cmap, best[1])):
                best = (last, cmap)
    return best


def _may_beat(columns: int, best: ColumnMap) -> bool:
    """False when no header of ``columns`` columns beats ``best``, whatever they hold: each
    role, and the latest update, takes a column of its own, so none scores above either
    count, and at an equal score it must have fewer columns read by content."""
    most = min(columns, len(ROLES) + 1)
    return most > best.score or (most == best.score and bool(best.content_roles))


def _beats(cmap: ColumnMap, best: ColumnMap) -> bool:
    """More roles win; at equal roles, fewer read by content alone: a section's box joined
    above the header by a page break reads as a header only by its content."""
    return (cmap.score, -len(cmap.content_roles)) > (best.score, -len(best.content_roles))


def _body(table: Table, last: int, settings: ExtractSettings) -> list[list[str]]:
    """Return the texts of the rows under a header ending at row ``last`` that are weighed."""
    return [list(r.texts) for r in table.rows[last + 1 : last + 1 + settings.evidence_rows]]


def _read_columns(
    matched: ColumnMap, headers: list[str], body: list[list[str]], settings: ExtractSettings
) -> ColumnMap:
    """Return the header's roles (``matched``: by its titles), then unheaded and unfamiliar
    columns read by their content.

    An action column found only by content needs two more columns beside it (a date, a
    lead, a status, a progress text): a version history's "Changes" beside its "Date" is
    no action table.
    """
    cmap = infer_unlabelled(matched, headers, body, settings)
    if holds_no_actions(cmap, body, settings):
        return replace(cmap, roles={r: c for r, c in cmap.roles.items() if r != "action"})
    cmap = ref_by_content(cmap, headers, body, settings)
    by_content = infer_by_content(
        status_by_content(cmap, headers, body, settings), headers, body, settings
    )
    others = {"due", "lead", "status", "progress", "signoff"} & set(by_content.roles)
    if "action" not in cmap.roles and len(others) < 2:
        return cmap
    return by_content


def _header_candidates(
    table: Table, index: int, settings: ExtractSettings
) -> list[tuple[int, list[str]]]:
    """Return the row at ``index`` as a header, and with the row below when that holds
    sub-titles under a spanning title ("Target date" over "Original | Revised")."""
    candidates = [(index, list(table.rows[index].texts))]
    if index + 1 < len(table.rows):
        stacked = stacked_labels(table.rows[index], table.rows[index + 1], settings)
        if stacked is not None:
            candidates.append((index + 1, stacked))
    return candidates


def _is_action_header(cmap: ColumnMap, settings: ExtractSettings) -> bool:
    others = {"due", "revised_due", "lead", "status", "progress", "signoff"} & set(cmap.roles)
    has_update = cmap.update_col is not None
    return "action" in cmap.roles and len(others) + has_update + 1 >= settings.min_header_roles


def _why_skipped(table: Table, settings: ExtractSettings) -> str:
    if not table.rows:
        return "empty table"
    cmap = match_header(list(table.rows[0].texts), settings)
    if why := holds_no_actions(cmap, _body(table, 0, settings), settings):
        return why
    if not cmap.roles:
        return f"no header row names an action column (first row: {table.rows[0].texts[:4]!r})"
    named = ", ".join(sorted(cmap.roles))
    return (
        f"header row names only {named}: an action table needs action plus"
        " a date, lead, status or progress column"
    )
