"""Word-level redline of two texts as HTML: deleted words in <del>, inserted words in <ins>."""

from __future__ import annotations

import difflib
import re
from html import escape

_WORD = re.compile(r"\S+\s*")


def redline(old: str, new: str) -> tuple[str, str]:
    """Return (old, new) as escaped HTML with the words only one side has marked."""
    before, after = _WORD.findall(old), _WORD.findall(new)
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in before], [w.strip() for w in after], autojunk=False
    )
    old_html, new_html = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_html.append(escape("".join(before[i1:i2])))
            new_html.append(escape("".join(after[j1:j2])))
            continue
        old_html.append(_mark("del", "".join(before[i1:i2])))
        new_html.append(_mark("ins", "".join(after[j1:j2])))
    return "".join(old_html).rstrip(), "".join(new_html).rstrip()


def _mark(tag: str, text: str) -> str:
    # Keep the space after the last word outside the mark, as a redline does.
    words = text.rstrip()
    if not words:
        return ""
    return f"<{tag}>{escape(words)}</{tag}>{escape(text[len(words) :])}"
