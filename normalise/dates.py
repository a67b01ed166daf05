"""Read a target or completion date cell into the span of days it stands for."""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from planwatch.frozen import FrozenDict
from planwatch.markup import strip_markup

from .months import MONTH_NAME, month_number

logger = logging.getLogger(__name__)

# Seasons are meteorological quarters: spring is March-May, winter December-February.
_SEASONS = FrozenDict({"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12})
# Cells that say no date is set; they read as precision "none" without a warning.
NON_DATES = frozenset(
    {
        "",
        "ongoing",
        "on-going",
        "on going",
        "continuous",
        "tbc",
        "tba",
        "tbd",
        "to be confirmed",
        "to be agreed",
        "business as usual",
        "bau",
        "n/a",
        "na",
        "not applicable",
        "none",
        "complete",
        "completed",
        "closed",
        "done",
        "achieved",
        "deferred",
        "on hold",
        "in progress",
        "on track",
        "not started",
        "open",
        "planned",
        "overdue",
        "cancelled",
        "withdrawn",
        "annual",
        "annually",
        "quarterly",
        "monthly",
        "-",
        "–",
        "—",
        ".",
    }
)


@dataclass(frozen=True)
class DateSettings:
    """The conventions a plan's dates are written in; the defaults are the UK's."""

    # UK plans print 03.08.21 for 3 August 2021.
    day_first: bool = True
    # The UK public-sector financial year runs April to March, so Q1 is April-June.
    financial_year_start_month: int = 4
    # Two-digit years are 20xx: "Feb 21" is February 2021, "30.09.21" is 2021.
    century: int = 2000
    # Years outside this range are not dates in an action plan ("1234 staff").
    plausible_years: range = range(1990, 2100)
    # The month each season's three months start in, by its name.
    season_start_months: Mapping[str, int] = _SEASONS
    # The longest run of words that is one date: "Thursday 27 July 2021".
    max_date_words: int = 4
    # Free text longer than this is not searched for a date by dateparser.
    max_free_text_chars: int = 80
    # A warning about several dates in one cell quotes at most this many.
    max_quoted_dates: int = 3

    def __post_init__(self) -> None:
        years = self.plausible_years
        if not isinstance(years, range) or years.step != 1 or not years:
            raise ValueError(
                f"date setting plausible_years must be a non-empty range of years, got {years!r}"
            )
        if not 1 <= self.financial_year_start_month <= 12:
            raise ValueError(
                "date setting financial_year_start_month must be 1 to 12, got"
                f" {self.financial_year_start_month!r}"
            )
        if self.century % 100 or self.century + 99 < years.start:
            raise ValueError(f"date setting century must be a whole century, got {self.century!r}")
        self._check_counts()
        self._check_seasons()

    def _check_counts(self) -> None:
        for name in ("max_date_words", "max_free_text_chars", "max_quoted_dates"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"date setting {name} must be at least 1, got {value!r}")

    def _check_seasons(self) -> None:
        seasons = self.season_start_months
        names_ok = isinstance(seasons, FrozenDict) and set(seasons) == set(_SEASONS)
        if not names_ok or not all(isinstance(m, int) and 1 <= m <= 12 for m in seasons.values()):
            raise ValueError(
                "date setting season_start_months must be a FrozenDict giving a month 1 to 12"
                f" for each of {', '.join(_SEASONS)}, got {seasons!r}"
            )


UK_DATES = DateSettings()


@dataclass(frozen=True)
class _Context:
    """What a rule reads a date against: the edition date and the plan's conventions."""

    today: date | None
    settings: DateSettings


@dataclass(frozen=True)
class Due:
    """A due date as printed and the first and last day it can mean."""

    raw: str
    start: date | None
    end: date | None
    precision: str  # day, month, quarter, half, year, financial_year, none
    warnings: tuple[str, ...] = ()


_Reading = tuple[date | None, date | None, str, tuple[str, ...]]
_NO_DATE: _Reading = (None, None, "none", ())

_MONTH = rf"(?P<mon>{MONTH_NAME})\.?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_FY = r"(?P<y1>\d{4}|\d{2})\s?[/-]\s?(?P<y2>\d{4}|\d{2})"
_FY_WORD = r"(?:fy|f/y|financial year|fin year)"
_QUARTER = r"(?:q|qtr|quarter)\s?(?P<q>[1-4])"
_HALF = r"(?:h|half)\s?(?P<h>[12])"
_SEP = r"[\s,:-]*"
_DAY_NUMERIC = r"(?P<a>\d{1,2})\s?[./-]\s?(?P<b>\d{1,2})\s?[./-]\s?(?P<year>\d{4}|\d{2})"
_DAY_ISO = r"(?P<year>\d{4})-(?P<mm>\d{1,2})-(?P<dd>\d{1,2})"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?"
_DAY_NAMED = rf"{_WEEKDAY}(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?[\s.-]*(?:of\s)?{_MONTH}[\s,.'-]*{_YEAR}"
_MONTH_DAY = rf"{_WEEKDAY}{_MONTH}\s(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<year>\d{{4}})"

# Words before a date that do not change the span read ("end of March 2022" is March 2022).
_SILENT_PREFIXES = re.compile(
    r"^(?:target(?: date)?|due(?: date)?|deadline|completion(?: date)?|by|due by|in|during"
    r"|(?:by )?(?:the )?end(?: of)?)\s?:?\s",
    re.IGNORECASE,
)
# Words that narrow a span this reader cannot narrow; the whole span is kept, with a warning.
_VAGUE_PREFIXES = re.compile(
    r"^(?P<word>early|mid|middle of|late|beginning of|start of)[\s-]",
    re.IGNORECASE,
)


def _year(ctx: _Context, text: str) -> int:
    """Return the four-digit year for a printed year; raise ValueError if implausible."""
    year = ctx.settings.century + int(text) if len(text) == 2 else int(text)
    if year not in ctx.settings.plausible_years:
        raise ValueError(f"year {year} out of range")
    return year


def _months(year: int, month: int, count: int) -> tuple[date, date]:
    """Return the first and last day of `count` months starting at year-month."""
    last_index = year * 12 + month - 1 + count - 1
    last_year, last_month = divmod(last_index, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return date(year, month, 1), date(last_year, last_month + 1, last_day)


def _financial_year(ctx: _Context, y1: str, y2: str) -> int:
    """Return the year a printed financial year (2021/22, 21-22) starts; raise if not one."""
    first = _year(ctx, y1)
    second = _year(ctx, y2) if len(y2) == 4 else first // 100 * 100 + int(y2)
    if second != first + 1 and not (len(y2) == 2 and second + 100 == first + 1):
        raise ValueError(f"{y1}/{y2} is not one financial year")
    return first


def _fy_months(ctx: _Context, fy_start: int, offset: int, count: int) -> tuple[date, date]:
    """Return the span of `count` months from `offset` months into a financial year."""
    index = fy_start * 12 + ctx.settings.financial_year_start_month - 1 + offset
    return _months(index // 12, index % 12 + 1, count)


def _fy_label(fy_start: int) -> str:
    return f"{fy_start}/{(fy_start + 1) % 100:02d}"


def _span_label(start: date, end: date) -> str:
    return f"{start:%b %Y}-{end:%b %Y}"


def _fy_containing(ctx: _Context, day: date) -> int:
    return day.year if day.month >= ctx.settings.financial_year_start_month else day.year - 1


# --- rules: each reads one full-match pattern -------------------------------


def _day_numeric(m: re.Match[str], ctx: _Context) -> _Reading:
    day, month = (m["a"], m["b"]) if ctx.settings.day_first else (m["b"], m["a"])
    on = date(_year(ctx, m["year"]), int(month), int(day))
    return on, on, "day", ()


def _day_iso(m: re.Match[str], ctx: _Context) -> _Reading:
    on = date(_year(ctx, m["year"]), int(m["mm"]), int(m["dd"]))
    return on, on, "day", ()


def _day_named(m: re.Match[str], ctx: _Context) -> _Reading:
    on = date(_year(ctx, m["year"]), month_number(m["mon"]), int(m["dd"]))
    return on, on, "day", ()


def _month_year(m: re.Match[str], ctx: _Context) -> _Reading:
    return *_months(_year(ctx, m["year"]), month_number(m["mon"]), 1), "month", ()


def _numeric_month(m: re.Match[str], ctx: _Context) -> _Reading:
    return *_months(_year(ctx, m["year"]), int(m["mm"]), 1), "month", ()


def _quarter_fy(m: re.Match[str], ctx: _Context) -> _Reading:
    fy = _financial_year(ctx, m["y1"], m["y2"])
    return *_fy_months(ctx, fy, 3 * (int(m["q"]) - 1), 3), "quarter", ()


def _quarter_year(m: re.Match[str], ctx: _Context) -> _Reading:
    # "going to SMB in Q4 2021" beside a target of "Mar 21": a lone year is the calendar
    # year the financial quarter falls in, so Q4 2021 is Jan-Mar 2021.
    quarter, year = int(m["q"]), _year(ctx, m["year"])
    offset = 3 * (quarter - 1)
    fy = year - 1 if ctx.settings.financial_year_start_month + offset > 12 else year
    start, end = _fy_months(ctx, fy, offset, 3)
    note = f"Q{quarter} {m['year']} read as financial quarter {_span_label(start, end)}"
    return start, end, "quarter", (note,)


def _half_fy(m: re.Match[str], ctx: _Context) -> _Reading:
    fy = _financial_year(ctx, m["y1"], m["y2"])
    return *_fy_months(ctx, fy, 6 * (int(m["h"]) - 1), 6), "half", ()


def _half_year(m: re.Match[str], ctx: _Context) -> _Reading:
    start, end = _fy_months(ctx, _year(ctx, m["year"]), 6 * (int(m["h"]) - 1), 6)
    note = f"H{m['h']} {m['year']} read as financial half {_span_label(start, end)}"
    return start, end, "half", (note,)


def _financial(m: re.Match[str], ctx: _Context) -> _Reading:
    return *_fy_months(ctx, _financial_year(ctx, m["y1"], m["y2"]), 0, 12), "financial_year", ()


def _calendar_year(m: re.Match[str], ctx: _Context) -> _Reading:
    year = _year(ctx, m["year"])
    return date(year, 1, 1), date(year, 12, 31), "year", ()


def _season(m: re.Match[str], ctx: _Context) -> _Reading:
    first_month = ctx.settings.season_start_months[m["season"].lower()]
    if m["y1"]:
        # "Winter 2021/22" starts in the first year, "Spring 2021/22" in the second.
        fy = _financial_year(ctx, m["y1"], m["y2"])
        year = fy if first_month >= ctx.settings.financial_year_start_month else fy + 1
    else:
        year = _year(ctx, m["year"])
    start, end = _months(year, first_month, 3)
    return start, end, "quarter", (f"season read as {_span_label(start, end)}",)


def _week(m: re.Match[str], ctx: _Context) -> _Reading:
    monday = parse_day(m["rest"], settings=ctx.settings)
    if monday is None:
        return None, None, "none", (f"week commencing not understood: '{m[0]}'",)
    end = monday + timedelta(days=6)
    return monday, end, "day", (f"week commencing read as {monday:%d %b %Y}-{end:%d %b %Y}",)


def _month_alone(m: re.Match[str], ctx: _Context) -> _Reading:
    today = ctx.today
    if today is None:
        return None, None, "none", (f"date has no year: '{m[0]}'",)
    month = month_number(m["mon"])
    # The nearest such month to the edition: "March" in a November 2021 plan is March 2022.
    candidates = (date(today.year + shift, month, 1) for shift in (-1, 0, 1))
    first = min(candidates, key=lambda d: abs((d - today.replace(day=1)).days))
    start, end = _months(first.year, first.month, 1)
    return start, end, "month", (f"year taken from the edition: '{m[0]}' read as {start:%b %Y}",)


def _quarter_alone(m: re.Match[str], ctx: _Context) -> _Reading:
    if ctx.today is None:
        return None, None, "none", (f"date has no year: '{m[0]}'",)
    fy = _fy_containing(ctx, ctx.today)
    start, end = _fy_months(ctx, fy, 3 * (int(m["q"]) - 1), 3)
    note = f"year taken from the edition: '{m[0]}' read as {_fy_label(fy)} Q{m['q']}"
    return start, end, "quarter", (note,)


_Rule = Callable[[re.Match[str], _Context], _Reading]

_DAY_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), rule)
    for pattern, rule in (
        (_DAY_ISO, _day_iso),
        (_DAY_NUMERIC, _day_numeric),
        (_DAY_NAMED, _day_named),
        (_MONTH_DAY, _day_named),
    )
)

_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = _DAY_RULES + tuple(
    (re.compile(pattern, re.IGNORECASE), rule)
    for pattern, rule in (
        (rf"{_MONTH}[\s,.'/-]*{_YEAR}", _month_year),
        (r"(?P<mm>\d{1,2})\s?/\s?(?P<year>\d{4})", _numeric_month),
        (rf"{_QUARTER}{_SEP}(?:of\s)?(?:{_FY_WORD}\s?)?{_FY}", _quarter_fy),
        (rf"(?:{_FY_WORD}\s?)?{_FY}{_SEP}{_QUARTER}", _quarter_fy),
        (rf"{_QUARTER}{_SEP}{_YEAR}", _quarter_year),
        (rf"(?P<year>\d{{4}}){_SEP}{_QUARTER}", _quarter_year),
        (rf"{_HALF}{_SEP}(?:{_FY_WORD}\s?)?{_FY}", _half_fy),
        (rf"(?:{_FY_WORD}\s?)?{_FY}{_SEP}{_HALF}", _half_fy),
        (rf"{_HALF}{_SEP}{_YEAR}", _half_year),
        (rf"{_FY_WORD}\s?{_FY}", _financial),
        # Without "FY" only a four-digit first year is a financial year: 2021/22, not 03/04.
        (r"(?P<y1>\d{4})\s?[/-]\s?(?P<y2>\d{4}|\d{2})", _financial),
        (r"(?P<year>\d{4})", _calendar_year),
        (
            r"(?P<season>spring|summer|autumn|fall|winter)\s(?:of\s)?"
            rf"(?:{_FY}|(?P<year>\d{{4}}|\d{{2}}))",
            _season,
        ),
        (r"(?:w/c|w/b|wc|wb|w\.c\.|week (?:commencing|beginning|starting))\s?(?P<rest>.+)", _week),
        (_MONTH, _month_alone),
        (_QUARTER, _quarter_alone),
    )
)

_NAMES_MONTH = re.compile(rf"(?<![a-z]){_MONTH}(?![a-z])", re.IGNORECASE)

# Date forms looked for inside longer text ("MDT roll out completed Dec 2020").
_FINDABLE = tuple(
    re.compile(rf"(?<![\w/.-]){pattern}(?![\w/-])", re.IGNORECASE)
    for pattern in (
        _DAY_ISO,
        _DAY_NUMERIC,
        _DAY_NAMED,
        rf"{_MONTH}[\s,.'-]*(?P<year>\d{{4}})",
        rf"{_QUARTER}{_SEP}{_FY}",
        rf"{_FY}{_SEP}{_QUARTER}",
    )
)

# A new date printed beside the one it replaces; the new one is read.
_REVISIONS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"~~(?P<old>[^~]+)~~\s*(?P<new>.+)",
        r"<(?:s|del|strike)>(?P<old>.+?)</(?:s|del|strike)>\s*(?P<new>.+)",
        r"(?:revised|new)(?: date)?\s?:?\s?(?P<new>[^(]+?)\s?\(\s?(?:was|previously|originally"
        r"|old(?: date)?)\s?:?\s?(?P<old>[^)]+?)\s?\)",
        r"(?P<new>[^(]+?)\s?\(\s?(?:was|previously|originally|old(?: date)?"
        r"|(?:revised|moved|amended|changed|extended) from)\s?:?\s?(?P<old>[^)]+?)\s?\)",
        r"(?P<old>[^(]+?)\s?\(\s?(?:now|revised(?: to)?|new(?: date)?|moved to|changed to)"
        r"\s?:?\s?(?P<new>[^)]+?)\s?\)",
        r"(?P<old>.+?),?\s(?:revised|moved|changed|amended|extended|rescheduled|now)"
        r"(?: to)?\s?:?\s(?P<new>.+)",
        r"(?P<old>.+?)\s?(?:->|→|=>)\s?(?P<new>.+)",
    )
)


