"""An action table's rows into raw action entries, with continuations and label rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from planwatch.model import RawAction, Row, Table
from planwatch.normalise.fills import is_grey
from planwatch.normalise.settings import NormaliseSettings

from .emphasis import BoldHeads, read_bold_heads, without_head
from .headers import ColumnMap
from .profile import Profile, normalise_label
from .sections import Section, match_heading, section_of_cells
from .settings import ExtractSettings
from .totals import is_totals

# "a. All staff to...", "(b) Human...", "iv) ...", "3. ...", "1.2 ...": a ref printed inside
# the action cell (a number of two levels or more needs no stop after it)
_LEADING_REF = re.compile(
    r"^(?P<ref>\(?(?:[a-z]|[ivx]{1,4}|\d+(?:\.\d+)*)[.)]|\d+(?:\.\d+)+)\s+(?=\S)"
)


# "2: The force should...", "3. The service should...": a section's number and title
_NUMBERED_TITLE = re.compile(r"^(?P<ref>\d{1,3}(?:\.\d{1,3})?)\s*[:.)]\s+(?P<title>\S.*)$")
_TITLE_WORDS = 4  # a ref cell of this many words or more holds a sentence, not a ref


@dataclass
class SectionCounter:
    """Positions of actions within their section, carried across tables of one section."""

    key: tuple[str, str] = ("", "")
    position: int = 0


@dataclass(frozen=True)
class TableRows:
    """What an action table gave: its entries, the section it leaves, and one use per row.

    A row's use is "header", "context" (a title, label or area row that set the section),
    "entry", "empty", "totals" (a row of counts under the actions), or "unread" (a note
    banner, a row above the header that is no label, a continuation with no action above
    it): its text went nowhere.
    """

    actions: list[RawAction]
    section: Section
    uses: tuple[str, ...]
    heads: int = 0  # bold first lines taken out of entry cells as the section's name
    notes: tuple[str, ...] = ()  # "row 5: ...": each row read by judgement, for a warning


def read_action_rows(
    table: Table,
    header_index: int,
    cmap: ColumnMap,
    section: Section,
    settings: ExtractSettings,
    counter: SectionCounter,
    *,
    index: int = 0,
    carried: RawAction | None = None,
    titled: bool = False,
) -> TableRows:
    """Return the entries of table ``index`` (1-based), the section as the table leaves it,
    and each row's use; ``carried`` is the last entry of the table before, which a first row
    with an empty action cell continues (a table broken over a page); ``titled``: the
    document's actions nearly all open with a bold line of their own."""
    first_header = header_index - cmap.header_rows + 1
    headers = {row.texts for row in table.rows[first_header : header_index + 1]}
    bold = read_bold_heads(table, header_index, cmap.roles.get("action"), settings, titled)
    about = _TableAbout(headers, cmap, settings, counter, index, carried, bold)
    read = _Reading(section, [], ["header"] * len(table.rows))
    # title and label rows above the header ("Area for Improvement 1: ...") describe the section
    for number, row in enumerate(table.rows[:first_header]):
        use, read.section = (
            _context(row, read.section, settings)
            or _box_row(row, settings)
            or ("unread", read.section)
        )
        read.uses[number] = use if any(row.texts) else "empty"
    for number, row in enumerate(table.rows[header_index + 1 :], start=header_index + 1):
        read.uses[number] = _read_body_row(row, number, read, about)
    actions = read.actions
    if read.section.lead:
        # "Strategic lead" is printed under the actions it leads
        actions = [a if a.lead_raw else replace(a, lead_raw=read.section.lead) for a in actions]
    return TableRows(actions, read.section, tuple(read.uses), len(bold.cells), tuple(read.notes))


@dataclass(frozen=True)
class _TableAbout:
    """What holds for every body row of one action table."""

    headers: set[tuple[str, ...]]  # the header rows' texts, which a page may repeat
    cmap: ColumnMap
    settings: ExtractSettings
    counter: SectionCounter
    index: int
    carried: RawAction | None  # the last entry of the table before
    bold: BoldHeads  # rows whose bold line names their section


@dataclass
class _Reading:
    """The section, entries and row uses so far, as one table's rows are read in order."""

    section: Section
    actions: list[RawAction]
    uses: list[str]
    above: Row | None = None  # the last action row, its merged cells filled down
    notes: list[str] = field(default_factory=list)


