"""Matching actions across editions and listing what changed."""

from .changes import diff_editions
from .keys import key_edition
from .match import Match, match_actions
from .notes import describe, describe_changes, heading, kind_counts, render_note, summary_line
from .settings import DiffSettings

__all__ = [
    "DiffSettings",
    "Match",
    "describe",
    "describe_changes",
    "diff_editions",
    "heading",
    "key_edition",
    "kind_counts",
    "match_actions",
    "render_note",
    "summary_line",
]
