"""Matching actions across editions and listing what changed."""

from .changes import diff_editions
from .match import Match, match_actions
from .notes import added_text, describe

__all__ = ["Match", "added_text", "describe", "diff_editions", "match_actions"]
