"""What extraction made of a document, table by table, for ``extract --explain``."""

from __future__ import annotations

from collections import Counter

from planwatch.model import (
    ACTION_LIKE_SKIPPED,
    DUPLICATE_REF,
    READING_NOTE,
    UNACCOUNTED,
    UNKNOWN_STATUS,
    CellTally,
    Extraction,
    Finding,
    RawAction,
    TableVerdict,
)
from planwatch.normalise.actions import Normalised

# Cell texts quoted in a warning line are cut to this many characters
_QUOTE_CHARS = 60


def render_explanation(name: str, extraction: Extraction, read: Normalised) -> str:
    """Return a readable account of how each table was read and where each warning came from."""
    actions, findings = read.actions, read.findings
    plan = extraction.plan
    edition = actions[0].edition_date if actions else None
    lines = [
        f"{name}",
        f"  organisation: {plan.organisation or '(not found)'}",
        f"  title:        {plan.title or '(not found)'}",
        f"  edition:      {plan.edition_raw or '(not found)'}"
        + (f" -> {edition}" if edition else ""),
        f"  tables: {len(extraction.tables)}",
    ]
    for verdict in extraction.tables:
        lines += _table_lines(verdict)
    if extraction.keys:
        key = ", ".join(f"{code} = {role}" for code, role in extraction.keys.items())
        lines.append(f"  key: {key}")
    if extraction.legend:
        lines.append(f"  legend: {_legend_text(extraction.legend)}")
    statuses = Counter(a.status for a in actions)
    lines.append(
        f"  actions: {len(actions)} entries; "
        + ", ".join(f"{n} {s}" for s, n in statuses.most_common())
    )
    lines += [f"  warning (document): {warning}" for warning in extraction.warnings]
    lines += [f"  finding: {describe_finding(f)}" for f in findings if f.kind != READING_NOTE]
    lines += _warning_lines(extraction, read)
    return "\n".join(lines)


def _legend_text(legend: dict[str, str]) -> str:
    """Return "blue/0070C0 = Complete, ...": the colour names and fills of each meaning."""
    colours: dict[str, list[str]] = {}
    for colour, meaning in legend.items():
        colours.setdefault(meaning, []).append(colour)
    return ", ".join(f"{'/'.join(names)} = {meaning}" for meaning, names in colours.items())


def _table_lines(verdict: TableVerdict) -> list[str]:
    page = f" (page {verdict.page})" if verdict.page else ""
    noun = {"key": "codes", "legend": "colours"}.get(verdict.kind, "entries")
    count = f", {verdict.rows} {noun}" if verdict.rows else ""
    head = f"  table {verdict.index}{page}: {verdict.kind}{count}: {verdict.reason}"
    contents = (f"      column {e.col + 1} content: {e.text()}" for e in verdict.content)
    return [
        head,
        *(f"      {column}" for column in verdict.columns),
        *contents,
        _tally_line(verdict.tally),
    ]


def _tally_line(tally: CellTally) -> str:
    """Return "cells: 40 actions, 6 header, 2 context, 0 unaccounted"."""
    counts = [
        f"{getattr(tally, place)} {place}"
        for place in ("actions", "header", "key", "legend", "context", "skipped")
        if getattr(tally, place)
    ]
    return f"      cells: {', '.join([*counts, f'{tally.unaccounted} unaccounted'])}"


def render_tables(name: str, extraction: Extraction) -> str:
    """Return the per-table verdicts of a document where no action table was found."""
    lines = [name, f"  tables: {len(extraction.tables)}"]
    for verdict in extraction.tables:
        lines += _table_lines(verdict)
    lines += [f"  finding: {describe_finding(f)}" for f in extraction.findings]
    lines.append("  no action table found")
    return "\n".join(lines)


def describe_finding(finding: Finding) -> str:
    """Return one line a user reads for a finding, naming where it is."""
    where = _where(finding)
    text = _quote(finding.text)
    if finding.kind == UNACCOUNTED:
        return f"{where}: text read into nothing {text}"
    if finding.kind == ACTION_LIKE_SKIPPED:
        return f"{where}: skipped table looks like actions ({finding.text}): {finding.reason}"
    if finding.kind == DUPLICATE_REF:
        table, row = finding.first_row or (0, 0)
        first = f"table {table} row {row}" if table else "an earlier row"
        return f"{where}: ref {text} printed again (first at {first}); read as {finding.reason}"
    if finding.kind == UNKNOWN_STATUS:
        return f"{where}: status {text} not understood; kept as printed ({finding.reason})"
    return finding.text


def locate_finding(finding: Finding) -> str:
    """Return "table 1 row 2 column 4 'GM Prot'": where a finding's text is."""
    return f"{_where(finding)} {_quote(finding.text)}"


def _where(finding: Finding) -> str:
    parts = [
        f"{label} {value}"
        for label, value in (
            ("table", finding.table),
            ("row", finding.row),
            ("column", finding.column),
            ("page", finding.page),
        )
        if value
    ]
    return " ".join(parts) or "document"


def _quote(text: str) -> str:
    return repr(text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…")


def _warning_lines(extraction: Extraction, read: Normalised) -> list[str]:
    """One line per warning: the entry, its page, and the cell the warning is about (from the
    readings normalisation made, not read again)."""
    lines = []
    entries = zip(extraction.actions, read.actions, read.readings, strict=True)
    for raw, action, cells in entries:
        page = f", page {action.source_page}" if action.source_page else ""
        for field, warning in dict.fromkeys(cells.warnings_by_field()):
            where = f"{field} cell {_cell_text(raw, field)}"
            lines.append(
                f"  warning {action.action_id} entry {action.entry_no}{page}, {where}: {warning}"
            )
    return lines


def _cell_text(raw: RawAction, field: str) -> str:
    """Return the quoted text of the cell a field was read from ("(fill 00B050)" if empty)."""
    if field == "status" and not raw.status_raw and raw.status_fill:
        return f"(fill {raw.status_fill})"
    text = {
        "due": raw.due_raw,
        "status": raw.status_raw or raw.due_raw,  # a date cell may hold the status
        "lead": raw.lead_raw,
        "signoff": raw.signoff_raw,
    }[field]
    quoted = text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"
    return repr(quoted)
