"""House styles met in plans written by hand (tests/redteam), drawn as dimensions of their
own: the edition named by the period it updates, two update columns headed by periods, key
codes of whole words, a table carried on with no header, a totals row under the actions,
and an action's text carried on in a row of its own."""

from __future__ import annotations

import random
import re
from datetime import date

from grid_render import ABOVE, Grid, Para, Shaded

from .items import Item
from .vocab import (
    AREA_WORDS,
    BLOCK_LABELS,
    GREY,
    KEY_OWN_TITLES,
    NUMBERED_LABELS,
    PERIOD_COLUMNS,
    PERIOD_EDITIONS,
    STATE_EDITIONS,
    UPDATES,
)

HOUSE_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "edition_form": ("named", "period_update"),
    "update_columns": ("none", "latest_last", "latest_first"),
    "key_code_words": ("abbreviations", "whole_words"),
    "table_break": ("none", "headerless"),
    "totals_row": ("no", "yes"),
    "action_wrap": ("no", "own_row"),
    # the paragraph form: a heading over each block, a numbered label giving each action
    # ("Action 3: ..."), or each label on a line of its own over its text (a <dl> page)
    "paragraph_label": ("heading", "numbered", "label_lines"),
    # a key table's header row in the usual words ("Code | Meaning") or in the plan's own
    # ("Initials | Post")
    "key_titles": ("usual", "own_words"),
    # each action printed as a small form of its own: a label and its value on each row
    "action_form": ("table", "form_per_action"),
    # a cover naming the state of the plan at a date ("Progress at 30 April 2024")
    "edition_label": ("usual", "state_at"),
    # the ref column headed by a word that usually names the area ("AFI"), over refs
    "ref_header": ("usual", "area_word"),
}
# the two pseudo roles of the update columns, in print order for each value
UPDATE_ROLES = {"latest_last": ("update_early", "update_late"), "latest_first": ("update_late",
                "update_early")}  # fmt: skip


def draw_house(seed: int) -> dict[str, str]:
    """Return the house-style choices, from a stream of their own (the other choices stay)."""
    house = random.Random(f"{seed}:house")
    return {name: house.choice(values) for name, values in HOUSE_DIMENSIONS.items()}


def edition_line(seed: int, drawn: str, choices: dict[str, str]) -> tuple[str, date]:
    """Return the cover's edition line and the edition it names."""
    from .vocab import EDITION_DATES

    if choices["edition_form"] == "period_update":
        choices["edition_label"] = "usual"
        line, day = PERIOD_EDITIONS[seed % len(PERIOD_EDITIONS)]
        return line, date(*day)
    if choices["edition_label"] == "state_at":
        line, day = STATE_EDITIONS[seed % len(STATE_EDITIONS)]
        return line, date(*day)
    return drawn, date(*EDITION_DATES[drawn])


def update_headers(seed: int, choices: dict[str, str]) -> dict[str, str]:
    """Return the headers of the two update columns ({} where the plan has none)."""
    if choices["update_columns"] == "none":
        return {}
    early, late, _ = PERIOD_COLUMNS[seed % len(PERIOD_COLUMNS)]
    return {"update_early": early, "update_late": late}


def fill_updates(seed: int, sections, choices: dict[str, str], roles) -> None:
    """Give every item its two update texts and the rows' expected update fields."""
    if choices["update_columns"] == "none":
        return
    period = PERIOD_COLUMNS[seed % len(PERIOD_COLUMNS)][2]
    n = 0
    for _, _, items in sections:
        for item in items:
            item.update_early = UPDATES[n % len(UPDATES)]
            item.update_late = UPDATES[(n + 1) % len(UPDATES)]
            item.update_period = period
            # with no progress column, the earlier period's update is the progress so far
            if "progress" not in roles:
                item.progress = item.update_early
            n += 1


