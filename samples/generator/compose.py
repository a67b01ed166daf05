"""A seed to a plan: independent layout choices, the blocks they give, the rows expected."""

from __future__ import annotations

import random
from dataclasses import dataclass

from grid_render import Para

from . import house, tables
from .dates import STYLES
from .items import Item, draw_item, grey_defined
from .vocab import (
    ACTION_TITLES,
    ACTIONS,
    AREA_NAMES,
    EDITIONS,
    GREY_DEFINITIONS,
    HEADERS,
    LONG_BOLD_LINES,
    OPTIONAL_ROLES,
    ORGANISATIONS,
    PROGRESSES,
    SECTION_REFS,
    SECTION_TITLES,
    TITLES,
)

# dimension -> the values a plan draws from, each equally likely
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "form": ("tables", "tables", "tables", "tables", "tables", "paragraphs"),
    "layout": ("per_section", "tracker"),
    "section_style": ("heading", "label_row", "box_table", "merged_column", "none"),
    "refs": ("dotted", "letter", "number", "none"),
    "order": ("usual", "shuffled"),
    "status_form": ("words", "words_fill", "rag_words", "rag_fill", "rag_words_fill"),
    "leads": ("codes", "several_codes", "roles", "ranks"),
    "key_form": ("table", "lines"),
    "key_position": ("start", "between", "end"),
    "key_heading": ("Key", "Glossary", "Abbreviations", "Owner codes", "Acronyms", "none"),
    "key_columns": ("Code | Meaning", "Abbreviation | Role", "none"),
    "dates": STYLES,
    "continuation": ("yes", "no"),
    "continuation_cells": ("merged", "blank"),
    "greyed": ("yes", "no"),
    "non_action": ("none", "version_history", "contents", "summary_counts", "signoff_sheet"),
    "non_action_position": ("start", "end"),
    "geometry": ("a4_landscape_11", "a4_portrait_10", "a4_landscape_9_narrow"),
}
# Dimensions added later draw from a stream of their own, so that each seed's other choices
# stay as they were (a committed PDF in tests/generated/pdf is rebuilt only when a later
# dimension changes its plan).
LATER_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "lead_spelling": ("as_key", "dots_spaces"),
    "role_form": ("plain", "bracketed"),
    "grey_meaning": ("unstated", "defined"),
    "status_wording": ("words", "sentences"),
    # bold that names no section: each action's own title over its text, the whole table in
    # bold, a long bold sentence opening the first action of each section
    "bold_emphasis": ("none", "none", "action_titles", "whole_table", "long_first_line"),
}
# Section styles added later: the area's name in bold as the first line of its first action
# cell, or as a row of its own; drawn for a share of the plans from a stream of their own
BOLD_STYLES = ("bold_first_line", "bold_row")
_BOLD_SHARE = 0.25
ALL_DIMENSIONS = (
    DIMENSIONS
    | LATER_DIMENSIONS
    | house.HOUSE_DIMENSIONS
    | {"section_style": DIMENSIONS["section_style"] + BOLD_STYLES}
)
USUAL_ORDER = ("ref", "action", "lead", "due", "status", "progress")


@dataclass(frozen=True)
class GeneratedPlan:
    seed: int
    stem: str
    title: str
    choices: dict[str, str]  # dimension -> value drawn (only those the plan uses)
    blocks: tuple  # grid_render Para and Grid records, in document order
    expected: tuple[dict, ...]  # canonical rows, in document order


def _draw_choices(rng: random.Random, seed: int) -> dict[str, str]:
    choices = {name: rng.choice(values) for name, values in DIMENSIONS.items()}
    later = random.Random(f"{seed}:later")
    choices |= {name: later.choice(values) for name, values in LATER_DIMENSIONS.items()}
    if choices["layout"] == "tracker" and choices["section_style"] in ("heading", "box_table"):
        choices["section_style"] = rng.choice(("label_row", "merged_column", "none"))
    if choices["section_style"] == "none" and choices["refs"] in ("letter", "number"):
        choices["refs"] = rng.choice(("dotted", "none"))
    bold = random.Random(f"{seed}:bold")
    if bold.random() < _BOLD_SHARE:
        choices["section_style"] = bold.choice(BOLD_STYLES)
    return choices | house.draw_house(seed)


def _draw_roles(rng: random.Random, choices: dict[str, str]) -> tuple[str, ...]:
    """The plan's columns, in print order: action and status always, the rest drawn."""
    roles = ["action", "status"] + [r for r in OPTIONAL_ROLES if rng.random() < 0.75]
    if choices["refs"] == "none":
        roles = [r for r in roles if r != "ref"]
    elif "ref" not in roles:
        roles.append("ref")
    ordered = [r for r in USUAL_ORDER if r in roles]
    if choices["order"] == "shuffled":
        rest = [r for r in ordered if r != "ref"]
        rng.shuffle(rest)
        ordered = (["ref"] if "ref" in ordered else []) + rest
    return tuple(ordered)


