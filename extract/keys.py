"""Key (glossary) tables: lead codes and the roles they stand for."""

from __future__ import annotations

import re

from planwatch.model import Table

from .profile import Profile, normalise_label

# "AD", "GCN", "DCFO", "Ch Insp", "Supt", "HoP", "AM P", "ACO(R)", "ACO (F)", "H&S",
# "Ch. Supt Ops", "Hd of Comms": up to three short words, the first a capital
_CODE = re.compile(
    r"^[A-Z][A-Za-z&/.]{0,7}(?: (?:[A-Z][A-Za-z.&]{0,6}|of|&)){0,2}(?: ?\([A-Z][A-Za-z]{0,3}\))?$"
)


def read_key(table: Table, profile: Profile, announced: bool) -> dict[str, str]:
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
        pairs = pairs[1:]  # a "Code | Role" header row
    good = [(c, r) for c, r in pairs if _CODE.match(c) and len(r) > len(c) and r[:1].isalpha()]
    needed = 0.5 if announced else 0.8
    if len(good) < 2 or len(good) < needed * len(pairs):
        return {}
    return {code: role for code, role in good}


def is_key_heading(text: str, profile: Profile) -> bool:
    return normalise_label(text) in profile.key_headings
