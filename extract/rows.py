"""An action table's rows into raw action entries, with continuations and label rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from planwatch.model import RawAction, Row, Table

from .headers import ColumnMap
from .profile import Profile, normalise_label
from .sections import Section

# "a. All staff to...", "(b) Human...", "iv) ...", "1.2 ..." : a ref printed inside the action cell
_LEADING_REF = re.compile(r"^(?P<ref>\(?(?:[a-z]|[ivx]{1,4}|\d+(?:\.\d+)*)[.)])\s+(?=\S)")


@dataclass
class SectionCounter:
    """Positions of actions within their section, carried across tables of one section."""

    key: tuple[str, str] = ("", "")
    position: int = 0


def read_action_rows(
    table: Table,
    header_index: int,
    cmap: ColumnMap,
    section: Section,
    profile: Profile,
    counter: SectionCounter,
) -> tuple[list[RawAction], Section]:
    """Return the table's action entries and the section as the table leaves it."""
    headers = table.rows[header_index].texts
    actions: list[RawAction] = []
    # label rows above the header ("Area for Improvement | ...") describe the section
    for row in table.rows[:header_index]:
        section = _apply_label(row, section, profile)
    area_col = cmap.roles.get("area")
    area_text = ""
    for row in table.rows[header_index + 1 :]:
        if row.texts == headers or not any(row.texts):
            continue  # a header repeated mid-table, or an empty row
        label = _label_kind(row, profile)
        if label:
            section = _apply_label(row, section, profile)
            continue
        if area_col is not None:
            area_text = _cell(row, area_col) or area_text  # merged down over several actions
            section = _section_from_area(area_text, section, profile)
        entry = _entry(row, cmap)
        key = (section.ref, section.title)
        if counter.key != key:
            counter.key, counter.position = key, 0
        if entry.action or not actions:
            counter.position += 1
            actions.append(
                replace(
                    entry,
                    position=counter.position,
                    section_ref=section.ref,
                    section_title=section.title,
                    section_summary=section.summary,
                )
            )
            continue
        # an empty action cell continues the action above: fill its text down
        first = _first_entry(actions)
        actions.append(
            replace(
                entry,
                action=first.action,
                action_ref=first.action_ref,
                position=first.position,
                entry_no=actions[-1].entry_no + 1,
                section_ref=first.section_ref,
                section_title=first.section_title,
                section_summary=first.section_summary,
            )
        )
    if section.lead:
        # "Strategic lead" is printed under the actions it leads
        actions = [a if a.lead_raw else replace(a, lead_raw=section.lead) for a in actions]
    return actions, section


def _first_entry(actions: list[RawAction]) -> RawAction:
    for action in reversed(actions):
        if action.entry_no == 1:
            return action
    return actions[-1]


def _entry(row: Row, cmap: ColumnMap) -> RawAction:
    roles = cmap.roles
    action = _cell(row, roles.get("action"))
    ref = _cell(row, roles.get("ref"))
    if not ref and action:
        match = _LEADING_REF.match(action)
        if match:
            ref, action = match["ref"], action[match.end() :]
    status_col = roles.get("status")
    cells = [c for c in row.cells if not c.merged and c.text]
    greyed = bool(cells) and sum(c.greyed for c in cells) * 2 > len(cells)
    return RawAction(
        section_ref="",
        section_title="",
        action_ref=ref,
        entry_no=1,
        position=0,
        action=action,
        progress=_cell(row, roles.get("progress")),
        latest_update=_cell(row, cmap.update_col),
        update_period=cmap.update_period if cmap.update_col is not None else "",
        due_raw=_cell(row, roles.get("due")),
        status_raw=_cell(row, status_col),
        lead_raw=_cell(row, roles.get("lead")),
        signoff_raw=_cell(row, roles.get("signoff")),
        greyed=greyed,
        source_page=row.page,
        status_fill=row.cells[status_col].fill if status_col is not None else None,
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


def _section_from_area(area: str, section: Section, profile: Profile) -> Section:
    """A tracker's area cell ("AFI 3: The service should...") names the section."""
    for pattern in profile.section_patterns:
        match = pattern.match(area)
        if match:
            title = (match.groupdict().get("title") or "").strip()
            return replace(section, ref=" ".join(match["ref"].split()), title=title or area)
    return replace(section, title=area)