def _ref(scheme: str, section_no: int, action_no: int) -> str:
    if scheme == "dotted":
        return f"{section_no}.{action_no}"
    if scheme == "letter":
        return f"{'abcdefghij'[action_no - 1]}."
    if scheme == "number":
        return str(action_no)
    return ""


def _action_id(section_ref: str, ref: str, position: int) -> str:
    """The contract's action id: a plan-wide ref as printed, else <section>/<ref or position>."""
    clean = ref.strip().strip("().").strip()
    if clean and "." in clean:
        return clean
    local = clean or str(position)
    return f"{section_ref}/{local}" if section_ref else local


def _sections(rng: random.Random, choices: dict[str, str], roles, service: str):
    """Return [(section ref, title, [items])] with every item's cells drawn."""
    scheme = rng.choice(SECTION_REFS)
    titles = rng.sample(SECTION_TITLES, rng.randint(2, 4))
    paragraphs = choices["form"] == "paragraphs"
    no_sections = choices["section_style"] == "none" and not paragraphs
    bold = choices["section_style"] in BOLD_STYLES and not paragraphs
    sections, counter = [], 0
    for s, title in enumerate(titles, start=1):
        section_ref = "" if no_sections else scheme.format(n=s)
        if bold:
            # a plan-wide ref ("2.1") lets the bold line name the area alone ("Protection")
            title = AREA_NAMES[(len(scheme) + s) % len(AREA_NAMES)]
            section_ref = "" if choices["refs"] == "dotted" else section_ref
        items = []
        # where a bold name alone marks a section, it holds two actions or more: with one
        # apiece, the names could as well be each action's own title
        last = 2 if paragraphs else max(rng.randint(2, 4), 3 if bold and not section_ref else 0)
        for a in range(1, last):
            counter += 1
            ref = "" if paragraphs else _ref(choices["refs"], s, a)
            position = counter if no_sections else a
            item = Item(
                section_ref, _action_id(section_ref, ref, position), ref, rng.choice(ACTIONS)
            )
            item.section_title = title if bold else None
            item.bold_line = _bold_line(choices, paragraphs or bold, a, counter)
            draw_item(rng, item, choices, service, roles)
            if "progress" in roles:
                item.progress = rng.choice(PROGRESSES)
            items.append(item)
        sections.append((section_ref if bold else scheme.format(n=s), title, items))
    return sections


def _bold_line(choices: dict[str, str], no_emphasis: bool, a: int, counter: int) -> str:
    """Return the bold line printed over an action's text, if the plan draws one."""
    emphasis = "none" if no_emphasis else choices["bold_emphasis"]
    if emphasis == "action_titles":
        return ACTION_TITLES[counter % len(ACTION_TITLES)]
    if emphasis == "long_first_line" and a == 1:
        return LONG_BOLD_LINES[counter % len(LONG_BOLD_LINES)]
    return ""


def compose_plan(seed: int) -> GeneratedPlan:
    """Return the plan the seed draws: its blocks and the rows it must extract to."""
    rng = random.Random(seed)
    choices = _draw_choices(rng, seed)
    organisation, service = rng.choice(ORGANISATIONS)
    if choices["form"] == "paragraphs":
        choices["status_form"] = "words"
        roles = ("action", "status", "progress")
    else:
        roles = _draw_roles(rng, choices)
    headers = {role: rng.choice(HEADERS[role]) for role in roles}
    if choices["form"] == "tables" and choices["update_columns"] != "none":
        headers |= house.update_headers(seed, choices)
        roles = (*roles, *house.UPDATE_ROLES[choices["update_columns"]])
    sections = _sections(rng, choices, roles, service)
    if choices["form"] == "paragraphs":
        house.label_items(sections, choices)
    if choices["form"] == "tables":
        house.fit_forms(sections, roles, choices)
        headers = house.ref_header(headers, roles, sections, choices)
        house.fill_updates(seed, sections, choices, roles)
        house.wrap_action(sections, choices)
        if all(len(items) < 2 for _, _, items in sections) or (
            # the first part of a table may hold only actions opening in bold, or one: their
            # own titles or the names of their areas, which that part alone cannot tell
            choices["layout"] == "tracker" and choices["section_style"] == "bold_first_line"
        ) or choices.get("bold_emphasis") == "action_titles":
            choices["table_break"] = "none"
    title = rng.choice(TITLES)
    line, edition = house.edition_line(seed, rng.choice(EDITIONS), choices)
    front = tables.front_matter(organisation, title, line)
    if grey_defined(choices):
        front.append(Para(GREY_DEFINITIONS[seed % len(GREY_DEFINITIONS)]))
    body = tables.body(rng, choices, roles, headers, sections, service, seed)
    used = tables.used_dimensions(choices, roles)
    used |= {f"header.{role}": text for role, text in headers.items()}
    expected = [
        row | {"edition_date": edition}
        for _, _, items in sections
        for item in items
        for row in item.expected(choices["form"] == "paragraphs")
    ]
    stem = f"generated-{seed:05d}"
    return GeneratedPlan(
        seed, stem, f"{organisation} {title}", used, (*front, *body), tuple(expected)
    )