def wrap_action(sections, choices: dict[str, str]) -> None:
    """Carry on the text of the last action with no continuation entries in a row of its
    own, from a word in lower case (a continuation's cells merged into the action's would
    join the two rows)."""
    if choices["action_wrap"] != "own_row":
        return
    items = [item for _, _, items in sections for item in items if not item.continuations]
    if not items:
        choices["action_wrap"] = "no"
        return
    spaces = [m.start() for m in re.finditer(r" (?=[a-z])", items[-1].action)]
    items[-1].wrap = spaces[len(spaces) // 2]


def wrap_row(item: Item, roles: tuple[str, ...]) -> list:
    """The row holding the rest of the item's action text, every other cell empty."""
    rest = item.action[item.wrap + 1 :]
    cells = [rest if role == "action" else "" for role in roles]
    return [Shaded(c, GREY) if item.greyed else c for c in cells]


def totals_row(items: list[Item], roles: tuple[str, ...], width: int) -> tuple:
    """A row of counts under a table's actions: the total in its first cell (the second where
    the status comes first), the number complete in the status column."""
    cells = [""] * width
    status = width - len(roles) + roles.index("status")  # after an area column, if any
    cells[1 if status == 0 else 0] = f"Total actions: {len(items)}"
    cells[status] = f"Complete: {sum(item.status == 'complete' for item in items)}"
    return tuple(cells)


def split_grid(grid: Grid, at: int) -> list[Grid]:
    """Return the grid as two: its rows before body row ``at``, then the rest with no header,
    a merged cell opening the second re-printed from above (as its author would)."""
    rows = grid.rows
    head, tail = rows[: at + 1], [list(r) for r in rows[at + 1 :]]
    for col, cell in enumerate(tail[0]):
        if cell is ABOVE:
            tail[0][col] = next(r[col] for r in reversed(head) if r[col] is not ABOVE)
    return [Grid(head, header_rows=grid.header_rows), Grid(tuple(map(tuple, tail)), ())]


def label_items(sections, choices: dict[str, str]) -> None:
    """Give the paragraph form's items the refs, titles and updates their labels print: a
    numbered label is a plan-wide ref and no section; label lines print the finding whole."""
    n = 0
    for _, title, items in sections:
        for item in items:
            n += 1
            if choices["paragraph_label"] == "numbered":
                item.section_ref, item.action_id = "", str(n)
                # every block prints every label: with one left out, which block a label
                # after the numbered one belongs to is not for the reader to tell
                item.progress = item.progress or UPDATES[n % len(UPDATES)]
            elif choices["paragraph_label"] == "label_lines":
                item.section_title = title


def labelled_blocks(seed: int, sections, choices: dict[str, str]) -> list | None:
    """Return the paragraph form's blocks where the plan draws numbered labels or label
    lines (None where a heading opens each block), the labels in an order drawn per plan."""
    form = choices["paragraph_label"]
    if form == "heading":
        return None
    rng = random.Random(f"{seed}:labels")
    word = rng.choice(NUMBERED_LABELS)
    labels = {role: rng.choice(wordings) for role, wordings in BLOCK_LABELS.items()}
    order = ["action", "status", "progress"]
    rng.shuffle(order)
    blocks, n = [], 0
    for ref, title, items in sections:
        item = items[0]
        n += 1
        values = {"action": item.action, "status": item.status_text, "progress": item.progress}
        if form == "numbered":
            lines = [(f"{word} {n}" if r == "action" else labels[r], values[r]) for r in order]
            blocks += [Para(f"{label}: {text}") for label, text in lines if text]
            continue
        blocks += [Para(ref, "Heading 2"), Para(labels["area"]), Para(title)]
        for role in order:
            blocks += [Para(labels[role]), Para(values[role])] if values[role] else []
    return blocks


def key_header(choices: dict[str, str], service: str) -> tuple[str, str]:
    """Return the header row of a key table that has one."""
    if choices["key_titles"] == "own_words":
        return KEY_OWN_TITLES[len(service) % len(KEY_OWN_TITLES)]
    code, meaning = choices["key_columns"].split(" | ")
    return code, meaning


def fit_forms(sections, roles, choices: dict[str, str]) -> None:
    """Keep a form per action to plans whose sections a heading names, or none does, and
    whose forms name the action and two fields more (``ExtractSettings.min_form_fields``:
    a label and a value beside it, twice, may as well be a key), and leave out of its forms
    what only a table row can print: continuation rows, a wrapped or bold-titled action, a
    totals row, a table carried on."""
    if choices["action_form"] != "form_per_action":
        return
    if (
        choices["layout"] != "per_section"
        or choices["section_style"] not in ("heading", "none")
        or len(roles) < 3
    ):
        choices["action_form"] = "table"
        return
    choices |= {"table_break": "none", "totals_row": "no", "action_wrap": "no"}
    choices |= {"continuation": "no", "bold_emphasis": "none"}
    for _, _, items in sections:
        for item in items:
            item.continuations, item.bold_line = [], ""


def form_blocks(sections, roles, headers, choices: dict[str, str], cells_of) -> list[list]:
    """Return the action part as one group per section, each action a form of two columns:
    the plan's column titles down the first, the action's cells (``cells_of``) beside them."""
    groups = []
    for ref, title, items in sections:
        group = (
            [Para(f"{ref}: {title}", "Heading 1")] if choices["section_style"] == "heading" else []
        )
        for item in items:
            pairs = zip((headers[role] for role in roles), cells_of(item, roles), strict=True)
            group.append(Grid(tuple(pairs), header_rows=()))
        groups.append(group)
    return groups


def broken_section(sections, choices: dict[str, str]) -> int | None:
    """The last section of two actions or more, which a headerless table carries on."""
    if choices["table_break"] != "headerless":
        return None
    many = [n for n, (_, _, items) in enumerate(sections) if len(items) > 1]
    return many[-1] if many else None


def ref_header(headers: dict[str, str], roles, sections, choices: dict[str, str]) -> dict[str, str]:
    """Return the headers with the ref column's headed by an area word where the plan draws
    it: not beside an area column of its own, nor in a form or a table of one action (one
    action gives no evidence that each holds a ref of its own)."""
    merged = choices["section_style"] == "merged_column"
    # a section's table of one action, or its first part where a table is carried on; a
    # tracker's part before the break that holds one action
    lone = choices["layout"] == "per_section" and (
        any(len(s[2]) < 2 for s in sections) or choices["table_break"] != "none"
    )
    broken = broken_section(sections, choices)
    if choices["layout"] == "tracker" and broken is not None:
        lone = sum(len(items) for _, _, items in sections[: broken + 1]) - 1 < 2
    if "ref" not in roles or merged or lone or choices["action_form"] != "table":
        choices["ref_header"] = "usual"
    if choices["ref_header"] == "usual":
        return headers
    return headers | {"ref": AREA_WORDS[len(choices["refs"]) % len(AREA_WORDS)]}
