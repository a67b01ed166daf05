"""Read a status cell, or a status cell's fill colour, into one canonical status."""

from __future__ import annotations

import colorsys
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from planwatch.markup import strip_markup
from planwatch.model import fill_rgb

from .dates import parse_due
from .edits import within_one_edit
from .fills import is_grey, is_neutral
from .settings import NormaliseSettings
from .vocabulary import Vocabulary

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Status:
    """A status as printed, its canonical value (None if not a status) and any note."""

    value: str | None  # complete, open, ongoing, deferred, cancelled
    raw: str
    note: str = ""
    warnings: tuple[str, ...] = ()


def _rest(text: str) -> str:
    """Return what follows a status word, without the separators or brackets around it."""
    rest = text.strip()
    if rest.startswith("(") and rest.endswith(")"):
        return rest[1:-1].strip()
    return rest.lstrip(" -–—:;,./").strip()


def _starts_with(low: str, word: str) -> bool:
    return low == word or (low.startswith(word) and not low[len(word)].isalnum())


def _with_note(word: str, rest: str) -> str:
    return f"{word}; {rest}" if word and rest else word or rest


def _read_words(tidy: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """Return (status, note) where the text is, or starts with, a status or colour word."""
    low = tidy.lower()
    rag = dict(vocabulary.rag)
    colour = dict(vocabulary.rag_letters).get(low, low)
    if colour in rag:
        return rag[colour], colour.title()
    for colour, status in vocabulary.rag:
        if _starts_with(low, colour):
            return status, _with_note(colour.title(), _rest(tidy[len(colour) :]))
    for word, status in vocabulary.words:
        if _starts_with(low, word):
            kept = tidy[: len(word)] if word in vocabulary.keep_as_note else ""
            return status, _with_note(kept, _rest(tidy[len(word) :]))
    return None


def _read_sentence(tidy: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """Return (status, note) of a sentence stating a status ("This action remains complete").

    The sentence's opening words must all be lead-in words; the first word that is not
    must start a status word, else the text is no status sentence.
    """
    words = tidy.split()
    start = 0
    while start < len(words) and words[start].lower().strip(",") in vocabulary.lead_in:
        start += 1
    if start == 0 or start == len(words):
        return None
    rest = " ".join(words[start:]).rstrip(".")
    found = _read_words(rest, vocabulary)
    if found is None or found[0] is None:
        return None
    return found


# "75% complete", "100%": how far through, the whole text kept as the note
_PERCENT = re.compile(r"(?P<n>\d{1,3})\s?%(?:\s(?:complete|completed|done|delivered))?", re.I)


def _read_percent(tidy: str) -> str | None:
    """Return complete at 100%, open at 0%, ongoing between; None for other text."""
    match = _PERCENT.fullmatch(tidy)
    if match is None or int(match["n"]) > 100:
        return None
    percent = int(match["n"])
    return "complete" if percent == 100 else "open" if percent == 0 else "ongoing"


def _read_typo(tidy: str, settings: NormaliseSettings) -> str | None:
    """Return the one status a misspelt status word is one edit away from, or None."""
    shortest = settings.status_typo_min_chars
    if len(tidy) < shortest:
        return None
    low = tidy.lower()
    near = {
        status
        for word, status in settings.vocabulary.words
        if len(word) >= shortest and within_one_edit(low, word)
    }
    return near.pop() if len(near) == 1 else None


@lru_cache(maxsize=4096)
def _parse_status(text: str, settings: NormaliseSettings) -> Status:
    vocabulary = settings.vocabulary
    tidy = " ".join(strip_markup(text).split()).strip(" .*_")
    if not tidy:
        return Status(None, text)
    if found := _read_percent(tidy):
        return Status(found, text, tidy)
    if found := _read_words(tidy, vocabulary) or _read_sentence(tidy, vocabulary):
        return Status(found[0], text, found[1])
    if typo := _read_typo(tidy, settings):
        return Status(typo, text, warnings=(f"status '{tidy}' read as {typo}",))
    if parse_due(tidy, settings=settings.dates).start is not None:
        # The target-date column doubles as the status column in some plans ("Mar 2021").
        return Status(None, text)
    return Status(None, text, warnings=(f"status not understood: '{tidy}'",))


def parse_status(text: str, settings: NormaliseSettings | None = None) -> Status:
    """Return the canonical status a cell's text means; value None if it is not a status."""
    return _parse_status(text, settings or NormaliseSettings())


def fill_colour(fill_hex: str | None, settings: NormaliseSettings | None = None) -> str | None:
    """Return the RAG colour name nearest a fill (red, amber, green, blue, grey), or None."""
    settings = settings or NormaliseSettings()
    rgb = fill_rgb(fill_hex)
    if rgb is None:
        return None
    if is_neutral(rgb, settings):
        return "grey" if is_grey(fill_hex, settings) else None
    if max(rgb) - min(rgb) < settings.min_fill_chroma:
        return None
    hue = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))[0] * 360
    return next((name for name, low, high in settings.fill_hues if low <= hue < high), None)


def status_from_fill(
    fill_hex: str | None,
    legend: Mapping[str, str] | None = None,
    settings: NormaliseSettings | None = None,
    by_legend_only: bool = False,
) -> Status | None:
    """Return the status a cell's fill colour stands for, or None for no or an unknown colour.

    `legend` is the document's own colour key: fill hex or colour name -> status text
    (e.g. {"green": "Completed"}); it overrides the RAG reading of the settings'
    vocabulary, which ``by_legend_only`` leaves out (a fill that only the key says is a
    status). The status's raw text is empty: the colour was not printed as words.
    """
    settings = settings or NormaliseSettings()
    rgb = fill_rgb(fill_hex)
    if rgb is None:
        return None
    hex_code = "{:02X}{:02X}{:02X}".format(*rgb)
    colour = fill_colour(hex_code, settings)
    keyed = {k.strip().lstrip("#").upper(): v for k, v in (legend or {}).items()}
    said = keyed.get(hex_code) or (keyed.get(colour.upper()) if colour else None)
    if said is not None:
        read = parse_status(said, settings)
        if read.value is None:
            return None
        note = _with_note(colour.title() if colour else hex_code, read.note)
        return Status(read.value, "", note, (f"status read from fill {hex_code} by the legend",))
    status = dict(settings.vocabulary.rag).get(colour or "")
    if status is None or by_legend_only:
        return None
    return Status(status, "", colour.title(), (f"status read from {colour} fill {hex_code}",))