def _read_body_row(row: Row, number: int, read: _Reading, about: _TableAbout) -> str:
    """Return the use of one row below the header, adding its entry or taking its section."""
    if row.texts in about.headers or not any(row.texts):
        return "header" if any(row.texts) else "empty"  # a header repeated mid-table
    if number in about.bold.rows:
        read.section = about.bold.rows[number]
        return "context"
    if number in about.bold.cells:
        col, read.section = about.bold.cells[number]
        row = without_head(row, col)
    if context := (
        _context(row, read.section, about.settings)
        or _joined_box(row, about)
        or _ref_column_title(row, read.section, about.cmap)
    ):
        use, read.section = context
        return use
    if is_totals(row, about.cmap.roles.get("action"), about.settings, _text_columns(about.cmap)):
        read.notes.append(_totals_note(number, row))
        return "totals"
    if read.actions and _lead_only(row, about.cmap):
        # a lead alone makes no entry: the rest of the lead above, cut between its lines
        # by a page, or a second owner on a line of its own
        last, lead = read.actions[-1], _cell(row, about.cmap.roles.get("lead"))
        read.actions[-1] = replace(last, lead_raw=f"{last.lead_raw} {lead}".strip())
        read.notes.append(_lead_only_note(number, lead))
        return "entry"
    filled = _fill_merges_down(row, read.above)
    entry = _entry(row, filled, about.cmap, about.settings.cells)
    entry = replace(entry, table=about.index, row=number + 1)
    lone = _action_text_only(row, entry, about.cmap)
    if read.actions and number not in about.bold.cells and _carries_on(read.actions[-1], entry):
        last = read.actions[-1]
        read.actions[-1] = replace(last, action=f"{last.action} {entry.action}")
        if lone:
            return "entry"
        # the rest of the row is the action's next entry: a PDF's merged action cell whose
        # text ran on into the row below
        entry = replace(entry, action="")
    elif lone and read.actions:
        read.notes.append(_lone_text_note(number, read.actions[-1], entry))
    read.above = filled
    return _read_entry(row, entry, read, about)


def _read_entry(row: Row, entry: RawAction, read: _Reading, about: _TableAbout) -> str:
    """Return the use of an entry's row: a new action, a continuation of the one above, or
    an area row naming the section."""
    if area := _cell(row, about.cmap.roles.get("area")):  # "" where merged down from above
        area_ref = _area_row_ref(row, about.cmap)
        read.section = _section_from_area(area, read.section, about.settings.profile, area_ref)
        if area_ref is not None:
            return "context"
    key = (read.section.ref, read.section.title)
    if about.counter.key != key:
        about.counter.key, about.counter.position = key, 0
    if entry.action:
        read.actions.append(_new_action(entry, read.section, about.counter))
        return "entry"
    first = _first_entry(read.actions) if read.actions else about.carried
    if first is None or (first.section_ref, first.section_title) != key:
        return "unread"  # no action above it to continue
    last = read.actions[-1] if read.actions else first
    read.actions.append(_continuation(entry, first, last.entry_no + 1))
    return "entry"


def _new_action(entry: RawAction, section: Section, counter: SectionCounter) -> RawAction:
    """Return a row with its own action text as the next action of its section."""
    counter.position += 1
    where = (section.ref, section.title, section.summary)
    return _placed(entry, counter.position, where)


def _continuation(entry: RawAction, first: RawAction, entry_no: int) -> RawAction:
    """Return a row whose action cell is empty as entry ``entry_no`` of the action above,
    its text filled down."""
    where = (first.section_ref, first.section_title, first.section_summary)
    return _placed(
        entry, first.position, where, action=first.action, action_ref=first.action_ref,
        entry_no=entry_no,
    )  # fmt: skip


def _placed(
    entry: RawAction, position: int, where: tuple[str, str, str], **more: object
) -> RawAction:
    """Return the entry at ``position`` in the section ``where`` (ref, title, summary)."""
    ref, title, summary = where
    return replace(
        entry, position=position, section_ref=ref, section_title=title, section_summary=summary,
        **more,
    )  # fmt: skip


def _context(row: Row, section: Section, settings: ExtractSettings) -> tuple[str, Section] | None:
    """Return the row's use and the section as a title, note or label row leaves it;
    None for an action's row."""
    banner = _banner(row) or _lone_heading(row, settings)
    if banner:
        # "Area for Improvement 1: The service should..." across the table opens a section;
        # "Note: actions 3-5 were merged in the June update" across it is only a note
        heading = match_heading(banner, settings)
        return (
            ("context", replace(heading, awaiting_title=False)) if heading else ("unread", section)
        )
    if _label_kind(row, settings.profile):
        return "context", _apply_label(row, section, settings.profile)
    return None


