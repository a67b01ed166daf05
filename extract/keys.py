"""Key (glossary) tables: lead codes and the roles they stand for."""

from __future__ import annotations

import re

from planwatch.model import Table

from .profile import Profile, normalise_label
from .settings import ExtractSettings

# "AD", "GCN", "DCFO", "Ch Insp", "Supt", "HoP", "AM P", "ACO(R)", "ACO (F)", "H&S",
# "Ch. Supt Ops", "Hd of Comms": up to three short words, the first a capital
_CODE = re.compile(
    r"^[A-Z][A-Za-z&/.]{0,7}(?: (?:[A-Z][A-Za-z.&]{0,6}|of|&)){0,2}(?: ?\([A-Z][A-Za-z]{0,3}\))?$"
)
# Inside a key the document has shown to be one (under a key heading, in a run of key lines,
# in a table whose other rows are codes), a code may hold whole words: "Ch Insp Training",
# "GM Protection"; still capitalised, no digits, a few words
_CODE_IN_KEY = re.compile(r"^[A-Z][A-Za-z&/.()]*(?: [A-Za-z&/.()]+){0,3}$")

# "HoP – Head of Prevention", "HoP: Head of Prevention", "HoP = Head of Prevention", a tab
_KEY_LINE = re.compile(r"^(?P<code>[^:=–—\t]{1,24}?)\s*(?:[:=–—\t]|\s-\s)\s*(?P<role>\S.*)$")


def read_key(table: Table, settings: ExtractSettings, announced: bool) -> dict[str, str]:
    """Return code -> role when ``table`` is a key of lead codes, else an empty dict.

    ``announced`` is true when the paragraph before the table says "Key:"; then a
    looser test is enough.
    """
    pairs: list[tuple[str, str]] = []
    rows = [[c.text for c in row.cells if not c.merged] for row in table.rows]
    for cells in rows:
        # code | role, sometimes two pairs side by side
        for i in range(0, len(cells) - 1, 2):
            code, role = cells[i].strip(), cells[i + 1].strip()
            if code or role:
                pairs.append((code, role))
    if not pairs or any(len(cells) > 4 for cells in rows):
        return {}
    if normalise_label(pairs[0][0]) in {"code", "abbreviation", "key", "acronym", "lead"}:
        pairs, announced = pairs[1:], True  # a "Code | Role" header row names the key
    elif len(pairs) > 2 and _column_titles(pairs[0]) and not _is_entry(*pairs[0], settings, False):
        pairs = pairs[1:]  # titles in its own words over the entries ("Initials | Post")
    good = [(c, r) for c, r in pairs if _is_entry(c, r, settings, in_key=False)]
    needed = settings.announced_key_share if announced else settings.key_share
    if len(good) < 2 or len(good) < needed * len(pairs):
        return {}
    # a key by its usual codes: its rows of longer codes are entries too
    return {code: role for code, role in pairs if _is_entry(code, role, settings, in_key=True)}


def _column_titles(pair: tuple[str, str]) -> bool:
    """Two short capitalised titles, a word or two each, no figures: a key's header row."""
    return all(
        text[:1].isupper() and len(text.split()) <= 2 and not any(c.isdigit() for c in text)
        for text in pair
    )


def _is_entry(code: str, role: str, settings: ExtractSettings, in_key: bool) -> bool:
    return is_code(code, settings, in_key) and len(role) > len(code) and role[:1].isalpha()


def is_code(text: str, settings: ExtractSettings, in_key: bool = False) -> bool:
    """True where ``text`` reads as a lead code; ``in_key`` where the document has shown the
    text to sit in a key, when a code may also hold whole words ("Ch Insp Training")."""
    if _CODE.match(text):
        return True
    return in_key and len(text) <= settings.max_code_chars and bool(_CODE_IN_KEY.match(text))


def read_key_line(
    text: str, settings: ExtractSettings, in_key: bool = False
) -> tuple[str, str] | None:
    """Return (code, role) where a paragraph is one entry of a key written as lines
    ("ACO (F) – Assistant Chief Officer (Finance)", "HoP: Head of Prevention"), else None;
    ``in_key`` where it follows a key heading or another key line.

    A label that names a column ("Status: Complete") is no code.
    """
    match = _KEY_LINE.match(text.strip())
    if match is None:
        return None
    code, role = match["code"].strip(), match["role"].strip()
    if not is_code(code, settings, in_key) or not _is_role(role, code, settings):
        return None
    label = normalise_label(code)
    if any(label in synonyms for synonyms in settings.profile.headers.values()):
        return None
    return code, role


def key_from_lines(
    lines: list[tuple[str, str]], announced: bool, settings: ExtractSettings
) -> dict[str, str]:
    """Return the key a run of key lines gives: under a key heading any run, else at least
    two lines whose codes are mostly abbreviations (two capitals or more: "HoP", "DCI CRU")."""
    abbreviations = sum(len(re.findall(r"[A-Z]", code)) >= 2 for code, _ in lines)
    share = settings.key_line_abbreviations
    if announced or (len(lines) >= 2 and abbreviations >= share * len(lines)):
        return dict(lines)
    return {}


def _is_role(role: str, code: str, settings: ExtractSettings) -> bool:
    """A role is a short name, longer than its code, not a sentence."""
    words = role.split()
    return (
        role[:1].isupper()
        and len(role) > len(code)
        and len(role) <= settings.max_role_chars
        and len(words) <= settings.max_role_words
        and not role.endswith(".")
    )


def is_key_heading(text: str, profile: Profile) -> bool:
    return normalise_label(text) in profile.key_headings