# "second half of 2022/23" is H2 2022/23, "the third quarter of 2023/24" is Q3 2023/24
_ORDINAL_PERIOD = re.compile(
    r"^(?:the\s)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th)\s(?P<unit>half|quarter)"
    r"\s(?:of\s)?(?:the\s)?",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def _ordinal_period_code(m: re.Match[str]) -> str:
    number = _ORDINALS.get(m["nth"].lower(), 4)
    return f"{'H' if m['unit'].lower() == 'half' else 'Q'}{number} "


def _tidy(text: str) -> str:
    """Return the text with whitespace collapsed and wrapping markup and punctuation dropped."""
    text = strip_markup(text)
    return " ".join(text.split()).strip(" *_.;,")


def _read_rules(text: str, ctx: _Context) -> _Reading | None:
    """Return the reading of the first rule matching the whole text, None if none does."""
    for pattern, rule in _RULES:
        if match := pattern.fullmatch(text):
            try:
                return rule(match, ctx)
            except ValueError as exc:
                return None, None, "none", (f"impossible date: '{text}' ({exc})",)
    return None


def _read_exact(text: str, ctx: _Context) -> _Reading | None:
    """Return the reading of text that is one date form, after words like 'by'; else None."""
    bare, vague = _strip_prefixes(_tidy(text))
    bare = _ORDINAL_PERIOD.sub(_ordinal_period_code, bare)
    if bare.lower() in NON_DATES:
        return _NO_DATE
    if ruled := _read_rules(bare, ctx):
        return ruled[0], ruled[1], ruled[2], vague + ruled[3]
    return None


# "April 2022 – March 2023": a span between two dates; a bare hyphen needs spaces ("Mar-22")
_RANGE = re.compile(r"(?P<first>.+?)(?:\s?[–—]\s?|\s-\s|\s(?:to|until)\s)(?P<last>.+)", re.I)


def _read_range(text: str, ctx: _Context) -> _Reading | None:
    """Return the span from the first date's start to the last's end, None if not a range.

    A span of April to March is that financial year; any other keeps the last date's precision.
    """
    match = _RANGE.fullmatch(text)
    if match is None:
        return None
    first, last = _read_exact(match["first"], ctx), _read_exact(match["last"], ctx)
    if not first or not last or first[0] is None or last[1] is None or first[0] > last[1]:
        return None
    start, end = first[0], last[1]
    if (start, end) == _fy_months(ctx, _fy_containing(ctx, start), 0, 12):
        return start, end, "financial_year", ()
    return start, end, last[2], (f"range read as {start:%d %b %Y}-{end:%d %b %Y}",)


def _read_revision(text: str, ctx: _Context) -> _Reading | None:
    """Return the new date's reading where the text gives a revised date beside the old.

    Both sides must be date forms (or "TBC"), so a sentence with "now" in it is no revision.
    """
    for pattern in _REVISIONS:
        match = pattern.fullmatch(text)
        if match is None or _read_exact(match["old"], ctx) is None:
            continue
        new = _read_exact(match["new"], ctx)
        if new is not None and new[0] is not None:
            start, end, precision, warnings = new
            return start, end, precision, (*warnings, f"date revised: was '{match['old'].strip()}'")
    return None


def _strip_prefixes(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the text without leading words such as 'by the end of', and what was judged."""
    warnings: tuple[str, ...] = ()
    while True:
        if silent := _SILENT_PREFIXES.match(text):
            text = text[silent.end() :]
        elif vague := _VAGUE_PREFIXES.match(text):
            warnings += (f"'{vague['word']}' read as the whole period",)
            text = text[vague.end() :]
        else:
            return text, warnings


def _find_inside(text: str, ctx: _Context) -> _Reading | None:
    """Return the reading of the one date found inside longer text, None if there is none."""
    spans: list[tuple[int, int]] = []
    for pattern in _FINDABLE:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in spans):
                spans.append(match.span())
    found = sorted({text[s:e] for s, e in spans})
    if not found:
        return None
    if len(found) > 1:
        most = ctx.settings.max_quoted_dates
        quoted = ", ".join(f"'{f}'" for f in found[:most])
        more = f" and {len(found) - most} more" if len(found) > most else ""
        return None, None, "none", (f"several dates in one cell: {quoted}{more}",)
    reading = _read_rules(found[0], ctx)
    if reading is None:
        return None
    start, end, precision, warnings = reading
    return start, end, precision, (*warnings, f"date '{found[0]}' read from longer text")


@lru_cache(maxsize=2)
def _free_text_parser(day_first: bool):  # -> dateparser.date.DateDataParser, imported lazily
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY" if day_first else "MDY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["month", "year"],
        },
    )


def _read_free_text(text: str, ctx: _Context) -> _Reading | None:
    """Return dateparser's reading of free text naming a month and a year, or None."""
    too_long = len(text) > ctx.settings.max_free_text_chars
    if too_long or not _NAMES_MONTH.search(text) or not re.search(r"\d{4}", text):
        return None
    try:
        data = _free_text_parser(ctx.settings.day_first).get_date_data(text)
    except Exception:  # dateparser may fail on odd input; a normaliser must not
        logger.debug("dateparser failed on %r", text, exc_info=True)
        return None
    found = data.date_obj
    if found is None or found.year not in ctx.settings.plausible_years:
        return None
    note = (f"date read as free text: '{text}'",)
    if data.period == "day":
        return found.date(), found.date(), "day", note
    return *_months(found.year, found.month, 1), "month", note


def _first_word(text: str) -> str:
    return re.split(r"[\s(:;,-]", text, maxsplit=1)[0].lower()


def _read(text: str, ctx: _Context) -> _Reading | None:
    """Return the reading of tidied text, exact rules before any search; None if not understood."""
    if revised := _read_revision(text, ctx):
        return revised
    if exact := _read_exact(text, ctx):
        return exact
    if span := _read_range(text, ctx):
        return span
    if inside := _find_inside(text, ctx):
        return inside
    if _first_word(text) in NON_DATES:
        # "Complete (staff identified and courses booked)": a status, not a date.
        return _NO_DATE
    return _read_free_text(text, ctx)


@lru_cache(maxsize=4096)  # keyed on the text, the edition and the conventions
def _parse_due(text: str, ctx: _Context) -> Due:
    reading = _read(_tidy(text), ctx)
    if reading is None:
        return Due(text, None, None, "none", (f"date not understood: '{' '.join(text.split())}'",))
    return Due(text, *reading)


def parse_due(text: str, *, today: date | None = None, settings: DateSettings = UK_DATES) -> Due:
    """Return the span a due-date cell means; `today` (the edition date) supplies a missing year."""
    return _parse_due(text, _Context(today, settings))


@lru_cache(maxsize=4096)
def parse_day(text: str, *, settings: DateSettings = UK_DATES) -> date | None:
    """Return the single day a text names (day-first by default), None if it names no one day."""
    tidy = _tidy(text)
    for pattern, rule in _DAY_RULES:
        if match := pattern.fullmatch(tidy):
            try:
                return rule(match, _Context(None, settings))[0]
            except ValueError:
                return None
    return None
