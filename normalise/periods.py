"""The period an update column is headed by, in one spelling: "Q3 2020-2021" -> "2020/21 Q3"."""

from __future__ import annotations

import re
from functools import lru_cache

_QUARTER_FIRST = re.compile(
    r"^(?:q|quarter\s*)(?P<q>[1-4])\s*(?:20)?(?P<y1>\d{2})\s*[-/]\s*(?:20)?(?P<y2>\d{2})\b", re.I
)
_YEAR_FIRST = re.compile(
    r"^(?:20)?(?P<y1>\d{2})\s*[-/]\s*(?:20)?(?P<y2>\d{2})\s*(?:q|quarter\s*)(?P<q>[1-4])\b", re.I
)


@lru_cache(maxsize=256)
def normalise_period(text: str) -> str:
    """Return "YYYY/YY Qn" for a financial-year quarter heading; other headings unchanged."""
    for pattern in (_QUARTER_FIRST, _YEAR_FIRST):
        match = pattern.match(text.strip())
        if match and (int(match["y2"]) - int(match["y1"])) % 100 == 1:
            return f"20{match['y1']}/{match['y2']} Q{match['q']}"
    return " ".join(text.split())
