"""Excel number formats for dates, turned into the text a reader of the sheet sees."""

from __future__ import annotations

import re
from datetime import date, datetime, time

# Excel's built-in short date (format 14, stored as "mm-dd-yy") shows in the
# machine's locale; plans here are written in the UK, where it reads 30/09/2021.
_BUILTIN_SHORT_DATE = {"mm-dd-yy", "m/d/yy", "m/d/yyyy", "general"}
_UK_SHORT_DATE = "%d/%m/%Y"
# longest first, so "mmmm" is not read as "mm" twice
_TOKENS = re.compile(r"yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|.", re.IGNORECASE)
_STRFTIME = {
    "yyyy": "%Y",
    "yy": "%y",
    "mmmm": "%B",
    "mmm": "%b",
    "mm": "%m",
    "dddd": "%A",
    "ddd": "%a",
    "dd": "%d",
    "hh": "%H",
    "h": "%-H",
    "ss": "%S",
    "s": "%-S",
}


def date_text(value: date | datetime | time, number_format: str | None) -> str:
    """Return a date cell as Excel would print it with ``number_format`` ("Feb-21", "30.09.21")."""
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    number_format = number_format or ""
    if not isinstance(value, datetime) or value.time() == time(0):
        # a date typed into a date-and-time format: the midnight is not what was meant
        number_format = re.split(r"\s*\bh", number_format, maxsplit=1, flags=re.IGNORECASE)[0]
    pattern = _strftime(number_format)
    try:
        return value.strftime(pattern)
    except ValueError:  # a year before 1000 on some platforms
        return value.isoformat()


def _strftime(number_format: str) -> str:
    """Return the strftime pattern of an Excel date format's first section."""
    section = number_format.split(";")[0]
    section = re.sub(r"\[[^\]]*\]", "", section)  # locale and colour: [$-809], [Red]
    section = section.replace("\\", "").replace('"', "").strip()
    if section.lower() in _BUILTIN_SHORT_DATE or not re.search(r"[dmy]", section, re.I):
        return _UK_SHORT_DATE
    out, after_hour = [], False
    for token in _TOKENS.findall(section):
        lower = token.lower()
        if lower in ("m", "mm") and after_hour:
            out.append("%M")  # minutes, not months, right after an hour
        elif lower in ("d", "m"):
            out.append("%-d" if lower == "d" else "%-m")
        elif lower == "mmmmm":
            out.append("%b")  # the month's initial alone: the short name is clearer
        elif lower in _STRFTIME:
            out.append(_STRFTIME[lower])
        elif lower == "am/pm":
            out.append("%p")
        else:
            out.append(token.replace("%", "%%"))
        after_hour = lower in ("h", "hh") or (after_hour and lower == ":")
    return "".join(out)
