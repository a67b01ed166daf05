"""The canonical form of a text: the document's words, with the spacing a format does not
carry reliably made one.

A PDF that wraps a line after a slash writes no space there whether or not the author
typed one ("appliances/ vehicles" and "process/policy" in one plan): the two readings
cannot be told apart from the page, and an edition retyped either way would read as
reworded. So a space after a slash between two words is never kept, in any format.

Two editions' texts say the same where they differ only in letter case or a full stop at
the end ("Head of People", "HEAD OF PEOPLE"): a diff reports no change between them.
"""

from __future__ import annotations

import re

# a slash between a word's last letter or digit and the next word's first, spaces after it
_SPACE_AFTER_SLASH = re.compile(r"(?<=[^\W_])/\s+(?=[^\W_])")


def canonical_text(text: str) -> str:
    """Return ``text`` with the space after a slash between two words dropped; an address
    ending in a slash ("example.org/ plans") keeps its space."""
    if "/" not in text:
        return text

    def joined(match: re.Match[str]) -> str:
        token = text[max(text.rfind(" ", 0, match.start()), 0) : match.start()]
        return "/ " if "." in token or ":" in token else "/"

    return _SPACE_AFTER_SLASH.sub(joined, text)


def same_wording(old: str, new: str) -> bool:
    """True when two canonical texts differ at most in letter case and a closing full stop."""
    return old.rstrip(". ").casefold() == new.rstrip(". ").casefold()
