"""Cell values as the text formats print them, and the guard against spreadsheet formulas."""

from __future__ import annotations

from datetime import date

LIST_SEPARATOR = ";"
# OWASP "CSV injection": a spreadsheet runs a cell starting with these as a formula;
# some (Excel in East Asian locales, LibreOffice on paste) also fold the full-width
# forms U+FF1D, U+FF0B, U+FF0D, U+FF20 into them.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
QUOTE = "'"


def looks_like_formula(text: str) -> bool:
    """True where a spreadsheet would run ``text`` as a formula if typed into a cell."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """Return ``text`` with one ``'`` put in front if it starts like a formula or with ``'``.

    Quoting a leading ``'`` too makes the rule reversible: remove one leading
    ``'`` from any cell that has one and the original text comes back.
    """
    if text.startswith((*FORMULA_TRIGGERS, QUOTE)):
        return QUOTE + text
    return text


def restore(text: str) -> str:
    """Return the original text of a neutralised cell (one leading ``'`` removed)."""
    return text[1:] if text.startswith(QUOTE) else text


def format_cell(value: object) -> str:
    """Return a record value as CSV text: ISO dates, true/false, ;-joined lists, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(value)
    return str(value)
