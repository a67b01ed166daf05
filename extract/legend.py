"""The document's RAG legend: what each status colour means, from paragraphs or a table."""

from __future__ import annotations

import re
from functools import cache

from planwatch.model import Cell, Table

from .settings import ExtractSettings

# "Green – on track", "Blue = Complete", "Amber: at risk", "Blue shading – complete": one
# word may say what takes the colour
_DASH = r"(?:\s+[a-z]+)?\s*[-–—:=]\s*"
# "RAG status: Blue – complete; ...": a short lead-in before the pairs
_LEAD_IN = re.compile(r"^[^:]{1,40}:\s*")
_SEPARATORS = re.compile(r"[\s;,.|]*")
# "Greyed out", "shaded grey", "in gray": a sentence saying what the plan's grey rows mean
_GREY = re.compile(r"\bgr[ae]y(?:ed)?\b", re.IGNORECASE)


def read_legend_text(text: str, settings: ExtractSettings) -> dict[str, str]:
    """Return colour -> meaning where the whole text is a legend ("Green – on track"), else {}."""
    pair = _pair_pattern(settings.profile.legend_colours)
    if pair is None:
        return {}
    longest = settings.max_meaning_chars
    found = _read_pairs(text.strip(), pair, longest)
    if found is None and (lead := _LEAD_IN.match(text.strip())):
        found = _read_pairs(text.strip()[lead.end() :], pair, longest)
    return found or {}


def read_shading_text(text: str, settings: ExtractSettings) -> dict[str, str]:
    """Return {"grey": sentence} where a short paragraph says what grey shading means
    ("Greyed out sections of the plan note actions completed"), else {}; normalisation
    reads the status the sentence states."""
    tidy = " ".join(text.split())
    if len(tidy) > settings.max_shading_chars or not _GREY.search(tidy):
        return {}
    return {"grey": tidy}


def read_legend_table(table: Table, settings: ExtractSettings) -> dict[str, str]:
    """Return colour name or fill -> meaning where the table is a RAG legend, else {}.

    A legend row is a colour cell (named, or only filled) and its meaning, or one cell
    that reads "Green – on track"; one other row (a "Colour | Meaning" header) is allowed.
    """
    legend: dict[str, str] = {}
    rows = [[c for c in row.cells if not c.merged] for row in table.rows]
    entries = 0
    for cells in rows:
        found = _read_row(cells, settings)
        entries += bool(found)
        legend.update(found)
    if entries < 2 or entries < len(rows) - 1:
        return {}
    return legend


def _read_row(cells: list[Cell], settings: ExtractSettings) -> dict[str, str]:
    if len(cells) == 1:
        found = read_legend_text(cells[0].text, settings)
        if found and cells[0].fill:
            found[cells[0].fill] = next(iter(found.values()))
        return found
    if len(cells) != 2 or not cells[1].text or len(cells[1].text) > settings.max_meaning_chars:
        return {}
    swatch, meaning = cells
    colour = swatch.text.strip().lower()
    found: dict[str, str] = {}
    if colour in settings.profile.legend_colours:
        found[colour] = meaning.text
    if swatch.fill and (found or not swatch.text):
        found[swatch.fill] = meaning.text
    return found


@cache
def _pair_pattern(colours: tuple[str, ...]) -> re.Pattern[str] | None:
    if not colours:
        return None
    names = "|".join(re.escape(c) for c in colours)
    return re.compile(
        rf"(?P<colour>{names}){_DASH}(?P<meaning>[^;|]+?)"
        rf"(?=[\s;,.|]*(?:(?:{names}){_DASH})|[\s;.]*$)",
        re.IGNORECASE,
    )


def _read_pairs(text: str, pair: re.Pattern[str], longest: int) -> dict[str, str] | None:
    """Return the pairs when they make up the whole text, each meaning at most ``longest``
    long, else None."""
    found: dict[str, str] = {}
    position = 0
    while position < len(text):
        match = pair.match(text, position)
        if match is None or len(match["meaning"]) > longest:
            return None
        found[match["colour"].lower()] = match["meaning"].strip()
        position = _SEPARATORS.match(text, match.end()).end()
    return found or None
