"""Tables drawn without rules, found from text laid out in aligned columns."""

from __future__ import annotations

from .pdf_layout import PhysicalLine
from .pdf_tables import Fragment


def find_borderless(
    lines: list[PhysicalLine], number: int
) -> tuple[list[Fragment], list[PhysicalLine]]:
    """Return the borderless table fragments among a page's lines and the lines left."""
    return [], lines
