"""Month names as plans, titles and file names print them: one list, the patterns built from it."""

from __future__ import annotations

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# "jan" -> 1: every pattern below names a month by its first three letters
MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
# "January", "Jan", "Sept", "June": a month written out or cut short at a usual place
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a month written out in full ("17 November 2021"), as a title carrying its edition ends
FULL_MONTH_NAME = "(?:" + "|".join(MONTHS) + ")"
# any word opening with a month's three letters ("Mar", "March", "Mar-22"): file names, links
MONTH_WORD = "(?:" + "|".join(MONTH_NUMBERS) + ")[a-z]*"


def month_number(name: str) -> int:
    """Return 1-12 for a month name or its abbreviation ("Sept", "march")."""
    return MONTH_NUMBERS[name[:3].lower()]
