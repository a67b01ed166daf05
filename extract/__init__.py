"""Document to raw action records: table recognition, section context, keys, continuations.

The steps run in document order: headings set the section, key tables add lead
codes, action tables (found by their header row, not their position) give entries.
"""

from __future__ import annotations

from planwatch.errors import NotAPlan
from planwatch.model import Document, Extraction, Paragraph, RawAction, Table, TableVerdict

from .headers import ColumnMap, infer_unlabelled, match_header
from .keys import is_key_heading, read_key
from .metadata import read_plan_info
from .profile import Profile, load_profile
from .rows import _Counter, read_action_rows
from .sections import Section, match_heading, take_title
from .settings import ExtractSettings

__all__ = ["ExtractSettings", "extract_document", "find_header"]


def extract_document(document: Document, settings: ExtractSettings | None = None) -> Extraction:
    """Return the plan's metadata, key and raw action entries; raise NotAPlan if it has none."""
    settings = settings or ExtractSettings()
    profile = load_profile(settings.profile)
    section = Section()
    counter = _Counter()
    key_announced = False
    actions: list[RawAction] = []
    keys: dict[str, str] = {}
    verdicts: list[TableVerdict] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            heading = match_heading(block.text, profile)
            if heading:
                section = heading
            elif section.awaiting_title and not is_key_heading(block.text, profile):
                section = take_title(section, block.text)
            key_announced = is_key_heading(block.text, profile)
            continue
        index = len(verdicts) + 1
        section = Section(**{**section.__dict__, "awaiting_title": False})
        found = find_header(block, profile, settings)
        if found is not None:
            header_index, cmap = found
            rows, section = read_action_rows(block, header_index, cmap, section, profile, counter)
            actions += rows
            verdicts.append(
                TableVerdict(
                    index,
                    "actions",
                    f"header row {header_index + 1} matched",
                    cmap.explained,
                    block.rows[0].page,
                    len(rows),
                )
            )
        elif key := read_key(block, profile, key_announced):
            keys.update(key)
            verdicts.append(
                TableVerdict(
                    index,
                    "key",
                    "two columns of short codes and roles",
                    (),
                    block.rows[0].page if block.rows else None,
                    len(key),
                )
            )
        else:
            verdicts.append(
                TableVerdict(
                    index,
                    "skipped",
                    _why_skipped(block, profile, settings),
                    (),
                    block.rows[0].page if block.rows else None,
                )
            )
        key_announced = False
    if not actions:
        raise NotAPlan(
            f"{document.source.name}: no action table found ({len(verdicts)} tables read); "
            "run `planwatch extract --explain` to see why each table was skipped"
        )
    return Extraction(
        plan=read_plan_info(document),
        actions=tuple(actions),
        keys=keys,
        tables=tuple(verdicts),
        properties=dict(document.properties),
    )


def find_header(
    table: Table, profile: Profile, settings: ExtractSettings
) -> tuple[int, ColumnMap] | None:
    """Return (row index, column map) of the best action header in the table's top rows."""
    best: tuple[int, ColumnMap] | None = None
    for index, row in enumerate(table.rows[: settings.header_search_rows]):
        headers = list(row.texts)
        body = [list(r.texts) for r in table.rows[index + 1 : index + 40]]
        if not body:
            break
        cmap = infer_unlabelled(
            match_header(headers, profile), headers, body, settings.min_action_chars
        )
        if _is_action_header(cmap, settings) and (best is None or cmap.score > best[1].score):
            best = (index, cmap)
    return best


def _is_action_header(cmap: ColumnMap, settings: ExtractSettings) -> bool:
    others = {"due", "lead", "status", "progress", "signoff"} & set(cmap.roles)
    has_update = cmap.update_col is not None
    return "action" in cmap.roles and len(others) + has_update + 1 >= settings.min_header_roles


def _why_skipped(table: Table, profile: Profile, settings: ExtractSettings) -> str:
    if not table.rows:
        return "empty table"
    cmap = match_header(list(table.rows[0].texts), profile)
    if not cmap.roles:
        return f"no header row names an action column (first row: {table.rows[0].texts[:4]!r})"
    named = ", ".join(sorted(cmap.roles))
    return (
        f"header row names only {named}: an action table needs action plus"
        " a date, lead, status or progress column"
    )
