"""Section context: which group of actions the document is in at each point."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .profile import Profile

_MAX_HEADING_CHARS = 200


@dataclass(frozen=True)
class Section:
    ref: str = ""
    title: str = ""
    summary: str = ""
    lead: str = ""  # strategic lead printed for the whole section
    awaiting_title: bool = False  # heading gave a ref only; the next paragraph is its title


def match_heading(text: str, profile: Profile) -> Section | None:
    """Return the Section a heading paragraph opens ("Objective 1:", "Effectiveness – ES1.1")."""
    if len(text) > _MAX_HEADING_CHARS:
        return None
    for pattern in profile.section_patterns:
        match = pattern.match(text.strip())
        if match:
            ref = " ".join(match["ref"].split())
            title = (match.groupdict().get("title") or "").strip()
            return Section(ref=ref, title=title, awaiting_title=not title)
    return None


def take_title(section: Section, text: str) -> Section:
    """Return ``section`` with ``text`` as its title (the paragraph under a ref-only heading)."""
    return replace(section, title=text.strip(), awaiting_title=False)
