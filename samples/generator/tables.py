"""The plan's blocks: title lines, action tables in the drawn section style, the key,
tables that are not action tables, and the paragraph form."""

from __future__ import annotations

import random

from grid_render import ABOVE, LEFT, BoldHead, Grid, Para, Shaded

from .house import (
    broken_section,
    form_blocks,
    key_header,
    labelled_blocks,
    split_grid,
    totals_row,
    wrap_row,
)
from .items import Item, key_entries
from .vocab import GREY, KEY_LINE_FORMS

AREA_HEADER = "Area for improvement"
_NON_ACTION = {
    "version_history": (
        "Version history",
        (
            ("Version", "Date", "Author", "Changes"),
            ("1.0", "14/01/2022", "Performance Team", "First published"),
            ("2.0", "12/07/2022", "Performance Team", "Progress updated"),
        ),
    ),
    "contents": (
        "Contents",
        (("Section", "Page"), ("Introduction", "2"), ("Action plan", "3"), ("Key", "9")),
    ),
    "summary_counts": (
        "Summary of progress",
        (
            ("Pillar", "Number of actions", "Complete", "In progress", "Not started"),
            ("Effectiveness", "12", "4", "6", "2"),
            ("Efficiency", "5", "1", "3", "1"),
            ("People", "9", "3", "3", "3"),
        ),
    ),
    "signoff_sheet": (
        "Sign-off",
        (
            ("Name", "Role", "Signature", "Date"),
            ("A. Smith", "Chief Officer", "", "01/04/2022"),
            ("B. Jones", "Chair of the Authority", "", "05/04/2022"),
        ),
    ),
}


def front_matter(organisation: str, title: str, edition: str) -> list:
    return [Para(organisation, "Title"), Para(title, "Subtitle"), Para(edition)]


def used_dimensions(choices: dict[str, str], roles: tuple[str, ...]) -> dict[str, str]:
    """Return the choices that shaped this plan (a choice with no effect is left out)."""
    names = ["form", "geometry", "non_action", "edition_form", "edition_label"]
    names += ["paragraph_label"] if choices["form"] == "paragraphs" else []
    if choices["form"] == "paragraphs" or choices["status_form"] in ("words", "words_fill"):
        names.append("status_wording")
    if choices["non_action"] != "none":
        names.append("non_action_position")
    if choices["form"] == "tables":
        names += ["layout", "section_style", "refs", "order", "status_form", "greyed"]
        names += ["update_columns", "table_break", "totals_row", "action_wrap", "action_form"]
        names += ["ref_header"] if "ref" in roles else []
        names += ["grey_meaning"] if choices["greyed"] == "yes" else []
        if "due" in roles:
            names.append("dates")
        if "lead" in roles:
            names.append("leads")
            names.append("role_form" if choices["leads"] == "roles" else "lead_spelling")
            if _has_key(choices, roles):
                names += ["key_form", "key_position", "key_heading", "key_code_words"]
                names += ["key_columns"] if choices["key_form"] == "table" else []
                if choices["key_form"] == "table" and choices["key_columns"] != "none":
                    names.append("key_titles")
        if "bold" not in choices["section_style"]:
            names.append("bold_emphasis")
        if "progress" in roles:
            names.append("continuation")
            names += ["continuation_cells"] if choices["continuation"] == "yes" else []
    return {name: choices[name] for name in names}


def _has_key(choices: dict[str, str], roles: tuple[str, ...]) -> bool:
    return "lead" in roles and choices["leads"] in ("codes", "several_codes")


def _item_row(item: Item, roles: tuple[str, ...]) -> list:
    texts = {
        "ref": item.ref,
        "action": item.action[: item.wrap] if item.wrap else item.action,
        "update_early": item.update_early,
        "update_late": item.update_late,
        "progress": item.progress,
        "due": item.due[0],
        "lead": item.lead_text,
        "status": item.status_text,
    }
    cells = []
    for role in roles:
        fill = item.status_fill if role == "status" and item.status_fill else None
        fill = fill or (GREY if item.greyed else None)
        if role == "action" and item.bold_line:
            cells.append(BoldHead(f"{item.bold_line}\n{texts[role]}", fill))
        else:
            cells.append(Shaded(texts[role], fill) if fill else texts[role])
    return cells


def _continuation_row(item: Item, text: str, roles: tuple[str, ...], merged: bool) -> list:
    cells = []
    for role in roles:
        if role in ("ref", "action") and merged:
            cells.append(ABOVE)
            continue
        value = text if role == "progress" else ""
        cells.append(Shaded(value, GREY) if item.greyed else value)
    return cells


def _section_rows(section, roles, choices) -> list[list]:
    """The table rows of one section: its label row or merged area cell, then its items."""
    ref, title, items = section
    style, merged = choices["section_style"], choices["continuation_cells"] == "merged"
    rows = []
    for item in items:
        rows.append(_item_row(item, roles))
        rows += [wrap_row(item, roles)] if item.wrap else []
        rows += [_continuation_row(item, t, roles, merged) for t in item.continuations]
    if style == "merged_column":
        rows = [[f"{ref}: {title}" if n == 0 else ABOVE, *row] for n, row in enumerate(rows)]
    if style == "label_row":
        rows.insert(0, [f"{ref}: {title}", *([LEFT] * (len(roles) - 1))])
    name = f"{ref}: {title}" if ref else title
    if style == "bold_first_line":
        col = roles.index("action")
        cell = rows[0][col]
        text, fill = (cell.text, cell.fill) if isinstance(cell, Shaded) else (cell, None)
        rows[0][col] = BoldHead(f"{name}\n{text}", fill)
    if style == "bold_row":
        rows.insert(0, [BoldHead(name), *([""] * (len(roles) - 1))])
    return rows


