"""Cell backgrounds from CSS and colour values: what HTML and OpenDocument cells are shaded with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# the CSS colour names plans use for shading and RAG; others are left unread
NAMED = {
    "white": "FFFFFF",
    "black": "000000",
    "red": "FF0000",
    "green": "008000",
    "lime": "00FF00",
    "yellow": "FFFF00",
    "orange": "FFA500",
    "blue": "0000FF",
    "grey": "808080",
    "gray": "808080",
    "silver": "C0C0C0",
    "lightgrey": "D3D3D3",
    "lightgray": "D3D3D3",
    "darkgrey": "A9A9A9",
    "darkgray": "A9A9A9",
    "gainsboro": "DCDCDC",
    "whitesmoke": "F5F5F5",
    "gold": "FFD700",
    "lightgreen": "90EE90",
    "darkgreen": "006400",
    "darkred": "8B0000",
    "lightblue": "ADD8E6",
    "amber": "FFBF00",
    "darkorange": "FF8C00",
}
_HEX = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})\b", re.IGNORECASE)
_RGB = re.compile(r"rgba?\(\s*(\d+)%?\s*[, ]\s*(\d+)%?\s*[, ]\s*(\d+)%?", re.IGNORECASE)
_DECLARATION = re.compile(r"background(?:-color)?\s*:\s*([^;}]+)", re.IGNORECASE)
_SIMPLE_SELECTOR = re.compile(r"^(?P<tag>[a-z][a-z0-9]*)?(?:\.(?P<cls>[\w-]+))?$", re.IGNORECASE)


def colour(value: str | None) -> str | None:
    """Return a CSS colour ("#d9d9d9", "rgb(217,217,217)", "grey") as RRGGBB, None if none."""
    if not value:
        return None
    value = value.strip()
    if match := _HEX.search(value):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return digits.upper()
    if match := _RGB.search(value):
        return "".join(f"{min(int(v), 255):02X}" for v in match.groups())
    for word in value.lower().split():
        if word in NAMED:
            return NAMED[word]
    return None  # transparent, inherit, a gradient, a variable: no fill we can name


def declared_background(style: str | None) -> str | None:
    """Return the background colour an inline ``style`` attribute sets, None if none."""
    found = _DECLARATION.findall(style or "")
    return colour(found[-1]) if found else None


@dataclass(frozen=True)
class StyleSheet:
    """The backgrounds a page's own <style> sets by tag and class (``td.done``, ``.grey``)."""

    by_selector: tuple[tuple[str, str, str], ...] = ()  # (tag or "", class or "", RRGGBB)

    @classmethod
    def parse(cls, css: str) -> StyleSheet:
        """Return the simple-selector background rules of ``css``; other rules are ignored."""
        rules = []
        # split by hand, not by a regex: a page's CSS is untrusted, and a pattern
        # backtracking over a long text without braces takes seconds
        for chunk in _without_comments(css).split("}"):
            head, brace, body = chunk.rpartition("{")
            if not brace:
                continue
            selectors = head.rsplit("{", 1)[-1]  # the innermost rule of an @media block
            fill = declared_background(body)
            if fill is None:
                continue
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR.match(selector.strip())
                if match and (match["tag"] or match["cls"]):
                    rules.append(((match["tag"] or "").lower(), match["cls"] or "", fill))
        return cls(tuple(rules))

    def background(self, tag: str, classes: set[str]) -> str | None:
        """Return the last matching rule's colour, as the cascade would for equal weight."""
        found = None
        for rule_tag, rule_class, fill in self.by_selector:
            if (not rule_tag or rule_tag == tag) and (not rule_class or rule_class in classes):
                found = fill
        return found


def _without_comments(css: str) -> str:
    """Return CSS with its /* comments */ removed, in one pass (an open one runs to the end)."""
    kept, at = [], 0
    while (start := css.find("/*", at)) != -1:
        kept.append(css[at:start])
        end = css.find("*/", start + 2)
        if end == -1:
            return "".join(kept)
        at = end + 2
    kept.append(css[at:])
    return "".join(kept)


def background_of(element: Any, sheet: StyleSheet) -> str | None:
    """Return an HTML element's own background: inline style, then bgcolor, then its classes."""
    return (
        declared_background(element.get("style"))
        or colour(element.get("bgcolor"))
        or sheet.background(str(element.tag).lower(), set((element.get("class") or "").split()))
    )
