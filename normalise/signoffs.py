"""Read a sign-off cell ("AD 27.07.21") into who signed the action off and on which day."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from planwatch.markup import strip_markup

from .dates import UK_DATES, DateSettings, parse_day

logger = logging.getLogger(__name__)

# A numeric day that parse_day refused is an impossible date ("31.02.21"), not a name.
_NUMERIC_DAY = re.compile(r"\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}")
_LEAD_IN = re.compile(
    r"^(?:signed[\s-]?off(?:\sby)?|signed\sby|approved(?:\sby)?|by)\b\s?:?\s*", re.I
)
_TAIL = re.compile(r"\s*\b(?:on|dated|date)\s?:?$", re.I)


@dataclass(frozen=True)
class SignOff:
    """A sign-off as printed, who signed it off and the day, if given."""

    raw: str
    by: str
    on: date | None
    warnings: tuple[str, ...] = ()


def _split(words: list[str], dates: DateSettings) -> tuple[list[str], list[date], list[str]]:
    """Return the words that are not dates, the days found, and the impossible dates."""
    rest: list[str] = []
    days: list[date] = []
    impossible: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(dates.max_date_words, len(words) - i), 0, -1):
            chunk = " ".join(words[i : i + n]).strip("(),;")
            if (day := parse_day(chunk, settings=dates)) is not None:
                days.append(day)
                i += n
                break
        else:
            chunk = words[i].strip("(),;.")
            if _NUMERIC_DAY.fullmatch(chunk):
                impossible.append(chunk)
            else:
                rest.append(words[i])
            i += 1
    return rest, days, impossible


@lru_cache(maxsize=4096)
def parse_signoff(text: str, dates: DateSettings = UK_DATES) -> SignOff | None:
    """Return who signed off and when, read by the plan's date conventions; None for an empty
    cell."""
    tidy = " ".join(strip_markup(text).split())
    if not tidy.strip(" .-–—"):
        return None
    rest, days, impossible = _split(tidy.split(" "), dates)
    by = _TAIL.sub("", _LEAD_IN.sub("", " ".join(rest))).strip(" -–—:;,/()")
    warnings = [f"impossible date in sign-off: '{d}'" for d in impossible]
    if not days and not impossible:
        warnings.append(f"sign-off has no date: '{tidy}'")
    if len(days) > 1:
        warnings.append("several dates in one sign-off; the latest kept")
    if not by:
        warnings.append(f"sign-off names nobody: '{tidy}'")
    return SignOff(text, by, max(days, default=None), tuple(warnings))
