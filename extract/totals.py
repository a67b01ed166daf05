"""Rows of counts under the actions: totals, not entries."""

from __future__ import annotations

import re
from collections.abc import Collection

from planwatch.model import Row

from .settings import ExtractSettings

# "Total actions: 3", "Complete = 1": a count under a label; "12", "40%": a bare count
_LABELLED_COUNT = re.compile(r"^[^\W\d_][^\d:=]{0,40}[:=]\s*\d+(?:[.,]\d+)?%?$")
_BARE_COUNT = re.compile(r"^\d+(?:[.,]\d+)?%?$")


def is_totals(
    row: Row, action: int | None, settings: ExtractSettings, texts: Collection[int | None] = ()
) -> bool:
    """True for a row of counts under the actions ("Total actions: 3" ... "Complete: 1",
    "Total | | 12 | 4"): two counts or more, labelled, and at most one other cell, its
    first, a short label outside the text columns (``action``, and ``texts``: progress and
    update) with no digits; its action cell, where filled, is a labelled count rather than prose."""
    filled = [(col, c.text.strip()) for col, c in enumerate(row.cells) if c.text.strip()]
    counts = [(col, t) for col, t in filled if _LABELLED_COUNT.match(t) or _BARE_COUNT.match(t)]
    labels = [(col, t) for col, t in filled if (col, t) not in counts]
    if len(counts) < 2 or len(labels) > 1:
        return False
    if labels:
        col, text = labels[0]
        return (
            (col, text) == filled[0]
            and col not in {action, *texts}
            and len(text.split()) <= settings.max_total_label_words
            and not re.search(r"\d", text)
        )
    if any(col == action and not _LABELLED_COUNT.match(t) for col, t in counts):
        return False
    return any(_LABELLED_COUNT.match(t) for _, t in counts)
