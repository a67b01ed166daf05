"""Plan metadata from the document's opening lines: organisation, title, edition."""

from __future__ import annotations

import re
from pathlib import PurePath

from planwatch.model import Document, Paragraph, PlanInfo
from planwatch.normalise.dates import DateSettings, parse_due
from planwatch.normalise.months import FULL_MONTH_NAME, MONTH_WORD, MONTHS
from planwatch.normalise.named_dates import named_dates

from .settings import ExtractSettings

_TITLE_STYLES = frozenset({"Title", "Subtitle"})  # Word's and LibreOffice's names
# "Avonford Fire and Rescue Service", "AVONFORD FIRE & RESCUE AUTHORITY", "Avonford FRS"
_ORGANISATION = re.compile(
    r"((?:[A-Z][\w'’]*(?:\s+(?:&|and|AND|of|OF|the|THE)\s+|\s+))+?"
    r"(?:(?i:Fire\s+(?:and|&)\s+Rescue\s+(?:Service|Authority)|Fire\s+Authority|Police|"
    r"Constabulary|Police\s+Service|Fire\s+and\s+Rescue)|FR[SA]\b))"
)
# Words that open a sentence rather than a name: "How Hereford & Worcester Fire..."
_NOT_NAME = {"How", "The", "This", "Our", "In", "At", "By", "For", "Why", "What", "When"}
# "... Areas for Improvement Tracker" is a plan's title too
_TITLE = re.compile(r"\b(?:improvement|action)\s+plan\b|\bplan\b|\btracker\b", re.IGNORECASE)
# What a cover line says its date is: a verb of the edition being made ("Updated:", "Last
# reviewed:"), a word for the edition or its state, maybe followed by "at", "as at", "as of"
# ("Position at 31 March 2022", "Progress at 30 April 2024", "Status as of: 31/08/2024"),
# a report of progress, or a version
_EDITION_VERB = r"(?:last\s+)?(?:updated|update|reviewed|revised|amended|published|refreshed)"
_EDITION_STATE = r"(?:position|progress|status)"
_EDITION_NOUN = (
    # "Date:", not "Date of inspection:", which dates the inspection, not the edition
    r"(?:version date|date(?!\s+of\s+(?!(?:last\s+)?(?:review|update|revision|publication)))"
    r"|edition|review date|date of review|progress (?:report|update)"
    r"|version\s*\d+(?:\.\d+)*)"
)
_EDITION = re.compile(
    rf"^(?:{_EDITION_VERB}(?:\s+on)?|(?:{_EDITION_STATE}\s+)?as\s+(?:at|of)"
    rf"|{_EDITION_STATE}\s+at|{_EDITION_NOUN})\s*[:\-–—,]?\s*(?P<when>.+)$",
    re.IGNORECASE,
)
# "Improvement Plan (updated 3 May 2024)": the edition in brackets after the title
_BRACKETED_EDITION = re.compile(rf"\({_EDITION_VERB}\s*[:\-–—,]?\s*(?P<when>[^()]+)\)\s*$", re.I)
# "... Action Plan – March 2023", "... Plan, 17 November 2021": a title ending with its edition
_TITLE_DATE = re.compile(
    rf"[\s,:\-–—]*(?P<when>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{FULL_MONTH_NAME}\s+\d{{4}})\s*$",
    re.IGNORECASE,
)
# "Q3 2023/24 update", "March 2024 progress report": a period, then what the edition is of it
_PERIOD_LINE = re.compile(
    r"^(?P<when>[\w/ .-]{4,24}?)\s*[-–—,:]?\s*(?:progress\s+)?(?:update|report|position)$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_WORD}\.?"
    r"\s+\d{4}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$",
    re.IGNORECASE,
)


def read_plan_info(
    document: Document, settings: ExtractSettings
) -> tuple[PlanInfo, tuple[str, ...]]:
    """Return organisation, title and edition ('' where the document lacks one), and warnings.

    The edition is the settings' ``edition_date`` when the caller sets it; else it comes from
    an "Updated:" or date line, else the title ("Action Plan – March 2023"), else, with a
    warning, the file name ("plan-2022-03.docx"), else the file's own properties, which say
    when it was last saved rather than which edition it is.
    """
    blocks = document.blocks[: settings.opening_blocks]
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)][: settings.opening_paragraphs]
    opening = [p.text for p in paragraphs]
    props = document.properties
    title = _title(paragraphs, settings.max_title_chars) or props.get("title", "")
    named = props.get("title", "")
    edition = _edition(opening, settings.cells.dates) or _dated_title([*opening, named])
    warnings: tuple[str, ...] = ()
    source = "document"
    if settings.edition_date is not None:
        edition, source = settings.edition_date.isoformat(), "settings"
    elif not edition:
        (edition, warnings), source = _edition_from_name(document.source.name), "file name"
    if not edition:
        (edition, warnings), source = _edition_from_properties(props), "file properties"
    return (
        PlanInfo(
            organisation=_organisation(opening) or _organisation([props.get("title", "")]),
            title=_undated(title),
            edition_raw=edition,
            edition_from=source,
        ),
        warnings,
    )


