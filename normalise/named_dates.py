"""Dates that file names and link texts carry of their edition: "March 2022", "Mar-22",
"2022-03", "2022_03_15"; one rule for the watcher's links and the edition of last resort."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .months import MONTH_WORD, month_number

# bounded by anything but a letter or digit: "_" joins the words of many file names
_MONTH_YEAR = re.compile(rf"(?<![a-z])({MONTH_WORD})[\s_.-]*((?:19|20)?\d\d)(?!\d)", re.I)
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])(?:[-_.]?([0-2]\d|3[01]))?(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class NamedDate:
    when: date  # the first day of the month or year where no day is named
    precision: str  # "day", "month" or "year"


def named_dates(text: str) -> list[NamedDate]:
    """Return each month or day the text names; its years only where it names neither."""
    found = [
        NamedDate(date(_year(year), month_number(month), 1), "month")
        for month, year in _MONTH_YEAR.findall(text)
    ]
    for year, month, day in _ISO.findall(text):
        try:
            found.append(NamedDate(date(int(year), int(month), int(day or 1)), _precision(day)))
        except ValueError:  # "2022-02-31" in a file name: the month still says enough
            found.append(NamedDate(date(int(year), int(month), 1), "month"))
    if not found:
        found = [NamedDate(date(int(y), 1, 1), "year") for y in _YEAR.findall(text)]
    return found


def _precision(day: str) -> str:
    return "day" if day else "month"


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)
