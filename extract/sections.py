"""Section context: which group of actions the document is in at each point."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planwatch.model import Table

from .settings import ExtractSettings


@dataclass(frozen=True)
class Section:
    ref: str = ""
    title: str = ""
    summary: str = ""
    lead: str = ""  # strategic lead printed for the whole section
    awaiting_title: bool = False  # heading gave a ref only; the next paragraph is its title


def match_heading(text: str, settings: ExtractSettings) -> Section | None:
    """Return the Section a heading paragraph opens ("Objective 1:", "Effectiveness – ES1.1")."""
    if len(text) > settings.max_heading_chars:
        return None
    for pattern in settings.profile.section_patterns:
        match = pattern.match(text.strip())
        if match:
            ref = " ".join(match["ref"].split())
            title = (match.groupdict().get("title") or "").strip()
            return Section(ref=ref, title=title, awaiting_title=not title)
    return None


def take_title(section: Section, text: str) -> Section:
    """Return ``section`` with ``text`` as its title (the paragraph under a ref-only heading)."""
    return replace(section, title=text.strip(), awaiting_title=False)


def box_section(table: Table, settings: ExtractSettings) -> Section | None:
    """Return the Section a small table above the actions opens ("AFI 1" | "The service
    should..."), read as one heading from its cells in order; None if it is no such box
    (a box is one or two rows)."""
    texts = [c.text for row in table.rows for c in row.cells if not c.merged]
    return section_of_cells(texts, settings) if len(table.rows) <= 2 else None


def section_of_cells(texts: list[str], settings: ExtractSettings) -> Section | None:
    """Return the Section that a few cells open when the first names one: its reference
    (and maybe title), then the title in the cells after; None otherwise."""
    texts = [t.strip() for t in texts if t.strip()]
    if not 0 < len(texts) <= settings.max_box_cells:
        return None
    section = match_heading(texts[0], settings)
    if section is None or not section.awaiting_title or len(texts) == 1:
        return section
    return take_title(section, " ".join(texts[1:]))
