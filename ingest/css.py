"""Cell backgrounds from CSS and colour values: what HTML and OpenDocument cells are shaded with."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SHOWING = re.compile(r"display\s*:\s*(?!none)[a-z]", re.IGNORECASE)
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
    """The backgrounds a page's own <style> sets by tag and class (``td.done``, ``.grey``),
    and the tags and classes it hides."""

    by_selector: tuple[tuple[str, str, str], ...] = ()  # (tag or "", class or "", RRGGBB)
    hidden: tuple[tuple[str, str], ...] = ()  # (tag or "", class or "") set display: none
    shown_wide: tuple[tuple[str, str], ...] = ()  # displayed again on a wide screen

    @classmethod
    def parse(cls, css: str) -> StyleSheet:
        """Return the simple-selector background and display rules of ``css``; other rules
        are ignored."""
        rules, hidden, shown = [], [], []
        for selectors, body, media in _rules(css):
            fill = declared_background(body)
            # the page as a wide screen shows it: a rule for small screens or print does
            # not hide, and one for wide screens ("min-width") may show it again
            hides = not media and _HIDING.search(body) is not None
            shows = "min-width" in media.lower() and _SHOWING.search(body) is not None
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR.match(selector.strip())
                if not match or not (match["tag"] or match["cls"]):
                    continue
                simple = ((match["tag"] or "").lower(), match["cls"] or "")
                if fill is not None:
                    rules.append((*simple, fill))
                (hidden if hides else shown if shows else []).append(simple)
        return cls(tuple(rules), tuple(hidden), tuple(shown))

    def background(self, tag: str, classes: set[str]) -> str | None:
        """Return the last matching rule's colour, as the cascade would for equal weight."""
        found = None
        for rule_tag, rule_class, fill in self.by_selector:
            if _selects(rule_tag, rule_class, tag, classes):
                found = fill
        return found

    def hides(self, tag: str, classes: set[str]) -> bool:
        """True when a rule hides an element of this tag and classes on a wide screen."""
        return _matches(self.hidden, tag, classes) and not _matches(self.shown_wide, tag, classes)


def _matches(selectors: tuple[tuple[str, str], ...], tag: str, classes: set[str]) -> bool:
    return any(_selects(rule_tag, rule_class, tag, classes) for rule_tag, rule_class in selectors)


def _selects(rule_tag: str, rule_class: str, tag: str, classes: set[str]) -> bool:
    """True when a simple selector (``td.done``, ``.grey``, ``td``) selects the element."""
    return (not rule_tag or rule_tag == tag) and (not rule_class or rule_class in classes)


def _rules(css: str) -> Iterator[tuple[str, str, str]]:
    """Yield each rule's selectors and declarations, and the prelude of the block it stands
    in ("@media (max-width: 600px)"; "" at the top of the sheet).

    Split by hand, not by a regex: a page's CSS is untrusted, and a pattern backtracking
    over a long text without braces takes seconds.
    """
    depth, media = 0, ""  # the blocks open before the chunk, and the innermost's prelude
    for chunk in _without_comments(css).split("}"):
        opens = chunk.count("{")
        if opens > 1:
            media = chunk.split("{", 1)[0].strip()
        head, brace, body = chunk.rpartition("{")
        if brace:
            yield head.rsplit("{", 1)[-1], body, media if depth + opens > 1 else ""
        depth = max(depth + opens - 1, 0)
        media = media if depth else ""


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
