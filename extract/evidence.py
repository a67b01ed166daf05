"""Content evidence: what a column's cells hold, so its role can be read from them.

A header the profile does not know ("Deliverables", "<Service> response") still names a
column whose cells are plainly prose, dates or status words; and a header that looks
right ("Action") over cells that are only numbers (a count per pillar) is no action
table. Each column's evidence is the share of its non-empty cells of each kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from statistics import mean

from planwatch.model import ColumnEvidence
from planwatch.normalise.dates import parse_due
from planwatch.normalise.settings import NormaliseSettings
from planwatch.normalise.statuses import parse_status

from .headers import _REF_CELL, CONTENT_ROLES, ColumnMap, ColumnReading, in_column_order
from .settings import ExtractSettings

_NUMBER = re.compile(r"^[\d\s.,%/()+-]+$")


def column_evidence(body: list[list[str]], col: int, settings: ExtractSettings) -> ColumnEvidence:
    """Return the shares of the column's non-empty cells that are prose, dates, statuses,
    refs and numbers; dates and status words read as normalisation will read them."""
    values = [" ".join(row[col].split()) for row in body if col < len(row) and row[col].strip()]
    if not values:
        return ColumnEvidence(col, 0)
    counts = map(sum, zip(*map(cell_kinds(settings), values), strict=True))
    return ColumnEvidence(col, len(values), *(count / len(values) for count in counts))


def cell_kinds(settings: ExtractSettings) -> Callable[[str], tuple[bool, ...]]:
    """Return the test of one cell's text, spaces closed up, for each kind of content
    (prose, date, status, ref, number), under ``settings``.

    The same cells are weighed many times over (under each header candidate, for each
    role, for a table carried on), so each text is tested once for each settings. The
    test is found by the three settings it reads: comparing whole ExtractSettings (a
    copy made for an edition date) would cost more than the test.
    """
    return _cell_kinds(settings.prose_words, settings.status_cell_words, settings.cells)


@lru_cache(maxsize=8)
def _cell_kinds(
    prose_words: int, status_words: int, cells: NormaliseSettings
) -> Callable[[str], tuple[bool, ...]]:
    @lru_cache(maxsize=8192)
    def kinds(value: str) -> tuple[bool, ...]:
        words = len(value.split())
        return (
            words >= prose_words,
            words <= cells.dates.max_date_words
            and parse_due(value, settings=cells.dates).start is not None,
            words <= status_words and parse_status(value, cells).value is not None,
            bool(_REF_CELL.match(value)),
            bool(_NUMBER.match(value)),
        )

    return kinds


def infer_by_content(
    cmap: ColumnMap, headers: list[str], body: list[list[str]], settings: ExtractSettings
) -> ColumnMap:
    """Return ``cmap`` with roles no header named given to columns whose content is clear.

    Only columns the header left unread are considered; each role goes to at most one
    column, the one with the highest share over its threshold. The columns read this way
    carry their share, so ``content_roles`` names them for the caller to warn about.
    """
    roles = dict(cmap.roles)
    taken = set(roles.values()) | {cmap.update_col}
    free = [c for c in range(len(headers)) if c not in taken]
    evidence = {c: column_evidence(body, c, settings) for c in free}
    explained = list(cmap.explained)
    for role, kind in CONTENT_ROLES:
        if role in roles:
            continue
        shares = {c: getattr(e, kind) for c, e in evidence.items() if e.cells >= 2}
        if not shares:
            continue
        col = max(shares, key=lambda c: (shares[c], -c))
        least = settings.content_shares[role]
        if shares[col] < least or (role == "ref" and evidence[col].prose > 0):
            continue
        roles[role] = col
        del evidence[col]
        explained.append(ColumnReading(col, headers[col], role, f"content: {kind}", shares[col]))
    return replace(cmap, roles=roles, explained=in_column_order(*explained))


def status_by_content(
    cmap: ColumnMap, headers: list[str], body: list[list[str]], settings: ExtractSettings
) -> ColumnMap:
    """Return ``cmap`` with a progress column read as the status column when no column is
    the status by its header and the progress column's cells are nearly all status words.

    Content evidence outweighs a header that usually names progress; the column is then
    named among ``content_roles`` so the caller warns of the reading.
    """
    col = cmap.roles.get("progress")
    if "status" in cmap.roles or col is None:
        return cmap
    evidence = column_evidence(body, col, settings)
    if evidence.cells < 2 or evidence.status < settings.status_over_header or evidence.prose > 0:
        return cmap
    roles = {r: c for r, c in cmap.roles.items() if r != "progress"} | {"status": col}
    reading = ColumnReading(col, headers[col], "status", "content: status", evidence.status)
    explained = [r for r in cmap.explained if r.col != col] + [reading]
    return replace(cmap, roles=roles, explained=in_column_order(*explained))


def ref_by_content(
    cmap: ColumnMap, headers: list[str], body: list[list[str]], settings: ExtractSettings
) -> ColumnMap:
    """Return ``cmap`` with the area column read as the ref column when no column is the ref
    by its header and the area column holds a ref of its own beside each action, most unlike
    the one above it ("AFI": "P1", "P2"): an area's name or reference stands over all its
    actions, repeated or merged.

    The column is then named among ``content_roles`` so the caller warns of the reading.
    """
    col, action = cmap.roles.get("area"), cmap.roles.get("action")
    if "ref" in cmap.roles or col is None or action is None:
        return cmap
    values, repeats = _beside_actions(body, col, action)
    evidence = column_evidence([[v] for v in values], 0, settings)
    own = len(values) >= 2 and all(values) and repeats * 2 < len(values) - 1
    if not own or evidence.ref < settings.content_shares["ref"] or evidence.prose > 0:
        return cmap
    roles = {r: c for r, c in cmap.roles.items() if r != "area"} | {"ref": col}
    reading = ColumnReading(col, headers[col], "ref", "content: ref", evidence.ref)
    explained = [r for r in cmap.explained if r.col != col] + [reading]
    return replace(cmap, roles=roles, explained=in_column_order(*explained))


def _beside_actions(body: list[list[str]], col: int, action: int) -> tuple[list[str], int]:
    """Return the column's cells beside each action, and how many equal the one above.

    A row with no action text (a section's label row, a totals row) opens the next run; one
    holding nothing but action text carries on the action above, and is passed over.
    """
    values: list[str] = []
    previous, repeats = None, 0
    for row in body:
        if max(col, action) >= len(row) or not row[action].strip():
            previous = None
            continue
        if not any(text.strip() for c, text in enumerate(row) if c != action):
            continue
        value = row[col].strip()
        repeats += bool(value) and value == previous
        values.append(value)
        previous = value
    return values, repeats


def holds_no_actions(cmap: ColumnMap, body: list[list[str]], settings: ExtractSettings) -> str:
    """Return why the named action column holds no actions (only numbers), else ""."""
    col = cmap.roles.get("action")
    if col is None:
        return ""
    evidence = column_evidence(body, col, settings)
    if evidence.cells and evidence.number >= settings.numbers_only:
        return (
            f"column {col + 1} (action by its header) holds numbers only"
            f" ({evidence.number:.0%} of {evidence.cells} cells): a summary, not actions"
        )
    return ""


def table_evidence(
    width: int, body: list[list[str]], settings: ExtractSettings
) -> tuple[ColumnEvidence, ...]:
    """Return each column's content evidence, in column order."""
    return tuple(column_evidence(body, col, settings) for col in range(width))


def column_values(width: int, body: list[list[str]]) -> tuple[frozenset[str], ...]:
    """Return each column's distinct non-empty cells, spaces collapsed, in column order."""
    return tuple(
        frozenset(v for row in body if col < len(row) and (v := " ".join(row[col].split())))
        for col in range(width)
    )


def continues_columns(
    cmap: ColumnMap,
    before: tuple[ColumnEvidence, ...],
    body: list[list[str]],
    settings: ExtractSettings,
    seen: tuple[frozenset[str], ...] = (),
) -> bool:
    """True where rows with no header of their own hold what the columns of an action table
    held (``cmap``, and ``before``: the evidence of its entry rows; ``seen``: their cells,
    ``column_values``): as many columns, text of ``min_action_chars`` on average in its
    action column, and each column whose kind was clear (prose, refs, dates, statuses)
    mostly of that kind again (one status may be a sentence), or whose cells all stood in
    it before ("TBC", a lead's code: short text of no clear kind); rows of one cell (a
    label, a note, an action's text carried on) say nothing of the other columns.

    A table broken by its author across a page, its header not repeated, reads so; a key,
    a legend or a sign-off sheet does not.
    """
    if not body or any(len(row) != len(before) for row in body):
        return False
    rows = [row for row in body if sum(bool(text.strip()) for text in row) > 1]
    action, votes = cmap.roles["action"], []
    values = column_values(len(seen), rows)
    for col, was in enumerate(before):
        if col == action:
            continue  # its text may carry on in a row of its own, and is measured whole below
        now = column_evidence(rows, col, settings)
        if now.cells and col < len(seen) and values[col] <= seen[col]:
            votes.append(True)
        elif (kinds := _clear_kinds(was, settings)) and now.cells:
            votes.append(bool(kinds & _clear_kinds(now, settings)))
    texts = [row[action].strip() for row in body if row[action].strip()]
    long_enough = bool(texts) and mean(map(len, texts)) >= settings.min_action_chars
    return long_enough and votes.count(True) > votes.count(False)


def _clear_kinds(evidence: ColumnEvidence, settings: ExtractSettings) -> set[str]:
    """Return the kinds most of a column's cells are (a date cell may read as a ref too)."""
    shares = settings.content_shares
    return {kind for role, kind in CONTENT_ROLES if getattr(evidence, kind) >= shares[role]}
