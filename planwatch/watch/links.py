"""Find the plan a web page links to: the newest link whose text or address matches."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

from planwatch.normalise.months import MONTH_WORD, month_number

# "March 2022", "Mar-22", "2022-03", "2022_03_15", "15.03.22": what link texts and file
# names carry of their edition
_MONTH_YEAR = re.compile(rf"\b({MONTH_WORD})[\s_.-]*((?:19|20)?\d\d)\b", re.I)
_ISO = re.compile(r"\b((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])(?:[-_.]?([0-2]\d|3[01]))?\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


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
    dates = [date.min]
    for month, year in _MONTH_YEAR.findall(text):
        dates.append(date(_year(year), month_number(month), 1))
    for year, month, day in _ISO.findall(text):
        try:
            dates.append(date(int(year), int(month), int(day or 1)))
        except ValueError:  # "2022-02-31" in a file name: the month still says enough
            dates.append(date(int(year), int(month), 1))
    if len(dates) == 1:
        dates += [date(int(y), 1, 1) for y in _YEAR.findall(text)]
    return max(dates)


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)