def _box_row(row: Row, settings: ExtractSettings) -> tuple[str, Section] | None:
    """A row above the header naming the section in its own cells ("AFI 4" | "The service
    should..."): a section's box that a page break joined to the table below it."""
    section = section_of_cells([c.text for c in row.cells if not c.merged], settings)
    return ("context", replace(section, awaiting_title=False)) if section else None


def _joined_box(row: Row, about: _TableAbout) -> tuple[str, Section] | None:
    """A body row with no action text that names a section in its own cells: the box of the
    next section, joined to the bottom of this table by a page break."""
    if _cell(row, about.cmap.roles.get("action")):
        return None
    return _box_row(row, about.settings)


def _action_text_only(row: Row, entry: RawAction, cmap: ColumnMap) -> bool:
    """True for a row whose only text is in its action cell: no ref, no date, no status."""
    col = cmap.roles.get("action")
    others = (c for n, c in enumerate(row.cells) if n != col and not c.merged)
    return bool(entry.action) and not entry.action_ref and not any(c.text.strip() for c in others)


def _lead_only(row: Row, cmap: ColumnMap) -> bool:
    """True for a row whose only text is in its lead cell."""
    col = cmap.roles.get("lead")
    texts = [n for n, c in enumerate(row.cells) if not c.merged and c.text.strip()]
    return col is not None and texts == [col]


def _lead_only_note(number: int, lead: str) -> str:
    return f"row {number + 1}: a lead alone ({lead[:40]!r}), read as the lead above going on"


def _carries_on(last: RawAction, entry: RawAction) -> bool:
    """True where a row's action text with no ref of its own carries on the action above: it
    opens in the middle of a sentence ("since April 2023 and re-record...") after an
    action's first row."""
    return last.entry_no == 1 and not entry.action_ref and entry.action[:1].islower()


def _text_columns(cmap: ColumnMap) -> set[int | None]:
    return {cmap.roles.get("progress"), cmap.update_col}


def _totals_note(number: int, row: Row) -> str:
    texts = " | ".join(t for t in row.texts if t)
    return f"row {number + 1}: a row of counts, read as totals, not an entry: {texts!r}"


def _lone_text_note(number: int, last: RawAction, entry: RawAction) -> str:
    return (
        f"row {number + 1}: action text alone ({entry.action[:40]!r}), read as a new action;"
        f" it may carry on the action above ({last.action[-40:]!r})"
    )


def _banner(row: Row) -> str:
    """Return the text of a row whose one filled cell spans most of the table, else ''."""
    filled = [cell for cell in row.cells if cell.text]
    if len(filled) != 1 or filled[0].col_span < 2 or filled[0].col_span * 2 <= len(row.cells):
        return ""
    return filled[0].text


def _ref_column_title(row: Row, section: Section, cmap: ColumnMap) -> tuple[str, Section] | None:
    """Return the use of a row whose one text stands in the ref column and is a sentence,
    not a ref, and the section it leaves: a numbered title ("2: The force should...")
    names the section; any other sentence there is read into nothing (and reported)."""
    col = cmap.roles.get("ref")
    filled = [(i, cell.text) for i, cell in enumerate(row.cells) if cell.text]
    if col is None or len(filled) != 1 or filled[0][0] != col:
        return None
    text = filled[0][1]
    if len(text.split()) < _TITLE_WORDS:
        return None
    if match := _NUMBERED_TITLE.match(text):
        return "context", replace(section, ref=match["ref"], title=match["title"])
    return "unread", section


def _lone_heading(row: Row, settings: ExtractSettings) -> str:
    """Return the text of a row whose one text, in one cell, reads as a section's heading
    ("AFI 1: The service should..."): a spreadsheet's title row, its text running on over
    the empty cells beside it unmerged; else ''."""
    filled = [cell.text for cell in row.cells if cell.text]
    if len(filled) != 1 or match_heading(filled[0], settings) is None:
        return ""
    return filled[0]


def _fill_merges_down(row: Row, above: Row | None) -> Row:
    """Return the row with each slot merged into the cell above given that cell's text.

    A target date or owner merged down over two entries applies to both.
    """
    if above is None or len(above.cells) != len(row.cells):
        return row
    spanned = {
        col
        for start, cell in enumerate(row.cells)
        if not cell.merged
        for col in range(start + 1, start + cell.col_span)
    }
    cells = tuple(
        replace(cell, text=above.cells[col].text) if cell.merged and col not in spanned else cell
        for col, cell in enumerate(row.cells)
    )
    return replace(row, cells=cells)


