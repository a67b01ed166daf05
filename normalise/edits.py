"""Whether two short words are one typing slip apart, for misspelt statuses and lead codes."""

from __future__ import annotations


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are the same or one edit apart: a letter changed, added or
    dropped, or two neighbouring letters swapped (optimal string alignment distance <= 1).

    Written out rather than imported: rapidfuzz's whole package took a tenth of a small
    ``planwatch load``, for a check that needs no more than this.
    """
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0  # past the common beginning, the slip is at the first letter
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[1:] == shorter
    swapped = len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:]
    return a[1:] == b[1:] or swapped
