"""Target dates: a spelling in one UK convention, with the span it stands for."""

from __future__ import annotations

import calendar
import random
from datetime import date

from .vocab import MONTHS

STYLES = (
    "day_dots",
    "day_slash",
    "day_words",
    "month_short",
    "month_long",
    "fy_quarter",
    "fy_quarter_short",
    "fy_half",
    "fy_year",
    "tbc",
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fy(year: int, short: bool) -> str:
    """The financial year starting April `year`: '2021/2022' or '21/22'."""
    return f"{year % 100:02d}/{(year + 1) % 100:02d}" if short else f"{year}/{year + 1}"


def _quarter(rng: random.Random, style: str) -> tuple[str, date, date, str]:
    """Q1 is April to June of the financial year, Q4 January to March of the next year."""
    fy, q = rng.randint(2021, 2023), rng.randint(1, 4)
    first = 4 + 3 * (q - 1)
    year = fy + (first > 12)
    first = (first - 1) % 12 + 1
    short = style == "fy_quarter_short"
    return f"Q{q} {_fy(fy, short)}", date(year, first, 1), _month_end(year, first + 2), "quarter"


def _half(rng: random.Random) -> tuple[str, date, date, str]:
    fy, h = rng.randint(2021, 2023), rng.randint(1, 2)
    if h == 1:
        return f"H1 {fy}/{(fy + 1) % 100:02d}", date(fy, 4, 1), date(fy, 9, 30), "half"
    return f"H2 {fy}/{(fy + 1) % 100:02d}", date(fy, 10, 1), date(fy + 1, 3, 31), "half"


def spell_date(rng: random.Random, style: str) -> tuple[str, date | None, date | None, str]:
    """Return (as printed, start, end, precision) for one target in `style`."""
    year, month = rng.randint(2021, 2024), rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    when = date(year, month, day)
    name = MONTHS[month - 1]
    if style == "day_dots":
        return f"{day:02d}.{month:02d}.{year % 100:02d}", when, when, "day"
    if style == "day_slash":
        return f"{day:02d}/{month:02d}/{year}", when, when, "day"
    if style == "day_words":
        return f"{day} {name} {year}", when, when, "day"
    start, end = date(year, month, 1), _month_end(year, month)
    if style == "month_short":
        short = "Sept" if month == 9 else name[:3]
        return f"{short} {year % 100:02d}", start, end, "month"
    if style == "month_long":
        return f"{name} {year}", start, end, "month"
    if style in ("fy_quarter", "fy_quarter_short"):
        return _quarter(rng, style)
    if style == "fy_half":
        return _half(rng)
    if style == "fy_year":
        fy = rng.randint(2021, 2023)
        return f"{fy}/{(fy + 1) % 100:02d}", date(fy, 4, 1), date(fy + 1, 3, 31), "financial_year"
    return rng.choice(("TBC", "To be confirmed")), None, None, "none"
