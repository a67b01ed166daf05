"""The status vocabulary: status words, RAG colours and BRAG letters, read from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.model import STATUSES


@dataclass(frozen=True)
class Vocabulary:
    """Status words, RAG colours and single-letter colours, as read from statuses.toml."""

    words: tuple[tuple[str, str], ...]  # (word, status), longest word first
    rag: tuple[tuple[str, str], ...]  # (colour, status)
    rag_letters: tuple[tuple[str, str], ...]  # (letter, colour)
    keep_as_note: frozenset[str] = frozenset()
    lead_in: frozenset[str] = frozenset()  # words a status sentence opens with ("This action")

    def __post_init__(self) -> None:
        for table, pairs in (("[statuses]", self.words), ("[rag]", self.rag)):
            for word, status in pairs:
                if status not in STATUSES:
                    raise ValueError(
                        f"unknown status '{status}' for '{word}' in {table};"
                        f" use one of {', '.join(STATUSES)}"
                    )
        colours = dict(self.rag)
        for letter, colour in self.rag_letters:
            if colour not in colours:
                raise ValueError(f"[rag_letters]: '{letter}' names '{colour}', which [rag] lacks")


def _read_toml(text: str, name: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanwatchError(f"{name}: not valid TOML ({exc}); fix the file") from exc


def _merge(base: dict, table: dict) -> dict:
    """Return the base tables with one file's words added; its words win."""
    words = dict(base.get("words", {}))
    for status, listed in table.get("statuses", {}).items():
        for word in listed:
            words[str(word).lower()] = status
    rag = dict(base.get("rag", {}))
    for colour, status in table.get("rag", {}).items():
        rag[colour.lower()] = status
    letters = dict(base.get("rag_letters", {}))
    letters.update({k.lower(): str(v).lower() for k, v in table.get("rag_letters", {}).items()})
    keep = set(base.get("keep", ())) | {w.lower() for w in table.get("notes", {}).get("keep", ())}
    lead_in = set(base.get("lead_in", ()))
    lead_in |= {w.lower() for w in table.get("sentences", {}).get("lead_in", ())}
    return {"words": words, "rag": rag, "rag_letters": letters, "keep": keep, "lead_in": lead_in}


def load_vocabulary(extra: Path | None = None) -> Vocabulary:
    """Return the packaged status vocabulary, extended by a TOML file of the same shape.

    The file may be a user's profile (``--profile``): its tables other than
    [statuses], [notes], [rag], [rag_letters] and [sentences] are not read here.
    """
    packaged = resources.files(__package__).joinpath("statuses.toml").read_text("utf-8")
    tables = _merge({}, _read_toml(packaged, "statuses.toml"))
    if extra is not None:
        try:
            text = Path(extra).read_text("utf-8")
        except OSError as exc:
            raise PlanwatchError(f"{extra}: cannot read status vocabulary ({exc})") from exc
        tables = _merge(tables, _read_toml(text, str(extra)))
    try:
        return Vocabulary(
            words=tuple(sorted(tables["words"].items(), key=lambda item: -len(item[0]))),
            rag=tuple(tables["rag"].items()),
            rag_letters=tuple(tables["rag_letters"].items()),
            keep_as_note=frozenset(tables["keep"]),
            lead_in=frozenset(tables["lead_in"]),
        )
    except ValueError as exc:
        raise PlanwatchError(f"{extra or 'statuses.toml'}: {exc}") from exc


@lru_cache(maxsize=1)
def packaged_vocabulary() -> Vocabulary:
    """Return the packaged vocabulary, read once: it is package data and read-only."""
    return load_vocabulary()
