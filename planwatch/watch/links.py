"""Find the plan a web page links to: the newest link whose text or address matches."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

from planwatch.normalise.named_dates import named_dates


def find_link(page: bytes, base_url: str, pattern: str) -> str | None:
    """Return the absolute address of the newest matching link on ``page``, None if none."""
    from lxml import html

    try:
        root = html.document_fromstring(page, parser=html.HTMLParser(no_network=True))
    except Exception:  # an empty or broken page: there is no link to follow
        return None
    regex = re.compile(pattern, re.IGNORECASE)
    found = []
    for position, anchor in enumerate(root.iter("a")):
        href = (anchor.get("href") or "").strip()
        text = " ".join(anchor.text_content().split())
        if href and regex.search(f"{text} {href}"):
            found.append((_dated(f"{text} {href}"), -position, urljoin(base_url, href)))
    if not found:
        return None
    # the newest edition the link names; where none names a date, the first on the page
    return max(found)[2]


def _dated(text: str) -> date:
    """Return the latest date a link's text or address names, date.min if none."""
    return max((found.when for found in named_dates(text)), default=date.min)
