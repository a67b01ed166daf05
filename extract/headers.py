"""Match a table's header row to column roles by the profile's synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from statistics import mean

from planwatch.model import Row
from planwatch.normalise.dates import parse_due
from planwatch.normalise.periods import normalise_period

from .profile import ROLES, normalise_label
from .settings import ExtractSettings

_STRONG, _WEAK = 3.0, 2.0
EXACT_SCORE = _WEAK + 0.5  # a score above this is a title equal to a synonym
# "1.1", "a.", "(b)", "R1.2", "AFI 3", "2.10": what a ref column's cells look like
_REF_CELL = re.compile(
    r"^\(?(?:[A-Za-z]{1,4}\s?)?\d+(?:\.\d+)*[.)]?$|^\(?[a-z]{1,2}[.)]$|^[ivx]+[.)]$"
)

# "... update", "... progress", "... position": the words after an update column's period
_PERIOD_SUFFIX = re.compile(r"\s+(?:update|progress|position)\s*$", re.IGNORECASE)

# The roles a column's content alone may give, in the order they are tried (and warned of)
CONTENT_ROLES = (("ref", "ref"), ("due", "date"), ("status", "status"), ("action", "prose"))


@dataclass(frozen=True)
class ColumnReading:
    """Why one column was given its role: by its header, by being unheaded, or by content."""

    col: int  # column index, from 0
    header: str | None  # the column's title; None where it has none
    role: str  # a role, "latest_update", or "not read"
    basis: str  # "exact", "contains", "period", "content: date", ...
    score: float | None = None  # the content share the role was read by

    def text(self) -> str:
        """Return "column 3 'Lead' -> lead (exact)" or "... -> due (content: date 0.90)"."""
        header = "(no header)" if self.header is None else repr(self.header)
        score = "" if self.score is None else f" {self.score:.2f}"
        return f"column {self.col + 1} {header} -> {self.role} ({self.basis}{score})"


def in_column_order(*readings: ColumnReading) -> tuple[ColumnReading, ...]:
    """Return the readings sorted by column, as --explain lists them."""
    return tuple(sorted(readings, key=lambda reading: reading.col))


@dataclass(frozen=True)
class ColumnMap:
    roles: dict[str, int]  # role -> column index
    update_col: int | None = None  # the column headed by a period ("Q3 2020-2021")
    update_period: str = ""
    explained: tuple[ColumnReading, ...] = ()  # in column order
    labels: tuple[str, ...] = ()  # the column titles matched, one per column
    header_rows: int = 1  # 2 where sub-titles sit under a spanning title

    @property
    def score(self) -> int:
        return len(self.roles) + (self.update_col is not None)

    @property
    def content_roles(self) -> tuple[str, ...]:
        """Return "column 2 'Deliverables' read as action by its content", one per such column."""
        order = [role for role, _ in CONTENT_ROLES]
        by_content = sorted(
            (r for r in self.explained if r.score is not None), key=lambda r: order.index(r.role)
        )
        return tuple(
            f"column {r.col + 1} {r.header!r} read as {r.role} by its content" for r in by_content
        )


def match_header(headers: list[str], settings: ExtractSettings) -> ColumnMap:
    """Return the best assignment of roles to the columns named by ``headers``.

    Best means: an action column if any assignment has one, then the highest total score;
    so "Recommendation" beside "Action" is the area column, and alone it is the action.
    """
    options: list[tuple[tuple[float, str], ...]] = []
    update_col = _latest_period(headers, settings)
    profile, longest = settings.profile, settings.max_header_words
    update_period = headers[update_col] if update_col is not None else ""
    for col, text in enumerate(headers):
        label = normalise_label(text)
        found: list[tuple[float, str]] = []
        if col != update_col and label and len(label.split()) <= longest:
            found = [(s, r) for r in ROLES if (s := label_score(label, profile.headers.get(r, ())))]
        options.append(tuple(found))
    roles: dict[str, int] = {}
    explained: list[ColumnReading] = []
    for col, pick in enumerate(_assign(options)):
        if pick is not None:
            score, role = pick
            roles[role] = col
            kind = "exact" if score > EXACT_SCORE else "contains"
            explained.append(ColumnReading(col, headers[col], role, kind))
    if update_col is not None:
        explained.append(ColumnReading(update_col, update_period, "latest_update", "period"))
    return ColumnMap(
        roles, update_col, update_period, in_column_order(*explained), labels=tuple(headers)
    )


def _latest_period(headers: list[str], settings: ExtractSettings) -> int | None:
    """Return the column headed by the latest period ("Q2 2023/24 update" beside "Q3 2023/24
    update": Q3), the first where none can be dated; None where no header names a period.

    The earlier periods' columns are read by their other words (an "update" is progress).
    """
    periods = [
        col
        for col, text in enumerate(headers)
        if (label := normalise_label(text))
        and len(label.split()) <= settings.max_header_words
        and settings.profile.update_period.match(label)
    ]
    starts = {col: _period_start(headers[col]) for col in periods}
    dated = [col for col in periods if starts[col] is not None]
    if not dated:
        return periods[0] if periods else None
    return max(dated, key=lambda col: (starts[col], -col))


def _period_start(header: str) -> date | None:
    """Return the day a period heading starts; only the order of a table's periods is used,
    which the financial year's first month does not change."""
    period = _PERIOD_SUFFIX.sub("", normalise_period(header))
    return parse_due(period).start


_Pick = tuple[float, str] | None


def _assign(options: list[tuple[tuple[float, str], ...]]) -> tuple[_Pick, ...]:
    """Return one (score, role) or None per column: the roles each used once, best overall."""

    @cache
    def best_from(
        col: int, used: frozenset[str]
    ) -> tuple[tuple[bool, int, float], tuple[_Pick, ...]]:
        # ((has an action column, exact matches, total score), picks from ``col`` on): a title
        # that is a synonym ("Progress to date") keeps its role over one it only contains
        # ("date"), though that would give another column a role
        if col == len(options):
            return (False, 0, 0.0), ()
        value, rest = best_from(col + 1, used)
        best = value, (None, *rest)
        for score, role in options[col]:
            if role not in used:
                (has_action, exact, total), rest = best_from(col + 1, used | {role})
                exact += score > EXACT_SCORE
                value = (has_action or role == "action", exact, total + score)
                if value > best[0]:
                    best = value, ((score, role), *rest)
        return best

    return best_from(0, frozenset())[1]


def infer_unlabelled(
    cmap: ColumnMap, headers: list[str], body: list[list[str]], settings: ExtractSettings
) -> ColumnMap:
    """Return ``cmap`` with the action and ref columns found by content where no header names them.

    The cause-for-concern plan heads its ref and action columns with nothing at all.
    """
    roles = dict(cmap.roles)
    explained = list(cmap.explained)
    taken = set(roles.values()) | {cmap.update_col}
    free = [c for c in range(len(headers)) if c not in taken and not normalise_label(headers[c])]
    if "ref" not in roles and (col := _unheaded_refs(body, free, settings.ref_share)) is not None:
        roles["ref"] = col
        free.remove(col)
        explained.append(ColumnReading(col, None, "ref", "cells look like refs"))
    least = settings.min_action_chars
    if "action" not in roles and (col := _longest_text(body, free, least)) is not None:
        roles["action"] = col
        explained.append(ColumnReading(col, None, "action", "longest text"))
    return replace(cmap, roles=roles, explained=in_column_order(*explained))


def _unheaded_refs(body: list[list[str]], free: list[int], least: float) -> int | None:
    """Return the first of the ``free`` columns whose filled cells look like refs, at least
    the share ``least`` of them."""
    for col in free:
        values = [row[col] for row in body if col < len(row) and row[col]]
        if values and sum(bool(_REF_CELL.match(v)) for v in values) >= least * len(values):
            return col
    return None


def _longest_text(body: list[list[str]], free: list[int], min_chars: int) -> int | None:
    """Return the ``free`` column of the longest cells on average, if at least ``min_chars``."""
    if not free:
        return None
    lengths = {c: mean(len(row[c]) if c < len(row) else 0 for row in body) for c in free}
    col = max(lengths, key=lengths.get)
    return col if lengths[col] >= min_chars else None


def label_score(label: str, synonyms: tuple[str, ...]) -> float:
    """Exact synonym beats a synonym contained as whole words; earlier synonyms win ties."""
    best = 0.0
    for rank, synonym in enumerate(synonyms):
        if label == synonym:
            return _STRONG - rank / 1000
        # the plain substring test first: the regex costs 50 times more on long body cells
        if synonym in label and re.search(rf"(?<!\w){re.escape(synonym)}(?!\w)", label):
            best = max(best, _WEAK + len(synonym) / 1000 - rank / 100000)
    return best


def stacked_labels(top: Row, below: Row, settings: ExtractSettings) -> list[str] | None:
    """Return the column titles of a two-row header, None where ``below`` holds no sub-titles.

    "Target date" spanning "Original | Revised" gives "Target date Original" and
    "Target date Revised"; the other columns keep the top row's titles.
    """
    owners = [_span_owner(top, col) for col in range(len(top.cells))]
    subs = [col for col, cell in enumerate(below.cells) if cell.text]
    titles = [cell for cell in top.cells if cell.text]
    # a line spanning the table ("Plan owner: ACC Crime") over the header is no title row
    if len(subs) < 2 or len(titles) < 2 or len(below.cells) != len(top.cells):
        return None
    for col in subs:
        owner = owners[col]
        if owner is None or top.cells[owner].col_span < 2:
            return None
        if len(below.cells[col].text.split()) > settings.max_sub_title_words:
            return None
    return [
        " ".join(filter(None, (top.cells[owner].text if owner is not None else "", cell.text)))
        if cell.text
        else top.cells[col].text
        for col, (owner, cell) in enumerate(zip(owners, below.cells, strict=True))
    ]


def _span_owner(row: Row, col: int) -> int | None:
    """Return the column of the cell whose horizontal span covers ``col``, None if none does."""
    for left in range(col, -1, -1):
        cell = row.cells[left]
        if not cell.merged:
            return left if left + cell.col_span > col else None
    return None
