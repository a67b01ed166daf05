"""The comparison report: one self-contained HTML file (inline CSS and SVG) that can be emailed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path

from planwatch.model import STATUSES, Action, Change

from .redline import redline
from .summary import Summary, summarise, target_moves

TEXT_FIELDS = ("action", "progress", "latest_update")
DATE_FIELDS = ("due_end", "due_start", "signed_off_date")
LABELS = {
    "action": "Action",
    "action_ref": "Ref",
    "progress": "Progress",
    "latest_update": "Latest update",
    "status": "Status",
    "due_end": "Target date",
    "due_raw": "Target",
    "lead_codes": "Lead",
    "lead_raw": "Lead",
    "signed_off_date": "Signed off",
    "overdue": "Overdue",
    "action_id": "Id",
}
# The kind that colours a card with several changes: the first of these it has.
CARD_KINDS = (
    "added",
    "removed",
    "closed",
    "reopened",
    "became_overdue",
    "target_later",
    "target_earlier",
    "renumbered",
    "reworded",
)
# What a card shows of an action that came or went, entry by entry.
ENTRY_FIELDS = ("progress", "latest_update", "due_raw", "status", "lead_raw")
MAX_TILE_IDS = 8
Key = tuple[str, int]  # (action_id, entry_no)
Line = tuple[str, str, str, int | None, int | None]  # label, old HTML, new HTML, old/new page


def write_report(
    old: Sequence[Action], new: Sequence[Action], changes: Sequence[Change], path: Path
) -> None:
    """Write the comparison of two editions as one HTML file at ``path``."""
    from .atomic import atomic_write

    page = render_report(old, new, changes)
    with atomic_write(Path(path)) as fh:
        fh.write(page)


def render_report(old: Sequence[Action], new: Sequence[Action], changes: Sequence[Change]) -> str:
    """Return the comparison of two editions as a complete HTML document."""
    summary = summarise(old, new, changes)
    first = (new or old or [None])[0]
    title = first.plan_title if first else "Plan"
    dates = (_edition_label(old), _edition_label(new))
    css = resources.files(__package__).joinpath("report.css").read_text("utf-8")
    body = [
        '<p class="kicker">What changed between two editions</p>',
        f"<h1>{escape(title)}</h1>",
        f'<p class="organisation">{escape(first.organisation if first else "")}</p>',
        _editions(old, new),
        "<h2>Summary</h2>",
        _tiles(summary),
        _charts(old, new, changes, dates),
        "<h2>Changes by section</h2>",
        '<p class="legend">Words in the newer edition only are <ins>underlined</ins>; '
        "words in the older edition only are <del>struck through</del>. "
        "<em>p.&nbsp;N</em> is the page of the source PDF.</p>",
        _sections(old, new, changes, summary, dates),
        f"<footer>planwatch comparison of {escape(_files(old))} and {escape(_files(new))}."
        "</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}: {escape(dates[0])} to {escape(dates[1])}</title>\n"
        f"<style>\n{css}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


# --- top of the report ------------------------------------------------------------


def _editions(old: Sequence[Action], new: Sequence[Action]) -> str:
    rows = [
        ("Edition", _edition_label(old), _edition_label(new)),
        ("Plan", _first(old, "plan_title"), _first(new, "plan_title")),
        ("Organisation", _first(old, "organisation"), _first(new, "organisation")),
        ("Source", _files(old), _files(new)),
        ("Contents", _contents(old), _contents(new)),
    ]
    body = "".join(
        f"<tr><th>{name}</th><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for name, a, b in rows
    )
    return (
        '<table class="editions"><thead><tr><th></th><th>Older edition</th>'
        f"<th>Newer edition</th></tr></thead><tbody>{body}</tbody></table>"
    )


def _tiles(summary: Summary) -> str:
    tiles = [
        ("Closed", summary.closed, "closed"),
        ("Added", summary.added, "added"),
        ("Removed", summary.removed, "removed"),
        ("Target moved later", summary.moved_later, "later"),
        ("Target moved earlier", summary.moved_earlier, "earlier"),
        ("Newly overdue", summary.newly_overdue, "overdue"),
    ]
    html = ['<dl class="tiles">']
    for name, ids, kind in tiles:
        links = _linked(ids, removed=kind == "removed")
        html.append(
            f'<div class="tile {kind}"><dt>{name}</dt><dd>{len(ids)}'
            f'<span class="ids">{links}</span></dd></div>'
        )
    html.append("</dl>")
    if summary.reopened:
        reopened = _linked(summary.reopened, removed=False)
        html.append(f"<p>Reopened: {len(summary.reopened)} ({reopened})</p>")
    return "".join(html)


def _linked(ids: Sequence[str], removed: bool) -> str:
    """Return the first ids as links to their cards, and how many more there are."""
    links = ", ".join(
        f'<a href="#{card_anchor(i, removed)}">{escape(i)}</a>' for i in ids[:MAX_TILE_IDS]
    )
    more = len(ids) - MAX_TILE_IDS
    return links + (f" and {more} more" if more > 0 else "")


def _charts(
    old: Sequence[Action], new: Sequence[Action], changes: Sequence[Change], dates: tuple[str, str]
) -> str:
    from .charts import MAX_MOVES, moves_chart, status_chart

    before, after = Counter(a.status for a in old), Counter(a.status for a in new)
    statuses = [s for s in (*STATUSES, "") if before[s] or after[s]]
    if statuses:
        labels = [s.capitalize() if s else "Unknown" for s in statuses]
        chart = status_chart(
            labels, [before[s] for s in statuses], [after[s] for s in statuses], dates
        )
    else:
        chart = '<p class="empty">No actions.</p>'
    figures = [f"<figure><figcaption>Action entries by status</figcaption>{chart}</figure>"]

    moves = sorted(target_moves(changes), key=lambda m: -abs(m.days))[:MAX_MOVES]
    moves.sort(key=lambda m: -m.days)
    if moves:
        chart = moves_chart(
            [_entry_label(m.action_id, m.entry_no) for m in moves], [m.days for m in moves]
        )
    else:
        chart = '<p class="empty">No target date moved.</p>'
    caption = "Target dates moved"
    if len(target_moves(changes)) > len(moves):
        caption += f" (the {len(moves)} largest moves)"
    figures.append(f"<figure><figcaption>{caption}</figcaption>{chart}</figure>")
    return f'<div class="charts">{"".join(figures)}</div>'


# --- the changes, section by section ----------------------------------------------


def _sections(
    old: Sequence[Action],
    new: Sequence[Action],
    changes: Sequence[Change],
    summary: Summary,
    dates: tuple[str, str],
) -> str:
    old_rows, new_rows = _by_key(old), _by_key(new)
    # A removed action can share its id with a renumbered one ("2.14" now "2.13"): own cards.
    cards: dict[tuple[str, bool], list[Change]] = {}
    for change in changes:
        cards.setdefault((change.action_id, change.change == "removed"), []).append(change)
    if not cards:
        return '<p class="empty">Nothing changed between the two editions.</p>'

    new_order = {a.action_id: i for i, a in reversed(list(enumerate(new)))}
    old_order = {a.action_id: len(new) + i for i, a in reversed(list(enumerate(old)))}
    titles = {a.section_ref: a.section_title for a in [*old, *new]}
    sections: dict[str, list[str]] = {}
    for key in sorted(cards, key=lambda k: (old_order if k[1] else new_order).get(k[0], 0)):
        own = cards[key]
        sections.setdefault(own[0].section_ref, []).append(
            _card(key[0], own, old_rows, new_rows, dates)
        )
    return "".join(
        f'<section><h3><span class="ref">{escape(ref or "No section")}</span>'
        f"{escape(titles.get(ref, ''))}</h3>{''.join(html)}</section>"
        for ref, html in sections.items()
    )


def card_anchor(action_id: str, removed: bool) -> str:
    """Return the id attribute of an action's card (a removed action's card is its own)."""
    return ("gone-" if removed else "card-") + re.sub(r"[^A-Za-z0-9]+", "_", action_id)


def _card(
    action_id: str,
    changes: Sequence[Change],
    old_rows: dict[Key, Action],
    new_rows: dict[Key, Action],
    dates: tuple[str, str],
) -> str:
    kind = _card_kind(changes)
    # a renumbered action is found in the older edition under the id it had there
    old_id = changes[0].previous_action_id or action_id
    old_first, new_first = old_rows.get((old_id, 1)), new_rows.get((action_id, 1))
    if kind == "added":
        shown, rows = new_first, _entry_rows(_entries(new_rows, action_id), side="new")
    elif kind == "removed":
        shown, rows = old_first, _entry_rows(_entries(old_rows, action_id), side="old")
    else:
        shown, rows = new_first, [_change_row(c, old_rows, new_rows) for c in changes]
    text = shown.action if shown else changes[0].action
    table = _redline_table(rows, dates) if rows else ""
    name = f"{old_id} -> {action_id}" if old_id != action_id else action_id
    anchor = card_anchor(action_id, kind == "removed")
    return (
        f'<article class="action {kind}" id="{anchor}"><header>'
        f'<span class="id">{escape(name)}</span>{_badges(kind, changes)}</header>'
        f'<p class="action-text">{escape(text)}</p>{table}</article>'
    )


def _card_kind(changes: Sequence[Change]) -> str:
    """Return the kind that colours a card: the first of CARD_KINDS among its changes."""
    kinds = {c.kind or c.change for c in changes}
    return next((k for k in CARD_KINDS if k in kinds), "changed")


def _badges(kind: str, changes: Sequence[Change]) -> str:
    badges = [f'<span class="badge kind {kind}">{escape(kind.replace("_", " "))}</span>']
    if kind not in ("added", "removed"):
        # an added or removed action's note is its text, shown below the heading
        notes = dict.fromkeys(c.note for c in changes if c.field not in TEXT_FIELDS and c.note)
        badges += [f'<span class="badge">{escape(n)}</span>' for n in notes]
    paired = {c.matched_by for c in changes} & {"text", "position"}
    badges += [f'<span class="badge">paired by {escape(how)}</span>' for how in sorted(paired)]
    return "".join(badges)


def _change_row(change: Change, old_rows: dict[Key, Action], new_rows: dict[Key, Action]) -> Line:
    key = (change.action_id, change.entry_no or 1)
    old_key = (change.previous_action_id or change.action_id, change.entry_no or 1)
    before, after = (
        _display(change.field, change.old_value),
        _display(change.field, change.new_value),
    )
    old_html, new_html = redline(before, after)
    label = _entry_label(
        LABELS.get(change.field, change.field.replace("_", " ").capitalize()), change.entry_no
    )
    return _tr(label, old_html, new_html, old_rows.get(old_key), new_rows.get(key))


def _entry_rows(entries: Sequence[Action], side: str) -> list[Line]:
    rows = []
    for entry in entries:
        for field in ENTRY_FIELDS:
            value = _display(field, getattr(entry, field))
            if not value:
                continue
            label = _entry_label(LABELS[field], entry.entry_no)
            html = escape(value)
            if side == "new":
                rows.append(_tr(label, "", html, None, entry))
            else:
                rows.append(_tr(label, html, "", entry, None))
    return rows


def _tr(label: str, old_html: str, new_html: str, old: Action | None, new: Action | None) -> Line:
    return label, old_html, new_html, _page_of(old), _page_of(new)


def _redline_table(lines: Sequence[Line], dates: tuple[str, str]) -> str:
    """Return the old/new table; a page shared by every row of a side goes in its heading."""
    old_pages, new_pages = {ln[3] for ln in lines}, {ln[4] for ln in lines}
    old_page = old_pages.pop() if len(old_pages) == 1 else None
    new_page = new_pages.pop() if len(new_pages) == 1 else None
    none = '<span class="none">(none)</span>'
    rows = []
    for label, old_html, new_html, old_at, new_at in lines:
        old_at = None if old_page else old_at
        new_at = None if new_page else new_at
        rows.append(
            f"<tr><th>{escape(label)}</th><td>{_page(old_at)}{old_html or none}</td>"
            f"<td>{_page(new_at)}{new_html or none}</td></tr>"
        )
    return (
        '<table class="redline"><thead><tr><th></th>'
        f"<th>Older edition · {escape(dates[0])}{_page(old_page)}</th>"
        f"<th>Newer edition · {escape(dates[1])}{_page(new_page)}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


# --- small helpers ----------------------------------------------------------------


def _by_key(actions: Iterable[Action]) -> dict[Key, Action]:
    return {(a.action_id, a.entry_no): a for a in actions}


def _entries(rows: dict[Key, Action], action_id: str) -> list[Action]:
    return sorted((a for (aid, _), a in rows.items() if aid == action_id), key=lambda a: a.entry_no)


def _page_of(action: Action | None) -> int | None:
    return action.source_page if action else None


def _page(page: int | None) -> str:
    return f'<span class="page">p.&nbsp;{page}</span>' if page is not None else ""


def _display(field: str, value: object) -> str:
    if field in DATE_FIELDS and isinstance(value, str) and value:
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, date):
        return f"{value.day} {value:%b %Y}"
    if field == "overdue":
        return {"true": "Yes", "false": "No"}.get(str(value), str(value))
    if field == "status" and isinstance(value, str):
        return value.capitalize()
    return str(value)


def _entry_label(label: str, entry_no: int | None) -> str:
    return f"{label} (entry {entry_no})" if entry_no and entry_no > 1 else label


def _edition_label(actions: Sequence[Action]) -> str:
    day = actions[0].edition_date if actions else None
    if day is None:
        return _files(actions) or "unknown edition"
    return f"{day.day} {day:%B %Y}"


def _first(actions: Sequence[Action], field: str) -> str:
    return str(getattr(actions[0], field)) if actions else ""


def _files(actions: Iterable[Action]) -> str:
    return ", ".join(dict.fromkeys(a.source_file for a in actions))


def _contents(actions: Sequence[Action]) -> str:
    count = len({a.action_id for a in actions})
    return f"{count} action{'s' if count != 1 else ''}, {len(actions)} entries"
