"""Matching actions across editions and listing what changed."""

from .changes import diff_editions
from .match import Match, match_actions
from .notes import added_text, describe, describe_changes

__all__ = ["Match", "added_text", "describe", "describe_changes", "diff_editions", "match_actions"]