def _undated(title: str) -> str:
    """The title without the edition it ends with: each edition of a plan has one title."""
    bare = _BRACKETED_EDITION.sub("", title).strip()
    return _TITLE_DATE.sub("", bare) or bare or title


def _organisation(lines: list[str]) -> str:
    for line in lines:
        match = _ORGANISATION.search(line)
        if match:
            words = match.group(1).split()
            while words and words[0] in _NOT_NAME:
                words.pop(0)
            return " ".join(words)
    return ""


def _title(paragraphs: list[Paragraph], longest: int) -> str:
    """The plan's title: of the opening lines at most ``longest`` long that name a plan, the
    most prominent one.

    Prominence is what the document shows: its style first (the document's Title or
    Subtitle, above the headings of its sections and body text), then title case (a
    plan's name capitalises its words; a line about the document such as "Draft plan
    for consultation" reads as a sentence); the earliest line breaks a tie.
    """
    candidates = [
        (position, p)
        for position, p in enumerate(paragraphs)
        if len(p.text) <= longest and _TITLE.search(p.text) and not p.text.endswith(".")
    ]
    if not candidates:
        return ""
    _, best = min(
        candidates, key=lambda c: (_style_rank(c[1].style), not _reads_as_name(c[1].text), c[0])
    )
    return best.text.rstrip(":")


def _style_rank(style: str | None) -> int:
    """0 for the document's title styles, 1 for any other (or none known).

    Headings do not rank above body text: "Action plan" is as often a section's heading
    (Heading 1 in eastshire) as the plan's name.
    """
    return 0 if style in _TITLE_STYLES else 1


def _reads_as_name(text: str) -> bool:
    """True when most words of four letters or more start with a capital (title case)."""
    words = re.findall(r"[^\W\d_]{4,}", text)
    return bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)


def _edition(lines: list[str], dates: DateSettings) -> str:
    """The "Updated: January 2021" line, else a period's update ("Q3 2023/24 update"), else a
    line that is only a date."""
    for line in lines:
        match = _EDITION.match(line.strip()) or _BRACKETED_EDITION.search(line)
        if match and re.search(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}", match["when"]):
            return match["when"].strip()
    for line in lines:
        match = _PERIOD_LINE.match(line.strip())
        if match and parse_due(match["when"], settings=dates).start is not None:
            return match["when"].strip()
    for line in lines:
        if _DATE_LINE.match(line.strip()):
            return line.strip()
    return ""


def _dated_title(lines: list[str]) -> str:
    """The date a title ends with: "HMICFRS PEEL Action Plan – March 2023"."""
    for line in lines:
        if _TITLE.search(line) and (match := _TITLE_DATE.search(line)):
            return match["when"]
    return ""


def _edition_from_name(name: str) -> tuple[str, tuple[str, ...]]:
    """Return the latest month or day the file name carries ("plan-2022-03.docx": March 2022)
    with a warning, or '' where it names none (a year alone is too coarse an edition)."""
    dated = [d for d in named_dates(PurePath(name).stem) if d.precision != "year"]
    if not dated:
        return "", ()
    latest = max(dated, key=lambda d: d.when)
    when = latest.when
    raw = (
        when.isoformat()
        if latest.precision == "day"
        else f"{MONTHS[when.month - 1].title()} {when.year}"
    )
    return raw, (f"edition date not printed in the document: taken from the file name ({name})",)


def _edition_from_properties(props: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    for key in ("modified", "created"):
        if match := re.match(r"\d{4}-\d{2}-\d{2}", props.get(key, "")):
            return match.group(0), (
                f"edition date not printed in the document: taken from the file's"
                f" properties ({key} {match.group(0)})",
            )
    return "", ("edition date not found in the document or the file's properties",)
