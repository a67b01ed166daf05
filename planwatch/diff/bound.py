"""Which pairs of texts can score at least a given ``fuzz.ratio``, found for many at once.

``fuzz.ratio`` scores ``200 * LCS / (len(a) + len(b))``, LCS being the longest common
subsequence. A common subsequence holds no more of a letter than either text does, so
``200 * sum(min(count_a[c], count_b[c])) / (len(a) + len(b))`` is never below the score:
a pair this bound puts under the threshold cannot reach it and need not be scored.

The sum of minima is a dot product once each text's letter counts are written in unary
(one 0/1 column for "at least 1 a", one for "at least 2 a", ...), so the bound of every
pair is one matrix product: the unmatched actions of a large edition are not each scored
against all the others (a thousand by a thousand took a third of a second, the product
a hundredth), and the pairs that pass are scored exactly as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

_SLACK = 1e-6  # float rounding must not drop a pair the exact score would keep
_ROWS_PER_BLOCK = 512  # queries per product: bounds the block of scores held at once


def candidates(queries: Sequence[str], choices: Sequence[str], minimum: float) -> list[list[int]]:
    """Return, for each query, the indexes (ascending) of the choices whose ``fuzz.ratio``
    with it may be ``minimum`` or more; every pair that scores so is among them."""
    import numpy as np

    query_counts, choice_counts = [Counter(t) for t in queries], [Counter(t) for t in choices]
    layout = _layout(choice_counts)
    choice_units = _unary(choice_counts, layout)
    choice_lengths = np.array([len(c) for c in choices], dtype=np.float64)
    found: list[list[int]] = []
    for start in range(0, len(queries), _ROWS_PER_BLOCK):
        block = slice(start, start + _ROWS_PER_BLOCK)
        common = _unary(query_counts[block], layout) @ choice_units.T  # sums of minima
        lengths = np.array([len(q) for q in queries[block]], dtype=np.float64)
        total = lengths[:, None] + choice_lengths[None, :]
        # two empty texts score 100: a total of 0 always passes
        passing = (200.0 * common >= (minimum - _SLACK) * total) | (total == 0)
        rows, columns = np.nonzero(passing)  # row by row, columns ascending
        ends = np.searchsorted(rows, np.arange(1, len(lengths) + 1))
        found.extend(part.tolist() for part in np.split(columns, ends[:-1]))
    return found


def _layout(counts: Sequence[Counter]) -> dict[str, tuple[int, int]]:
    """Return each letter's first unary column and how many it has (the most any text
    holds of it)."""
    most: dict[str, int] = {}
    for count in counts:
        for letter, n in count.items():
            if n > most.get(letter, 0):
                most[letter] = n
    layout, column = {}, 0
    for letter, n in sorted(most.items()):
        layout[letter] = (column, n)
        column += n
    return layout


def _unary(counts: Sequence[Counter], layout: dict[str, tuple[int, int]]):
    """Return a 0/1 float32 matrix: row i has a 1 in letter c's k-th column when text i
    holds at least k of c. Letters or counts beyond ``layout`` (the choices') are left
    out: they add nothing to a minimum with a choice that has fewer."""
    import numpy as np

    width = sum(n for _, n in layout.values())
    units = np.zeros((len(counts), width), dtype=np.float32)
    for row, count in enumerate(counts):
        for letter, n in count.items():
            first, most = layout.get(letter, (0, 0))
            units[row, first : first + min(n, most)] = 1.0
    return units