def _action_grid(rows: list[list], roles, headers, choices) -> Grid:
    header = [headers[role] for role in roles]
    if choices["section_style"] == "merged_column":
        header.insert(0, AREA_HEADER)
    bold = choices["bold_emphasis"] == "whole_table" and "bold" not in choices["section_style"]
    body = tuple(range(1, len(rows) + 1)) if bold else ()
    return Grid((tuple(header), *(tuple(r) for r in rows)), header_rows=(0,), bold_rows=body)


def action_blocks(roles, headers, sections, choices) -> list[list]:
    """Return the action part as groups of blocks (one per section, or one for a tracker)."""
    style = choices["section_style"]
    if choices["layout"] == "tracker":
        rows = [row for section in sections for row in _section_rows(section, roles, choices)]
        items = [item for _, _, section_items in sections for item in section_items]
        grid = _action_grid(rows, roles, headers, choices)
        return [_finished(grid, items, _break_at(sections, roles, choices), choices, roles)]
    groups = []
    broken = broken_section(sections, choices)
    for n, section in enumerate(sections):
        ref, title, items = section
        grid = _action_grid(_section_rows(section, roles, choices), roles, headers, choices)
        at = _break_at([section], roles, choices) if n == broken else None
        grids = _finished(grid, items, at, choices, roles)
        if style == "heading":
            groups.append([Para(f"{ref}: {title}", "Heading 1"), *grids])
        elif style == "box_table":
            groups.append([Grid(((ref, title),), header_rows=()), *grids])
        else:
            groups.append(grids)
    return groups


def _break_at(sections, roles, choices) -> int | None:
    """Return the body row before which the table breaks: before the last action of the
    last section of two actions or more (None where the plan does not break)."""
    broken = broken_section(sections, choices)
    if broken is None:
        return None
    ref, title, items = sections[broken]
    rows = [row for section in sections[:broken] for row in _section_rows(section, roles, choices)]
    return len(rows) + len(_section_rows((ref, title, items[:-1]), roles, choices))


def _finished(grid: Grid, items, at: int | None, choices, roles) -> list[Grid]:
    """Return the grid as printed: carried on in a second table with no header from body
    row ``at``, and with a row of totals under it, as the plan draws."""
    grids = [grid] if at is None else split_grid(grid, at)
    if choices["totals_row"] == "yes":
        last = grids[-1]
        totals = totals_row(items, roles, len(last.rows[0]))
        grids[-1] = Grid((*last.rows, totals), header_rows=last.header_rows)
    return grids


def key_blocks(choices: dict[str, str], service: str) -> list:
    """The lead key, as a two-column table or as lines, under its heading if it has one."""
    entries = key_entries(service, choices)
    heading = choices["key_heading"]
    blocks = [] if heading == "none" else [Para(heading, "Heading 2")]
    if choices["key_form"] == "lines":
        form = KEY_LINE_FORMS[len(heading) % len(KEY_LINE_FORMS)]
        return blocks + [Para(form.format(code=c, role=r)) for c, r in entries]
    rows = [tuple(entry) for entry in entries]
    if choices["key_columns"] != "none":
        rows.insert(0, key_header(choices, service))
    has_header = choices["key_columns"] != "none"
    return blocks + [Grid(tuple(rows), header_rows=(0,) if has_header else ())]


def non_action_blocks(kind: str) -> list:
    if kind == "none":
        return []
    heading, rows = _NON_ACTION[kind]
    return [Para(heading, "Heading 2"), Grid(rows, header_rows=(0,))]


def paragraph_blocks(rng: random.Random, sections) -> list:
    """One labelled block per area: its label, the finding, then response, status and update
    in an order drawn per plan."""
    labels = [("Our response", "action"), ("Status", "status"), ("Update", "progress")]
    rng.shuffle(labels)
    blocks = []
    for ref, title, items in sections:
        item = items[0]
        values = {"action": item.action, "status": item.status_text, "progress": item.progress}
        blocks += [Para(ref, "Heading 2"), Para(title)]
        blocks += [Para(f"{label}: {values[field]}") for label, field in labels if values[field]]
    return blocks


def _separated(blocks: list) -> list:
    """Put an empty paragraph between two tables, which Word would otherwise join."""
    out = []
    for block in blocks:
        if out and isinstance(block, Grid) and isinstance(out[-1], Grid):
            out.append(Para(""))
        out.append(block)
    return out


def body(rng: random.Random, choices, roles, headers, sections, service: str, seed: int) -> list:
    """Return every block after the title lines, in document order."""
    extra = non_action_blocks(choices["non_action"])
    before, after = (extra, []) if choices["non_action_position"] == "start" else ([], extra)
    if choices["form"] == "paragraphs":
        blocks = labelled_blocks(seed, sections, choices) or paragraph_blocks(rng, sections)
        return _separated(before + blocks + after)
    if choices["action_form"] == "form_per_action":
        groups = form_blocks(sections, roles, headers, choices, _item_row)
    else:
        groups = action_blocks(roles, headers, sections, choices)
    if _has_key(choices, roles):
        key, where = key_blocks(choices, service), choices["key_position"]
        at = {"start": 0, "between": 1 if len(groups) > 1 else 0, "end": len(groups)}[where]
        groups.insert(at, key)
    return _separated(before + [b for group in groups for b in group] + after)
