"""Inline markup that some exports keep in cell text, and the one rule that removes it."""

from __future__ import annotations

import re

# "<i>Head of Operational Support</i>", "<B>Complete</B>": tags a text export kept
_TAGS = re.compile(r"</?(?:i|b|u|em|strong)>", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Return the text with inline italic, bold, underline and emphasis tags removed."""
    return _TAGS.sub("", text)