def _area_row_ref(row: Row, cmap: ColumnMap) -> str | None:
    """Return the ref of a row that only names its area ("AFI1 | The force should... | |"),
    else None: its action cell is empty, not merged from an action above, and so is every
    cell but its ref and area (a tracker printing the area on every row gives the next
    progress entry of the action above so, its ref and action cells left empty)."""
    col = cmap.roles.get("action")
    if col is None or col >= len(row.cells) or row.cells[col].text or row.cells[col].merged:
        return None
    named = {cmap.roles.get("ref"), cmap.roles.get("area")}
    if any(cell.text for i, cell in enumerate(row.cells) if i not in named):
        return None
    return _cell(row, cmap.roles.get("ref"))


def _first_entry(actions: list[RawAction]) -> RawAction:
    for action in reversed(actions):
        if action.entry_no == 1:
            return action
    return actions[-1]


def _entry(row: Row, filled: Row, cmap: ColumnMap, reading: NormaliseSettings) -> RawAction:
    """Return the row's entry: its action cell as printed (empty continues the action above),
    the other cells with merges filled down."""
    roles = cmap.roles
    action = _cell(row, roles.get("action"))
    ref = _cell(row, roles.get("ref"))
    if not ref and action:
        match = _LEADING_REF.match(action)
        if match:
            ref, action = match["ref"], action[match.end() :]
    status_col = roles.get("status")
    # the row's shading: its cells that print or are filled, bar the status cell, whose fill is
    # the RAG colour rather than the row's
    cells = [
        c
        for j, c in enumerate(row.cells)
        if not c.merged and j != status_col and (c.text or c.fill)
    ]
    greys = [is_grey(c.fill, reading) for c in cells]
    greyed = bool(cells) and sum(greys) * 2 > len(cells)
    colours = {c.fill for c, grey in zip(cells, greys, strict=True) if c.fill and not grey}
    return RawAction(
        section_ref="",
        section_title="",
        action_ref=ref,
        entry_no=1,
        position=0,
        action=action,
        progress=_cell(filled, roles.get("progress")),
        latest_update=_cell(filled, cmap.update_col),
        update_period=cmap.update_period if cmap.update_col is not None else "",
        # "Original | Revised": the revised date, where there is one, is the target
        due_raw=_cell(filled, roles.get("revised_due")) or _cell(filled, roles.get("due")),
        status_raw=_cell(filled, status_col),
        lead_raw=_cell(filled, roles.get("lead")),
        signoff_raw=_cell(filled, roles.get("signoff")),
        greyed=greyed,
        source_page=row.page,
        status_fill=row.cells[status_col].fill if status_col is not None else None,
        status_spaced=filled.cells[status_col].spaced if status_col is not None else "",
        row_fill=colours.pop() if status_col is None and len(colours) == 1 else None,
    )


def _cell(row: Row, col: int | None) -> str:
    if col is None or col >= len(row.cells):
        return ""
    return row.cells[col].text


def _label_kind(row: Row, profile: Profile) -> str:
    """Return the label kind of a row like "Strategic lead | Head of ...", else ''."""
    texts = [c.text for c in row.cells if c.text]
    if not texts or len(texts) > 2:
        return ""
    label = normalise_label(texts[0])
    for kind, synonyms in profile.labels.items():
        if label in synonyms:
            return kind
    return ""


def _apply_label(row: Row, section: Section, profile: Profile) -> Section:
    kind = _label_kind(row, profile)
    texts = [c.text for c in row.cells if c.text]
    value = texts[1] if len(texts) > 1 else ""
    if kind == "section_title":
        return replace(section, title=value, awaiting_title=False)
    if kind == "summary":
        return replace(section, summary=value)
    if kind == "section_lead":
        return replace(section, lead=value)
    return section


def _section_from_area(area: str, section: Section, profile: Profile, ref: str | None) -> Section:
    """A tracker's area cell ("AFI 3: The service should...") names the section; where it
    holds no ref, the ref cell of its own row ("AFI1") does."""
    for pattern in profile.section_patterns:
        match = pattern.match(area)
        if match:
            title = (match.groupdict().get("title") or "").strip()
            return replace(section, ref=" ".join(match["ref"].split()), title=title)
    if ref:
        return replace(section, ref=ref, title=area)
    return replace(section, title=area)
